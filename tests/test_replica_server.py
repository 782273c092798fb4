"""The replica server: hit log, injected faults, and a site that can change between two crawls."""

from __future__ import annotations

import time
from datetime import date

import httpx
import pytest

from replica import Faults, ReplicaServer, build_site
from replica.model import Layout

TODAY = date(2026, 11, 28)


@pytest.fixture
def site():
    return build_site("tiny", seed=1, today=TODAY)


def test_url_and_context_manager(site):
    with ReplicaServer(site) as server:
        assert server.url.startswith("http://127.0.0.1:") and not server.url.endswith("/")
        assert server.port > 0
        assert httpx.get(server.url + "/").status_code == 200
    with pytest.raises(httpx.ConnectError):
        httpx.get(server.url + "/", timeout=1)


def test_start_and_stop_explicitly(site):
    server = ReplicaServer(site).start()
    try:
        assert httpx.get(server.url + "/robots.txt").status_code == 200
    finally:
        server.stop()
    server.stop()  # stopping twice is harmless


def test_hits_are_logged(site):
    with ReplicaServer(site) as server, httpx.Client(base_url=server.url) as client:
        client.get("/robots.txt")
        client.get("/proceeding/list?page=2")
        client.get("/nowhere")
        client.head("/proceeding/clas_all")
        assert list(server.hits) == [
            ("GET", "/robots.txt", 200),
            ("GET", "/proceeding/list?page=2", 200),
            ("GET", "/nowhere", 404),
            ("HEAD", "/proceeding/clas_all", 200),
        ]
        assert server.hits.paths(404) == ["/nowhere"]
        server.hits.clear()
        assert len(server.hits) == 0


def test_fail_times_then_normal(site):
    target = "/proceeding/list?page=1"
    faults = Faults(fail_times={target: 2})
    with ReplicaServer(site, faults=faults) as server, httpx.Client(base_url=server.url) as client:
        codes = [client.get(target).status_code for _ in range(4)]
        assert codes == [500, 500, 200, 200]
        assert client.get("/proceeding/list?page=2").status_code == 200  # other queries unaffected
        assert [code for _, path, code in server.hits if path == target] == codes


def test_always_500_and_slow(site):
    faults = Faults(always_500={"/proceeding/clas_all"}, slow={"/robots.txt": 0.3})
    with ReplicaServer(site, faults=faults) as server, httpx.Client(base_url=server.url) as client:
        for _ in range(3):
            response = client.get("/proceeding/clas_all")
            assert response.status_code == 500 and "Traceback" not in response.text
        started = time.perf_counter()
        assert client.get("/robots.txt").status_code == 200
        assert time.perf_counter() - started >= 0.3


def test_a_changed_site_shows_the_change(site):
    meeting = next(m for m in site.listing if m.layout is Layout.NEW and m.place)
    with ReplicaServer(site) as server, httpx.Client(base_url=server.url) as client:
        assert meeting.place in client.get(meeting.path).text
        meeting.place = "서울시청 본관 9층 새 회의실"
        assert "서울시청 본관 9층 새 회의실" in client.get(meeting.path).text


def test_a_removed_meeting_is_gone(site):
    meeting = site.listing[0]
    docs = [d.nid for d in meeting.documents]
    with ReplicaServer(site) as server, httpx.Client(base_url=server.url) as client:
        first = client.get("/proceeding/list?page=1").text
        assert meeting.path in first
        site.remove_meeting(meeting.key)
        assert client.get(meeting.path).status_code == 404
        assert meeting.path not in client.get("/proceeding/list?page=1").text
        assert all(client.get(f"/sanction/{nid}").status_code == 404 for nid in docs)
        assert meeting.path not in client.get(f"/proceeding/cmit_view?clsf_id={meeting.clsf_id}").text


def test_a_renamed_document_shows_on_its_meeting_page(site):
    meeting = next(m for m in site.listing if m.documents)
    with ReplicaServer(site) as server, httpx.Client(base_url=server.url) as client:
        meeting.documents[0].title = "제목이 바뀐 문서"
        assert "제목이 바뀐 문서" in client.get(meeting.path).text
        assert "제목이 바뀐 문서" in client.get(f"/sanction/{meeting.documents[0].nid}").text


def test_concurrent_clients(site):
    urls = site.all_urls()[:120]
    with ReplicaServer(site) as server:
        import concurrent.futures

        def fetch(url: str) -> int:
            return httpx.get(server.url + url, timeout=10).status_code

        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            assert set(pool.map(fetch, urls)) == {200}
        assert len(server.hits) == len(urls)


def test_internal_error_is_a_500_page(site, monkeypatch):
    import replica.routes

    def boom(*args, **kwargs):
        raise RuntimeError("bug")

    with ReplicaServer(site) as server:
        monkeypatch.setattr(replica.routes.render, "committees_page", boom)
        response = httpx.get(server.url + "/proceeding/clas_all")
        assert response.status_code == 500 and "bug" not in response.text and "Traceback" not in response.text


def test_a_client_hanging_up_is_quiet(site, capfd):
    import socket

    with ReplicaServer(site, faults=Faults(slow={"/proceeding/clas_all": 0.2})) as server:
        sock = socket.create_connection(("127.0.0.1", server.port))
        sock.sendall(b"GET /proceeding/clas_all HTTP/1.1\r\nHost: x\r\n\r\n")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        sock.close()  # reset before the answer
        time.sleep(0.4)
        assert httpx.get(server.url + "/robots.txt").status_code == 200
    assert "Traceback" not in capfd.readouterr().err
