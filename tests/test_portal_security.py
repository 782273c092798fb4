"""Security: headers on every response, no inline script anywhere, crawled text always escaped,
downloads by digest only with safe headers."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from litestar.testing import TestClient

from minutes.archive import Archive
from minutes.domain import FileRecord
from portal.routes.downloads import content_disposition
from tests.portal_support import (
    HOSTILE,
    HOSTILE_DOCUMENT,
    HOSTILE_FILE,
    HOSTILE_MEETING,
    crawled,
    hostile,
    live_server,
    make_app,
    raw_get,
    sample,
)

REQUIRED = {
    "content-security-policy",
    "x-content-type-options",
    "x-frame-options",
    "referrer-policy",
}


@pytest.fixture(scope="session")
def data(tmp_path_factory):
    return crawled(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="session")
def bad_data(tmp_path_factory):
    return hostile(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="session")
def ids(data):
    return sample(data)


@pytest.fixture
def client(data):
    with TestClient(make_app(data), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def bad_client(bad_data):
    with TestClient(make_app(bad_data)) as c:
        yield c


def urls(ids) -> list[str]:
    return [
        "/",
        "/search?q=위원회",
        "/search?q=없는낱말QQQ",
        f"/meetings/{ids.meeting_id}",
        f"/committees/{ids.committee_id}",
        "/committees",
        "/categories",
        f"/categories/{ids.category}",
        "/schema",
        "/schema/openapi.json",
        "/api/v1/search?q=심의",
        f"/api/v1/meetings/{ids.meeting_id}",
        "/api/v1/committees",
        "/static/portal.css",
        "/static/portal.js",
        f"/files/{ids.file_id}",
        f"/files/{ids.file_id}/text",
        "/healthz",
        "/meetings/nope-404",
        "/api/v1/meetings/nope-404",
        "/api/v1/search?page=0",
        "/search?page=0",
        "/no/such/page",
    ]


def test_every_response_carries_the_security_headers(client, ids):
    for url in [*urls(ids), "POST /api/v1/search"]:
        r = client.post(url.split()[1]) if url.startswith("POST") else client.get(url)
        missing = REQUIRED - set(r.headers)
        assert not missing, (url, r.status_code, missing)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert "frame-ancestors 'none'" in csp and "default-src 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "same-origin"


def test_rate_limited_responses_carry_them_too(data):
    with TestClient(make_app(data, api_rate_limit=1)) as client:
        client.get("/api/v1/ping")
        r = client.get("/api/v1/ping")
        assert r.status_code == 429 and not REQUIRED - set(r.headers)


def test_no_page_has_inline_script_style_or_event_handlers(client, ids):
    for url in urls(ids):
        r = client.get(url)
        if not r.headers["content-type"].startswith("text/html"):
            continue
        page = BeautifulSoup(r.text, "html.parser")
        for script in page.find_all("script"):
            assert script.get("src", "").startswith("/static/") and not script.string, (url, script)
        assert not page.find_all("style"), url
        for tag in page.find_all(True):
            assert "style" not in tag.attrs, (url, tag.name)
            assert not [a for a in tag.attrs if a.startswith("on")], (url, tag.name)
        for link in page.find_all(["link", "script", "img"]):
            target = link.get("href") or link.get("src") or ""
            assert not target.startswith(("http:", "https:", "//")), (url, target)


# -- crawled text is escaped -------------------------------------------------------------------


def assert_escaped(html: str) -> None:
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(" in html or "&lt;script&gt;alert(&#39;xss&#39;)" in html


def test_hostile_meeting_page_escapes_every_crawled_field(bad_client):
    r = bad_client.get(f"/meetings/{HOSTILE_MEETING}")
    assert r.status_code == 200
    assert_escaped(r.text)
    page = BeautifulSoup(r.text, "html.parser")
    assert HOSTILE in page.find("h1").get_text()  # shown as text, exactly as crawled
    assert len(page.find_all("script")) == 1  # ours, /static/portal.js
    assert not page.find("img")
    pre = page.select("pre.doc-text")
    assert any(HOSTILE in p.get_text() for p in pre), "file text and body text shown as text"


def test_hostile_text_in_search_snippets_and_listings_is_escaped(bad_client, bad_data):
    r = bad_client.get("/search", params={"q": "회의록 본문"})
    assert r.status_code == 200 and HOSTILE_MEETING in r.text
    assert_escaped(r.text)
    page = BeautifulSoup(r.text, "html.parser")
    snippet = next(s for s in page.select(".snippet") if "alert" in s.get_text())
    assert [m.name for m in snippet.find_all(True)] == ["mark"] * len(snippet.find_all(True))
    committee = Archive(bad_data).one(FileRecord, HOSTILE_FILE)
    assert committee is not None
    for url in ("/", f"/committees/{page.select_one('.result .meta a')['href'].rsplit('/', 1)[1]}"):
        html = bad_client.get(url).text
        if HOSTILE_DOCUMENT in html or HOSTILE_MEETING in html:
            assert_escaped(html)


def test_hostile_text_in_the_api_is_plain_json(bad_client):
    r = bad_client.get(f"/api/v1/meetings/{HOSTILE_MEETING}")
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.json()["title"].startswith("2026년 제9차 <script>")


def test_a_search_for_markup_is_echoed_escaped(client):
    r = client.get("/search", params={"q": '"><script>alert(1)</script>'})
    assert r.status_code == 200
    assert "<script>alert(1)" not in r.text and "&lt;script&gt;alert(1)" in r.text
    r = client.get("/search", params={"category": "<script>"})
    assert r.status_code == 400 and "<script>" not in r.text


def test_hostile_file_name_cannot_break_the_download_header(bad_client):
    r = bad_client.get(f"/files/{HOSTILE_FILE}/text")
    assert r.status_code == 200
    disposition = r.headers["content-disposition"]
    assert disposition.startswith('inline; filename="')
    assert "<" not in disposition and '"' not in disposition.split('filename="')[1].split('"')[0]
    assert "filename*=UTF-8''" + quote(HOSTILE, safe="") in disposition


# -- downloads ---------------------------------------------------------------------------------


def test_downloads_come_from_the_blob_store_with_a_safe_disposition(client, ids, data):
    record = Archive(data).one(FileRecord, ids.file_id)
    r = client.get(f"/files/{ids.file_id}")
    assert r.status_code == 200
    assert hashlib.sha256(r.content).hexdigest() == record.sha256
    assert r.headers["content-type"].split(";")[0] == ids.file_media_type
    disposition = r.headers["content-disposition"]
    assert disposition.startswith("attachment; ")
    assert f"filename*=UTF-8''{quote(ids.file_name, safe='')}" in disposition
    disposition.encode("latin-1")  # headers must be latin-1: Korean is percent-encoded


def test_extracted_text_is_plain_utf8_text(client, ids, data):
    r = client.get(f"/files/{ids.file_id}/text")
    assert r.status_code == 200
    assert r.headers["content-type"] == "text/plain; charset=utf-8"
    record = Archive(data).one(FileRecord, ids.file_id)
    assert r.text == (data / record.text_path).read_text(encoding="utf-8")


def test_content_disposition_encodes_anything():
    header = content_disposition("attachment", '회의록 "최종";\r\nX-Evil: 1.hwp')
    header.encode("latin-1")
    assert "\r" not in header and "\n" not in header
    assert header.startswith('attachment; filename="')
    assert "filename*=UTF-8''%ED%9A%8C%EC%9D%98%EB%A1%9D%20%22%EC%B5%9C%EC%A2%85%22%3B%0D%0AX-Evil%3A%201.hwp" in header


def test_raw_path_traversal_over_real_http_is_refused(data):
    with live_server(make_app(data)) as base:
        for path in ("/files/../../../../etc/passwd", "/files/..%2F..%2Fetc%2Fpasswd", "/static/../portal/app.py",
                     "/static/%2e%2e/%2e%2e/pyproject.toml", "/files/%00"):  # fmt: skip
            status, response = raw_get(base, path)
            assert status in (400, 404), (path, status)
            assert b"root:" not in response and b"create_app" not in response and b"[project]" not in response


def test_the_language_cookie_is_httponly_and_lax(client):
    cookie = client.get("/?lang=en").headers["set-cookie"]
    assert "HttpOnly" in cookie and re.search(r"SameSite=lax", cookie, re.I) and "Path=/" in cookie


def test_a_ten_kilobyte_query_over_real_http_gets_the_error_shape(data):
    import httpx

    with live_server(make_app(data)) as base:
        r = httpx.get(f"{base}/api/v1/search", params={"q": "위원회 " * 1700}, timeout=30)
        assert len(str(r.request.url)) > 30_000
        assert r.status_code == 400 and r.json()["error"]["parameter"] == "q"
        assert not REQUIRED - set(r.headers)
