"""The replica's pages over real HTTP: every URL type answers with the markup SPEC.md describes."""

from __future__ import annotations

import re
from datetime import date

import httpx
import pytest
from bs4 import BeautifulSoup

from minutes.vocabulary import Category, MeetingStatus
from replica import ReplicaServer, build_site
from replica.model import Layout, Status

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def site():
    return build_site("tiny", seed=1, today=TODAY)


@pytest.fixture(scope="module")
def server(site):
    with ReplicaServer(site) as running:
        yield running


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server.url, timeout=10) as c:
        yield c


def soup_of(response: httpx.Response) -> BeautifulSoup:
    assert response.status_code == 200, response.url
    return BeautifulSoup(response.content, "html.parser")


def fields(table) -> dict[str, str]:
    """th → td text for a th/td table (one or more pairs per row)."""
    return {
        th.get_text(strip=True): th.find_next_sibling("td").get_text(" ", strip=True) for th in table.find_all("th")
    }


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert response.text.splitlines() == ["User-agent: *", "Crawl-delay: 0", "Disallow: /admin/"]


def test_robots_txt_with_a_delay_or_none(site):
    with ReplicaServer(site, crawl_delay=10) as slow, ReplicaServer(site, crawl_delay=None) as bare:
        assert "Crawl-delay: 10\n" in httpx.get(slow.url + "/robots.txt").text
        assert "Crawl-delay" not in httpx.get(bare.url + "/robots.txt").text


def test_every_page_is_marked_as_replica_demo_data(client, site):
    for url in ["/", "/proceeding/clas_all", site.committees[0].path, "/proceeding/list", site.meetings[0].path]:
        soup = soup_of(client.get(url))
        assert soup.find("meta", attrs={"name": "x-replica"})["content"] == "open-minutes-seoul"
        assert "Demo data from a replica" in soup.select_one(".replica-banner").get_text()
    missing = client.get("/nowhere")
    assert missing.status_code == 404 and 'name="x-replica"' in missing.text


def test_committee_index_groups_by_category(client, site):
    soup = soup_of(client.get("/proceeding/clas_all"))
    headings = [h.get_text(strip=True) for h in soup.select(".cmit-category h3")]
    assert all(Category.from_label(h) for h in headings)
    links = soup.select(".cmit-category a[href^='/proceeding/cmit_view?clsf_id=']")
    assert len(links) == len(site.committees)
    parks = soup.find("a", string="도시공원위원회")
    assert parks["href"] == "/proceeding/cmit_view?clsf_id=1734"
    assert parks.find_parent(class_="cmit-category").h3.get_text(strip=True) == "환경"


def test_committee_page(client, site):
    soup = soup_of(client.get("/proceeding/cmit_view?clsf_id=1734"))
    assert soup.select_one(".page-title").get_text(strip=True) == "위원회 회의정보"
    assert soup.select_one("h3.title-article").get_text(" ", strip=True) == "환경 도시공원위원회"
    table = soup.find("caption", string=re.compile("^위원회 상세")).find_parent("table")
    detail = fields(table)
    assert list(detail) == ["주요기능 및 역할", "설치근거/임기", "위원 명단", "담당부서(연락처)"]
    assert detail["주요기능 및 역할"].startswith("1. ")
    assert detail["설치근거/임기"] == ("도시공원 및 녹지 등에 관한 법률 제50조, 서울특별시 도시공원 조례 제24조 / 2년")
    assert detail["담당부서(연락처)"] == "공원조성과 (02-2133-2081)"
    assert "30일" in soup.select_one(".minutes-note").get_text()
    meetings = soup.select(".cmit-meetings .view-content li a")
    assert {a["href"] for a in meetings} == {m.path for m in site.meetings_of[1734]}
    assert soup.select_one(".demo-label") is None


def test_demo_committee_is_labelled(client, site):
    demo = next(c for c in site.committees if c.demo)
    soup = soup_of(client.get(demo.path))
    assert soup.select_one(".demo-label").get_text(strip=True) == "가상 위원회(데모)"


def test_committee_category_spelling_varies(client, site):
    """주택ㆍ도시계획 on one page, 주택/도시계획 on another: spiders must normalise."""
    housing = next(c for c in site.committees if c.category is Category.HOUSING_URBAN_PLANNING)
    index = soup_of(client.get("/proceeding/clas_all"))
    page = soup_of(client.get(housing.path))
    assert index.find("h3", string="주택ㆍ도시계획") is not None
    assert page.select_one("h3.title-article .title-category").get_text() == "주택/도시계획"


def test_meeting_list_markup(client, site):
    soup = soup_of(client.get("/proceeding/list?page=1&items_per_page=10"))
    items = soup.select(".view-content li")
    assert len(items) == 10
    for li in items:
        link = li.select_one(".title-wrap a")
        assert link.find_previous_sibling("strong", class_="element-invisible").get_text() == "제목 : "
        category, status = (s.get_text() for s in li.select(".title-category"))
        assert Category.from_label(category) is not None
        assert MeetingStatus.from_label(status) is not MeetingStatus.UNKNOWN
        prefixes = [d.select_one(".element-invisible").get_text() for d in li.select(".title-info .date")]
        assert prefixes in (["등록일 : ", "회의일시 : "], ["회의일시 : "])
        assert li.select_one(".title-info .dept .element-invisible").get_text() == "부서 : "
    assert [li.select_one(".title-wrap a")["href"] for li in items] == [m.path for m in site.listing[:10]]
    assert soup.select_one(".pager a[href*='page=2']") is not None


def test_meeting_list_is_newest_first_and_complete(client, site):
    seen = []
    for page in (1, 2):
        soup = soup_of(client.get(f"/proceeding/list?page={page}&items_per_page=100"))
        seen += [a["href"] for a in soup.select(".view-content li .title-wrap a")]
    assert seen == [m.path for m in site.listing]
    registered = [m.registered for m in site.listing]
    assert registered == sorted(registered, reverse=True)


def test_list_entries_without_registration_date(client, site):
    undated = next(m for m in site.listing if not m.show_registered)
    index = site.listing.index(undated)
    soup = soup_of(client.get(f"/proceeding/list?page={index // 10 + 1}"))
    li = soup.find("a", href=undated.path).find_parent("li")
    assert "등록일" not in li.get_text()


def test_past_the_last_page_is_an_empty_list(client, site):
    soup = soup_of(client.get("/proceeding/list?page=999"))
    ul = soup.select_one(".view-content ul")
    assert ul is not None and ul.find("li") is None


def test_default_list_page(client):
    soup = soup_of(client.get("/proceeding/list"))
    assert len(soup.select(".view-content li")) == 10


def test_newer_meeting_page(client, site):
    meeting = next(m for m in site.listing if m.layout is Layout.NEW and m.attachments and m.documents and m.place)
    committee = site.committee(meeting.clsf_id)
    soup = soup_of(client.get(f"/proceeding/{meeting.nid}"))
    assert soup.select_one("h3.title-article").get_text(strip=True) == meeting.title
    assert "공식 입장" in soup.select_one(".disclaimer").get_text()
    table = soup.find("caption", string="회의상세 - 일시, 장소, 참석대상, 안건, 설치근거 등의 정보").parent
    detail = fields(table)
    assert list(detail)[:3] == ["일시", "장소", "참석대상"]
    assert detail["일시"] == meeting.when
    assert detail["장소"] == meeting.place
    assert detail["회의분류"].split(" > ")[1] == committee.name
    assert detail["제공부서"] == meeting.department
    assert re.fullmatch(r"2133-\d{4}", detail["전화번호"])
    files = soup.find("h4", string="회의자료").parent
    assert files.select("ul.list-attachment li")
    sanctions = soup.find("h4", string="결재문서").parent.select("a[href^='/sanction/']")
    assert [a["href"] for a in sanctions] == [f"/sanction/{d.nid}" for d in meeting.documents]
    guide = soup.find("caption", string="위원회 안내 - 위원회명, 주요기능 및 역할 등의 정보").parent
    link = guide.find("a", string="위원회 상세")
    assert link["href"] == committee.path


def test_date_formats_vary(site):
    whens = {m.when for m in site.meetings}
    assert any(re.fullmatch(r"\d{4}-\d\d-\d\d\([월화수목금]\) \d\d:\d\d", w) for w in whens)
    assert any(re.fullmatch(r"\d{4}\. \d{1,2}\. \d{1,2}\.\([월화수목금]\) \d\d:\d\d ~ \d\d:\d\d", w) for w in whens)


def test_missing_rows_are_left_out(client, site):
    for attribute, label in (("place", "장소"), ("agenda", "안건")):
        meeting = next(m for m in site.meetings if getattr(m, attribute) is None)
        detail = fields(soup_of(client.get(meeting.path)).find("caption", string=re.compile("^회의상세")).parent)
        assert label not in detail and "일시" in detail


def test_cancelled_meeting(client, site):
    meeting = next(m for m in site.meetings if m.status is Status.CANCELLED)
    soup = soup_of(client.get(meeting.path))
    title = soup.select_one(".title-article").get_text(" ", strip=True)
    assert title.endswith("(취소)" if meeting.layout is Layout.NEW else "취소")
    assert "취소되었습니다" in soup.select_one(".cancel-note").get_text()


def test_older_meeting_page(client, site):
    meeting = next(m for m in site.listing if m.layout is Layout.OLD and m.status is Status.HELD)
    committee = site.committee(meeting.clsf_id)
    response = client.get(f"/proceeding/info/{meeting.code}")
    soup = soup_of(response)
    assert soup.find(string="회의 상세") is not None
    assert soup.select_one(".title-article").get_text(" ", strip=True) == f"{meeting.title} 종료"
    detail = fields(soup.find("caption", string=re.compile("^회의상세")).parent)
    levels = detail["회의분류"].split(" > ")
    assert levels[0] == "위원회회의" and Category.from_label(levels[1]) is committee.category
    assert levels[2] == meeting.title
    guide = soup.find("caption", string=re.compile("^위원회 안내")).parent
    assert [th.get_text() for th in guide.select("thead th")] == [
        "위원회명",
        "주요기능 및 역할",
        "구성일자",
        "담당부서",
    ]
    cells = [td.get_text(" ", strip=True) for td in guide.select("tbody td")]
    assert cells[0] == committee.name and re.fullmatch(r"\d{4}-\d\d-\d\d", cells[2])
    assert cells[3] == f"{meeting.department} ({committee.phone.removeprefix('02-')})"
    assert client.get(f"/proceeding/{meeting.nid}").status_code == 404  # older pages live at info/{code}


def test_euc_kr_page_is_labelled_and_decodes_with_cp949(client, site):
    meeting = next(m for m in site.meetings if m.encoding == "euc-kr")
    response = client.get(meeting.path)
    assert response.headers["content-type"] == "text/html; charset=EUC-KR"
    text = response.content.decode("cp949")
    assert '<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">' in text
    assert meeting.title in text
    with pytest.raises(UnicodeDecodeError):
        response.content.decode("utf-8")
    doc = meeting.documents[0]
    assert client.get(f"/sanction/{doc.nid}").headers["content-type"].endswith("EUC-KR")


def test_utf8_page_is_labelled(client, site):
    response = client.get("/proceeding/clas_all")
    assert response.headers["content-type"] == "text/html; charset=UTF-8"
    assert '<meta charset="utf-8">' in response.text


def test_sanction_page(client, site):
    doc = next(d for m in site.listing for d in m.documents if d.disclosure == "공개" and d.encoding == "utf-8")
    soup = soup_of(client.get(f"/sanction/{doc.nid}"))
    assert soup.select_one("h3.title-article").get_text(strip=True) == doc.title
    assert "대시민공개" in soup.select_one(".view-header").get_text()
    first = soup.select_one("ul.list-attachment li")
    assert re.fullmatch(r"결재문서본문\.hwpx? \(\d+\.\d\d KB\)", first.select_one(".file-name").get_text())
    assert [a.get_text() for a in first.find_all("a")] == ["문서보기", "원문"]
    info = fields(soup.find("h4", string="문서 정보").parent.table)
    assert list(info) == [
        "기관명",
        "부서명",
        "문서번호",
        "생산일자",
        "공개구분",
        "보존기간",
        "작성자(전화번호)",
        "관리번호",
        "분류정보",
    ]
    assert info["기관명"] == "서울특별시"
    assert re.fullmatch(r".+과-\d+|.+관-\d+|.+-\d+", info["문서번호"])
    assert info["공개구분"] == "공개"
    assert re.fullmatch(r".+ \(02-2133-\d{4}\)", info["작성자(전화번호)"])


def test_partial_and_closed_documents(client, site):
    partial = next(d for m in site.meetings for d in m.documents if d.disclosure == "부분공개")
    soup = soup_of(client.get(f"/sanction/{partial.nid}"))
    assert f"부분공개({partial.ground})" in soup.select_one(".view-header").get_text()
    closed = next(d for m in site.meetings for d in m.documents if d.disclosure == "비공개")
    soup = soup_of(client.get(f"/sanction/{closed.nid}"))
    assert f"비공개({closed.ground})" in soup.select_one(".view-header").get_text()
    for li in soup.select("ul.list-attachment li"):
        assert li.find("a") is None and "비공개 문서" in li.get_text()


def test_preview_masks_personal_data(client, site):
    doc = next(d for m in site.meetings for d in m.documents if d.kind.value == "minutes" and d.disclosure == "공개")
    soup = soup_of(client.get(f"/sanction/{doc.nid}"))
    preview = soup.select_one("a.btn-preview")["href"]
    text = soup_of(client.get(preview)).select_one(".viewer-body").get_text()
    assert "****" in text and "회의" in text


def test_unknown_ids_are_404(client):
    for url in [
        "/proceeding/99999999",
        "/proceeding/info/J10ZZ209901010000000",
        "/sanction/1",
        "/proceeding/cmit_view?clsf_id=9",
        "/og/com/download.php?nid=1&dtype=basic&rid=F0000000000000&dname=x",
        "/proceeding/abc",
        "/admin/",
    ]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "text/html" in response.headers["content-type"]


def test_malformed_queries_are_400(client):
    for url in [
        "/proceeding/list?page=abc",
        "/proceeding/list?page=0",
        "/proceeding/list?page=-1",
        "/proceeding/list?items_per_page=500",
        "/proceeding/list?page=1%00",
        "/proceeding/cmit_view",
        "/proceeding/cmit_view?clsf_id=x",
        "/og/com/download.php?nid=abc&rid=F0000000000000",
        "/og/com/download.php?nid=1&rid=../etc",
    ]:
        response = client.get(url)
        assert response.status_code == 400, url
        assert "Traceback" not in response.text and "잘못된 요청" in response.text


def test_head_and_post(client):
    head = client.head("/proceeding/clas_all")
    assert head.status_code == 200 and head.content == b"" and int(head.headers["content-length"]) > 1000
    post = client.post("/proceeding/list", content=b"x=1")
    assert post.status_code == 405 and post.headers["allow"] == "GET, HEAD"
    assert client.get("/robots.txt").status_code == 200  # the kept-alive connection is still in step
