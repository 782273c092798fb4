"""Data for the portal tests, built the real way once per test session.

The tiny replica is served in this process on a loopback port, `minutes crawl` and `minutes index`
run as subprocesses into a temporary directory, as a user would run them. A second directory is
a copy of that archive with hostile records written through `ArchiveStore.put` (crawled text
holding `<script>`), re-indexed by `minutes index`, for the escaping tests.

Each test module declares its own session fixture that calls these functions; the results are
memoised per process, so the crawl happens once however many modules use it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from minutes.archive import Archive
from minutes.domain import SEOUL, Committee, DisclosureStatus, Document, FileRecord, Meeting, to_dict
from minutes.settings import Settings
from minutes.vocabulary import Disclosure, DocType, FileStatus, MeetingStatus

TODAY = date(2026, 11, 28)
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=SEOUL)
SEED = 11
HOSTILE = "<script>alert('xss')</script><img src=x onerror=alert(1)>"
HOSTILE_MEETING = "mtg-hostile-1"
HOSTILE_DOCUMENT = "doc-hostile-1"
HOSTILE_FILE = "file-hostile-1"
_built: dict[str, Path] = {}


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("MINUTES_")}


def minutes(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "minutes.cli", *args], capture_output=True, text=True, timeout=timeout, env=_env()
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def crawled(root: Path) -> Path:
    """The tiny replica, crawled and indexed (once per process)."""
    if "plain" not in _built:
        from replica.generate import build_site
        from replica.server import ReplicaServer

        data = root / "portal-data"
        with ReplicaServer(build_site("tiny", seed=SEED, today=TODAY)) as server:
            minutes("crawl", "--base-url", server.url, "--data", str(data), "--progress", "0", "--json")
        minutes("index", "--data", str(data))
        _built["plain"] = data
    return _built["plain"]


def hostile(root: Path) -> Path:
    """A copy of the crawled archive with markup in crawled text, indexed."""
    if "hostile" not in _built:
        source = crawled(root)
        data = root / "portal-hostile"
        shutil.copytree(source, data, ignore=shutil.ignore_patterns("index"))
        (data / "archive" / ".lock").unlink(missing_ok=True)
        write_hostile_records(data)
        minutes("index", "--data", str(data))
        _built["hostile"] = data
    return _built["hostile"]


def write_hostile_records(data: Path) -> None:
    archive = Archive(data, writable=True)
    try:
        committee = next(iter(archive.all(Committee)))
        seen = NOW
        text = f"회의록 본문 {HOSTILE} 위원회 심의 결과"
        digest = archive.texts.put(text.encode("utf-8"))
        record = FileRecord(
            file_id=HOSTILE_FILE,
            document_id=HOSTILE_DOCUMENT,
            meeting_id=HOSTILE_MEETING,
            name=f"{HOSTILE}.hwp",
            status=FileStatus.OK,
            text_path=f"text/{archive.texts.relpath(digest)}",
            text_chars=len(text),
        )
        meeting = Meeting(
            meeting_id=HOSTILE_MEETING,
            source_key="hostile-1",
            layout="new",
            title=f"2026년 제9차 {HOSTILE} 위원회",
            source_url="http://127.0.0.1:1/proceeding/hostile",
            committee_id=committee.committee_id,
            committee_name=committee.name,
            status=MeetingStatus.HELD,
            start=datetime(2026, 11, 2, 14, 0, tzinfo=SEOUL),
            place=HOSTILE,
            agenda=HOSTILE,
            category=committee.category,
            document_ids=[HOSTILE_DOCUMENT],
            demo=True,
        )
        document = Document(
            document_id=HOSTILE_DOCUMENT,
            meeting_id=HOSTILE_MEETING,
            doc_type=DocType.MINUTES,
            title=f"{HOSTILE} 회의록",
            source_url="http://127.0.0.1:1/sanction/hostile",
            committee_id=committee.committee_id,
            disclosure=DisclosureStatus(Disclosure.PUBLIC, None, "공개"),
            produced_at=datetime(2026, 11, 3, tzinfo=SEOUL),
            body_text=HOSTILE,
            file_ids=[HOSTILE_FILE],
            demo=True,
        )
        store = archive.store
        store.put("meetings", HOSTILE_MEETING, to_dict(meeting), seen_at=seen, source_url=meeting.source_url)
        store.put("documents", HOSTILE_DOCUMENT, to_dict(document), seen_at=seen, source_url=document.source_url)
        store.put("files", HOSTILE_FILE, to_dict(record), seen_at=seen)
    finally:
        archive.close()


@dataclass(frozen=True)
class Sample:
    """Ids worth testing, picked from the archive (so tests do not hard-code generated values)."""

    meeting_id: str
    committee_id: str
    category: str
    file_id: str  # public, downloaded, with extracted text
    file_name: str
    file_media_type: str
    closed_file_id: str  # not public
    partial_document_meeting: str  # a meeting with a partly disclosed document (has a ground)
    upcoming_meeting: str


def sample(data: Path) -> Sample:
    store = Archive(data).store
    files = [e["data"] for e in store.records("files")]
    documents = [e["data"] for e in store.records("documents")]
    meetings = {e["id"]: e["data"] for e in store.records("meetings")}
    ok = next(f for f in files if f["status"] == "ok" and f["public"] and f["text_path"] and f["meeting_id"])
    closed = next(f for f in files if not f["public"])
    partial = next(d for d in documents if (d.get("disclosure") or {}).get("ground") and d["meeting_id"] in meetings)
    upcoming = min(
        (m for m in meetings.values() if m["start"] and m["start"] >= NOW.isoformat()), key=lambda m: m["start"]
    )
    meeting = meetings[ok["meeting_id"]]
    return Sample(
        meeting_id=meeting["meeting_id"],
        committee_id=meeting["committee_id"],
        category=meeting["category"],
        file_id=ok["file_id"],
        file_name=ok["name"],
        file_media_type=ok["media_type"],
        closed_file_id=closed["file_id"],
        partial_document_meeting=partial["meeting_id"],
        upcoming_meeting=upcoming["meeting_id"],
    )


def settings(data: Path, **overrides: Any) -> Settings:
    return Settings(data_dir=data, **overrides)


def make_app(data: Path, **overrides: Any) -> Any:
    """A fresh app per test (the rate limiter's counters live on the app), its clock on TODAY."""
    from portal.app import create_app

    return create_app(settings(data, **overrides), clock=lambda: NOW)


def api_keys(typed_dict: type) -> set[str]:
    """The keys a schema TypedDict requires (what every API body must carry)."""
    return set(getattr(typed_dict, "__required_keys__", set()))


def dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1)[:2000]


@contextlib.contextmanager
def live_server(app: Any) -> Iterator[str]:
    """The app under uvicorn in a thread, on a free loopback port (for raw HTTP and the browser)."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="portal-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the portal did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def raw_get(base_url: str, path: str) -> tuple[int, bytes]:
    """GET a path byte for byte (clients normalise `..` away; attackers do not)."""
    host, port = base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as conn:
        conn.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode("latin-1"))
        chunks = []
        while chunk := conn.recv(65536):
            chunks.append(chunk)
    response = b"".join(chunks)
    status = int(response.split(b" ", 2)[1])
    return status, response
