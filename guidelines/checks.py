"""The checks that evaluate the guideline's rules, registered by name.

Each rule file names one check and gives its parameters; `CHECKS` holds every check with the
parameters it declares, and the lockstep test (`tests/test_guidelines_content.py`) keeps the two
in step: every rule names a check that exists, every check serves a rule, and the parameters a rule
gives are exactly those its check declares, of the declared kind.

A check gets one committee's slice of the archive and a context (the rule, the period, the crawl
time, the per-meeting facts), and returns a `Finding`: a status, the meetings behind it (the
failing ones first), and a sentence in each language. A committee whose source pages failed is
never judged: `run_rule` answers `source-unavailable` before any check runs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from guidelines.content import Rule
from guidelines.measures import APPROVAL_TYPES, Measures, MeetingFacts, publishes_record
from guidelines.period import Period, seoul_day
from guidelines.textmatch import MINUTES_ITEMS, NOTICE_ITEMS, Context, missing_items
from guidelines.view import CommitteeView, UnavailablePage
from minutes.domain import Document
from minutes.settings import Settings
from minutes.vocabulary import Disclosure, DocType, FileStatus, MeetingStatus

_UNREADABLE = {
    FileStatus.DOWNLOAD_ERROR,
    FileStatus.ENCRYPTED,
    FileStatus.DISTRIBUTION,
    FileStatus.UNSUPPORTED,
    FileStatus.CORRUPT,
}


class Status(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    PARTIAL = "partial"
    NOT_APPLICABLE = "not-applicable"
    SOURCE_UNAVAILABLE = "source-unavailable"
    INSUFFICIENT_DATA = "insufficient-data"

    @property
    def label_ko(self) -> str:
        return _STATUS_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _STATUS_LABELS[self][1]


_STATUS_LABELS = {
    Status.PASS: ("준수", "Pass"),
    Status.FAIL: ("미준수", "Fail"),
    Status.PARTIAL: ("일부 준수", "Partly met"),
    Status.NOT_APPLICABLE: ("해당 없음", "Not applicable"),
    Status.SOURCE_UNAVAILABLE: ("원문 확인 불가", "Source unavailable"),
    Status.INSUFFICIENT_DATA: ("자료 부족", "Insufficient data"),
}


@dataclass(frozen=True, slots=True)
class FindingMeeting:
    """A meeting behind a finding, with why it is listed and where to see it on the city's site."""

    meeting_id: str
    title: str
    start: datetime | None
    source_url: str
    detail: str
    detail_ko: str = ""
    ok: bool = False  # listed for information (e.g. not judged), not as a failure

    def to_dict(self) -> dict[str, Any]:
        return {
            "meeting_id": self.meeting_id,
            "title": self.title,
            "start": self.start.isoformat() if self.start else None,
            "source_url": self.source_url,
            "detail": self.detail,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule's result for one committee and period."""

    rule_id: str
    status: Status
    meetings: tuple[FindingMeeting, ...] = ()
    detail: str = ""
    detail_ko: str = ""
    passed: int = 0  # items (meetings, quarters, fields) that met the rule
    evaluated: int = 0  # items judged

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "status": self.status.value,
            "meetings": [m.to_dict() for m in self.meetings],
            "detail": self.detail,
        }


@dataclass(frozen=True, slots=True)
class CheckContext:
    rule_id: str
    period: Period
    crawl_time: datetime
    measures: Measures
    settings: Settings


@dataclass(frozen=True, slots=True)
class Param:
    """A parameter a check declares: an int, or a list of keys drawn from `choices`."""

    kind: type
    choices: tuple[str, ...] = ()
    doc: str = ""

    def problems(self, name: str, value: Any) -> list[str]:
        if self.kind is int:
            ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
            return [] if ok else [f"{name} must be a non-negative integer, got {value!r}"]
        if not isinstance(value, list) or not value:
            return [f"{name} must be a non-empty list, got {value!r}"]
        unknown = [v for v in value if v not in self.choices]
        dupes = len(set(value)) != len(value)
        out = [f"{name} names unknown items {unknown}; known: {list(self.choices)}"] if unknown else []
        return [*out, f"{name} repeats an item"] if dupes else out


CheckFunc = Callable[..., Finding]


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    func: CheckFunc
    params: Mapping[str, Param] = field(default_factory=dict)
    summary: str = ""

    def problems(self, values: Mapping[str, Any]) -> list[str]:
        """Why `values` do not fit this check's declared parameters ([] when they do)."""
        out = []
        missing = sorted(set(self.params) - set(values))
        extra = sorted(set(values) - set(self.params))
        if missing:
            out.append(f"check {self.name} needs parameters {missing}")
        if extra:
            out.append(f"check {self.name} takes no parameters {extra}")
        for name, spec in self.params.items():
            if name in values:
                out += spec.problems(name, values[name])
        return out


CHECKS: dict[str, Check] = {}


def check(name: str, summary: str, **params: Param) -> Callable[[CheckFunc], CheckFunc]:
    """Register a check under `name`, declaring its parameters."""

    def register(func: CheckFunc) -> CheckFunc:
        if name in CHECKS:
            raise ValueError(f"check {name!r} registered twice")
        CHECKS[name] = Check(name, func, params, summary)
        return func

    return register


def run_rule(rule: Rule, committee: CommitteeView, ctx: CheckContext) -> Finding:
    """Evaluate one rule for one committee, unless its sources failed to crawl."""
    unavailable = committee.unavailable(ctx.period)
    if unavailable:
        return _unavailable_finding(rule.id, committee, unavailable)
    spec = CHECKS[rule.check]
    values = rule.param_values(ctx.settings)
    problems = spec.problems(values)
    if problems:
        raise ValueError(f"rule {rule.id}: {'; '.join(problems)}")
    return spec.func(committee, ctx, **values)


def _unavailable_finding(rule_id: str, committee: CommitteeView, pages: list[UnavailablePage]) -> Finding:
    meetings = committee.archive.meetings
    listed: dict[str, FindingMeeting] = {}
    for page in pages:
        if page.meeting_id and page.meeting_id not in listed and page.meeting_id in meetings:
            m = meetings[page.meeting_id]
            en, ko = ("meeting page", "회의 화면") if page.kind == "meeting" else ("a document page", "문서 화면")
            listed[m.meeting_id] = FindingMeeting(
                m.meeting_id,
                m.title,
                m.start,
                m.source_url,
                f"{en} could not be fetched ({page.error})",
                f"{ko}을 가져오지 못함 ({page.error})",
            )
    committee_page = next((p for p in pages if p.kind == "committee"), None)
    if committee_page is not None:
        en = f"The committee's page could not be fetched at the last crawl ({committee_page.error})."
        ko = f"마지막 수집에서 위원회 화면을 가져오지 못했습니다({committee_page.error})."
    else:
        en = f"{len(pages)} source page(s) of meetings in the period could not be fetched at the last crawl."
        ko = f"기간 안 회의의 원문 화면 {len(pages)}개를 마지막 수집에서 가져오지 못했습니다."
    status = Status.SOURCE_UNAVAILABLE
    return Finding(rule_id, status, tuple(listed.values()), en + " Not judged.", ko + " 판정하지 않습니다.")


# -- helpers ------------------------------------------------------------------------------------


def _fm(facts: MeetingFacts, en: str, ko: str, ok: bool = False) -> FindingMeeting:
    return FindingMeeting(facts.meeting_id, facts.title, facts.start, facts.source_url, en, ko, ok)


def held_in(committee: CommitteeView, ctx: CheckContext) -> list[MeetingFacts]:
    """The committee's held meetings in the period (definition: held)."""
    facts = (ctx.measures.of(m) for m in committee.meetings_in(ctx.period))
    return [f for f in facts if f.held]


def verdict(
    ctx: CheckContext,
    results: list[tuple[bool, FindingMeeting]],
    *,
    unjudged: Sequence[FindingMeeting] = (),
    none: tuple[str, str] = ("Nothing to judge in the period.", "기간 안에 판정할 대상이 없습니다."),
    extra: tuple[str, str] = ("", ""),
) -> Finding:
    """Pass when every judged item is ok, fail when none is, partial otherwise."""
    passed = sum(ok for ok, _ in results)
    n = len(results)
    failing = tuple(m for ok, m in results if not ok)
    listed = failing + tuple(unjudged)
    if n == 0:
        status = Status.INSUFFICIENT_DATA if unjudged else Status.NOT_APPLICABLE
        en, ko = none if not unjudged else ("Nothing could be read to judge.", "판정할 자료를 읽을 수 없었습니다.")
        return Finding(ctx.rule_id, status, listed, _join(en, extra[0]), _join(ko, extra[1]))
    status = Status.PASS if passed == n else Status.FAIL if passed == 0 else Status.PARTIAL
    en = f"{passed} of {n} meetings meet the rule."
    ko = f"회의 {n}건 중 {passed}건이 기준을 지켰습니다."
    if unjudged:
        en += f" {len(unjudged)} not judged (unreadable)."
        ko += f" {len(unjudged)}건은 자료를 읽을 수 없어 판정하지 않았습니다."
    return Finding(ctx.rule_id, status, listed, _join(en, extra[0]), _join(ko, extra[1]), passed, n)


def _join(a: str, b: str) -> str:
    return f"{a} {b}".strip()


def _readable_text(committee: CommitteeView, doc_ids: list[str]) -> tuple[str, bool]:
    """The extracted text of some documents, and whether any of their files could not be read."""
    view = committee.archive
    parts: list[str] = []
    unreadable = False
    for doc_id in doc_ids:
        doc = view.documents[doc_id]
        if doc.body_text:
            parts.append(doc.body_text)
        for f in view.files_of_document(doc_id):
            if f.status is FileStatus.OK:
                parts.append(view.read_text(f))
            elif f.status in _UNREADABLE:
                unreadable = True
    return "\n".join(p for p in parts if p), unreadable


# -- the checks ---------------------------------------------------------------------------------


@check("notice_advance", "posting date at least `days` days before the start", days=Param(int))
def notice_advance(committee: CommitteeView, ctx: CheckContext, *, days: int) -> Finding:
    results = []
    for f in held_in(committee, ctx):
        ok = f.days_ahead is not None and f.days_ahead >= days
        source_en = "등록일" if f.posted_from == "등록일" else "first seen; no 등록일 shown"
        source_ko = "등록일" if f.posted_from == "등록일" else "등록일 없음, 처음 확인한 날"
        if f.days_ahead is None:
            en, ko = "posting date unknown", "게시일 미상"
        else:
            en = f"posted {f.days_ahead} day(s) ahead ({source_en} {f.posted_on})"
            ko = f"{f.days_ahead}일 전 게시 ({source_ko} {f.posted_on})"
        results.append((ok, _fm(f, en, ko)))
    return verdict(ctx, results, none=("No meeting held in the period.", "기간 안에 열린 회의가 없습니다."))


@check(
    "notice_contents",
    "the notice document states the items",
    items=Param(list, tuple(NOTICE_ITEMS)),
)
def notice_contents(committee: CommitteeView, ctx: CheckContext, *, items: list[str]) -> Finding:
    view = committee.archive
    results, unjudged = [], []
    for f in held_in(committee, ctx):
        notices = [d for d in view.documents_of_meeting(f.meeting_id) if d.doc_type is DocType.NOTICE]
        public = [d.document_id for d in notices if is_public(d)]
        if not notices:
            results.append((False, _fm(f, "no notice document", "개최 안내 문서 없음")))
            continue
        if not public:
            results.append((False, _fm(f, "the notice is not public", "개최 안내 비공개")))
            continue
        text, unreadable = _readable_text(committee, public)
        if not text:
            unjudged.append(_fm(f, "notice text could not be read", "안내 문서 본문을 읽을 수 없음", ok=True))
            continue
        ctx_text = Context(f.title, committee.name)
        missing = missing_items(text, NOTICE_ITEMS, items, ctx_text)
        if missing and unreadable:
            unjudged.append(_fm(f, "part of the notice could not be read", "안내 문서 일부를 읽을 수 없음", ok=True))
            continue
        en = "lacks " + ", ".join(NOTICE_ITEMS[k].label_en for k in missing) if missing else "complete"
        ko = ", ".join(NOTICE_ITEMS[k].label_ko for k in missing) + " 누락" if missing else "완비"
        results.append((not missing, _fm(f, en, ko)))
    return verdict(
        ctx, results, unjudged=unjudged, none=("No meeting held in the period.", "기간 안에 열린 회의가 없습니다.")
    )


def is_public(doc: Document) -> bool:
    """Public or partly public: what the public can see of a document."""
    return doc.disclosure is not None and doc.disclosure.level in (Disclosure.PUBLIC, Disclosure.PARTIAL)


MEETING_FIELD_LABELS = {
    "datetime": ("일시", "date and time"),
    "place": ("장소", "place"),
    "attendees": ("참석대상", "attendees"),
    "agenda": ("안건", "agenda"),
}


def meeting_field_present(meeting: Any, key: str) -> bool:
    if key == "datetime":
        return bool(meeting.when_seen or meeting.start)
    return bool(getattr(meeting, key))


@check(
    "meeting_fields",
    "the meeting page shows each field",
    fields=Param(list, tuple(MEETING_FIELD_LABELS)),
)
def meeting_fields(committee: CommitteeView, ctx: CheckContext, *, fields: list[str]) -> Finding:
    results = []
    for meeting in committee.meetings_in(ctx.period):
        if meeting.status is MeetingStatus.CANCELLED:
            continue
        missing = [k for k in fields if not meeting_field_present(meeting, k)]
        facts = ctx.measures.of(meeting)
        en = "lacks " + ", ".join(MEETING_FIELD_LABELS[k][1] for k in missing) if missing else "complete"
        ko = ", ".join(MEETING_FIELD_LABELS[k][0] for k in missing) + " 누락" if missing else "완비"
        results.append((not missing, _fm(facts, en, ko)))
    return verdict(ctx, results, none=("No meeting in the period.", "기간 안에 회의가 없습니다."))


@check(
    "minutes_published",
    "minutes or result published, or closed lawfully, once `due_days` have passed",
    due_days=Param(int),
)
def minutes_published(committee: CommitteeView, ctx: CheckContext, *, due_days: int) -> Finding:
    results = []
    not_due = 0
    crawl_day = seoul_day(ctx.crawl_time)
    for f in held_in(committee, ctx):
        if f.published:
            results.append((True, _fm(f, "published", "공개")))
        elif f.closed_lawfully:
            results.append((True, _fm(f, f"closed lawfully ({f.closed_basis})", f"적법한 비공개 ({f.closed_basis})")))
        elif f.day is not None and (crawl_day - f.day).days < due_days:
            not_due += 1
        else:
            age = (crawl_day - f.day).days if f.day else None
            results.append(
                (False, _fm(f, f"not published {age} days after the meeting", f"회의 후 {age}일 동안 미공개"))
            )
    extra = (
        f"{not_due} held less than {due_days} days before the crawl: not yet due.",
        f"{not_due}건은 수집 시점에 아직 기한({due_days}일) 전입니다.",
    )
    return verdict(
        ctx,
        results,
        none=("No meeting held in the period.", "기간 안에 열린 회의가 없습니다."),
        extra=extra if not_due else ("", ""),
    )


@check(
    "publication_lag",
    "published within `days` days (also reports `outer_days`)",
    days=Param(int),
    outer_days=Param(int),
)
def publication_lag(committee: CommitteeView, ctx: CheckContext, *, days: int, outer_days: int) -> Finding:
    results = []
    beyond_outer = 0
    for f in held_in(committee, ctx):
        if not f.published or f.lag_days is None:
            continue
        ok = f.lag_days <= days
        beyond_outer += f.lag_days > outer_days
        late = f" — beyond {outer_days} days" if f.lag_days > outer_days else ""
        late_ko = f" — {outer_days}일 초과" if f.lag_days > outer_days else ""
        en = f"published {f.lag_days} day(s) after the meeting ({f.first_published_on}){late}"
        ko = f"회의 후 {f.lag_days}일 만에 공개 ({f.first_published_on}){late_ko}"
        results.append((ok, _fm(f, en, ko)))
    extra = (f"{beyond_outer} beyond {outer_days} days.", f"{beyond_outer}건은 {outer_days}일을 넘겼습니다.")
    return verdict(
        ctx,
        results,
        none=("No published meeting in the period.", "기간 안에 공개된 회의가 없습니다."),
        extra=extra if beyond_outer else ("", ""),
    )


@check(
    "minutes_contents",
    "published minutes state the decree's items",
    items=Param(list, tuple(MINUTES_ITEMS)),
)
def minutes_contents(committee: CommitteeView, ctx: CheckContext, *, items: list[str]) -> Finding:
    view = committee.archive
    results, unjudged = [], []
    for f in held_in(committee, ctx):
        minutes = [
            d.document_id
            for d in view.documents_of_meeting(f.meeting_id)
            if d.doc_type is DocType.MINUTES and publishes_record(d, view.files_of_document(d.document_id))
        ]
        if not minutes:
            continue
        text, unreadable = _readable_text(committee, minutes)
        if not text:
            unjudged.append(_fm(f, "minutes text could not be read", "회의록 본문을 읽을 수 없음", ok=True))
            continue
        missing = missing_items(text, MINUTES_ITEMS, items, Context(f.title, committee.name))
        if missing and unreadable:
            unjudged.append(_fm(f, "part of the minutes could not be read", "회의록 일부를 읽을 수 없음", ok=True))
            continue
        en = "lacks " + ", ".join(MINUTES_ITEMS[k].label_en for k in missing) if missing else "complete"
        ko = ", ".join(MINUTES_ITEMS[k].label_ko for k in missing) + " 누락" if missing else "완비"
        results.append((not missing, _fm(f, en, ko)))
    return verdict(
        ctx,
        results,
        unjudged=unjudged,
        none=("No minutes published for meetings in the period.", "기간 안 회의의 공개된 회의록이 없습니다."),
    )


@check("withholding_ground", "partial or closed approval documents state an Article 9(1) ground")
def withholding_ground(committee: CommitteeView, ctx: CheckContext) -> Finding:
    view = committee.archive
    results = []
    for meeting in committee.meetings_in(ctx.period):
        f = ctx.measures.of(meeting)
        withheld = [
            d
            for d in view.documents_of_meeting(meeting.meeting_id)
            if d.doc_type in APPROVAL_TYPES and d.disclosure is not None and d.disclosure.level is not Disclosure.PUBLIC
        ]
        if not withheld:
            continue
        bad = [view.documents[d] for d in f.withheld_without_ground]
        names = "; ".join(
            f"{d.title} ({d.disclosure.seen or d.disclosure.level.label_ko})" for d in bad if d.disclosure
        )
        en = f"withheld without a ground: {names}" if bad else "grounds stated"
        ko = f"사유 없이 비공개: {names}" if bad else "사유 명시"
        results.append((not bad, _fm(f, en, ko)))
    return verdict(
        ctx, results, none=("Nothing was withheld in the period.", "기간 안에 비공개·부분공개한 문서가 없습니다.")
    )


def quarter_counts(committee: CommitteeView, ctx: CheckContext) -> list[tuple[int, int, int]]:
    """(year, quarter, meetings held) for each quarter the rule judges: wholly inside the period,
    ended before the crawl, and not before the committee was established."""
    crawl_day = seoul_day(ctx.crawl_time)
    established = committee.established
    held_days = [f.day for f in held_in(committee, ctx) if f.day is not None]
    out = []
    for year, q, first, last in ctx.period.quarters():
        if last < crawl_day and (established is None or last >= established):
            out.append((year, q, sum(1 for d in held_days if first <= d <= last)))
    return out


@check("meeting_quarterly", "held meetings in each complete quarter", per_quarter=Param(int))
def meeting_quarterly(committee: CommitteeView, ctx: CheckContext, *, per_quarter: int) -> Finding:
    quarters = quarter_counts(committee, ctx)
    short = [f"{year} Q{q} ({n})" for year, q, n in quarters if n < per_quarter]
    if not quarters:
        return Finding(
            ctx.rule_id,
            Status.NOT_APPLICABLE,
            (),
            "No complete quarter in the period before the crawl.",
            "기간 안에 수집 전에 끝난 온전한 분기가 없습니다.",
        )
    passed = len(quarters) - len(short)
    status = Status.PASS if not short else Status.FAIL if passed == 0 else Status.PARTIAL
    en = f"{passed} of {len(quarters)} quarters had at least {per_quarter} meeting(s)."
    ko = f"분기 {len(quarters)}개 중 {passed}개 분기에 {per_quarter}회 이상 회의를 열었습니다."
    if short:
        en += " Short: " + ", ".join(short) + "."
        ko += " 미달: " + ", ".join(short) + "."
    return Finding(ctx.rule_id, status, (), en, ko, passed, len(quarters))


PROFILE_FIELDS = {
    "category": ("분류", "category"),
    "functions": ("주요기능 및 역할", "functions and role"),
    "legal_basis": ("설치근거", "legal basis"),
    "term": ("임기", "term"),
    "members": ("위원 명단", "member list"),
    "department": ("담당부서", "department"),
    "phone": ("연락처", "phone"),
}


def profile_field_present(record: Any, key: str) -> bool:
    if key == "category":
        return bool(record.category or record.category_seen)
    return bool(getattr(record, key))


@check("profile_complete", "the committee page shows each profile field", fields=Param(list, tuple(PROFILE_FIELDS)))
def profile_complete(committee: CommitteeView, ctx: CheckContext, *, fields: list[str]) -> Finding:
    record = committee.record
    if record is None:
        return Finding(
            ctx.rule_id,
            Status.INSUFFICIENT_DATA,
            (),
            "No committee page in the archive.",
            "위원회 화면 기록이 없습니다.",
        )
    missing = [k for k in fields if not profile_field_present(record, k)]
    passed = len(fields) - len(missing)
    status = Status.PASS if not missing else Status.FAIL if passed == 0 else Status.PARTIAL
    en = (
        "All profile fields present."
        if not missing
        else "Missing: " + ", ".join(PROFILE_FIELDS[k][1] for k in missing) + "."
    )
    ko = "모든 항목이 있습니다." if not missing else "누락: " + ", ".join(PROFILE_FIELDS[k][0] for k in missing) + "."
    return Finding(ctx.rule_id, status, (), en, ko, passed, len(fields))
