"""Bad input never yields a 500: every case is a clear 4xx in the one error shape, per audience."""

from __future__ import annotations

import shutil
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from litestar import get
from litestar.testing import TestClient

from tests.portal_support import crawled, make_app, sample

LONG_QUERY = "위원회 " * 1700  # ~10 kB of UTF-8
ERROR_KEYS = {"status", "code", "message", "message_ko"}

API_CASES = [
    ("/api/v1/search?category=not-a-category", 400, "invalid_parameter", "category"),
    ("/api/v1/search?committee=cmit-0", 400, "unknown_value", "committee"),
    ("/api/v1/search?committee=../../etc", 400, "unknown_value", "committee"),
    ("/api/v1/search?year=abc", 400, "invalid_parameter", "year"),
    ("/api/v1/search?year=1500", 400, "invalid_parameter", "year"),
    ("/api/v1/search?doc_type=memo", 400, "invalid_parameter", "doc_type"),
    ("/api/v1/search?disclosure=secret", 400, "invalid_parameter", "disclosure"),
    ("/api/v1/search?sort=random", 400, "invalid_parameter", "sort"),
    ("/api/v1/search?page=0", 400, "invalid_parameter", "page"),
    ("/api/v1/search?page=-3", 400, "invalid_parameter", "page"),
    ("/api/v1/search?page=abc", 400, "invalid_parameter", "page"),
    ("/api/v1/search?page=99999999999999999999", 400, "invalid_parameter", "page"),
    ("/api/v1/search?per_page=0", 400, "invalid_parameter", "per_page"),
    ("/api/v1/search?per_page=100000", 400, "invalid_parameter", "per_page"),
    ("/api/v1/search?page=400&per_page=100", 400, "too_deep", "page"),
    ("/api/v1/search?q=위원회&page=400", 404, "no_page", None),
    ("/api/v1/search?colour=red", 400, "unknown_parameter", "colour"),
    ("/api/v1/search?lang=fr", 400, "invalid_parameter", "lang"),
    ("/api/v1/search?" + "&".join(["year=2018"] * 25), 400, "invalid_parameter", "year"),
    ("/api/v1/meetings/nope-404", 404, "no_meeting", None),
    ("/api/v1/meetings/a%20b", 400, "malformed_id", None),
    ("/api/v1/meetings/" + "x" * 300, 400, "malformed_id", None),
    ("/api/v1/meetings/%ED%9A%8C%EC%9D%98", 400, "malformed_id", None),
    ("/api/v1/committees/cmit-0", 404, "no_committee", None),
    ("/api/v1/committees/%3Cscript%3E", 400, "malformed_id", None),
    ("/api/v1/categories/not-a-category", 404, "no_category", None),
    ("/api/v1/nothing-here", 404, "not_found", None),
    ("/api/v2/search", 404, "not_found", None),
]

PAGE_CASES = [
    ("/search?category=not-a-category", 400),
    ("/search?page=0", 400),
    ("/search?per_page=100000", 400),
    ("/search?q=위원회&page=400", 404),
    ("/search?colour=red", 400),
    ("/search?lang=fr", 400),
    ("/meetings/nope-404", 404),
    ("/meetings/a%20b", 400),
    ("/committees/cmit-0", 404),
    ("/categories/not-a-category", 404),
    ("/no/such/page", 404),
    ("/files/file-nope", 404),
]


@pytest.fixture(scope="session")
def data(tmp_path_factory):
    return crawled(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="session")
def ids(data):
    return sample(data)


@pytest.fixture
def client(data):
    with TestClient(make_app(data), raise_server_exceptions=False) as c:
        yield c


def assert_api_error(r, status: int, code: str | None = None, parameter: str | None = None) -> dict:
    assert r.status_code == status, r.text[:400]
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert ERROR_KEYS <= error.keys() <= ERROR_KEYS | {"parameter"}
    assert error["status"] == status and error["message"] and error["message_ko"]
    if code:
        assert error["code"] == code
    if parameter:
        assert error["parameter"] == parameter
    return error


def assert_error_page(r, status: int) -> BeautifulSoup:
    assert r.status_code == status, r.text[:400]
    assert r.headers["content-type"].startswith("text/html")
    page = BeautifulSoup(r.text, "html.parser")
    assert page.html["lang"] in ("ko", "en")
    assert text(page.find(class_="error-status")) == str(status)
    assert page.find("h1") and page.find("form", role="search")
    assert page.find("a", href=lambda h: h in ("/", "/?lang=en"), string=lambda s: s and "/" not in s)
    assert "Traceback" not in r.text
    return page


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


@pytest.mark.parametrize(("url", "status", "code", "parameter"), API_CASES)
def test_api_bad_input_is_a_clear_4xx_in_one_json_shape(client, url, status, code, parameter):
    assert_api_error(client.get(url), status, code, parameter)


@pytest.mark.parametrize(("url", "status"), PAGE_CASES)
def test_page_bad_input_is_a_friendly_error_page(client, url, status):
    assert_error_page(client.get(url), status)


def test_a_ten_kilobyte_query_is_refused_not_searched(client):
    assert len(LONG_QUERY.encode()) > 10_000
    error = assert_api_error(client.get("/api/v1/search", params={"q": LONG_QUERY}), 400, "invalid_parameter", "q")
    assert "256" in error["message"]
    assert_error_page(client.get("/search", params={"q": LONG_QUERY}), 400)


def test_the_message_names_the_parameter_and_echoes_input_only_briefly(client):
    error = assert_api_error(client.get("/api/v1/search", params={"committee": "x" * 500}), 400)
    assert "committee" in error["message"] and len(error["message"]) < 200
    page = assert_error_page(client.get("/search?category=bogus"), 400)
    assert "category" in text(page.find("main"))


def test_error_pages_speak_the_chosen_language(client):
    page = assert_error_page(client.get("/meetings/nope-404?lang=en"), 404)
    assert page.html["lang"] == "en" and text(page.find("h1")) == "Page not found"
    page = assert_error_page(client.get("/meetings/nope-404"), 404)
    assert page.html["lang"] == "ko" and text(page.find("h1")) == "찾는 페이지가 없습니다"


def test_wrong_methods_are_405_with_allow(client):
    r = client.post("/api/v1/search")
    error = assert_api_error(r, 405, "method_not_allowed")
    assert "POST" in error["message"] and "GET" in r.headers["allow"]
    assert_error_page(client.delete("/meetings/x"), 405)


@pytest.mark.parametrize(
    "path",
    [
        "/files/..%2F..%2F..%2Fetc%2Fpasswd",
        "/files/%2e%2e",
        "/files/%2E%2E/text",
        "/files/file-x%00",
        "/files/%2Fetc%2Fpasswd/text",
        "/files/" + "f" * 500,
        "/files/file-x;rm",
        "/files/%E2%80%AEfile",
        "/static/../portal/app.py",
        "/static/%2e%2e/app.py",
    ],
)
def test_path_tricks_on_downloads_are_refused(client, path):
    r = client.get(path)
    assert r.status_code in (400, 404), (path, r.status_code)
    assert b"import" not in r.content and b"root:" not in r.content


def test_non_public_and_unknown_files_are_404(client, ids, data):
    for path in (f"/files/{ids.closed_file_id}", f"/files/{ids.closed_file_id}/text", "/files/file-nope/text"):
        assert_error_page(client.get(path), 404)


def test_files_that_were_never_fetched_are_404(client, data):
    import json

    failed = [json.loads(line)["data"] for line in (data / "archive" / "files.jsonl").read_text().splitlines()]
    failed = [f for f in failed if f["status"] == "download_error"]
    assert failed, "the tiny replica serves broken downloads"
    assert_error_page(client.get(f"/files/{failed[0]['file_id']}"), 404)


def test_without_an_index_search_is_503_and_the_rest_still_works(data, ids, tmp_path):
    copy = tmp_path / "no-index"
    shutil.copytree(data, copy, ignore=shutil.ignore_patterns("index"))
    with TestClient(make_app(copy)) as client:
        error = assert_api_error(client.get("/api/v1/search?q=위원회"), 503, "index_missing")
        assert "minutes index" in error["message"]
        assert_error_page(client.get("/search?q=위원회"), 503)
        assert client.get(f"/meetings/{ids.meeting_id}").status_code == 200
        assert client.get("/").status_code == 200
        assert client.get("/healthz").json()["index"] == "missing"


def test_an_unexpected_exception_is_a_friendly_500_without_details(data):
    @get("/boom", sync_to_thread=False)
    def boom() -> str:
        raise RuntimeError("secret internals")

    @get("/api/v1/boom", sync_to_thread=False)
    def api_boom() -> str:
        raise RuntimeError("secret internals")

    app = make_app(data)
    app.register(boom)
    app.register(api_boom)
    with TestClient(app, raise_server_exceptions=False) as client:
        r = client.get("/boom")
        page = assert_error_page(r, 500)
        assert "secret internals" not in r.text and text(page.find("h1")) == "문제가 생겼습니다"
        r = client.get("/api/v1/boom")
        assert_api_error(r, 500, "internal")
        assert "secret internals" not in r.text


def test_the_api_rate_limit_answers_429_in_the_error_shape(data):
    with TestClient(make_app(data, api_rate_limit=3)) as client:
        for _ in range(3):
            r = client.get("/api/v1/ping")
            assert r.status_code == 200
        assert r.headers["ratelimit-limit"] == "3" and r.headers["ratelimit-remaining"] == "0"
        r = client.get("/api/v1/committees")
        error = assert_api_error(r, 429, "rate_limited")
        assert int(r.headers["retry-after"]) > 0 and error["message_ko"]
        assert client.get("/committees").status_code == 200, "pages are not rate limited"
        assert client.get("/healthz").status_code == 200
    with TestClient(make_app(data, api_rate_limit=3)) as fresh:
        assert fresh.get("/api/v1/ping").status_code == 200, "counters live on the app"


# -- whatever arrives, never a 500 -------------------------------------------------------------

_NAMES = st.sampled_from(["q", "category", "committee", "year", "doc_type", "disclosure", "sort", "page",
                          "per_page", "lang", "x", "page[]", ""])  # fmt: skip
_VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "environment",
            "2018",
            "0",
            "-1",
            "1e9",
            "date",
            "minutes",
            "partial",
            "cmit-1769",
            "../..",
            "%00",
            "<script>",
            "'",
            '"',
            "\\",
            "NaN",
            "9" * 30,
        ]
    ),
)


@pytest.fixture(scope="module")
def fuzz_client(data):
    """One app for every example (hypothesis runs many inside one test), without a rate limit."""
    with TestClient(make_app(data, api_rate_limit=0), raise_server_exceptions=False) as client:
        yield client


@settings(max_examples=150, deadline=None)
@given(params=st.lists(st.tuples(_NAMES, _VALUES), max_size=6), api=st.booleans())
def test_no_search_input_yields_a_500(fuzz_client, params, api):
    client = fuzz_client
    r = client.get("/api/v1/search" if api else "/search", params=params)
    assert r.status_code in (200, 400, 404), (params, r.status_code, r.text[:300])
    if r.status_code != 200 and api:
        assert_api_error(r, r.status_code)


@settings(max_examples=100, deadline=None)
@given(segment=st.text(min_size=1, max_size=80), area=st.sampled_from(["meetings", "committees", "categories",
                                                                        "files", "api/v1/meetings"]))  # fmt: skip
def test_no_id_yields_a_500(fuzz_client, segment, area):
    r = fuzz_client.get(f"/{area}/{quote(segment, safe='')}")
    assert r.status_code in (200, 400, 404), (segment, r.status_code)
