"""The guideline: its rules, each rule's page (text, sources, printable checklist, how to comply), and
the Article 9(1) grounds in plain words; each with its JSON twin."""

from __future__ import annotations

from typing import Any

from litestar import Request, get
from litestar.params import FromPath
from litestar.response import Template

from portal import i18n, reports
from portal.rendering import page
from portal.routes.common import Language, Portal, errors


@get("/guidelines", name="guidelines", include_in_schema=False, sync_to_thread=False)
def guidelines_page(request: Request, portal: Portal, language: Language) -> Template:
    view = reports.guidelines(portal)
    return page(request, "guidelines.html", lang=language, title=i18n.t(language, "guide.title"),
                json_url="/api/v1/guidelines", view=view)  # fmt: skip


@get("/guidelines/grounds", name="grounds", include_in_schema=False, sync_to_thread=False)
def grounds_page(request: Request, portal: Portal, language: Language) -> Template:
    view = reports.grounds(portal)
    title = view.page.title_ko if language == "ko" else view.page.title_en
    return page(request, "grounds.html", lang=language, title=title, json_url="/api/v1/guidelines/grounds",
                view=view)  # fmt: skip


@get("/guidelines/{rule_id:str}", name="guideline", include_in_schema=False, sync_to_thread=False)
def guideline_page(request: Request, portal: Portal, language: Language, rule_id: FromPath[str]) -> Template:
    view = reports.guideline(portal, rule_id)
    title = view.rule.title_ko if language == "ko" else view.rule.title_en
    return page(request, "guideline.html", lang=language, title=title, json_url=f"/api/v1/guidelines/{rule_id}",
                view=view)  # fmt: skip


@get("/guidelines", summary="The guideline's rules", description="Every rule with its standing (law, city "
     "policy or practice benchmark) and the check that evaluates it; thresholds filled in from the settings.",
     responses=errors(), sync_to_thread=False)  # fmt: skip
def guidelines_api(portal: Portal) -> dict[str, Any]:
    return reports.guidelines(portal).to_api_dict()


@get("/guidelines/grounds", summary="The eight Article 9(1) grounds in plain words", responses=errors(),
     sync_to_thread=False)  # fmt: skip
def grounds_api(portal: Portal) -> dict[str, Any]:
    return reports.grounds(portal).to_api_dict()


@get("/guidelines/{rule_id:str}", summary="One rule: text, sources, checklist, how to comply",
     responses=errors(404), sync_to_thread=False)  # fmt: skip
def guideline_api(portal: Portal, rule_id: FromPath[str]) -> dict[str, Any]:
    return reports.guideline(portal, rule_id).to_api_dict()


PAGES = [guidelines_page, grounds_page, guideline_page]
API = [guidelines_api, grounds_api, guideline_api]
