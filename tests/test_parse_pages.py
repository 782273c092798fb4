"""Field-by-field parsing of saved pages modelled on the city's real markup (both layouts).

The pages in fixtures/pages follow the observed structure of opengov.seoul.go.kr (SPEC.md), not the
replica's, so these tests keep the spiders honest about the real site.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from crawler.parsing import decode_body, parse_meeting, parse_sanction
from crawler.records import document_from_sanction, meeting_from_raw
from minutes.domain import SEOUL
from minutes.vocabulary import Category, Disclosure, DocType, MeetingStatus

PAGES = Path(__file__).parent / "fixtures" / "pages"
BASE = "https://opengov.seoul.go.kr"


def load(name: str, content_type: str = "") -> str:
    text, _ = decode_body((PAGES / name).read_bytes(), content_type)
    return text


@pytest.fixture(scope="module")
def new_layout():
    raw = parse_meeting(load("meeting_new_26039080.html"), f"{BASE}/proceeding/26039080")
    meeting, missing = meeting_from_raw(raw)
    return raw, meeting, missing


@pytest.fixture(scope="module")
def old_layout():
    raw = parse_meeting(load("meeting_old_J10CB200802191329000.html"), f"{BASE}/proceeding/info/J10CB200802191329000")
    meeting, missing = meeting_from_raw(raw)
    return raw, meeting, missing


def test_new_layout_identity(new_layout):
    raw, meeting, _ = new_layout
    assert raw.layout == "new"
    assert meeting.meeting_id == "mtg-26039080"
    assert meeting.title == "2022년 제4차 문화재위원회(건축분과)"


def test_new_layout_when(new_layout):
    assert new_layout[1].start == datetime(2022, 5, 26, 14, 0, tzinfo=SEOUL)
    assert new_layout[1].when_seen == "2022-05-26(목) 14:00"


def test_new_layout_place(new_layout):
    assert new_layout[1].place == "서소문별관 1동 4층 회의실"


def test_new_layout_attendance(new_layout):
    assert new_layout[1].attendees == "문화재위원회(건축분과) 위원 7명"
    assert new_layout[1].attendee_count == 7


def test_new_layout_agenda(new_layout):
    assert new_layout[1].agenda_count == 6


def test_new_layout_category(new_layout):
    assert new_layout[1].category is Category.CULTURE_TOURISM
    assert new_layout[1].category_seen == "문화관광"


def test_new_layout_department_and_phone(new_layout):
    assert new_layout[1].department == "역사문화재과"
    assert new_layout[1].phone == "02-2133-2632"


def test_new_layout_committee(new_layout):
    assert new_layout[1].committee_id == "cmit-1810"
    assert new_layout[1].committee_name == "문화재위원회"


def test_new_layout_attachments(new_layout):
    raw = new_layout[0]
    assert [a.name for a in raw.attachments] == ["2022년 제4차 건축분과 안건자료.pdf", "위원 명단.hwp"]
    assert raw.attachments[0].size_seen == "1.2 MB"
    assert raw.attachments[0].url.startswith(f"{BASE}/og/com/download.php?nid=26039080")
    assert raw.attachments[1].public is False and raw.attachments[1].url is None


def test_new_layout_sanctions(new_layout):
    title = "2022년 제4차 문화재위원회(건축분과) 회의 결과 보고"
    assert new_layout[0].sanctions == [(f"{BASE}/sanction/26041234", title)]
    assert "doc-26041234" in new_layout[1].document_ids


def test_new_layout_has_every_field(new_layout):
    assert new_layout[2] == []


def test_old_layout_is_euc_kr_and_decodes():
    raw_bytes = (PAGES / "meeting_old_J10CB200802191329000.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw_bytes.decode("utf-8")
    text, codec = decode_body(raw_bytes, "text/html; charset=EUC-KR")
    assert codec == "cp949" and "도시공원위원회" in text


def test_old_layout_status_from_title(old_layout):
    _, meeting, _ = old_layout
    assert meeting.title == "2020년 제5차 도시공원위원회 소위원회"
    assert meeting.status is MeetingStatus.HELD
    assert meeting.layout == "old" and meeting.meeting_id == "mtg-J10CB200802191329000"


def test_old_layout_day_only_date(old_layout):
    assert old_layout[1].start == datetime(2020, 6, 9, tzinfo=SEOUL)


def test_old_layout_three_level_category(old_layout):
    assert old_layout[1].category is Category.ENVIRONMENT


def test_old_layout_counts(old_layout):
    assert old_layout[1].attendee_count == 15
    assert old_layout[1].agenda_count == 3


def test_old_layout_committee_table(old_layout):
    raw, meeting, _ = old_layout
    assert raw.committee_info["구성일자"] == "2019-05-16"
    assert meeting.committee_name == "도시공원위원회"
    assert meeting.committee_id is None  # no link: resolved by name against the roster later


def test_old_layout_missing_fields_are_reported(old_layout):
    assert old_layout[2] == []
    assert old_layout[1].legal_basis == ""


@pytest.fixture(scope="module")
def sanction():
    raw = parse_sanction(
        load("sanction_26041234.html"), f"{BASE}/sanction/26041234", meeting_url=f"{BASE}/proceeding/26039080"
    )
    return raw, document_from_sanction(raw)


def test_sanction_title_and_type(sanction):
    assert sanction[1].title == "2022년 제4차 문화재위원회(건축분과) 회의 결과 보고"
    assert sanction[1].doc_type is DocType.RESULT


def test_sanction_disclosure_ground_from_header(sanction):
    assert sanction[0].disclosure_seen == "부분공개(5)"
    assert sanction[1].disclosure.level is Disclosure.PARTIAL
    assert sanction[1].disclosure.ground == 5


def test_sanction_produced_date(sanction):
    assert sanction[1].produced_at == datetime(2022, 6, 2, tzinfo=SEOUL)


def test_sanction_info_fields(sanction):
    doc = sanction[1]
    assert (doc.organisation, doc.department, doc.doc_number) == ("서울특별시", "역사문화재과", "역사문화재과-12594")
    assert doc.retention == "10년" and doc.classification == "문화재위원회 운영"


def test_sanction_links_meeting_and_files(sanction):
    raw, doc = sanction
    assert doc.meeting_id == "mtg-26039080"
    assert [a.name for a in raw.attachments] == ["결재문서본문.hwpx", "심의 의견서.hwp"]
    assert raw.attachments[0].size_seen == "33.94 KB"
    assert raw.attachments[1].public is False
    assert doc.file_ids[0] == "file-F2022052600001"


def test_broken_html_still_parses():
    """Unclosed tags and a truncated page: what is there is kept, nothing raises."""
    html = load("meeting_new_26039080.html")
    broken = html.replace("</td>", "").replace("</tr>", "")[: int(len(html) * 0.7)]
    raw = parse_meeting(broken, f"{BASE}/proceeding/26039080")
    meeting, _ = meeting_from_raw(raw)
    assert meeting.title == "2022년 제4차 문화재위원회(건축분과)"
    assert meeting.start == datetime(2022, 5, 26, 14, 0, tzinfo=SEOUL)
    assert meeting.place == "서소문별관 1동 4층 회의실"


def test_page_with_no_fields_yields_a_record_with_everything_missing():
    raw = parse_meeting(
        "<html><body><h3 class='title-article'>제1차 테스트위원회</h3></body></html>", f"{BASE}/proceeding/123"
    )
    meeting, missing = meeting_from_raw(raw)
    assert meeting.meeting_id == "mtg-123" and meeting.start is None
    assert missing == ["일시", "장소", "참석대상", "안건"]


def test_wrongly_labelled_encoding_is_recovered():
    """A page labelled UTF-8 that is really EUC-KR decodes by its bytes, not its label."""
    body = "<html><body><h3 class='title-article'>제2차 인권위원회</h3></body></html>".encode("cp949")
    text, codec = decode_body(body, "text/html; charset=utf-8")
    assert codec == "cp949" and "인권위원회" in text


@pytest.mark.parametrize(
    ("note", "closed"),
    [
        ("※ 이 위원회의 회의록은 「지방공무원법」 제7조에 따라 공개하지 아니합니다.", True),
        ("회의록은 「공직자윤리법」 제9조에 따라 비공개합니다.", True),
        ("회의록은 관련 규정에 따라 공개하지 않습니다.", True),
        ("※ 회의록은 개인정보 등 비공개 대상 정보를 제외하고 부분공개합니다.", False),
        ("※ 회의 결과 및 회의록은 회의 종료 후 5일 이내에 공개합니다.", False),
        ("회의록은 회의 종료 30일 후 신청에 의해 열람할 수 있습니다.", False),
        ("", False),
    ],
)
def test_committee_closed_by_law_from_its_minutes_note(note, closed):
    from crawler.records import closed_by_law

    assert closed_by_law(note) is closed
