"""The compliance report: every committee's figures and findings for a year, sortable and filterable,
with charts, CSV and JSON; and one committee's findings with the meetings behind them.

Reports block (the archive view loads in seconds on a full archive, a year computes in about one):
the handlers run in worker threads and `PortalState.report` caches each report per archive version.
"""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get
from litestar.params import FromPath
from litestar.response import Template

from minutes.vocabulary import Category
from portal import i18n, reports
from portal.params import ReportCategory, ReportOrder, ReportSortParam, ReportYear, query_string
from portal.rendering import page
from portal.routes.common import Language, Portal, errors
from portal.routes.downloads import content_disposition

BOM = "\ufeff"  # so Excel reads the CSV as UTF-8 (Korean names)


@get("/compliance", name="compliance", include_in_schema=False, sync_to_thread=True)
def compliance_page(request: Request, portal: Portal, language: Language, year: ReportYear = None,
                    category: ReportCategory = None, sort: ReportSortParam = "rank",
                    order: ReportOrder = None) -> Template:  # fmt: skip
    view = reports.compliance(portal, year=year, category=category, sort=sort, order=order, lang=language,
                              names=request.query_params)  # fmt: skip
    title = i18n.t(language, "report.title", year=view.year)
    return page(request, "compliance.html", lang=language, title=title,
                json_url="/api/v1/compliance" + query_string(view.download_params()), view=view,
                columns=reports.COLUMNS, finding_counts=reports.finding_counts, categories=list(Category))  # fmt: skip


@get("/compliance.csv", name="compliance_csv", include_in_schema=False, sync_to_thread=True)
def compliance_csv(request: Request, portal: Portal, year: ReportYear = None,
                   category: ReportCategory = None) -> Response[bytes]:  # fmt: skip
    chosen, text = reports.compliance_csv(portal, year=year, category=category, names=request.query_params)
    name = f"compliance-{chosen}{'-' + category.value if category else ''}.csv"
    return Response(
        (BOM + text).encode("utf-8"),
        media_type="text/csv",  # Litestar adds "; charset=utf-8"
        headers={"Content-Disposition": content_disposition("attachment", name)},
    )


@get("/compliance/{committee_id:str}", name="committee_compliance", include_in_schema=False, sync_to_thread=True)
def committee_compliance_page(request: Request, portal: Portal, language: Language, committee_id: FromPath[str],
                              year: ReportYear = None) -> Template:  # fmt: skip
    view = reports.committee_report(portal, committee_id, year=year, names=request.query_params)
    title = i18n.t(language, "rc.title", name=view.row.name, year=view.year)
    return page(request, "compliance_committee.html", lang=language, title=title,
                json_url=f"/api/v1/compliance/{committee_id}" + query_string({"year": str(view.year)}),
                view=view)  # fmt: skip


@get("/compliance", summary="Every committee's disclosure compliance for a year",
     description="`{year, definitions, committees: [...]}` and further figures (category roll-ups, yearly trend, "
     "thresholds). Without `year`, the latest full year with meetings held. Committees whose source pages failed "
     "at the last crawl have no rates and `source-unavailable` findings.",
     responses=errors(400), sync_to_thread=True)  # fmt: skip
def compliance_api(request: Request, portal: Portal, year: ReportYear = None,
                   category: ReportCategory = None) -> dict[str, Any]:  # fmt: skip
    view = reports.compliance(portal, year=year, category=category, names=request.query_params,
                              allowed=reports.DATA_PARAMS)  # fmt: skip
    return view.to_api_dict()


@get("/compliance/{committee_id:str}", summary="One committee's compliance: figures, findings, meetings",
     responses=errors(400, 404), sync_to_thread=True)  # fmt: skip
def committee_compliance_api(request: Request, portal: Portal, committee_id: FromPath[str],
                             year: ReportYear = None) -> dict[str, Any]:  # fmt: skip
    return reports.committee_report(portal, committee_id, year=year, names=request.query_params).to_api_dict()


PAGES = [compliance_page, compliance_csv, committee_compliance_page]
API = [compliance_api, committee_compliance_api]
