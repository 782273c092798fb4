"""The JSON API through HTTP, on an archive crawled from the replica and indexed the real way."""

from __future__ import annotations

import hashlib
import re
import shutil
from datetime import datetime

from litestar.testing import TestClient

from minutes.domain import Committee, FileRecord, Meeting
from minutes.vocabulary import Category, Disclosure, DocType
from portal import schemas
from tests.portal_support import api_keys, make_app, minutes, write_hostile_records

ISO_SEOUL = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+09:00$")
DOC_TYPES = {t.value for t in DocType}
CATEGORIES = {c.value for c in Category}
DISCLOSURES = {d.value for d in Disclosure}


def get_json(client, url: str, status: int = 200) -> dict:
    r = client.get(url)
    assert r.status_code == status, (url, r.text[:500])
    assert r.headers["content-type"].split(";")[0].endswith("json")
    return r.json()


# -- search ------------------------------------------------------------------------------------


def test_search_body_has_the_documented_shape(client):
    body = get_json(client, "/api/v1/search?q=위원회")
    assert api_keys(schemas.SearchBody) <= body.keys()
    assert set(body["facets"]) >= {"category", "committee", "year", "doc_type", "disclosure"}
    for name, values in body["facets"].items():
        for value in values:
            assert {"value", "label", "count"} <= value.keys(), name
            assert value["count"] > 0
    assert body["meetings"], "위원회 is in nearly every document"
    for meeting in body["meetings"]:
        assert api_keys(schemas.MeetingHitBody) <= meeting.keys()
        assert meeting["category"] in CATEGORIES
        assert meeting["start"] is None or ISO_SEOUL.match(meeting["start"]), meeting["start"]
        for document in meeting["documents"]:
            assert {"document_id", "doc_type", "title", "snippet"} <= document.keys()
            assert document["doc_type"] in DOC_TYPES


def test_facet_values_are_stable_ids_with_korean_and_english_labels(client):
    facets = get_json(client, "/api/v1/search?q=회의")["facets"]
    assert {v["value"] for v in facets["category"]} <= CATEGORIES
    assert {v["value"] for v in facets["doc_type"]} <= DOC_TYPES
    assert {v["value"] for v in facets["disclosure"]} <= DISCLOSURES
    for value in facets["category"]:
        category = Category(value["value"])
        assert (value["label"], value["label_en"]) == (category.label_ko, category.label_en)


def test_facet_counts_count_meetings_and_filtering_by_one_gives_that_count(client):
    body = get_json(client, "/api/v1/search?q=위원회")
    assert sum(v["count"] for v in body["facets"]["category"]) == body["total_meetings"]
    assert sum(v["count"] for v in body["facets"]["committee"]) == body["total_meetings"]
    for facet in ("category", "committee", "year"):
        value = body["facets"][facet][-1]
        filtered = get_json(client, f"/api/v1/search?q=위원회&{facet}={value['value']}")
        assert filtered["total_meetings"] == value["count"], (facet, value)


def test_filters_restrict_every_result(client, ids):
    body = get_json(client, f"/api/v1/search?category={ids.category}&per_page=100")
    assert body["meetings"] and all(m["category"] == ids.category for m in body["meetings"])
    body = get_json(client, f"/api/v1/search?committee={ids.committee_id}&per_page=100")
    assert body["meetings"] and all(m["committee_id"] == ids.committee_id for m in body["meetings"])
    body = get_json(client, "/api/v1/search?year=2018&per_page=100")
    assert body["meetings"] and all(m["start"].startswith("2018-") for m in body["meetings"])
    body = get_json(client, "/api/v1/search?q=회의록&doc_type=minutes&per_page=100")
    assert body["meetings"] and all(d["doc_type"] == "minutes" for m in body["meetings"] for d in m["documents"])
    assert {v["value"] for v in body["facets"]["doc_type"]} == {"minutes"}


def test_filters_of_one_name_are_ored_and_of_different_names_anded(client):
    one = get_json(client, "/api/v1/search?year=2018")["total_meetings"]
    other = get_json(client, "/api/v1/search?year=2026")["total_meetings"]
    both = get_json(client, "/api/v1/search?year=2018&year=2026")
    assert both["total_meetings"] == one + other
    assert both["filters"]["year"] == [2018, 2026]
    narrowed = get_json(client, "/api/v1/search?year=2018&year=2026&category=administration-other")
    assert narrowed["total_meetings"] < both["total_meetings"]


def test_empty_query_lists_every_meeting_newest_first(client, archive):
    body = get_json(client, "/api/v1/search?per_page=100")
    assert body["total_meetings"] == sum(1 for _ in archive.all(Meeting))
    assert body["sort"] == "date"
    starts = [m["start"] for m in body["meetings"] if m["start"]]
    assert starts == sorted(starts, reverse=True)


def test_sort_by_date_and_pagination(client):
    first = get_json(client, "/api/v1/search?q=심의&sort=date&per_page=5")
    second = get_json(client, "/api/v1/search?q=심의&sort=date&per_page=5&page=2")
    assert (first["page"], first["per_page"], second["page"]) == (1, 5, 2)
    assert first["total_meetings"] == second["total_meetings"] > 5
    starts = [m["start"] for m in first["meetings"] + second["meetings"]]
    assert starts == sorted(starts, reverse=True)
    assert not {m["meeting_id"] for m in first["meetings"]} & {m["meeting_id"] for m in second["meetings"]}
    assert first["pages"] == -(-first["total_meetings"] // 5)


def test_snippets_mark_the_match_and_nothing_else(client):
    body = get_json(client, "/api/v1/search?q=도시공원")
    snippets = [d["snippet"] for m in body["meetings"] for d in m["documents"] if d["snippet"]]
    assert snippets and any("<mark>" in s for s in snippets)
    for s in snippets:
        assert re.sub(r"</?mark>", "", s).count("<") == 0


# -- meetings, committees, categories, home ----------------------------------------------------


def test_meeting_has_its_fields_and_every_document_with_a_working_download(client, ids, archive):
    body = get_json(client, f"/api/v1/meetings/{ids.meeting_id}")
    assert api_keys(schemas.MeetingBody) <= body.keys()
    meeting = archive.one(Meeting, ids.meeting_id)
    assert (body["title"], body["place"], body["committee_id"]) == (meeting.title, meeting.place or None,
                                                                      meeting.committee_id)  # fmt: skip
    assert ISO_SEOUL.match(body["start"])
    assert body["documents"]
    for document in body["documents"]:
        assert api_keys(schemas.MeetingDocumentBody) <= document.keys()
        assert document["doc_type"] in DOC_TYPES - {"meeting"}
        assert document["disclosure"] in DISCLOSURES | {None}
        assert document["posted_at"] is None or ISO_SEOUL.match(document["posted_at"])
    downloads = [f for d in body["documents"] for f in d["files"] if f["download_url"]]
    assert any(f["file_id"] == ids.file_id for f in downloads)
    for f in downloads:
        r = client.get(f["download_url"])
        assert r.status_code == 200
        assert hashlib.sha256(r.content).hexdigest() == archive.one(FileRecord, f["file_id"]).sha256


def test_a_withheld_document_carries_its_ground(client, ids):
    body = get_json(client, f"/api/v1/meetings/{ids.partial_document_meeting}")
    grounded = [d for d in body["documents"] if d["ground"]]
    assert grounded
    for d in grounded:
        assert d["disclosure"] in ("partial", "closed")
        assert 1 <= d["ground"] <= 8 and d["ground_label"] and d["ground_label_en"]


def test_committees_list_counts_meetings(client, archive):
    body = get_json(client, "/api/v1/committees")
    committees = {c.committee_id: c for c in archive.all(Committee)}
    assert {c["committee_id"] for c in body["committees"]} == set(committees)
    meetings = list(archive.all(Meeting))
    for row in body["committees"]:
        assert api_keys(schemas.CommitteeRowBody) <= row.keys()
        assert row["name"] == committees[row["committee_id"]].name
        assert row["category"] in CATEGORIES
        assert row["meeting_count"] == sum(1 for m in meetings if m.committee_id == row["committee_id"])


def test_committee_profile_and_meetings_by_year(client, ids, archive):
    body = get_json(client, f"/api/v1/committees/{ids.committee_id}")
    assert api_keys(schemas.CommitteeBody) <= body.keys()
    committee = archive.one(Committee, ids.committee_id)
    assert (body["name"], body["legal_basis"], body["functions"]) == (committee.name, committee.legal_basis or None,
                                                                        committee.functions)  # fmt: skip
    years = [y["year"] for y in body["meetings_by_year"]]
    assert years == sorted(years, reverse=True)
    assert sum(len(y["meetings"]) for y in body["meetings_by_year"]) == body["meeting_count"]
    for year in body["meetings_by_year"]:
        assert all(m["start"].startswith(str(year["year"])) for m in year["meetings"])
    assert {d["committee_id"] for d in body["documents"]} <= {ids.committee_id}


def test_categories_are_the_eleven_with_counts(client, archive):
    body = get_json(client, "/api/v1/categories")
    assert [c["category"] for c in body["categories"]] == [c.value for c in Category]
    assert sum(c["committee_count"] for c in body["categories"]) == sum(1 for _ in archive.all(Committee))
    one = next(c for c in body["categories"] if c["committee_count"])
    detail = get_json(client, f"/api/v1/categories/{one['category']}")
    assert len(detail["committees"]) == one["committee_count"]
    assert all(c["category"] == one["category"] for c in detail["committees"])


def test_home_data(client, ids):
    body = get_json(client, "/api/v1/home")
    assert api_keys(schemas.HomeBody) <= body.keys()
    assert len(body["categories"]) == 11
    assert body["upcoming"] and body["upcoming"][0]["meeting_id"] == ids.upcoming_meeting
    starts = [m["start"] for m in body["upcoming"]]
    assert starts == sorted(starts)
    assert all(d["doc_type"] == "minutes" for d in body["latest_minutes"])
    posted = [d["posted_at"] for d in body["latest_minutes"]]
    assert posted == sorted(posted, reverse=True)
    fresh = body["freshness"]
    assert ISO_SEOUL.match(fresh["last_crawl"]) and fresh["source"].startswith("http://127.0.0.1:")
    assert fresh["demo"] is True
    assert datetime.fromisoformat(fresh["last_crawl"]).year == datetime.now().year


def test_ping(client):
    assert get_json(client, "/api/v1/ping") == {"ok": True}


# -- the OpenAPI document ----------------------------------------------------------------------


def test_openapi_documents_every_api_route_and_its_parameters(client):
    schema = get_json(client, "/schema/openapi.json")
    paths = schema["paths"]
    for path in ("/api/v1/search", "/api/v1/meetings/{meeting_id}", "/api/v1/committees",
                 "/api/v1/committees/{committee_id}", "/api/v1/categories", "/api/v1/categories/{category_id}",
                 "/api/v1/home", "/api/v1/ping"):  # fmt: skip
        assert path in paths, path
    assert not any(not p.startswith("/api/") for p in paths), "pages are not API routes"
    search = paths["/api/v1/search"]["get"]
    names = {p["name"] for p in search["parameters"]}
    assert {"q", "category", "committee", "year", "doc_type", "disclosure", "sort", "page", "per_page"} <= names
    components = schema["components"]["schemas"]
    assert set(components["Category"]["enum"]) == CATEGORIES
    assert {"400", "404", "429"} <= set(search["responses"])
    assert "SearchBody" in components and "ErrorResponse" in components


def test_schema_page_lists_the_api_without_loading_anything_from_elsewhere(client):
    r = client.get("/schema")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "/api/v1/search" in r.text and 'href="/schema/openapi.json"' in r.text
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"https?://", r.text)


# -- one searcher, a cache that follows the index ----------------------------------------------


def test_one_searcher_serves_every_search_and_the_cache_follows_the_index(data, tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(data, copy)
    (copy / "archive" / ".lock").unlink(missing_ok=True)
    app = make_app(copy, search_cache=8)
    portal = app.state.portal
    with TestClient(app) as client:
        first = get_json(client, "/api/v1/search?q=위원회")
        assert get_json(client, "/api/v1/search?q=위원회") == first
        get_json(client, "/api/v1/search?q=심의&page=2&per_page=3")
        assert portal.cache.hits == 1 and portal.searcher.opened == 1
        write_hostile_records(copy)
        minutes("index", "--data", str(copy))
        again = get_json(client, "/api/v1/search?q=위원회")
        assert again["total_meetings"] == first["total_meetings"] + 1, "a new index generation is searched"
        assert portal.searcher.opened == 2


# -- the shared search pool of `minutes serve --workers N` -------------------------------------


def test_searches_through_the_shared_pool_match_in_process_searches(data, tmp_path):
    from portal.searchpool import SearchPool

    with SearchPool(data / "index", 2) as pool:
        pool.wait_ready()
        with (
            TestClient(make_app(data, search_socket=pool.path, search_cache=0)) as pooled,
            TestClient(make_app(data)) as local,
        ):
            for url in ("/api/v1/search?q=위원회", "/api/v1/search?q=심의&sort=date&page=2&per_page=3",
                        "/api/v1/search?category=environment", "/api/v1/search?q=없는낱말QQQ"):  # fmt: skip
                assert get_json(pooled, url) == get_json(local, url), url
            assert pooled.get("/search?q=회의").status_code == 200
    empty = tmp_path / "empty"
    (empty / "archive").mkdir(parents=True)
    with SearchPool(empty / "index", 1) as pool:
        pool.wait_ready()
        with TestClient(make_app(empty, search_socket=pool.path)) as client:
            r = client.get("/api/v1/search?q=위원회")
            assert r.status_code == 503 and r.json()["error"]["code"] == "index_missing"


def test_minutes_serve_with_workers_and_a_search_pool(data):
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINUTES_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "minutes.cli", "serve", "--data", str(data), "--port", str(port), "--workers", "2",
         "--search-processes", "2"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/v1/search", params={"q": "위원회"}, timeout=30)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and proc.poll() is None, "minutes serve did not start"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["total_meetings"] > 0
        assert httpx.get(f"http://127.0.0.1:{port}/").status_code == 200
    finally:
        proc.send_signal(signal.SIGINT)
        output, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0, output[-2000:]
    assert "2 shared search processes" in output
    leftovers = subprocess.run(["pgrep", "-f", f"portal.searchpool --fd .* --index {data}"], capture_output=True)
    assert leftovers.returncode == 1, "the search processes stop with the server"
