"""Golden figures on a small literal archive: every definition and edge, computed by hand.

The archive is written as the crawler writes it (`ArchiveStore.put` of `to_dict(record)` envelopes,
extracted text in the text store, `pages` records for fetches that failed). Crawl time 2024-12-20
12:00 Seoul; the report is for 2024; thresholds are the defaults (notice 5 days, publication 5/30
days, ranking from 5 meetings).

가나위원회 (A, health) — every kind of meeting:
  a1  2024-03-10 held; 등록일 03-01 (9 days ahead); minutes public, file read, posted 03-12 (lag 2);
      full notice and full minutes
  a2  2024-04-15 held; no 등록일, first seen 04-12 (3 days: late); result public with page text
      only, no 생산일자, first seen 05-20 (lag 35: late minutes); no notice
  a3  2024-06-05 held; 등록일 05-31 (exactly 5 days: on time); minutes partly public (ground 6),
      posted 06-08 (lag 3), lacking remarks and decisions; roster withheld; notice without an official
  a4  2024-07-01 held; result closed on ground 5 → closed lawfully; page has no place
  a5  2024-08-01 held; result closed without a ground → not closed lawfully; page has no agenda
  a6  2024-09-01 cancelled (not held)
  a7  2024-12-27 upcoming: after the crawl (not held)
  a8  2024-10-10 held; minutes public but its file failed to download, no page text → not published
  a9  2024-12-18 held two days before the crawl, nothing yet (not published, not yet due)
  a11 2024-11-05 the site still says 예정 but it started before the crawl → held by definition
  a10 2023-05-05 held and published (outside the period; in the trend)
다라위원회 (B, health) — closed by law: b1 no documents, b2 result closed on ground 1; b0 (2023)
  whose page failed at the last crawl (B is unavailable for 2023 only); profile lacks term, members
마바위원회 (C, economy) — no meetings at all
사아위원회 (D, economy) — its committee page failed: source unavailable, never judged
u1 — a held meeting whose committee is unknown
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from guidelines import ArchiveView, Period, compute, sort_committees
from guidelines.checks import Status
from minutes.archive import Archive
from minutes.domain import SEOUL, Committee, DisclosureStatus, Document, FileRecord, Meeting, to_dict
from minutes.settings import Settings
from minutes.vocabulary import Category, Disclosure, DocType, FileStatus, MeetingStatus

CRAWL = datetime(2024, 12, 20, 12, 0, tzinfo=SEOUL)
SITE = "https://opengov.seoul.go.kr"


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=SEOUL)


MINUTES_FULL = """2024년 제1차 가나위원회 회의록
1. 회의 일시: 2024년 3월 10일(일) 10:00 ~ 11:30
2. 회의 장소: 서울시청 본관 회의실
3. 참석 위원: 5명 (홍길동, 김철수, 이영희, 박민수, 최지우)
4. 배석: 보건정책과장
5. 회의 안건
  안건 제1호 공공보건 시행계획안(심의)
6. 회의 내용
○위원장 홍길동: 성원이 되었으므로 회의를 개회하겠습니다.
○위원 김철수: 취지에 공감합니다.
○위원장 홍길동: 안건 제1호는 원안대로 가결되었음을 선포합니다.
(11시 30분 폐회)"""

MINUTES_THIN = """2024년 제3차 가나위원회 회의록
1. 회의 일시: 2024년 6월 5일 14:00
2. 장소: 본관 회의실
3. 참석: 위원A, 위원B, 위원C
4. 안건: 제1호 계획안
개회 후 간사가 안건을 설명함."""

NOTICE_FULL = """2024년 제1차 가나위원회 개최 안내
1. 일시: 2024년 3월 10일(일) 10:00
2. 장소: 서울시청 본관 회의실
3. 안건: 공공보건 시행계획안(심의)
4. 담당: 보건정책과 김담당 주무관 (02-2133-1234)"""

NOTICE_NO_OFFICIAL = """2024년 제3차 가나위원회 개최 안내
1. 일시: 2024년 6월 5일 14:00
2. 장소: 본관 회의실
3. 안건: 계획안"""


def committee(cid: str, name: str, category: Category, **kw: object) -> Committee:
    fields: dict[str, object] = {
        "functions": ["심의"],
        "legal_basis": "서울특별시 조례 제1조",
        "term": "2년",
        "department": "보건정책과",
        "phone": "02-2133-1234",
        "members": "위원 명단",
        "established": date(2010, 1, 1),
    }
    fields.update(kw)
    key = cid.removeprefix("cmit-")
    url = f"{SITE}/proceeding/cmit_view?clsf_id={key}"
    return Committee(cid, key, name, url, category, **fields)  # type: ignore[arg-type]


def meeting(mid: str, cid: str | None, name: str, start: datetime, posted: datetime | None, **kw: object) -> Meeting:
    fields: dict[str, object] = {
        "when_seen": start.strftime("%Y-%m-%d %H:%M"),
        "place": "서울시청 회의실",
        "attendees": "위원 5명",
        "agenda": "1. 계획안",
        "status": MeetingStatus.HELD,
    }
    fields.update(kw)
    return Meeting(
        mid, mid, "new", f"{start.year}년 {name}", f"{SITE}/proceeding/{mid}", cid, name,
        start=start, posted_at=posted, **fields,  # type: ignore[arg-type]
    )  # fmt: skip


def document(did: str, mid: str, cid: str, kind: DocType, level: Disclosure, ground: int | None,
             produced: datetime | None, files: list[str], body: str = "") -> Document:  # fmt: skip
    return Document(
        did, mid, kind, f"{did} 문서", f"{SITE}/sanction/{did}", cid, did,
        DisclosureStatus(level, ground, level.label_ko), produced, body_text=body, file_ids=files,
    )  # fmt: skip


def write_archive(data: Path) -> None:
    archive = Archive(data, writable=True)
    store = archive.store

    def text_file(fid: str, did: str, mid: str, text: str) -> FileRecord:
        sha = archive.texts.put(text.encode("utf-8"))
        return FileRecord(fid, did, mid, f"{fid}.hwpx", FileStatus.OK, text_path=f"text/{archive.texts.relpath(sha)}",
                          text_chars=len(text))  # fmt: skip

    committees = [
        committee("cmit-a", "가나위원회", Category.HEALTH),
        committee("cmit-b", "다라위원회", Category.HEALTH, closed_by_law=True, term="", members=""),
        committee("cmit-c", "마바위원회", Category.ECONOMY),
        committee("cmit-d", "사아위원회", Category.ECONOMY),
    ]
    a, b, d = "cmit-a", "cmit-b", "cmit-d"
    meetings = [
        meeting("a1", a, "제1차 가나위원회", at(2024, 3, 10, 10), at(2024, 3, 1)),
        meeting("a2", a, "제2차 가나위원회", at(2024, 4, 15, 14), None),
        meeting("a3", a, "제3차 가나위원회", at(2024, 6, 5, 14), at(2024, 5, 31)),
        meeting("a4", a, "제4차 가나위원회", at(2024, 7, 1, 10), at(2024, 6, 20), place=""),
        meeting("a5", a, "제5차 가나위원회", at(2024, 8, 1, 10), at(2024, 7, 31), agenda=""),
        meeting("a6", a, "제6차 가나위원회", at(2024, 9, 1, 10), at(2024, 8, 20), status=MeetingStatus.CANCELLED),
        meeting("a7", a, "제7차 가나위원회", at(2024, 12, 27, 10), at(2024, 12, 15), status=MeetingStatus.SCHEDULED),
        meeting("a8", a, "제8차 가나위원회", at(2024, 10, 10, 10), at(2024, 10, 1)),
        meeting("a9", a, "제9차 가나위원회", at(2024, 12, 18, 10), at(2024, 12, 10)),
        meeting("a11", a, "제10차 가나위원회", at(2024, 11, 5, 10), at(2024, 11, 4), status=MeetingStatus.SCHEDULED),
        meeting("a10", a, "제1차 가나위원회", at(2023, 5, 5, 10), at(2023, 4, 20)),
        meeting("b0", b, "제1차 다라위원회", at(2023, 6, 1, 10), at(2023, 5, 20)),
        meeting("b1", b, "제1차 다라위원회", at(2024, 2, 2, 10), at(2024, 1, 20)),
        meeting("b2", b, "제2차 다라위원회", at(2024, 5, 2, 10), at(2024, 5, 1)),
        meeting("d1", d, "제1차 사아위원회", at(2024, 3, 3, 10), at(2024, 2, 1)),
        meeting("u1", None, "어느 회의", at(2024, 4, 4, 10), at(2024, 3, 1)),
    ]
    P, C, X = Disclosure.PUBLIC, Disclosure.CLOSED, Disclosure.PARTIAL
    M, R, N = DocType.MINUTES, DocType.RESULT, DocType.NOTICE
    documents = [
        document("a1-min", "a1", a, M, P, None, at(2024, 3, 12), ["f-a1-min"]),
        document("a1-not", "a1", a, N, P, None, at(2024, 3, 1), ["f-a1-not"]),
        document("a2-res", "a2", a, R, P, None, None, [], body="2024년 제2차 가나위원회 결과: 원안가결"),
        document("a3-min", "a3", a, M, X, 6, at(2024, 6, 8), ["f-a3-min", "f-a3-roster"]),
        document("a3-not", "a3", a, N, P, None, at(2024, 5, 31), ["f-a3-not"]),
        document("a4-res", "a4", a, R, C, 5, at(2024, 7, 10), ["f-a4-res"]),
        document("a5-res", "a5", a, R, C, None, at(2024, 8, 5), ["f-a5-res"]),
        document("a8-min", "a8", a, M, P, None, at(2024, 10, 12), ["f-a8-min"]),
        document("a10-min", "a10", a, M, P, None, at(2023, 5, 8), ["f-a10-min"]),
        document("b2-res", "b2", b, R, C, 1, at(2024, 5, 10), ["f-b2-res"]),
        document("d1-min", "d1", d, M, P, None, at(2024, 3, 5), ["f-d1-min"]),
    ]
    for doc in documents:
        meeting_of = next(m for m in meetings if m.meeting_id == doc.meeting_id)
        meeting_of.document_ids.append(doc.document_id)
    files = [
        text_file("f-a1-min", "a1-min", "a1", MINUTES_FULL),
        text_file("f-a1-not", "a1-not", "a1", NOTICE_FULL),
        text_file("f-a3-min", "a3-min", "a3", MINUTES_THIN),
        FileRecord("f-a3-roster", "a3-min", "a3", "명단.hwp", FileStatus.NOT_PUBLIC, reason="not public", public=False),
        text_file("f-a3-not", "a3-not", "a3", NOTICE_NO_OFFICIAL),
        FileRecord("f-a4-res", "a4-res", "a4", "본문.hwpx", FileStatus.NOT_PUBLIC, reason="not public", public=False),
        FileRecord("f-a5-res", "a5-res", "a5", "본문.hwpx", FileStatus.NOT_PUBLIC, reason="not public", public=False),
        FileRecord("f-a8-min", "a8-min", "a8", "본문.hwpx", FileStatus.DOWNLOAD_ERROR, reason="HTTP 500"),
        text_file("f-a10-min", "a10-min", "a10", MINUTES_FULL),
        FileRecord("f-b2-res", "b2-res", "b2", "본문.hwpx", FileStatus.NOT_PUBLIC, reason="not public", public=False),
        text_file("f-d1-min", "d1-min", "d1", MINUTES_FULL),
    ]
    first_seen = {"a2": at(2024, 4, 12, 9), "a2-res": at(2024, 5, 20, 9)}
    for kind, records in (
        ("committees", committees),
        ("meetings", meetings),
        ("documents", documents),
        ("files", files),
    ):
        for record in records:
            rid = getattr(record, {"committees": "committee_id", "meetings": "meeting_id",
                                   "documents": "document_id", "files": "file_id"}[kind])  # fmt: skip
            seen = first_seen.get(rid, at(2024, 1, 2, 9))
            store.put(kind, rid, to_dict(record), seen_at=seen, source_url=getattr(record, "source_url", ""))
    store.put("pages", "p-a", {"url": committees[0].source_url, "status": 200, "error": ""}, seen_at=CRAWL)
    store.put("pages", "p-d", {"url": committees[3].source_url, "status": 500, "error": "HTTP 500"}, seen_at=CRAWL)
    b0_url = f"{SITE}/proceeding/b0"
    store.put("pages", "p-b0", {"url": b0_url, "status": 0, "error": "TimeoutError"}, seen_at=CRAWL)
    archive.close()
    (data / "state").mkdir()
    run = {"started_at": at(2024, 12, 20, 11).isoformat(), "finished_at": CRAWL.isoformat(), "status": "finished"}
    (data / "state" / "run.json").write_text(json.dumps(run))


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("golden")
    write_archive(path)
    return path


@pytest.fixture(scope="module")
def view(data: Path) -> ArchiveView:
    return ArchiveView.load(Archive(data))


@pytest.fixture(scope="module")
def report(view: ArchiveView):
    return compute(view, period=2024, settings=Settings())


def row(report, cid: str):
    found = report.committee(cid)
    assert found is not None, cid
    return found


# -- the crawl time -----------------------------------------------------------------------------


def test_crawl_time_comes_from_the_last_run(view):
    assert view.crawl_time == CRAWL


# -- held, published, closed lawfully, disclosure rate ----------------------------------------------


def test_held_counts_only_meetings_not_cancelled_started_in_the_period_before_the_crawl(report):
    a = row(report, "cmit-a")
    held = sorted(f.meeting_id for f in a.meetings if f.held)
    assert held == ["a1", "a11", "a2", "a3", "a4", "a5", "a8", "a9"]  # not a6 (cancelled), a7 (upcoming), a10 (2023)
    assert a.held == 8
    assert a.cancelled == 1 and a.upcoming == 1


def test_minutes_published_needs_a_public_or_partial_record_whose_content_was_retrieved(report):
    a = row(report, "cmit-a")
    published = sorted(f.meeting_id for f in a.meetings if f.published)
    assert published == ["a1", "a2", "a3"]  # a2 by page text alone; a3 partly public; not a8 (file failed)
    assert a.minutes_published == 3


def test_closed_lawfully_needs_a_ground_or_a_committee_closed_by_law(report):
    a, b = row(report, "cmit-a"), row(report, "cmit-b")
    assert [(f.meeting_id, f.closed_basis) for f in a.meetings if f.closed_lawfully] == [("a4", "ground 5")]
    assert a.closed_lawfully == 1  # a5 is closed without a ground: not lawful
    assert sorted((f.meeting_id, f.closed_basis) for f in b.meetings if f.closed_lawfully) == [
        ("b1", "closed by law"),
        ("b2", "ground 1"),
    ]
    assert b.closed_lawfully == 2


def test_disclosure_rate_and_its_wilson_interval(report):
    a = row(report, "cmit-a")
    assert a.disclosure_rate == pytest.approx(3 / 7)
    assert a.disclosure_rate_ci == pytest.approx((0.158220, 0.749542), abs=1e-6)
    assert a.not_published == 4  # a5, a8, a9, a11


def test_disclosure_rate_is_null_when_everything_was_closed_lawfully(report):
    b = row(report, "cmit-b")
    assert (b.held, b.minutes_published, b.closed_lawfully) == (2, 0, 2)
    assert b.disclosure_rate is None and b.disclosure_rate_ci is None
    assert not b.rank_eligible


def test_a_committee_without_meetings_has_no_rates(report):
    c = row(report, "cmit-c")
    assert (c.held, c.minutes_published, c.closed_lawfully, c.notice_on_time) == (0, 0, 0, 0)
    assert c.disclosure_rate is None and c.notice_rate is None and c.median_publication_lag_days is None
    assert c.meetings == ()


# -- notice ------------------------------------------------------------------------------------------


def test_notice_on_time_uses_the_posting_date_else_first_seen(report):
    a = row(report, "cmit-a")
    ahead = {f.meeting_id: (f.days_ahead, f.posted_from, f.notice_on_time) for f in a.meetings if f.held}
    assert ahead == {
        "a1": (9, "등록일", True),
        "a2": (3, "first_seen", False),  # no 등록일: first seen 2024-04-12
        "a3": (5, "등록일", True),  # exactly five days counts
        "a4": (11, "등록일", True),
        "a5": (1, "등록일", False),
        "a8": (9, "등록일", True),
        "a9": (8, "등록일", True),
        "a11": (1, "등록일", False),
    }
    assert a.notice_on_time == 5
    assert a.notice_rate == pytest.approx(5 / 8)
    assert a.notice_rate_ci == pytest.approx((0.305742, 0.863156), abs=1e-6)
    b = row(report, "cmit-b")
    assert b.notice_on_time == 1 and b.notice_rate == 0.5
    assert b.notice_rate_ci == pytest.approx((0.094531, 0.905469), abs=1e-6)


# -- publication lag ------------------------------------------------------------------------------------


def test_publication_lag_from_the_meeting_day_to_the_first_published_record(report):
    a = row(report, "cmit-a")
    lags = {f.meeting_id: f.lag_days for f in a.meetings if f.published}
    assert lags == {"a1": 2, "a2": 35, "a3": 3}  # a2's result has no 생산일자: first seen 05-20
    assert a.median_publication_lag_days == 3
    assert a.lag_within_days_share == pytest.approx(2 / 3)
    assert a.lag_within_outer_share == pytest.approx(2 / 3)
    assert a.lag_n == 3


# -- the other per-committee figures ------------------------------------------------------------------


def test_missing_fields_withholdings_and_meetings_per_year(report):
    a = row(report, "cmit-a")
    assert a.missing_fields == {"place": 1, "agenda": 1}
    assert a.withholdings_without_ground == 1  # a5's result; a3 (ground 6) and a4 (ground 5) state one
    assert a.meetings_per_year == 8.2  # 8 held in the 355 days of 2024 before the crawl, annualised
    assert (a.quarters_met, a.quarters_judged) == (3, 3)  # Q4 had not ended at the crawl
    b = row(report, "cmit-b")
    assert (b.quarters_met, b.quarters_judged) == (2, 3)


def test_ranking_needs_the_minimum_number_of_meetings(report):
    assert [(c.committee_id, c.rank_eligible, c.rank) for c in report.committees] == [
        ("cmit-a", True, 1),
        ("cmit-b", False, None),
        ("cmit-c", False, None),
        ("cmit-d", False, None),
    ]
    by_rate = sort_committees(report.committees, "disclosure_rate")
    assert [c.committee_id for c in by_rate] == ["cmit-a", "cmit-b", "cmit-c", "cmit-d"]


# -- source unavailable ------------------------------------------------------------------------------


def test_a_committee_whose_page_failed_is_source_unavailable_never_non_compliant(report):
    d = row(report, "cmit-d")
    assert d.source_unavailable
    assert (d.held, d.minutes_published) == (1, 1)  # what the archive holds is still counted
    assert d.disclosure_rate is None and d.notice_rate is None and d.disclosure_rate_ci is None
    assert not d.rank_eligible and d.rank is None
    assert {f.status for f in d.findings} == {Status.SOURCE_UNAVAILABLE}
    assert "HTTP 500" in d.findings[0].detail


def test_a_failed_page_outside_the_period_does_not_make_the_committee_unavailable(view, report):
    assert not row(report, "cmit-b").source_unavailable
    earlier = compute(view, period=2023)
    assert row(earlier, "cmit-b").source_unavailable
    assert not row(earlier, "cmit-a").source_unavailable


def test_meetings_without_a_committee_are_counted_apart(report):
    assert report.unattributed_meetings == 1
    assert all(c.committee_id != "" for c in report.committees)


# -- findings -------------------------------------------------------------------------------------------


def statuses(c) -> dict[str, tuple[str, list[str]]]:
    return {f.rule_id: (f.status.value, sorted(m.meeting_id for m in f.meetings)) for f in c.findings}


def test_findings_for_the_committee_with_every_kind_of_meeting(report):
    assert statuses(row(report, "cmit-a")) == {
        "notice-advance": ("partial", ["a11", "a2", "a5"]),
        "notice-contents": ("partial", ["a11", "a2", "a3", "a4", "a5", "a8", "a9"]),
        "meeting-fields": ("partial", ["a4", "a5"]),
        "minutes-published": ("partial", ["a11", "a5", "a8"]),  # a9 not yet due; a4 closed lawfully
        "publication-lag": ("partial", ["a2"]),
        "minutes-contents": ("partial", ["a3"]),
        "withholding-ground": ("partial", ["a5"]),
        "meeting-quarterly": ("pass", []),
        "profile-complete": ("pass", []),
    }
    a = row(report, "cmit-a")
    contents = a.finding("minutes-contents")
    assert contents is not None and contents.meetings[0].detail == "lacks gist of remarks, decisions and votes"
    notice = a.finding("notice-contents")
    assert notice is not None
    assert {m.meeting_id: m.detail for m in notice.meetings}["a3"] == "lacks official's name and phone"
    lag = a.finding("publication-lag")
    assert lag is not None and "beyond 30 days" in lag.meetings[0].detail
    published = a.finding("minutes-published")
    assert published is not None and (published.passed, published.evaluated) == (4, 7)
    assert "not yet due" in published.detail


def test_findings_for_the_committee_closed_by_law_and_the_one_without_meetings(report):
    assert statuses(row(report, "cmit-b")) == {
        "notice-advance": ("partial", ["b2"]),
        "notice-contents": ("fail", ["b1", "b2"]),
        "meeting-fields": ("pass", []),
        "minutes-published": ("pass", []),
        "publication-lag": ("not-applicable", []),
        "minutes-contents": ("not-applicable", []),
        "withholding-ground": ("pass", []),
        "meeting-quarterly": ("partial", []),
        "profile-complete": ("partial", []),
    }
    assert statuses(row(report, "cmit-c")) == {
        "notice-advance": ("not-applicable", []),
        "notice-contents": ("not-applicable", []),
        "meeting-fields": ("not-applicable", []),
        "minutes-published": ("not-applicable", []),
        "publication-lag": ("not-applicable", []),
        "minutes-contents": ("not-applicable", []),
        "withholding-ground": ("not-applicable", []),
        "meeting-quarterly": ("fail", []),
        "profile-complete": ("pass", []),
    }
    profile = row(report, "cmit-b").finding("profile-complete")
    assert profile is not None and profile.detail == "Missing: term, member list."


def test_finding_meetings_link_to_their_source(report):
    finding = row(report, "cmit-a").finding("notice-advance")
    assert finding is not None
    a5 = next(m for m in finding.meetings if m.meeting_id == "a5")
    assert a5.source_url == f"{SITE}/proceeding/a5"
    assert a5.start == at(2024, 8, 1, 10)
    assert a5.detail == "posted 1 day(s) ahead (등록일 2024-07-31)"


# -- roll-ups and trend ---------------------------------------------------------------------------------


def test_category_rollups_pool_counts_and_leave_out_unavailable_committees(report):
    health, economy = report.categories
    assert health.key == "health" and economy.key == "economy"
    assert (health.committees, health.held, health.minutes_published, health.closed_lawfully) == (2, 10, 3, 3)
    assert health.disclosure_rate == pytest.approx(3 / 7)
    assert health.notice_on_time == 6 and health.notice_rate == pytest.approx(0.6)
    assert health.notice_rate_ci == pytest.approx((0.312674, 0.831820), abs=1e-6)
    assert health.median_publication_lag_days == 3
    assert (economy.committees, economy.committees_unavailable, economy.held) == (2, 1, 0)
    assert economy.disclosure_rate is None


def test_yearly_trend(report):
    y2023, y2024 = report.trend
    assert (y2023.key, y2023.held, y2023.minutes_published, y2023.committees_unavailable) == ("2023", 1, 1, 2)
    assert y2023.disclosure_rate == 1.0
    assert y2023.disclosure_rate_ci == pytest.approx((0.206549, 1.0), abs=1e-6)
    assert (y2024.key, y2024.held, y2024.minutes_published, y2024.closed_lawfully) == ("2024", 10, 3, 3)
    assert y2024.committees_unavailable == 1


def test_a_category_filter_keeps_only_its_committees(view):
    economy = compute(view, period=2024, category="economy")
    assert [c.committee_id for c in economy.committees] == ["cmit-c", "cmit-d"]
    assert [r.key for r in economy.categories] == ["economy"]


def test_a_date_range_counts_only_its_days(view):
    spring = compute(view, period=(date(2024, 3, 1), date(2024, 6, 30)))
    a = row(spring, "cmit-a")
    assert (a.held, a.minutes_published, a.closed_lawfully, a.notice_on_time) == (3, 3, 0, 2)
    assert spring.period == Period(date(2024, 3, 1), date(2024, 6, 30))
    assert spring.to_api_dict()["year"] is None
    assert (a.quarters_met, a.quarters_judged) == (1, 1)  # only Q2 lies wholly inside


def test_thresholds_come_from_the_settings(view):
    strict = compute(view, period=2024, settings=Settings(notice_days=10, compliance_min_n=8))
    a = row(strict, "cmit-a")
    assert a.notice_on_time == 1  # only a4 (11 days)
    assert not a.rank_eligible  # 7 < 8
    notice_rule = next(r for r in strict.rules if r.id == "notice-advance")
    assert notice_rule.title_en == "Announce each meeting 10 days ahead"


# -- the API body and the CSV ---------------------------------------------------------------------------

API_KEYS = [
    "committee_id", "name", "category", "held", "minutes_published", "closed_lawfully", "disclosure_rate",
    "disclosure_rate_ci", "notice_on_time", "notice_rate", "median_publication_lag_days", "findings",
]  # fmt: skip


def test_api_body_has_the_issue_shape(report):
    body = json.loads(json.dumps(report.to_api_dict(), ensure_ascii=False))
    assert list(body)[:3] == ["year", "definitions", "committees"]
    assert body["year"] == 2024
    assert set(body["definitions"]) >= {
        "held", "minutes_published", "closed_lawfully", "disclosure_rate", "notice_on_time", "notice_rate",
        "publication_lag_days",
    }  # fmt: skip
    assert "at least 5 days" in body["definitions"]["notice_on_time"]["en"]
    a = body["committees"][0]
    assert list(a)[: len(API_KEYS)] == API_KEYS
    assert a["committee_id"] == "cmit-a" and a["category"] == "health"
    assert a["disclosure_rate"] == 0.4286 and a["disclosure_rate_ci"] == [0.1582, 0.7495]
    assert a["notice_rate"] == 0.625 and a["median_publication_lag_days"] == 3
    finding = a["findings"][0]
    assert list(finding) == ["rule_id", "status", "meetings", "detail"]
    assert finding["rule_id"] == "notice-advance" and finding["status"] == "partial"
    assert set(finding["meetings"][0]) == {"meeting_id", "title", "start", "source_url", "detail"}
    d = body["committees"][3]
    assert d["source_unavailable"] is True and d["disclosure_rate"] is None


def test_csv_has_one_row_per_committee_with_each_rule(report):
    rows = list(csv.DictReader(io.StringIO(report.to_csv())))
    assert [r["committee_id"] for r in rows] == ["cmit-a", "cmit-b", "cmit-c", "cmit-d"]
    a = rows[0]
    assert (a["held"], a["minutes_published"], a["closed_lawfully"], a["not_published"]) == ("8", "3", "1", "4")
    assert (a["disclosure_rate"], a["disclosure_rate_ci_low"], a["disclosure_rate_ci_high"]) == (
        "0.4286",
        "0.1582",
        "0.7495",
    )
    assert a["notice-advance"] == "partial" and a["meeting-quarterly"] == "pass"
    assert rows[1]["disclosure_rate"] == "" and rows[3]["source_unavailable"] == "True"


def test_actions_say_what_the_committee_still_owes(report):
    actions = report.actions("cmit-a")
    assert [a.rule.id for a in actions] == [
        "notice-advance", "notice-contents", "meeting-fields", "minutes-published", "publication-lag",
        "minutes-contents", "withholding-ground",
    ]  # fmt: skip
    published = next(a for a in actions if a.rule.id == "minutes-published")
    assert published.rule.comply_en.startswith("For each meeting in the report's list of unpublished meetings")
    assert [m.meeting_id for m in published.finding.meetings] == ["a5", "a8", "a11"]
    assert report.actions("cmit-d") == []  # source unavailable: nothing is claimed
    assert report.actions("no-such-committee") == []


def test_the_committee_detail_json_lists_every_meeting_behind_the_figures(report):
    detail = json.loads(json.dumps(row(report, "cmit-a").to_detail_dict(), ensure_ascii=False))
    meetings = {m["meeting_id"]: m for m in detail["meetings"]}
    assert set(meetings) == {"a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a11"}
    assert (meetings["a2"]["posted_on"], meetings["a2"]["posted_from"], meetings["a2"]["days_ahead"]) == (
        "2024-04-12",
        "first_seen",
        3,
    )
    assert meetings["a2"]["publication_lag_days"] == 35 and meetings["a2"]["published_documents"] == ["a2-res"]
    assert meetings["a4"]["closed_basis"] == "ground 5" and meetings["a5"]["withheld_without_ground"] == ["a5-res"]
    assert meetings["a6"]["held"] is False and meetings["a6"]["status"] == "cancelled"
