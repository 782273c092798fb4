"""The guideline and the compliance reports as the portal shows them: views and their query functions.

As in `portal.queries`, each page and its JSON twin call one function here and render what it
returns; bad values raise `BadRequest`/`NotFound` so both renderings fail the same way. The rule
texts are our own content but still go through `guidelines.to_html` (escape first, then a few
marks become tags); the charts come from `guidelines.svg`, which escapes every piece of text.
The report functions block (loading the archive view, computing a report): handlers run them in a
worker thread, and `PortalState.report` caches what they compute.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from guidelines import (
    CHECKS,
    ArchiveView,
    CommitteeCompliance,
    ComplianceReport,
    Finding,
    GroundsPage,
    Rule,
    Status,
    category_chart,
    category_table,
    load_grounds_page,
    load_rules,
    sort_committees,
    trend_chart,
    trend_table,
)
from guidelines.compliance import Action
from guidelines.period import seoul_day
from minutes.settings import Settings
from minutes.vocabulary import Category, MeetingStatus
from portal.errors import BadRequest, NotFound
from portal.params import REPORT_PARAMS, REPORT_YEARS, valid_id
from portal.state import PortalState

# Columns of the committees table: (sort key or None, string key); the key names a `SORT_KEYS` entry.
COLUMNS: tuple[tuple[str | None, str], ...] = (
    ("rank", "report.col.rank"),
    ("name", "report.col.name"),
    ("category", "report.col.category"),
    ("held", "report.col.held"),
    ("minutes_published", "report.col.minutes_published"),
    ("closed_lawfully", "report.col.closed_lawfully"),
    ("disclosure_rate", "report.col.disclosure_rate"),
    ("notice_rate", "report.col.notice_rate"),
    ("median_publication_lag_days", "report.col.median_publication_lag_days"),
    (None, "report.col.findings"),
)
ASCENDING_BY_DEFAULT = ("rank", "name", "category", "median_publication_lag_days")  # as sort_committees
DATA_PARAMS = frozenset({"year", "category", "lang"})  # the JSON and CSV are not sorted: no sort, no order
FINDING_ORDER = (Status.FAIL, Status.PARTIAL, Status.PASS, Status.INSUFFICIENT_DATA, Status.SOURCE_UNAVAILABLE,
                 Status.NOT_APPLICABLE)  # fmt: skip


# -- the guideline ---------------------------------------------------------------------------------


def rules(settings: Settings) -> tuple[Rule, ...]:
    """Every rule, thresholds filled in from the settings in force (what the reports check)."""
    return tuple(r.resolve(settings) for r in load_rules())


def rule_summary(rule: Rule) -> dict[str, Any]:
    check = CHECKS.get(rule.check)
    return {
        "id": rule.id,
        "order": rule.order,
        "title_ko": rule.title_ko,
        "title_en": rule.title_en,
        "standing": rule.standing.value,
        "standing_label_ko": rule.standing.label_ko,
        "standing_label_en": rule.standing.label_en,
        "check": rule.check,
        "check_summary": check.summary if check else "",
        "url": f"/guidelines/{rule.id}",
    }


def rule_dict(rule: Rule) -> dict[str, Any]:
    return {
        **rule_summary(rule),
        "sources": [{"tag": s.tag, "text": s.text} for s in rule.sources],
        "text_ko": rule.text_ko,
        "text_en": rule.text_en,
        "checklist_ko": list(rule.checklist_ko),
        "checklist_en": list(rule.checklist_en),
        "comply_ko": rule.comply_ko,
        "comply_en": rule.comply_en,
    }


@dataclass(frozen=True, slots=True)
class GuidelinesView:
    rules: tuple[Rule, ...]
    grounds: GroundsPage

    def check_summary(self, rule: Rule) -> str:
        check = CHECKS.get(rule.check)
        return check.summary if check else rule.check

    def to_api_dict(self) -> dict[str, Any]:
        return {"rules": [rule_summary(r) for r in self.rules], "grounds_url": "/guidelines/grounds"}


@dataclass(frozen=True, slots=True)
class RuleView:
    rule: Rule
    previous: Rule | None
    next: Rule | None

    def to_api_dict(self) -> dict[str, Any]:
        return rule_dict(self.rule)


@dataclass(frozen=True, slots=True)
class GroundsView:
    page: GroundsPage

    def to_api_dict(self) -> dict[str, Any]:
        return {
            "title_ko": self.page.title_ko,
            "title_en": self.page.title_en,
            "sources": [{"tag": s.tag, "text": s.text} for s in self.page.sources],
            "grounds": [
                {
                    "number": g.number,
                    "label_ko": g.label_ko,
                    "label_en": g.label_en,
                    "plain_ko": g.plain_ko,
                    "plain_en": g.plain_en,
                }
                for g in self.page.grounds
            ],
        }


def guidelines(state: PortalState) -> GuidelinesView:
    return GuidelinesView(rules(state.settings), load_grounds_page())


def guideline(state: PortalState, rule_id: str) -> RuleView:
    found = rules(state.settings)
    for i, rule in enumerate(found):
        if rule.id == rule_id:
            return RuleView(rule, found[i - 1] if i else None, found[i + 1] if i + 1 < len(found) else None)
    raise NotFound("no_rule", value=rule_id)


def grounds(state: PortalState) -> GroundsView:
    return GroundsView(load_grounds_page())


# -- the compliance reports ----------------------------------------------------------------------


def check_report_params(names: Iterable[str], allowed: frozenset[str] = REPORT_PARAMS) -> None:
    """A misspelt parameter silently ignored would show the wrong report as the right one."""
    for name in names:
        if name not in allowed:
            raise BadRequest("unknown_parameter", parameter=name, choices=", ".join(sorted(allowed)))


def report_years(view: ArchiveView) -> list[int]:
    """Years that can be reported on: those with a meeting before the crawl, within 2000-2100."""
    return [y for y in view.years() if REPORT_YEARS[0] <= y <= REPORT_YEARS[1]]


def default_year(view: ArchiveView) -> int:
    """The latest full calendar year (before the crawl's year) in which a meeting was held; failing
    that, the latest year with a held meeting; failing that, the crawl's year."""
    crawl_year = seoul_day(view.crawl_time).year
    held = {
        seoul_day(m.start).year
        for m in view.meetings.values()
        if m.start and m.start < view.crawl_time and m.status is not MeetingStatus.CANCELLED
    }
    held = {y for y in held if REPORT_YEARS[0] <= y <= REPORT_YEARS[1]}
    full = [y for y in held if y < crawl_year]
    if full:
        return max(full)
    if held:
        return max(held)
    return min(max(crawl_year, REPORT_YEARS[0]), REPORT_YEARS[1])


def finding_counts(row: CommitteeCompliance) -> list[tuple[Status, int]]:
    counts = Counter(f.status for f in row.findings)
    return [(s, counts[s]) for s in FINDING_ORDER if counts[s]]


@dataclass(frozen=True, slots=True)
class ComplianceView:
    report: ComplianceReport
    year: int
    category: Category | None
    sort: str
    order: str  # "asc" | "desc", the order in force
    rows: tuple[CommitteeCompliance, ...]
    years: tuple[int, ...]
    charts: tuple[tuple[Markup, Markup], ...]  # (svg, its table twin)

    def params(self, **changes: str | None) -> list[tuple[str, str]]:
        """This report's query pairs with some changed (None drops one); defaults left out."""
        values: dict[str, str | None] = {
            "year": str(self.year),
            "category": self.category.value if self.category else None,
            "sort": self.sort if self.sort != "rank" else None,
            "order": self.order if self.order != natural_order(self.sort) else None,
        }
        values.update(changes)
        return [(k, v) for k, v in values.items() if v]

    def sort_params(self, key: str) -> list[tuple[str, str]]:
        """The link of a column heading: sort by it, or flip the order when it is already the sort."""
        flipped = "asc" if self.order == "desc" else "desc"
        order = flipped if key == self.sort else natural_order(key)
        return self.params(sort=key if key != "rank" else None, order=order if order != natural_order(key) else None)

    def download_params(self) -> list[tuple[str, str]]:
        return self.params(sort=None, order=None)

    def aria_sort(self, key: str | None) -> str | None:
        if key is None or key != self.sort:
            return None
        return "ascending" if self.order == "asc" else "descending"

    def to_api_dict(self) -> dict[str, Any]:
        return self.report.to_api_dict()


def natural_order(key: str) -> str:
    return "asc" if key in ASCENDING_BY_DEFAULT else "desc"


@dataclass(frozen=True, slots=True)
class FindingView:
    rule: Rule
    finding: Finding


@dataclass(frozen=True, slots=True)
class CommitteeReportView:
    report: ComplianceReport
    year: int
    row: CommitteeCompliance
    years: tuple[int, ...]
    findings: tuple[FindingView, ...]
    actions: tuple[Action, ...]
    titles: Mapping[str, str]  # meeting id → title, for the meetings table

    def to_api_dict(self) -> dict[str, Any]:
        return self.row.to_detail_dict()


def _report(state: PortalState, year: int | None, category: Category | None) -> tuple[ComplianceReport, int, list[int]]:
    view = state.archive_view()
    chosen = year if year is not None else default_year(view)
    years = report_years(view)
    if chosen not in years:
        years = sorted({*years, chosen})
    return state.report(chosen, category), chosen, years


def compliance(
    state: PortalState,
    *,
    year: int | None = None,
    category: Category | None = None,
    sort: str = "rank",
    order: str | None = None,
    lang: str = "ko",
    names: Iterable[str] = (),
    allowed: frozenset[str] = REPORT_PARAMS,
) -> ComplianceView:
    """The report for a year (and category), its rows sorted. Blocking."""
    check_report_params(names, allowed)
    report, chosen, years = _report(state, year, category)
    order = order or natural_order(sort)
    rows = sort_committees(report.committees, sort, descending=order == "desc")
    charts = (
        (
            Markup(category_chart(report.categories, lang=lang, id_prefix="category-chart")),
            Markup(category_table(report.categories, lang=lang).to_html()),
        ),
        (
            Markup(trend_chart(report.trend, lang=lang, id_prefix="trend-chart")),
            Markup(trend_table(report.trend, lang=lang).to_html()),
        ),
    )
    return ComplianceView(report, chosen, category, sort, order, tuple(rows), tuple(years), charts)


def compliance_csv(state: PortalState, *, year: int | None = None, category: Category | None = None,
                   names: Iterable[str] = ()) -> tuple[int, str]:  # fmt: skip
    """(year, the CSV text) for the download. Blocking."""
    check_report_params(names, DATA_PARAMS)
    report, chosen, _ = _report(state, year, category)
    return chosen, report.to_csv()


def committee_report(state: PortalState, committee_id: str, *, year: int | None = None,
                     names: Iterable[str] = ()) -> CommitteeReportView:  # fmt: skip
    """One committee's findings for a year, with the meetings behind them. Blocking."""
    check_report_params(names, frozenset({"year", "lang"}))
    if not valid_id(committee_id):
        raise BadRequest("malformed_id", value=committee_id)
    report, chosen, years = _report(state, year, None)
    row = report.committee(committee_id)
    if row is None:
        if committee_id in state.model().committees:
            raise NotFound("no_report_committee", value=committee_id, year=chosen)
        raise NotFound("no_committee", value=committee_id)
    by_id = {r.id: r for r in report.rules}
    findings = tuple(FindingView(by_id[f.rule_id], f) for f in row.findings if f.rule_id in by_id)
    titles = {m.meeting_id: m.title for m in row.meetings}
    return CommitteeReportView(report, chosen, row, tuple(years), findings, tuple(report.actions(committee_id)),
                               titles)  # fmt: skip
