"""The guideline and the compliance report in the portal, through HTTP: every page and its JSON twin,
the figures the page shows against the API's, the CSV, sorting, errors, caching and the reload."""

from __future__ import annotations

import csv
import io
import shutil
import time
from datetime import datetime
from typing import get_args
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from litestar.testing import TestClient

from guidelines import load_grounds_page, load_rules, sort_committees
from guidelines.compliance import SORT_KEYS
from guidelines.svg import interval, percent
from minutes.archive import Archive
from minutes.domain import SEOUL, Committee, Meeting, to_dict
from minutes.vocabulary import Category, MeetingStatus
from portal.app import STATIC
from portal.params import ReportSort
from tests.portal_support import NOW, crawled, make_app

ISSUE_KEYS = {"year", "definitions", "committees"}
COMMITTEE_KEYS = {"committee_id", "name", "category", "held", "minutes_published", "closed_lawfully",
                  "disclosure_rate", "disclosure_rate_ci", "notice_on_time", "notice_rate",
                  "median_publication_lag_days", "findings"}  # fmt: skip
FINDING_KEYS = {"rule_id", "status", "meetings"}
NEW_PAGES = ["/compliance", "/compliance?category=environment", "/guidelines", "/guidelines/notice-advance",
             "/guidelines/grounds"]  # fmt: skip


@pytest.fixture(scope="session")
def data(tmp_path_factory):
    return crawled(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="session")
def latest_full_year(data) -> int:
    """What the report defaults to: the latest year before the crawl's with a meeting held."""
    years = {
        m.start.astimezone(SEOUL).year
        for m in Archive(data).all(Meeting)
        if m.start and m.start < NOW and m.status is not MeetingStatus.CANCELLED
    }
    return max(y for y in years if y < NOW.year)


@pytest.fixture
def client(data):
    with TestClient(make_app(data)) as c:
        yield c


@pytest.fixture
def ranked_client(data):
    """A portal whose threshold for ranking is low enough that the tiny replica's committees rank."""
    with TestClient(make_app(data, compliance_min_n=2)) as c:
        yield c


def soup(client, url: str, status: int = 200) -> BeautifulSoup:
    r = client.get(url)
    assert r.status_code == status, (url, r.text[:300])
    assert r.headers["content-type"].startswith("text/html")
    return BeautifulSoup(r.text, "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


def api(client, url: str) -> dict:
    r = client.get(url)
    assert r.status_code == 200, (url, r.text[:300])
    return r.json()


def rate_text(value, ci) -> str:
    return "–" if value is None else f"{percent(value)} ({interval(ci)})"


def row_ids(page: BeautifulSoup) -> list[str]:
    return [tr["data-committee"] for tr in page.select("#committees-table tbody tr")]


# -- every new page --------------------------------------------------------------------------------


@pytest.mark.parametrize("url", NEW_PAGES)
def test_new_pages_have_the_chrome_a_json_twin_and_labelled_controls(client, url):
    page = soup(client, url)
    assert page.html["lang"] == "ko"
    assert page.find("main", id="main") and len(page.find_all("h1")) == 1
    assert "데모 데이터" in text(page.find(class_="demo-notice"))
    nav = page.find("nav", attrs={"aria-label": "주 메뉴"})
    assert nav.find("a", href="/compliance", string="준수 보고서")
    assert nav.find("a", href="/guidelines", string="공개 지침")
    link = page.find("link", rel="alternate", type="application/json")
    assert client.get(link["href"]).status_code == 200
    for field in page.find_all(["input", "select"]):
        if field.get("type") != "hidden":
            assert page.find("label", attrs={"for": field["id"]}), f"unlabelled {field}"


def test_english_pages_say_so_and_keep_english_in_their_links(client):
    page = soup(client, "/compliance?lang=en")
    assert page.html["lang"] == "en"
    nav = page.find("nav", attrs={"aria-label": "Main menu"})
    assert text(nav.find("a", href="/compliance?lang=en")) == "Compliance"
    first = page.select_one("#committees-table tbody th a")
    assert parse_qs(urlsplit(first["href"]).query)["lang"] == ["en"]


# -- the guideline ---------------------------------------------------------------------------------


def test_the_index_lists_every_rule_with_its_standing_and_the_grounds_page(client):
    page = soup(client, "/guidelines")
    rules = load_rules()
    rows = page.select("table.rule-table tbody tr")
    assert [tr["id"] for tr in rows] == [f"rule-{r.id}" for r in rules]
    for tr, rule in zip(rows, rules, strict=True):
        assert tr.find("a", href=f"/guidelines/{rule.id}")
        assert text(tr.find(class_="standing")) == rule.standing.label_ko
        assert text(tr.find("code")) == rule.id
    assert page.find("a", href="/guidelines/grounds")
    body = api(client, "/api/v1/guidelines")
    assert [r["id"] for r in body["rules"]] == [r.id for r in rules]
    assert {r["standing"] for r in body["rules"]} <= {"law", "city-policy", "practice-benchmark"}


@pytest.mark.parametrize("rule", load_rules(), ids=lambda r: r.id)
def test_each_rule_page_has_text_sources_checklist_and_how_to_comply(client, rule):
    page = soup(client, f"/guidelines/{rule.id}")
    body = api(client, f"/api/v1/guidelines/{rule.id}")
    assert text(page.find("h1")) == f"{rule.order}. {body['title_ko']}"
    assert "{" not in body["text_ko"] + body["title_en"], "thresholds are filled in"
    items = page.select("ul.checklist li")
    assert [text(li) for li in items] == body["checklist_ko"]
    assert all(li.find(class_="box", attrs={"aria-hidden": "true"}) for li in items)
    sources = page.select("ul.sources li")
    assert [text(li.find(class_="source-tag")) for li in sources] == [f"[{s.tag}]" for s in rule.sources]
    assert page.find(id="comply-title")
    assert page.find("button", attrs={"data-print": True})
    assert body["sources"] == [{"tag": s.tag, "text": s.text} for s in rule.sources]


def test_rule_text_is_escaped_markup_and_english_keeps_the_korean_beside(client):
    page = soup(client, "/guidelines/notice-advance?lang=en")
    assert page.html["lang"] == "en"
    english = page.select_one(".rule-body[lang=en]")
    korean = page.select_one(".rule-body.original[lang=ko]")
    assert english.find("strong") and "at least 5 days before" in text(english)
    assert "5일 전까지" in text(korean)
    assert "**" not in text(page.find(class_="rule-text"))


def test_the_checklist_prints_cleanly():
    css = (STATIC / "portal.css").read_text(encoding="utf-8")
    print_rules = css.split("@media print", 1)[1]
    for selector in (".site-header", ".site-footer", ".no-print"):
        assert selector in print_rules


def test_the_grounds_page_lists_the_eight_grounds(client):
    page = soup(client, "/guidelines/grounds")
    grounds = page.select("ol.grounds > li")
    assert [li["id"] for li in grounds] == [f"ground-{n}" for n in range(1, 9)]
    for li, ground in zip(grounds, load_grounds_page().grounds, strict=True):
        assert text(li.find("h2")) == f"{ground.number}. {ground.label_ko}"
    assert [g["number"] for g in api(client, "/api/v1/guidelines/grounds")["grounds"]] == list(range(1, 9))


# -- the report ------------------------------------------------------------------------------------


def test_the_api_has_the_issues_shape_and_defaults_to_the_latest_full_year(client, latest_full_year):
    body = api(client, "/api/v1/compliance")
    assert body.keys() >= ISSUE_KEYS
    assert body["year"] == latest_full_year
    assert set(body["definitions"]) >= {"held", "minutes_published", "closed_lawfully", "disclosure_rate"}
    assert body["committees"]
    for row in body["committees"]:
        assert row.keys() >= COMMITTEE_KEYS
        assert [f["rule_id"] for f in row["findings"]] == [r.id for r in load_rules()]
        for finding in row["findings"]:
            assert finding.keys() >= FINDING_KEYS
    assert api(client, f"/api/v1/compliance?year={latest_full_year}") == body


def test_the_page_shows_the_same_figures_as_the_api(client, latest_full_year):
    page = soup(client, "/compliance")
    assert str(latest_full_year) in text(page.find("h1"))
    body = api(client, "/api/v1/compliance")
    rows = {tr["data-committee"]: tr for tr in page.select("#committees-table tbody tr")}
    assert set(rows) == {c["committee_id"] for c in body["committees"]}
    for c in body["committees"]:
        tr = rows[c["committee_id"]]

        def cell(name, tr=tr):
            return text(tr.find(attrs={"data-field": name}))

        link = tr.find("th").find("a")
        assert text(link) == c["name"] and link["href"] == f"/compliance/{c['committee_id']}?year={latest_full_year}"
        assert cell("held") == str(c["held"]) and cell("minutes_published") == str(c["minutes_published"])
        assert cell("closed_lawfully") == str(c["closed_lawfully"])
        assert cell("disclosure_rate") == rate_text(c["disclosure_rate"], c["disclosure_rate_ci"])
        assert cell("notice_rate") == rate_text(c["notice_rate"], c["notice_rate_ci"])
        lag = c["median_publication_lag_days"]
        assert cell("median_publication_lag_days") == ("–" if lag is None else f"{lag:g}일")
        if not c["rank_eligible"] and not c["source_unavailable"]:
            assert "표본 부족" in text(tr.find("th"))
        statuses = {f["status"] for f in c["findings"]}
        assert len(tr.select('[data-field="findings"] li')) == len(statuses)


def test_the_definitions_are_shown_as_the_report_states_them(client):
    page = soup(client, "/compliance")
    body = api(client, "/api/v1/compliance")
    shown = page.select("dl.definitions dd")
    assert len(shown) == len(body["definitions"])
    for dd, (term, d) in zip(shown, body["definitions"].items(), strict=True):
        assert page.find("dt", id=f"def-{term}")
        assert text(dd) == " ".join(d["ko"].replace("`", "").split())


def test_charts_are_inline_svg_with_a_title_each_followed_by_its_table(client):
    page = soup(client, "/compliance")
    charts = page.select("figure.chart")
    assert len(charts) == 2
    for figure in charts:
        svg = figure.find("svg")
        assert svg["role"] == "img" and svg.find("title") and svg.find("desc")
        table = figure.find("table")
        assert table.find("caption") and table.find("tbody").find_all("tr")
    body = api(client, "/api/v1/compliance")
    categories = charts[0].find("table").select("tbody tr")
    assert len(categories) == len(body["categories"])
    assert len(charts[1].find("table").select("tbody tr")) == len(body["trend"])
    assert len(page.select("#categories-table tbody tr")) == len(body["categories"])


def test_the_category_filter_and_its_form(client):
    page = soup(client, "/compliance?category=environment")
    body = api(client, "/api/v1/compliance?category=environment")
    assert body["category"] == "environment"
    assert body["committees"] and all(c["category"] == "environment" for c in body["committees"])
    assert row_ids(page) == [c["committee_id"] for c in body["committees"]]
    form = page.find("form", class_="report-filters")
    assert form["action"] == "/compliance" and form["method"] == "get"
    assert form.find("select", id="category").find("option", selected=True)["value"] == "environment"
    options = {o["value"] for o in form.find("select", id="category").find_all("option")}
    assert options == {"", *(c.value for c in Category)}
    assert page.find("a", href="/compliance.csv?year=2018&category=environment")
    assert page.find("link", rel="alternate", type="application/json")["href"] == (
        "/api/v1/compliance?year=2018&category=environment"
    )


def test_the_csv_download_has_a_row_per_committee_and_opens_in_excel(client, latest_full_year):
    r = client.get("/compliance.csv")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"].startswith("attachment;")
    assert f"compliance-{latest_full_year}.csv" in r.headers["content-disposition"]
    assert r.content.startswith(b"\xef\xbb\xbf"), "a BOM, so Excel reads UTF-8"
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    body = api(client, "/api/v1/compliance")
    assert [row["committee_id"] for row in rows] == [c["committee_id"] for c in body["committees"]]
    assert [row["name"] for row in rows] == [c["name"] for c in body["committees"]]
    assert [int(row["held"]) for row in rows] == [c["held"] for c in body["committees"]]
    one = list(csv.DictReader(io.StringIO(client.get("/compliance.csv?category=environment").text.lstrip("\ufeff"))))
    assert one and all(row["category"] == "environment" for row in one)


def test_sort_links_change_the_order(ranked_client):
    client = ranked_client
    page = soup(client, "/compliance")
    body = api(client, "/api/v1/compliance")
    by_id = {c["committee_id"]: c for c in body["committees"]}
    ranked = [c for c in body["committees"] if c["rank"] is not None]
    assert ranked, "with compliance_min_n=2 some committees rank"
    assert row_ids(page)[: len(ranked)] == [c["committee_id"] for c in sorted(ranked, key=lambda c: c["rank"])]
    assert page.find("th", attrs={"aria-sort": "ascending"}).find("a", attrs={"data-sort": "rank"})

    link = page.find("a", attrs={"data-sort": "name"})
    by_name = soup(client, link["href"])
    names = [by_id[i]["name"] for i in row_ids(by_name)]
    assert names == sorted(names)
    flipped = soup(client, by_name.find("a", attrs={"data-sort": "name"})["href"])
    assert row_ids(flipped) == row_ids(by_name)[::-1]
    assert flipped.find("th", attrs={"aria-sort": "descending"})

    held = soup(client, page.find("a", attrs={"data-sort": "held"})["href"])
    counts = [by_id[i]["held"] for i in row_ids(held)]
    assert counts == sorted(counts, reverse=True)

    rate = soup(client, page.find("a", attrs={"data-sort": "disclosure_rate"})["href"])
    report = client.app.state.portal.report(body["year"])
    assert row_ids(rate) == [c.committee_id for c in sort_committees(report.committees, "disclosure_rate")]
    eligible = [by_id[i]["rank_eligible"] for i in row_ids(rate)]
    assert eligible == sorted(eligible, reverse=True), "committees too small to rank come last"


def test_the_report_is_computed_once_per_year_and_category(client):
    cache = client.app.state.portal.compliance
    for _ in range(3):
        api(client, "/api/v1/compliance")
        soup(client, "/compliance")
    assert cache.computed == 1 and cache.loads == 1
    api(client, "/api/v1/compliance?category=environment")
    client.get("/compliance.csv?category=environment")
    assert cache.computed == 2


def test_the_sort_keys_are_the_reports():
    assert set(get_args(ReportSort)) == set(SORT_KEYS)


# -- one committee ---------------------------------------------------------------------------------


def test_a_committee_page_shows_each_finding_and_the_meetings_behind_it(client, latest_full_year):
    body = api(client, "/api/v1/compliance")
    chosen = max(body["committees"], key=lambda c: (sum(len(f["meetings"]) for f in c["findings"]), c["held"]))
    cid = chosen["committee_id"]
    page = soup(client, f"/compliance/{cid}")
    detail = api(client, f"/api/v1/compliance/{cid}?year={latest_full_year}")
    assert detail.keys() >= COMMITTEE_KEYS and "meetings" in detail
    assert {k: v for k, v in detail.items() if k != "meetings"} == chosen
    assert page.find("link", rel="alternate", type="application/json")["href"] == (
        f"/api/v1/compliance/{cid}?year={latest_full_year}"
    )

    figures = page.find("dl", class_="figures")

    def figure(name):
        return text(figures.find("dd", attrs={"data-field": name}))

    assert figure("held") == str(detail["held"]) and figure("minutes_published") == str(detail["minutes_published"])
    assert figure("disclosure_rate") == rate_text(detail["disclosure_rate"], detail["disclosure_rate_ci"])

    items = page.select("article.finding-item")
    assert [a["data-rule"] for a in items] == [f["rule_id"] for f in detail["findings"]]
    for article, finding in zip(items, detail["findings"], strict=True):
        assert article["data-status"] == finding["status"]
        assert article.find("a", href=f"/guidelines/{finding['rule_id']}")
        listed = [a["href"] for a in article.select("tbody th a")]
        assert listed == [f"/meetings/{m['meeting_id']}" for m in finding["meetings"]]
        for m in finding["meetings"]:
            if m["source_url"]:
                assert article.find("a", href=m["source_url"])

    table = page.find("table", id="meetings-table")
    links = [a["href"] for a in table.select("tbody th a")]
    assert links == [f"/meetings/{m['meeting_id']}" for m in detail["meetings"]]
    assert links and client.get(links[0]).status_code == 200

    owed = [f["rule_id"] for f in detail["findings"] if f["status"] in ("fail", "partial")]
    actions = page.select("article.action")
    assert [a["id"] for a in actions] == [f"action-{r}" for r in owed]
    for article, rule_id in zip(actions, owed, strict=True):
        assert article.find("a", href=f"/guidelines/{rule_id}")
        assert article.find("p")


def test_a_committee_page_follows_the_year(client):
    detail = api(client, "/api/v1/compliance/cmit-1819?year=2026")
    page = soup(client, "/compliance/cmit-1819?year=2026")
    assert "2026" in text(page.find("h1"))
    assert text(page.find("dd", attrs={"data-field": "held"})) == str(detail["held"])
    assert all(m["start"].startswith("2026") for m in detail["meetings"] if m["start"])


# -- errors ----------------------------------------------------------------------------------------

ERRORS = [
    ("/compliance?year=abc", 400, "invalid_parameter"),
    ("/compliance?year=1999", 400, "invalid_parameter"),
    ("/compliance?year=2101", 400, "invalid_parameter"),
    ("/compliance?category=nope", 400, "invalid_parameter"),
    ("/compliance?sort=bogus", 400, "invalid_parameter"),  # the API takes no sort: unknown_parameter there
    ("/compliance?order=up", 400, "invalid_parameter"),
    ("/compliance?yaer=2018", 400, "unknown_parameter"),
    ("/compliance/cmit-0000", 404, "no_committee"),
    ("/compliance/bad!id", 400, "malformed_id"),
    ("/compliance/cmit-1819?year=20x", 400, "invalid_parameter"),
    ("/guidelines/no-such-rule", 404, "no_rule"),
]


@pytest.mark.parametrize(("url", "status", "code"), ERRORS)
def test_bad_requests_are_clear_errors_in_the_right_shape(client, url, status, code):
    r = client.get("/api/v1" + url)
    assert r.status_code == status, r.text[:300]
    sorting = "sort=" in url or "order=" in url
    assert r.json()["error"]["code"] == ("unknown_parameter" if sorting else code)
    assert r.json()["error"]["message_ko"]
    page = soup(client, url, status)
    assert page.find("h1") and page.find(class_="error-status")
    if not url.startswith("/guidelines"):
        assert client.get(url.replace("/compliance", "/compliance.csv", 1)).status_code in (400, 404)


# -- the archive changes ---------------------------------------------------------------------------


def test_a_new_crawl_refreshes_the_report_and_unavailable_sources_are_not_non_compliance(data, tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(data, copy, ignore=shutil.ignore_patterns("index"))
    (copy / "archive" / ".lock").unlink(missing_ok=True)
    app = make_app(copy)
    with TestClient(app) as client:
        body = api(client, "/api/v1/compliance?year=2018")
        committee = next(iter(Archive(copy).all(Committee)))
        cid = committee.committee_id
        before = next(c for c in body["committees"] if c["committee_id"] == cid)
        assert not before["source_unavailable"]
        with Archive(copy, writable=True) as archive:
            added = Meeting("mtg-missing-doc", "missing", "new", "2018년 제9차 문서를 못 읽은 회의", "http://127.0.0.1:1/y",
                            committee_id=cid, status=MeetingStatus.HELD,
                            start=datetime(2018, 6, 1, 10, 0, tzinfo=SEOUL),
                            document_ids=["doc-never-fetched"])  # fmt: skip
            archive.store.put("meetings", added.meeting_id, to_dict(added), seen_at=NOW)
        holder = app.state.portal.models
        holder.check_every = 0
        deadline = time.monotonic() + 30
        after = before
        while time.monotonic() < deadline:
            body = api(client, "/api/v1/compliance?year=2018")
            after = next(c for c in body["committees"] if c["committee_id"] == cid)
            if after["source_unavailable"]:
                break
            holder.wait()
        assert after["source_unavailable"] and after["held"] == before["held"] + 1
        assert after["disclosure_rate"] is None and not after["rank_eligible"]
        assert {f["status"] for f in after["findings"]} == {"source-unavailable"}
        assert app.state.portal.compliance.loads == 2
        page = soup(client, "/compliance?year=2018")
        row = page.find("tr", id=f"row-{cid}")
        assert "원문 확인 불가" in text(row.find("th"))
        assert text(row.find(attrs={"data-field": "disclosure_rate"})) == "원문 확인 불가"
        assert "미준수" not in text(row)
        mine = soup(client, f"/compliance/{cid}?year=2018")
        assert "미준수가 아닙니다" in text(mine.find(class_="notice"))
        assert not mine.select("article.action")
