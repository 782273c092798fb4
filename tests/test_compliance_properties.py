"""Properties of the report on random small archives: rates stay in [0, 1], counts add up.

Archives are built in memory (`ArchiveView.build`), so Hypothesis can try hundreds of them: random
statuses, days, posting dates, document kinds, disclosure levels and grounds (including invalid
ones), file outcomes, committees closed by law, and failed source pages.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guidelines import ArchiveView, Status, compute
from minutes.domain import SEOUL, Committee, DisclosureStatus, Document, FileRecord, Meeting, from_dict, to_dict
from minutes.settings import Settings
from minutes.vocabulary import Category, Disclosure, DocType, FileStatus, MeetingStatus

CRAWL = datetime(2025, 6, 15, 12, 0, tzinfo=SEOUL)
FIRST_DAY = date(2023, 10, 1)
SPAN = (date(2025, 9, 30) - FIRST_DAY).days


@st.composite
def archives(draw: st.DrawFn) -> ArchiveView:
    committees, meetings, documents, files = [], [], [], []
    failed: dict[str, str] = {}
    first_seen: dict[str, datetime] = {}
    for c in range(draw(st.integers(1, 4))):
        cid = f"cmit-{c}"
        url = f"https://x.test/proceeding/cmit_view?clsf_id={c}"
        committees.append(
            Committee(
                cid,
                str(c),
                f"위원회{c}",
                url,
                draw(st.sampled_from([Category.HEALTH, Category.ECONOMY, None])),
                closed_by_law=draw(st.booleans()),
                term=draw(st.sampled_from(["", "2년"])),
            )
        )
        if draw(st.integers(0, 9)) == 0:
            failed[url] = "HTTP 500"
        for m in range(draw(st.integers(0, 6))):
            mid = f"m{c}-{m}"
            day = FIRST_DAY + timedelta(days=draw(st.integers(0, SPAN)))
            start = datetime(day.year, day.month, day.day, 10, tzinfo=SEOUL)
            posted = start - timedelta(days=draw(st.integers(-3, 15)))
            meeting = Meeting(
                mid,
                mid,
                "new",
                f"제{m}차 위원회{c}",
                f"https://x.test/proceeding/{mid}",
                draw(st.sampled_from([cid, cid, cid, None])),
                status=draw(st.sampled_from(list(MeetingStatus))),
                start=start if draw(st.integers(0, 9)) else None,
                posted_at=posted if draw(st.booleans()) else None,
                place=draw(st.sampled_from(["", "회의실"])),
            )
            first_seen[mid] = posted + timedelta(days=draw(st.integers(0, 30)))
            if draw(st.integers(0, 14)) == 0:
                failed[meeting.source_url] = "TimeoutError"
            for d in range(draw(st.integers(0, 3))):
                did = f"{mid}-d{d}"
                level = draw(st.sampled_from(list(Disclosure)))
                ground = draw(st.sampled_from([None, 1, 5, 6, 9]))
                doc = Document(
                    did,
                    mid,
                    draw(st.sampled_from(list(DocType))),
                    did,
                    f"https://x.test/sanction/{did}",
                    cid,
                    disclosure=DisclosureStatus(level, ground) if draw(st.integers(0, 9)) else None,
                    produced_at=start + timedelta(days=draw(st.integers(-5, 90))) if draw(st.booleans()) else None,
                    body_text=draw(st.sampled_from(["", "", "본문"])),
                )
                first_seen[did] = start + timedelta(days=draw(st.integers(0, 60)))
                for f in range(draw(st.integers(0, 2))):
                    fid = f"{did}-f{f}"
                    files.append(FileRecord(fid, did, mid, fid, draw(st.sampled_from(list(FileStatus)))))
                    doc.file_ids.append(fid)
                documents.append(doc)
                meeting.document_ids.append(did)
            meetings.append(meeting)
    return ArchiveView.build(
        committees=committees,
        meetings=meetings,
        documents=documents,
        files=files,
        meeting_first_seen={k: v for k, v in first_seen.items() if not k.count("-d")},
        document_first_seen={k: v for k, v in first_seen.items() if k.count("-d")},
        failed_pages=failed,
        crawl_time=CRAWL,
    )


def in_unit(value: float | None) -> bool:
    return value is None or 0.0 <= value <= 1.0


def contains(ci: tuple[float, float] | None, value: float | None) -> bool:
    if value is None:
        return ci is None
    return ci is not None and 0.0 <= ci[0] <= value <= ci[1] <= 1.0


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(archives(), st.sampled_from([2024, 2025, (date(2024, 3, 1), date(2025, 5, 31))]))
def test_rates_stay_in_the_unit_interval_and_counts_add_up(view, period):
    report = compute(view, period=period, settings=Settings(compliance_min_n=2))
    for c in report.committees:
        assert c.held == c.minutes_published + c.closed_lawfully + c.not_published
        assert 0 <= c.minutes_published <= c.held and 0 <= c.closed_lawfully <= c.held
        assert 0 <= c.notice_on_time <= c.held
        for value in (c.disclosure_rate, c.notice_rate, c.lag_within_days_share, c.lag_within_outer_share):
            assert in_unit(value)
        assert contains(c.disclosure_rate_ci, c.disclosure_rate)
        assert contains(c.notice_rate_ci, c.notice_rate)
        if c.source_unavailable:
            assert c.disclosure_rate is None and not c.rank_eligible
            assert {f.status for f in c.findings} == {Status.SOURCE_UNAVAILABLE}
        else:
            assert (c.disclosure_rate is None) == (c.held - c.closed_lawfully == 0)
            assert (c.notice_rate is None) == (c.held == 0)
            assert Status.SOURCE_UNAVAILABLE not in {f.status for f in c.findings}
        assert c.rank_eligible == (not c.source_unavailable and c.held - c.closed_lawfully >= 2)
        assert (c.rank is not None) == c.rank_eligible
        own = {f.meeting_id for f in c.meetings}  # the meetings in the period
        everything = set(view.meetings_of.get(c.committee_id, ()))  # failed pages of undated ones too
        for finding in c.findings:
            listed = {m.meeting_id for m in finding.meetings}
            assert listed <= (everything if finding.status is Status.SOURCE_UNAVAILABLE else own)
            assert 0 <= finding.passed <= finding.evaluated
        for f in c.meetings:
            assert not f.published or f.held
            assert not f.closed_lawfully or (f.held and not f.published)
            assert not (f.held and f.upcoming)
            assert f.lag_days is None or f.published


@FAST
@given(archives())
def test_rollups_and_trend_pool_the_committees_counts(view):
    report = compute(view, period=2024)
    counted = [c for c in report.committees if not c.source_unavailable]
    for key in ("held", "minutes_published", "closed_lawfully", "notice_on_time"):
        assert sum(getattr(r, key) for r in report.categories) == sum(getattr(c, key) for c in counted)
    assert sum(r.committees for r in report.categories) == len(report.committees)
    for rollup in (*report.categories, *report.trend):
        assert in_unit(rollup.disclosure_rate) and in_unit(rollup.notice_rate)
        assert contains(rollup.disclosure_rate_ci, rollup.disclosure_rate)
        assert contains(rollup.notice_rate_ci, rollup.notice_rate)
    year = next((r for r in report.trend if r.key == "2024"), None)
    if year is not None:
        assert (year.held, year.minutes_published, year.closed_lawfully) == (
            sum(c.held for c in counted),
            sum(c.minutes_published for c in counted),
            sum(c.closed_lawfully for c in counted),
        )


@FAST
@given(archives())
def test_ranks_are_dense_and_follow_the_lower_bound(view):
    report = compute(view, period=2024, settings=Settings(compliance_min_n=1))
    ranked = sorted((c for c in report.committees if c.rank is not None), key=lambda c: c.rank)
    assert [c.rank for c in ranked] == list(range(1, len(ranked) + 1))
    lows = [c.disclosure_rate_ci[0] for c in ranked if c.disclosure_rate_ci]
    assert lows == sorted(lows, reverse=True)


@settings(max_examples=100, deadline=None)
@given(archives())
def test_the_fast_record_reader_agrees_with_from_dict(view):
    for record in (*view.committees.values(), *view.meetings.values(), *view.documents.values()):
        data = to_dict(record)
        assert from_dict(type(record), data) == record
