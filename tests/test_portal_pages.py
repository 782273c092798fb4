"""The pages through HTTP: what each shows, its JSON twin, the language switch, and the reload."""

from __future__ import annotations

import shutil
import time
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from litestar.testing import TestClient

from minutes.archive import Archive
from minutes.domain import SEOUL, Committee, Meeting, to_dict
from minutes.vocabulary import ARTICLE_9_GROUNDS, Category, MeetingStatus
from portal import i18n
from tests.portal_support import NOW, make_app

PAGES = ["/", "/search", "/search?q=위원회", "/committees", "/categories", "/categories/environment"]


def soup(client, url: str, status: int = 200) -> BeautifulSoup:
    r = client.get(url)
    assert r.status_code == status, (url, r.text[:300])
    assert r.headers["content-type"].startswith("text/html")
    return BeautifulSoup(r.text, "html.parser")


def twin(page: BeautifulSoup) -> str:
    link = page.find("link", rel="alternate", type="application/json")
    assert link is not None, "every page links its JSON twin"
    return link["href"]


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


# -- every page --------------------------------------------------------------------------------


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_landmarks_one_h1_and_a_json_twin(client, url):
    page = soup(client, url)
    assert page.html["lang"] == "ko"
    assert page.find("header") and page.find("main", id="main") and page.find("footer")
    assert page.find("nav", attrs={"aria-label": True})
    assert len(page.find_all("h1")) == 1
    assert page.find("a", class_="skip")["href"] == "#main"
    json_url = twin(page)
    assert json_url.startswith("/api/v1/")
    assert client.get(json_url).status_code == 200
    for field in page.find_all(["input", "select", "textarea"]):
        if field.get("type") == "hidden":
            continue
        assert page.find("label", attrs={"for": field["id"]}), f"unlabelled {field}"


@pytest.mark.parametrize("url", PAGES)
def test_every_page_says_it_shows_demo_data_and_how_fresh_it_is(client, url):
    page = soup(client, url)
    notice = page.find(class_="demo-notice")
    assert notice is not None and "데모 데이터" in text(notice)
    fresh = text(page.find(class_="freshness"))
    assert "마지막 수집" in fresh and "http://127.0.0.1:" in fresh


# -- home --------------------------------------------------------------------------------------


def test_home_has_search_categories_latest_minutes_and_upcoming_meetings(client, ids, archive):
    page = soup(client, "/")
    form = page.find("form", role="search")
    assert form["action"] == "/search" and form["method"] == "get" and form.find("input", attrs={"name": "q"})
    categories = page.select(".category-grid li")
    assert [text(li.find(class_="category-name")) for li in categories] == [c.label_ko for c in Category]
    assert all("위원회" in text(li) and "회의" in text(li) for li in categories)
    upcoming = page.find(id="upcoming-title").find_parent("section")
    assert upcoming.find("a", href=f"/meetings/{ids.upcoming_meeting}")
    latest = page.find(id="latest-title").find_parent("section")
    assert latest.find_all("a", href=lambda h: h and h.startswith("/meetings/"))
    assert twin(page) == "/api/v1/home"


# -- search ------------------------------------------------------------------------------------


def test_search_results_group_documents_under_meetings_one_click_away(client):
    page = soup(client, "/search?q=위원회")
    api = client.get("/api/v1/search?q=위원회").json()
    assert f"회의 {api['total_meetings']:,}건" in text(page.find(class_="result-count"))
    results = page.select("ol.results > li.result")
    assert len(results) == len(api["meetings"])
    for result, meeting in zip(results, api["meetings"], strict=True):
        link = result.find("h2").find("a")
        assert link["href"] == f"/meetings/{meeting['meeting_id']}" and text(link) == meeting["title"]
        assert client.get(link["href"]).status_code == 200
        assert len(result.select(".hit-docs > li")) == len(meeting["documents"])
        assert result.find("mark"), "matches are highlighted"
    assert twin(page) == "/api/v1/search?q=%EC%9C%84%EC%9B%90%ED%9A%8C"


def test_facets_link_to_filtered_searches_and_chips_remove_them(client):
    page = soup(client, "/search?q=회의")
    facets = page.find("aside", class_="facets")
    for name in ("category", "committee", "year", "doc_type", "disclosure"):
        assert facets.find(id=f"facet-{name}"), name
    link = facets.find(id="facet-category").find_parent("section").find("a")
    count = int(text(link.find(class_="count")).replace(",", ""))
    query = parse_qs(urlsplit(link["href"]).query)
    assert query["q"] == ["회의"] and len(query["category"]) == 1
    filtered = soup(client, link["href"])
    assert f"회의 {count:,}건" in text(filtered.find(class_="result-count"))
    chip = filtered.select_one(".chips a.chip")
    assert Category(query["category"][0]).label_ko in text(chip)
    assert parse_qs(urlsplit(chip["href"]).query) == {"q": ["회의"]}
    selected = filtered.find("a", class_="selected")
    assert selected["aria-current"] == "true"


def test_sort_and_pagination_links_keep_the_whole_state(client):
    page = soup(client, "/search?q=심의&year=2018&per_page=3")
    sort = page.find("nav", class_="sort")
    by_date = sort.find("a", string="최신순")
    assert parse_qs(urlsplit(by_date["href"]).query) == {"q": ["심의"], "year": ["2018"], "sort": ["date"],
                                                          "per_page": ["3"]}  # fmt: skip
    pages = page.find("nav", class_="pagination")
    assert pages.find("a", attrs={"aria-current": "page"})
    nxt = pages.find("a", rel="next")
    assert parse_qs(urlsplit(nxt["href"]).query)["page"] == ["2"]
    second = soup(client, nxt["href"])
    assert second.find("nav", class_="pagination").find("a", rel="prev")
    hidden = {i["name"]: i["value"] for i in second.select("form[role=search] input[type=hidden]")}
    assert hidden == {"year": "2018", "per_page": "3"}, "a new query keeps the filters"


def test_nothing_found_is_a_clear_page_with_suggestions(client):
    page = soup(client, "/search?q=존재하지않는낱말ZQX")
    nothing = page.find("section", class_="nothing")
    assert nothing and "검색 결과가 없습니다" in text(nothing)
    assert nothing.find("a", href="/categories")
    assert nothing.find("a", href=lambda h: h and h.startswith("/search?q="))
    filtered = soup(client, "/search?q=위원회&year=1999")
    suggestions = filtered.find("ul", class_="suggestions")
    assert "조건 없이 검색하면 회의" in text(suggestions)
    assert suggestions.find("a", href="/search?q=%EC%9C%84%EC%9B%90%ED%9A%8C")


def test_search_works_as_a_plain_get_form(client):
    page = soup(client, "/")
    form = page.find("form", role="search")
    assert form.find("button", type="submit")
    r = client.get(form["action"], params={"q": "도시공원"})
    assert r.status_code == 200 and "도시공원" in r.text


# -- meeting -----------------------------------------------------------------------------------


def test_meeting_page_shows_every_field_and_document(client, ids, archive):
    meeting = archive.one(Meeting, ids.meeting_id)
    page = soup(client, f"/meetings/{ids.meeting_id}")
    assert text(page.find("h1")) == meeting.title
    fields = text(page.find("dl", class_="fields"))
    start = meeting.start.astimezone(SEOUL)
    assert f"{start.year}년 {start.month}월 {start.day}일" in fields and start.strftime("%H:%M") in fields
    for value in (meeting.place, meeting.attendees, meeting.department, meeting.legal_basis):
        if value:
            assert value in fields
    assert page.find("a", href=f"/committees/{meeting.committee_id}")
    assert page.find("a", href=meeting.source_url)
    api = client.get(f"/api/v1/meetings/{ids.meeting_id}").json()
    articles = page.select("article.document")
    assert [a["id"] for a in articles] == [f"doc-{d['document_id']}" for d in api["documents"]]
    assert page.find("a", href=f"/files/{ids.file_id}")
    assert twin(page) == f"/api/v1/meetings/{ids.meeting_id}"


def test_meeting_page_shows_the_extracted_text_inline(client, ids):
    page = soup(client, f"/meetings/{ids.meeting_id}")
    download = page.find("a", href=f"/files/{ids.file_id}")
    item = download.find_parent("li")
    shown = item.find("pre", class_="doc-text").get_text()
    served = client.get(f"/files/{ids.file_id}/text").text
    assert shown == served and len(shown) > 20


def test_withheld_documents_show_level_and_legal_ground(client, ids):
    page = soup(client, f"/meetings/{ids.partial_document_meeting}")
    api = client.get(f"/api/v1/meetings/{ids.partial_document_meeting}").json()
    document = next(d for d in api["documents"] if d["ground"])
    article = page.find("article", id=f"doc-{document['document_id']}")
    shown = text(article)
    assert "정보공개법 제9조제1항제" in shown and ARTICLE_9_GROUNDS[document["ground"]][0] in shown
    assert ("부분공개" if document["disclosure"] == "partial" else "비공개") in shown


# -- committees and categories -----------------------------------------------------------------


def test_committee_page_has_profile_timeline_by_year_and_documents(client, ids, archive):
    committee = archive.one(Committee, ids.committee_id)
    page = soup(client, f"/committees/{ids.committee_id}")
    assert text(page.find("h1")) == committee.name
    profile = text(page.find(id="profile-title").find_parent("section"))
    for value in (committee.legal_basis, committee.term, committee.department, committee.phone, *committee.functions):
        if value:
            assert value in profile
    years = [int(text(h).split()[0]) for h in page.select("section.year h3")]
    assert years == sorted(years, reverse=True) and years
    meetings = [m for m in archive.all(Meeting) if m.committee_id == ids.committee_id]
    links = page.select("ol.timeline a[href^='/meetings/']")
    assert {a["href"] for a in links if "#" not in a["href"]} == {f"/meetings/{m.meeting_id}" for m in meetings}
    assert page.select("table.doc-table tbody tr")
    search = page.find("a", string="이 위원회에서 검색")
    assert parse_qs(urlsplit(search["href"]).query) == {"committee": [ids.committee_id]}


def test_committees_and_category_pages_list_committees(client, archive):
    committees = list(archive.all(Committee))
    page = soup(client, "/committees")
    assert len(page.select(".committee-list li")) == len(committees)
    some = next(c for c in committees if c.category)
    page = soup(client, f"/categories/{some.category.value}")
    names = [text(a) for a in page.select(".committee-list a")]
    assert some.name in names and names == sorted(names)
    assert twin(page) == f"/api/v1/categories/{some.category.value}"
    page = soup(client, "/categories")
    assert len(page.select(".category-grid li")) == 11


# -- language ----------------------------------------------------------------------------------


def test_language_switch_keeps_the_page_and_sets_lang(client, ids):
    url = f"/search?q=위원회&category={ids.category}"
    page = soup(client, url)
    switch = page.find("a", class_="lang-switch")
    assert switch["hreflang"] == "en"
    query = parse_qs(urlsplit(switch["href"]).query)
    assert urlsplit(switch["href"]).path == "/search"
    assert query == {"q": ["위원회"], "category": [ids.category], "lang": ["en"]}
    english = client.get(switch["href"])
    assert "lang=en" in english.headers.get("set-cookie", "") and "HttpOnly" in english.headers["set-cookie"]
    page = BeautifulSoup(english.text, "html.parser")
    assert page.html["lang"] == "en"
    assert "meetings" in text(page.find(class_="result-count"))
    assert Category(ids.category).label_en in text(page.select_one(".chips"))
    for link in page.select("main a[href^='/search'], main a[href^='/meetings/']"):
        assert "lang=en" in link["href"], link
    assert page.find("input", attrs={"name": "lang", "value": "en"})


def test_the_cookie_keeps_english_until_korean_is_chosen(client):
    client.get("/?lang=en")
    page = soup(client, "/committees")
    assert page.html["lang"] == "en" and text(page.find("h1")) == "Committees"
    back = soup(client, "/committees?lang=ko")
    assert back.html["lang"] == "ko"
    assert soup(client, "/committees").html["lang"] == "ko"


def test_both_languages_define_every_string():
    assert i18n.all_strings("ko").keys() == i18n.all_strings("en").keys()
    assert all(i18n.all_strings("en").values()) and all(i18n.all_strings("ko").values())


def test_dates_are_shown_in_seoul_time(client):
    meeting_day = datetime(2026, 12, 7, 1, 0, tzinfo=SEOUL).astimezone(tz=None)  # any zone in, Seoul out
    assert i18n.when("ko", meeting_day) == "2026년 12월 7일 (월) 01:00"
    assert i18n.when("en", meeting_day) == "Mon 7 Dec 2026, 01:00"
    assert i18n.when("ko", NOW.date()) == "2026년 11월 28일 (토)"


# -- the read model follows the archive --------------------------------------------------------


def test_a_new_crawl_result_appears_without_a_restart(data, tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(data, copy, ignore=shutil.ignore_patterns("index"))
    (copy / "archive" / ".lock").unlink(missing_ok=True)
    app = make_app(copy)
    with TestClient(app) as client:
        assert client.get("/meetings/mtg-added-later").status_code == 404
        committee = next(iter(Archive(copy).all(Committee)))
        with Archive(copy, writable=True) as archive:
            added = Meeting("mtg-added-later", "added", "new", "2026년 제7차 새로 생긴 회의", "http://127.0.0.1:1/x",
                            committee_id=committee.committee_id, status=MeetingStatus.SCHEDULED,
                            start=datetime(2026, 12, 20, 10, 0, tzinfo=SEOUL))  # fmt: skip
            archive.store.put("meetings", added.meeting_id, to_dict(added), seen_at=NOW)
        holder = app.state.portal.models
        holder.check_every = 0
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if client.get("/meetings/mtg-added-later").status_code == 200:
                break
            holder.wait()
        page = soup(client, "/meetings/mtg-added-later")
        assert "새로 생긴 회의" in text(page.find("h1"))
        assert holder.loads == 2
