"""Compliance reports: each committee's figures and findings for a year or a date range.

`compute()` reads the archive once (`ArchiveView`), measures every meeting against the definitions
(`guidelines.measures`, word for word as `definitions.md` states them), runs every rule's check per
committee, and rolls the figures up by category and by year. The result is plain dataclasses; the
portal renders them, `to_api_dict()` is the JSON API body and `to_csv()` the download.

A committee whose source pages failed at the last crawl keeps its counts (what the archive holds)
but gets no rates, no rank and `source-unavailable` findings: it is never shown as non-compliant.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from guidelines.checks import (
    MEETING_FIELD_LABELS,
    CheckContext,
    Finding,
    Status,
    meeting_field_present,
    quarter_counts,
    run_rule,
)
from guidelines.content import Definition, Rule, definitions_for, load_rules
from guidelines.measures import Measures, MeetingFacts
from guidelines.period import Period, seoul_day
from guidelines.stats import median, rate, share_within, wilson
from guidelines.view import ArchiveView, CommitteeView, UnavailablePage
from minutes.archive import Archive
from minutes.settings import Settings
from minutes.vocabulary import Category, MeetingStatus

Interval = tuple[float, float]


@dataclass(frozen=True, slots=True)
class CommitteeCompliance:
    """One committee's figures for the period, every one traceable to `meetings`."""

    committee_id: str
    name: str
    category: Category | None
    source_url: str
    held: int
    minutes_published: int
    closed_lawfully: int
    disclosure_rate: float | None
    disclosure_rate_ci: Interval | None
    notice_on_time: int
    notice_rate: float | None
    notice_rate_ci: Interval | None
    median_publication_lag_days: float | None
    lag_within_days_share: float | None  # share of published meetings within settings.publication_days
    lag_within_outer_share: float | None  # ... within settings.publication_outer_days
    lag_n: int  # published meetings with a known lag
    cancelled: int
    upcoming: int
    meetings_per_year: float | None
    quarters_met: int
    quarters_judged: int
    missing_fields: dict[str, int]  # meeting-field key → meetings lacking it (non-cancelled, in period)
    withholdings_without_ground: int  # approval documents partial/closed without a ground 1-8
    rank_eligible: bool
    rank: int | None
    source_unavailable: bool
    unavailable_pages: tuple[UnavailablePage, ...]
    findings: tuple[Finding, ...]
    meetings: tuple[MeetingFacts, ...]  # every meeting starting in the period, by start

    @property
    def not_published(self) -> int:
        """Held, minutes not published, not closed lawfully: what the committee still owes."""
        return self.held - self.minutes_published - self.closed_lawfully

    @property
    def disclosure_denominator(self) -> int:
        return self.held - self.closed_lawfully

    def finding(self, rule_id: str) -> Finding | None:
        return next((f for f in self.findings if f.rule_id == rule_id), None)

    def to_detail_dict(self) -> dict[str, Any]:
        """The committee page's JSON twin: the API object plus every meeting behind the figures."""
        return {**self.to_api_dict(), "meetings": [meeting_dict(f) for f in self.meetings]}

    def to_api_dict(self) -> dict[str, Any]:
        """The API's committee object: the issue's keys first, then the further figures."""
        return {
            "committee_id": self.committee_id,
            "name": self.name,
            "category": self.category.value if self.category else None,
            "held": self.held,
            "minutes_published": self.minutes_published,
            "closed_lawfully": self.closed_lawfully,
            "disclosure_rate": _round(self.disclosure_rate),
            "disclosure_rate_ci": _interval(self.disclosure_rate_ci),
            "notice_on_time": self.notice_on_time,
            "notice_rate": _round(self.notice_rate),
            "median_publication_lag_days": self.median_publication_lag_days,
            "findings": [f.to_dict() for f in self.findings],
            "notice_rate_ci": _interval(self.notice_rate_ci),
            "publication_lag_within_days_share": _round(self.lag_within_days_share),
            "publication_lag_within_outer_days_share": _round(self.lag_within_outer_share),
            "meetings_per_year": self.meetings_per_year,
            "quarters_met": self.quarters_met,
            "quarters_judged": self.quarters_judged,
            "missing_fields": dict(self.missing_fields),
            "withholdings_without_ground": self.withholdings_without_ground,
            "rank_eligible": self.rank_eligible,
            "rank": self.rank,
            "source_unavailable": self.source_unavailable,
            "source_url": self.source_url,
        }


@dataclass(frozen=True, slots=True)
class Rollup:
    """Figures pooled over a group of committees (a category, or all of them in one year).

    Committees whose sources are unavailable are counted in `committees_unavailable` and left out
    of every other figure.
    """

    key: str  # a category id, "" for uncategorised, or a year
    committees: int
    committees_unavailable: int
    held: int
    minutes_published: int
    closed_lawfully: int
    disclosure_rate: float | None
    disclosure_rate_ci: Interval | None
    notice_on_time: int
    notice_rate: float | None
    notice_rate_ci: Interval | None
    median_publication_lag_days: float | None

    @property
    def category(self) -> Category | None:
        try:
            return Category(self.key)
        except ValueError:
            return None

    @property
    def label_ko(self) -> str:
        return self.category.label_ko if self.category else (self.key or "미분류")

    @property
    def label_en(self) -> str:
        return self.category.label_en if self.category else (self.key or "Uncategorised")

    def to_api_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label_ko": self.label_ko,
            "label_en": self.label_en,
            "committees": self.committees,
            "committees_unavailable": self.committees_unavailable,
            "held": self.held,
            "minutes_published": self.minutes_published,
            "closed_lawfully": self.closed_lawfully,
            "disclosure_rate": _round(self.disclosure_rate),
            "disclosure_rate_ci": _interval(self.disclosure_rate_ci),
            "notice_on_time": self.notice_on_time,
            "notice_rate": _round(self.notice_rate),
            "notice_rate_ci": _interval(self.notice_rate_ci),
            "median_publication_lag_days": self.median_publication_lag_days,
        }


@dataclass(frozen=True, slots=True)
class ComplianceReport:
    period: Period
    crawl_time: datetime
    category: Category | None
    settings: Settings
    definitions: tuple[Definition, ...]
    rules: tuple[Rule, ...]  # resolved: thresholds filled in
    committees: tuple[CommitteeCompliance, ...]
    categories: tuple[Rollup, ...]
    trend: tuple[Rollup, ...]  # one per year, key = the year
    unattributed_meetings: int  # held meetings in the period whose committee is unknown
    failed_pages: int  # source pages that failed at the last crawl, in the whole archive

    def committee(self, committee_id: str) -> CommitteeCompliance | None:
        return next((c for c in self.committees if c.committee_id == committee_id), None)

    def actions(self, committee_id: str) -> list[Action]:
        """What a committee must still do: each rule it fails or partly meets, with the rule (its
        "how to comply" text and page) and the finding (the meetings to fix)."""
        row = self.committee(committee_id)
        if row is None:
            return []
        rules = {r.id: r for r in self.rules}
        owed = (Status.FAIL, Status.PARTIAL)
        return [Action(rules[f.rule_id], f) for f in row.findings if f.status in owed and f.rule_id in rules]

    def to_api_dict(self) -> dict[str, Any]:
        """The body of `GET /api/v1/compliance` and of `minutes report --format json`."""
        return {
            "year": self.period.year,
            "definitions": {
                d.term: {"label_ko": d.label_ko, "label_en": d.label_en, "ko": d.text_ko, "en": d.text_en}
                for d in self.definitions
            },
            "committees": [c.to_api_dict() for c in self.committees],
            "period": {"from": self.period.start.isoformat(), "to": self.period.end.isoformat()},
            "category": self.category.value if self.category else None,
            "crawl_time": self.crawl_time.isoformat(),
            "thresholds": thresholds(self.settings),
            "categories": [r.to_api_dict() for r in self.categories],
            "trend": [r.to_api_dict() for r in self.trend],
            "unattributed_meetings": self.unattributed_meetings,
        }

    def to_csv(self) -> str:
        """One row per committee: the figures, then each rule's status."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        rule_ids = [r.id for r in self.rules]
        writer.writerow([*CSV_COLUMNS, *rule_ids])
        for c in self.committees:
            low, high = c.disclosure_rate_ci or (None, None)
            nlow, nhigh = c.notice_rate_ci or (None, None)
            row = [
                c.committee_id, c.name, c.category.value if c.category else "", c.held, c.minutes_published,
                c.closed_lawfully, c.not_published, _cell(c.disclosure_rate), _cell(low), _cell(high),
                c.notice_on_time, _cell(c.notice_rate), _cell(nlow), _cell(nhigh),
                _cell(c.median_publication_lag_days), _cell(c.lag_within_days_share),
                _cell(c.lag_within_outer_share), _cell(c.meetings_per_year), c.quarters_met, c.quarters_judged,
                ";".join(f"{k}:{v}" for k, v in c.missing_fields.items()), c.withholdings_without_ground,
                c.rank_eligible, _cell(c.rank), c.source_unavailable,
            ]  # fmt: skip
            statuses = {f.rule_id: f.status.value for f in c.findings}
            writer.writerow([*row, *(statuses.get(r, "") for r in rule_ids)])
        return out.getvalue()


@dataclass(frozen=True, slots=True)
class Action:
    """A rule a committee does not (fully) meet, and the finding that shows where."""

    rule: Rule
    finding: Finding


def meeting_dict(f: MeetingFacts) -> dict[str, Any]:
    """One meeting's facts as JSON: what the drill-down tables show."""
    return {
        "meeting_id": f.meeting_id,
        "title": f.title,
        "start": f.start.isoformat() if f.start else None,
        "source_url": f.source_url,
        "status": f.status.value,
        "held": f.held,
        "minutes_published": f.published,
        "published_documents": list(f.published_documents),
        "closed_lawfully": f.closed_lawfully,
        "closed_basis": f.closed_basis,
        "posted_on": f.posted_on.isoformat() if f.posted_on else None,
        "posted_from": f.posted_from,
        "days_ahead": f.days_ahead,
        "notice_on_time": f.notice_on_time,
        "first_published_on": f.first_published_on.isoformat() if f.first_published_on else None,
        "publication_lag_days": f.lag_days,
        "withheld_without_ground": list(f.withheld_without_ground),
    }


CSV_COLUMNS = (
    "committee_id", "name", "category", "held", "minutes_published", "closed_lawfully", "not_published",
    "disclosure_rate", "disclosure_rate_ci_low", "disclosure_rate_ci_high", "notice_on_time", "notice_rate",
    "notice_rate_ci_low", "notice_rate_ci_high", "median_publication_lag_days", "publication_lag_within_days_share",
    "publication_lag_within_outer_days_share", "meetings_per_year", "quarters_met", "quarters_judged",
    "missing_fields", "withholdings_without_ground", "rank_eligible", "rank", "source_unavailable",
)  # fmt: skip


def thresholds(settings: Settings) -> dict[str, int]:
    """The settings the figures depend on, stated beside them."""
    return {
        "notice_days": settings.notice_days,
        "publication_days": settings.publication_days,
        "publication_outer_days": settings.publication_outer_days,
        "compliance_min_n": settings.compliance_min_n,
        "meetings_per_quarter": settings.meetings_per_quarter,
    }


# -- computing ------------------------------------------------------------------------------------


def compute(
    archive: Archive | ArchiveView,
    *,
    period: Period | int | tuple[date, date],
    crawl_time: datetime | None = None,
    settings: Settings | None = None,
    category: Category | str | None = None,
    trend: bool = True,
) -> ComplianceReport:
    """The compliance report for a period (a year, a (from, to) pair of days, or a Period).

    Pass an `ArchiveView` to reuse one loaded archive for several reports; `crawl_time` then comes
    from the view (or overrides it when given with an `Archive`).
    """
    settings = settings or Settings()
    period = Period.coerce(period)
    view = archive if isinstance(archive, ArchiveView) else ArchiveView.load(archive, crawl_time)
    wanted = Category(category) if category else None
    measures = Measures(view, notice_days=settings.notice_days)
    rules = load_rules()
    committees = [view.committee(cid) for cid in view.committee_ids()]
    if wanted is not None:
        committees = [c for c in committees if c.category == wanted]
    rows = [_committee(c, period, view, measures, rules, settings) for c in committees]
    rows = _ranked(rows)
    by_category: dict[str, list[CommitteeCompliance]] = {}
    for row in rows:
        by_category.setdefault(row.category.value if row.category else "", []).append(row)
    order = [c.value for c in Category] + [""]
    categories = tuple(_rollup(key, by_category[key]) for key in order if key in by_category)
    years = _trend(view, committees, measures, settings, period) if trend else ()
    unattributed = sum(
        1 for m in view.meetings.values() if not m.committee_id and period.contains(m.start) and measures.of(m).held
    )
    return ComplianceReport(
        period=period,
        crawl_time=view.crawl_time,
        category=wanted,
        settings=settings,
        definitions=definitions_for(settings),
        rules=tuple(r.resolve(settings) for r in rules),
        committees=tuple(rows),
        categories=categories,
        trend=years,
        unattributed_meetings=unattributed,
        failed_pages=view.failed_pages,
    )


def _committee(
    committee: CommitteeView,
    period: Period,
    view: ArchiveView,
    measures: Measures,
    rules: Sequence[Rule],
    settings: Settings,
) -> CommitteeCompliance:
    in_period = committee.meetings_in(period)
    facts = [measures.of(m) for m in in_period]
    held = [f for f in facts if f.held]
    counts = _counts(held)
    unavailable = tuple(committee.unavailable(period))
    ctx = CheckContext("", period, view.crawl_time, measures, settings)
    findings = tuple(run_rule(rule, committee, _with_rule(ctx, rule.id)) for rule in rules)
    quarters = quarter_counts(committee, ctx)
    lags = [f.lag_days for f in held if f.published and f.lag_days is not None]
    missing: Counter[str] = Counter()
    for meeting in in_period:
        if meeting.status is not MeetingStatus.CANCELLED:
            missing.update(k for k in MEETING_FIELD_LABELS if not meeting_field_present(meeting, k))
    denominator = counts["held"] - counts["closed"]
    trusted = not unavailable
    return CommitteeCompliance(
        committee_id=committee.committee_id,
        name=committee.name,
        category=committee.category,
        source_url=committee.source_url,
        held=counts["held"],
        minutes_published=counts["published"],
        closed_lawfully=counts["closed"],
        disclosure_rate=rate(counts["published"], denominator) if trusted else None,
        disclosure_rate_ci=wilson(counts["published"], denominator) if trusted else None,
        notice_on_time=counts["on_time"],
        notice_rate=rate(counts["on_time"], counts["held"]) if trusted else None,
        notice_rate_ci=wilson(counts["on_time"], counts["held"]) if trusted else None,
        median_publication_lag_days=median(lags) if trusted else None,
        lag_within_days_share=share_within(lags, settings.publication_days) if trusted else None,
        lag_within_outer_share=share_within(lags, settings.publication_outer_days) if trusted else None,
        lag_n=len(lags),
        cancelled=sum(1 for f in facts if f.status is MeetingStatus.CANCELLED),
        upcoming=sum(1 for f in facts if f.upcoming),
        meetings_per_year=_per_year(counts["held"], period, view.crawl_time),
        quarters_met=sum(1 for _, _, n in quarters if n >= settings.meetings_per_quarter),
        quarters_judged=len(quarters),
        missing_fields={k: missing[k] for k in MEETING_FIELD_LABELS if missing[k]},
        withholdings_without_ground=sum(len(f.withheld_without_ground) for f in facts),
        rank_eligible=trusted and denominator >= settings.compliance_min_n,
        rank=None,
        source_unavailable=not trusted,
        unavailable_pages=unavailable,
        findings=findings,
        meetings=tuple(facts),
    )


def _with_rule(ctx: CheckContext, rule_id: str) -> CheckContext:
    return CheckContext(rule_id, ctx.period, ctx.crawl_time, ctx.measures, ctx.settings)


def _counts(held: Iterable[MeetingFacts]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for f in held:
        counts["held"] += 1
        counts["published"] += f.published
        counts["closed"] += f.closed_lawfully
        counts["on_time"] += f.notice_on_time
    return counts


def _per_year(held: int, period: Period, crawl_time: datetime) -> float | None:
    """Held meetings per year: the count itself for a whole past year, else annualised over the
    days of the period that had passed by the crawl."""
    crawl_day = seoul_day(crawl_time)
    if period.year is not None and period.end < crawl_day:
        return float(held)
    elapsed = (min(period.end, crawl_day) - period.start).days + 1
    if elapsed <= 0:
        return None
    return round(held * 365 / elapsed, 1)


def _ranked(rows: list[CommitteeCompliance]) -> list[CommitteeCompliance]:
    """Rank the eligible committees by the lower bound of their disclosure rate's interval (a
    rate resting on few meetings ranks below the same rate resting on many), then by the rate."""
    eligible = [r for r in rows if r.rank_eligible and r.disclosure_rate_ci is not None]
    eligible.sort(key=lambda r: (-r.disclosure_rate_ci[0], -(r.disclosure_rate or 0.0), r.name))  # type: ignore[index]
    ranks = {r.committee_id: i for i, r in enumerate(eligible, 1)}
    return [dataclasses.replace(r, rank=ranks.get(r.committee_id)) for r in rows]


def _rollup(key: str, rows: Sequence[CommitteeCompliance]) -> Rollup:
    counted = [r for r in rows if not r.source_unavailable]
    held = sum(r.held for r in counted)
    published = sum(r.minutes_published for r in counted)
    closed = sum(r.closed_lawfully for r in counted)
    on_time = sum(r.notice_on_time for r in counted)
    lags = [f.lag_days for r in counted for f in r.meetings if f.held and f.published and f.lag_days is not None]
    return Rollup(
        key=key,
        committees=len(rows),
        committees_unavailable=len(rows) - len(counted),
        held=held,
        minutes_published=published,
        closed_lawfully=closed,
        disclosure_rate=rate(published, held - closed),
        disclosure_rate_ci=wilson(published, held - closed),
        notice_on_time=on_time,
        notice_rate=rate(on_time, held),
        notice_rate_ci=wilson(on_time, held),
        median_publication_lag_days=median(lags),
    )


def _trend(
    view: ArchiveView,
    committees: Sequence[CommitteeView],
    measures: Measures,
    settings: Settings,
    period: Period,
) -> tuple[Rollup, ...]:
    """Pooled figures per calendar year, from the first year with a meeting to the period's end."""
    crawl_year = seoul_day(view.crawl_time).year
    years = [y for y in view.years() if y <= max(period.end.year, crawl_year)]
    out = []
    for year in years:
        year_period = Period.of_year(year)
        counts: Counter[str] = Counter()
        lags: list[int] = []
        unavailable = 0
        for committee in committees:
            if committee.unavailable(year_period):
                unavailable += 1
                continue
            for meeting in committee.meetings_in(year_period):
                f = measures.of(meeting)
                if f.held:
                    counts += _counts([f])
                    if f.published and f.lag_days is not None:
                        lags.append(f.lag_days)
        out.append(
            Rollup(
                key=str(year),
                committees=len(committees),
                committees_unavailable=unavailable,
                held=counts["held"],
                minutes_published=counts["published"],
                closed_lawfully=counts["closed"],
                disclosure_rate=rate(counts["published"], counts["held"] - counts["closed"]),
                disclosure_rate_ci=wilson(counts["published"], counts["held"] - counts["closed"]),
                notice_on_time=counts["on_time"],
                notice_rate=rate(counts["on_time"], counts["held"]),
                notice_rate_ci=wilson(counts["on_time"], counts["held"]),
                median_publication_lag_days=median(lags),
            )
        )
    return tuple(out)


# -- presenting -------------------------------------------------------------------------------------

SORT_KEYS = (
    "rank", "name", "category", "held", "minutes_published", "closed_lawfully", "disclosure_rate",
    "notice_rate", "median_publication_lag_days", "meetings_per_year", "withholdings_without_ground",
)  # fmt: skip
_RATE_KEYS = {"rank", "disclosure_rate", "notice_rate", "median_publication_lag_days"}


def sort_committees(
    rows: Iterable[CommitteeCompliance], key: str = "rank", *, descending: bool | None = None
) -> list[CommitteeCompliance]:
    """Rows sorted for the table. On rates, rank and lag, committees not eligible for ranking (too
    few meetings, or sources unavailable) always come after the eligible ones, so a committee with
    two meetings never heads the table; empty values always come last."""
    if key not in SORT_KEYS:
        raise ValueError(f"unknown sort key {key!r}; one of {', '.join(SORT_KEYS)}")
    if descending is None:
        descending = key not in ("rank", "name", "category", "median_publication_lag_days")
    rows = list(rows)

    def value(row: CommitteeCompliance) -> Any:
        v = getattr(row, key)
        return v.value if isinstance(v, Category) else v

    present = [r for r in rows if value(r) is not None]
    empty = [r for r in rows if value(r) is None]
    present.sort(key=lambda r: r.name)
    present.sort(key=value, reverse=descending)
    if key in _RATE_KEYS:
        present.sort(key=lambda r: not r.rank_eligible)  # stable: keeps the order within each group
    empty.sort(key=lambda r: r.name)
    return present + empty


def _round(value: float | None, places: int = 4) -> float | None:
    return None if value is None else round(value, places)


def _interval(ci: Interval | None) -> list[float] | None:
    return None if ci is None else [round(ci[0], 4), round(ci[1], 4)]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return value
