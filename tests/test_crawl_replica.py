"""The spider crawls the replica over real HTTP, as `minutes crawl` in a subprocess.

Scrapy's reactor runs once per process, so each crawl is its own process; the replica runs in this
one, on a loopback port, where tests can change the site and inject faults between crawls.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from minutes.archive import ArchiveStore
from minutes.domain import SEOUL
from replica.generate import build_site
from replica.server import Faults, ReplicaServer

TODAY = date(2026, 11, 28)
STATUS = {"HELD": "held", "SCHEDULED": "scheduled", "CANCELLED": "cancelled"}


def crawl_command(base_url: str, data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "minutes.cli", "crawl", "--base-url", base_url, "--data", str(data),
            "--json", "--progress", "0", *args]  # fmt: skip


def crawl(base_url: str, data: Path, *args: str, env: dict | None = None, timeout: float = 180) -> dict:
    cmd = crawl_command(base_url, data, *args)
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env or _env(), check=False)
    assert out.returncode in (0, 130), out.stderr[-3000:]
    return json.loads(out.stdout)


def _env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINUTES_")}
    env.update(extra)
    return env


def iso(moment) -> str:
    """The replica keeps Seoul wall-clock times without a zone; the archive keeps them aware."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=SEOUL)).isoformat()


def records(data: Path, kind: str) -> dict[str, dict]:
    return {e["id"]: e for e in ArchiveStore(data / "archive").records(kind)}


def _all_site_attachments(site) -> int:
    return sum(len(m.attachments) + sum(len(d.attachments) for d in m.documents) for m in site.meetings)


@pytest.fixture(scope="module")
def site():
    return build_site("tiny", seed=7, today=TODAY)


@pytest.fixture(scope="module")
def first_crawl(site, tmp_path_factory):
    data = tmp_path_factory.mktemp("archive")
    with ReplicaServer(site) as server:
        summary = crawl(server.url, data)
        hits = list(server.hits)
    return data, summary, hits


def test_first_crawl_archives_the_whole_site(site, first_crawl):
    data, summary, _ = first_crawl
    assert summary["status"] == "finished" and summary["errors"] == 0
    assert len(records(data, "committees")) == len(site.committees)
    assert len(records(data, "meetings")) == len(site.meetings)
    documents = sum(len(m.documents) for m in site.meetings)
    materials = sum(len(m.attachments) for m in site.meetings)
    assert len(records(data, "documents")) == documents + materials
    assert len(records(data, "files")) == _all_site_attachments(site)


def test_every_meeting_field_matches_the_site(site, first_crawl):
    data = first_crawl[0]
    archived = records(data, "meetings")
    for meeting in site.meetings:
        key = meeting.code or str(meeting.nid)
        got = archived[f"mtg-{key}"]["data"]
        assert got["start"] == iso(meeting.start), meeting.when
        assert got["place"] == (meeting.place or "")
        assert got["attendee_count"] == meeting.present
        assert got["status"] == STATUS[meeting.status.name], meeting.title
        assert got["committee_id"] == f"cmit-{meeting.clsf_id}"
        if meeting.show_registered:
            assert got["posted_at"][:10] == meeting.registered.date().isoformat()
        else:
            assert got["posted_at"] is None


def test_euc_kr_pages_decode_to_the_same_korean(site, first_crawl):
    data = first_crawl[0]
    archived = records(data, "meetings")
    euc = [m for m in site.meetings if m.encoding == "euc-kr"]
    assert euc, "the tiny site serves some pages in EUC-KR"
    for meeting in euc:
        got = archived[f"mtg-{meeting.code or meeting.nid}"]["data"]
        assert got["title"] == meeting.title
        assert got["place"] == (meeting.place or "")


def test_documents_carry_disclosure_and_ground(site, first_crawl):
    archived = records(first_crawl[0], "documents")
    for meeting in site.meetings:
        for doc in meeting.documents:
            got = archived[f"doc-{doc.nid}"]["data"]
            level = {"공개": "public", "부분공개": "partial", "비공개": "closed"}[doc.disclosure]
            assert got["disclosure"]["level"] == level, doc.title
            assert got["disclosure"]["ground"] == doc.ground
            assert got["produced_at"][:10] == doc.produced.date().isoformat()
            assert got["meeting_id"] == f"mtg-{meeting.code or meeting.nid}"


def test_files_are_extracted_or_recorded_with_a_reason(site, first_crawl):
    data = first_crawl[0]
    files = {e["id"]: e["data"] for e in records(data, "files").values()}
    statuses = {f["status"] for f in files.values()}
    assert {"ok", "not_public", "download_error", "encrypted", "distribution"} <= statuses
    for f in files.values():
        if f["status"] == "ok":
            assert f["text_chars"] > 0 and (data / f["text_path"]).exists()
            assert len(f["sha256"]) == 64 and f["media_type"]
        else:
            assert f["reason"], f
    broken = sum(a.broken for m in site.meetings for d in m.documents for a in d.attachments)
    broken += sum(a.broken for m in site.meetings for a in m.attachments)
    assert sum(f["status"] == "download_error" for f in files.values()) == broken


def test_raw_pages_are_kept_by_content_hash(first_crawl):
    data = first_crawl[0]
    pages = records(data, "pages")
    assert pages
    for env in pages.values():
        page = env["data"]
        if page.get("sha256"):
            assert (data / "blobs" / page["sha256"][:2] / page["sha256"][2:4] / page["sha256"]).exists()


def test_crawl_obeys_robots_and_fetches_each_page_once(first_crawl):
    hits = first_crawl[2]
    paths = [path for method, path, status in hits if method == "GET"]
    assert paths[0] == "/robots.txt"
    pages = [p for p in paths if p != "/robots.txt"]
    assert len(pages) == len(set(pages))
    assert not any(p.startswith("/admin/") for p in pages)


def test_summary_reports_per_committee_and_failures(site, first_crawl):
    summary = first_crawl[1]
    assert set(summary["per_committee"]) == {f"cmit-{c.clsf_id}" for c in site.committees}
    assert summary["failures"].get("file: download_error", 0) >= 1
    assert summary["delay_s"] == 0.0


def test_second_crawl_adds_nothing(site, tmp_path):
    with ReplicaServer(site) as server:
        crawl(server.url, tmp_path)
        before = {k: records(tmp_path, k) for k in ("committees", "meetings", "documents", "files")}
        # A slow meeting list: meeting pages now arrive before the list entries that carry their
        # posting date and status, the order that once made every such meeting look changed.
        server.faults.slow["/proceeding/list"] = 1.5
        summary = crawl(server.url, tmp_path)
    assert all(change.endswith(":unchanged") for change in summary["changes"]), summary["changes"]
    for kind, old in before.items():
        new = records(tmp_path, kind)
        assert new.keys() == old.keys()
        assert all(e["version"] == 1 and e["last_seen"] > old[i]["last_seen"] for i, e in new.items())


def test_changed_page_keeps_the_earlier_version_and_vanished_is_marked(tmp_path):
    site = build_site("tiny", seed=7, today=TODAY)
    changed = next(m for m in site.meetings if m.place)
    removed = next(m for m in site.meetings if m is not changed and m.documents)
    with ReplicaServer(site) as server:
        crawl(server.url, tmp_path)
        old_place = changed.place
        changed.place = "서울시청 신청사 3층 대회의실(변경)"
        site.remove_meeting(removed.code or removed.nid)
        summary = crawl(server.url, tmp_path)
    meetings = records(tmp_path, "meetings")
    env = meetings[f"mtg-{changed.code or changed.nid}"]
    assert env["version"] == 2
    assert env["data"]["place"] == "서울시청 신청사 3층 대회의실(변경)"
    assert env["history"][0]["data"]["place"] == old_place
    gone = meetings[f"mtg-{removed.code or removed.nid}"]
    assert gone["vanished_at"] is not None and gone["data"]["title"] == removed.title
    documents = records(tmp_path, "documents")
    assert all(documents[f"doc-{d.nid}"]["vanished_at"] for d in removed.documents)
    assert summary["vanished"]["meetings"] == 1


def test_server_error_then_success_is_retried(site, tmp_path):
    meeting = next(m for m in site.meetings if m.layout.value == "new")
    path = f"/proceeding/{meeting.nid}"
    with ReplicaServer(site, faults=Faults(fail_times={path: 2})) as server:
        summary = crawl(server.url, tmp_path)
        statuses = [status for _, p, status in server.hits if p == path]
    assert statuses == [500, 500, 200]
    assert summary["errors"] == 0
    assert records(tmp_path, "meetings")[f"mtg-{meeting.nid}"]["data"]["title"] == meeting.title


def test_persistent_failure_is_recorded_and_nothing_is_marked_vanished(site, tmp_path):
    committee = site.committees[0]
    path = "/proceeding/cmit_view"
    with ReplicaServer(site) as server:
        crawl(server.url, tmp_path)
        server.faults.always_500.add(path)
        summary = crawl(server.url, tmp_path)
    assert summary["status"] == "finished"
    assert summary["errors"] >= len(site.committees)
    assert summary["failures"]["HTTP 500"] >= len(site.committees)
    assert summary["vanished"] == {} and summary["complete"] is False
    pages = [e["data"] for e in records(tmp_path, "pages").values() if "cmit_view" in e["data"]["url"]]
    assert pages and all(p["status"] == 500 and p["error"] == "HTTP 500" for p in pages)
    # The committee itself is still in the archive from the earlier crawl, not marked vanished.
    assert records(tmp_path, "committees")[f"cmit-{committee.clsf_id}"]["vanished_at"] is None


def test_robots_crawl_delay_is_honoured_unless_delay_is_given(site, tmp_path):
    with ReplicaServer(site, crawl_delay=0.01) as server:
        robots = crawl(server.url, tmp_path / "a")
        explicit = crawl(server.url, tmp_path / "b", "--delay", "0")
    assert (robots["delay_s"], robots["delay_reason"]) == (0.01, "robots.txt Crawl-delay")
    assert (explicit["delay_s"], explicit["delay_reason"]) == (0.0, "set by --delay")


def test_oversized_responses_are_refused_and_recorded(site, tmp_path):
    with ReplicaServer(site) as server:
        summary = crawl(server.url, tmp_path, env=_env(MINUTES_MAX_DOWNLOAD_BYTES="6000"))
    files = [e["data"] for e in records(tmp_path, "files").values()]
    too_large = [f for f in files if f["reason"] == "too large"]
    assert too_large and all(f["status"] == "download_error" for f in too_large)
    refused = [e["data"] for e in records(tmp_path, "pages").values() if e["data"]["error"] == "too large"]
    assert summary["failures"]["too large"] == len(refused) > len(too_large)
    assert all(page["status"] == 0 and "sha256" not in page for page in refused)


def _start_crawl(base_url: str, data: Path) -> subprocess.Popen:
    cmd = crawl_command(base_url, data, "--concurrency", "2")
    # Its own process group, as a crawl started from a shell: signals reach it and its extraction workers.
    return subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(), start_new_session=True
    )


def _wait_for_pages(data: Path, n: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    journal = data / "archive" / "journal.jsonl"
    while time.monotonic() < deadline and proc.poll() is None:
        if journal.exists() and journal.read_bytes().count(b'"kind":"pages"') >= n:
            return
        time.sleep(0.05)
    raise AssertionError("the crawl did not get going")


def _slow_site_faults(site) -> Faults:
    return Faults(slow={f"/proceeding/{(m.code and 'info/' + m.code) or m.nid}": 0.15 for m in site.meetings})


@pytest.mark.parametrize("how", ["kill", "ctrl-c"])
def test_interrupted_crawl_resumes_where_it_stopped(site, tmp_path, how):
    with ReplicaServer(site, faults=_slow_site_faults(site)) as server:
        proc = _start_crawl(server.url, tmp_path)
        _wait_for_pages(tmp_path, 40, proc)
        os.killpg(proc.pid, signal.SIGKILL if how == "kill" else signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        if how == "ctrl-c":
            assert proc.returncode == 130, err[-2000:]
            assert json.loads(out)["status"] == "interrupted"
        run = json.loads((tmp_path / "state" / "run.json").read_text())
        assert run["status"] in ("running", "interrupted")
        fetched_before = {
            urlsplit(e["data"]["url"]).path
            + (f"?{urlsplit(e['data']['url']).query}" if urlsplit(e["data"]["url"]).query else "")
            for e in records(tmp_path, "pages").values()
            if e["data"].get("status") == 200
        }
        assert len(fetched_before) >= 40
        first_hits = len(server.hits)
        summary = crawl(server.url, tmp_path)
        second = [p for _, p, _ in list(server.hits)[first_hits:]]
    assert summary["status"] == "finished" and summary["resumed_times"] == 1
    assert summary["pages_resumed"] >= len(fetched_before) - 1
    assert not (set(second) - {"/robots.txt"}) & fetched_before, "resumed pages were fetched again"
    assert len(records(tmp_path, "meetings")) == len(site.meetings)
    assert len(records(tmp_path, "files")) == _all_site_attachments(site)
    assert ArchiveStore(tmp_path / "archive").torn_lines <= 1
