"""The archive store keeps every version, never deletes, and survives being killed mid-write."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta

import pytest

from minutes.archive import ArchiveLockedError, ArchiveStore, BlobStore, Change
from minutes.domain import SEOUL

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=SEOUL)
T1 = T0 + timedelta(days=1)
T2 = T0 + timedelta(days=2)


def test_new_unchanged_changed_keeps_history(tmp_path):
    with ArchiveStore(tmp_path, writable=True) as store:
        assert store.put("meetings", "mtg-1", {"place": "본관"}, seen_at=T0) is Change.NEW
        assert store.put("meetings", "mtg-1", {"place": "본관"}, seen_at=T1) is Change.UNCHANGED
        assert store.put("meetings", "mtg-1", {"place": "별관"}, seen_at=T2) is Change.CHANGED
    env = ArchiveStore(tmp_path).get("meetings", "mtg-1")
    assert env["version"] == 2
    assert env["data"] == {"place": "별관"}
    assert env["first_seen"] == T0.isoformat()
    assert env["last_seen"] == T2.isoformat()
    assert [h["data"] for h in env["history"]] == [{"place": "본관"}]
    assert env["history"][0]["last_seen"] == T1.isoformat()


def test_vanished_records_are_marked_not_deleted(tmp_path):
    with ArchiveStore(tmp_path, writable=True) as store:
        store.put("meetings", "a", {"n": 1}, seen_at=T0)
        store.put("meetings", "b", {"n": 2}, seen_at=T0)
        store.put("meetings", "a", {"n": 1}, seen_at=T1)
        assert store.mark_vanished("meetings", not_seen_since=T1, at=T1) == ["b"]
    store = ArchiveStore(tmp_path)
    assert store.get("meetings", "b")["vanished_at"] == T1.isoformat()
    assert [e["id"] for e in store.records("meetings", include_vanished=False)] == ["a"]
    assert store.count("meetings") == 2


def test_reappearing_record_is_unmarked(tmp_path):
    with ArchiveStore(tmp_path, writable=True) as store:
        store.put("meetings", "a", {"n": 1}, seen_at=T0)
        store.mark_vanished("meetings", not_seen_since=T1, at=T1)
        assert store.put("meetings", "a", {"n": 1}, seen_at=T2) is Change.REAPPEARED
        assert store.get("meetings", "a")["vanished_at"] is None


def test_journal_replayed_without_checkpoint_and_torn_line_ignored(tmp_path):
    store = ArchiveStore(tmp_path, writable=True)
    store.put("documents", "d1", {"t": "회의록"}, seen_at=T0)
    store.put("documents", "d2", {"t": "결과 보고"}, seen_at=T0)
    # Simulate a crash: no checkpoint, and half a line at the end of the journal.
    store._journal.write('{"id": "d3", "kind": "documents", "da')
    store._journal.flush()
    reader = ArchiveStore(tmp_path)
    assert {e["id"] for e in reader.records("documents")} == {"d1", "d2"}
    assert reader.torn_lines == 1


def test_killed_process_leaves_readable_archive(tmp_path):
    """A writer killed with SIGKILL between puts loses nothing it had flushed."""
    script = textwrap.dedent(
        f"""
        import os, signal
        from datetime import datetime
        from minutes.archive import ArchiveStore
        from minutes.domain import SEOUL
        store = ArchiveStore({str(tmp_path)!r}, writable=True)
        now = datetime(2026, 11, 1, tzinfo=SEOUL)
        for i in range(50):
            store.put("meetings", f"m{{i}}", {{"i": i}}, seen_at=now)
            if i == 20:
                store.checkpoint()
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], check=False)
    assert proc.returncode == -9
    store = ArchiveStore(tmp_path, writable=True)  # the lock died with the process
    assert store.count("meetings") == 50
    store.close()
    snapshot = (tmp_path / "meetings.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(snapshot) == 50 and all(json.loads(line)["kind"] == "meetings" for line in snapshot)


def test_one_writer_at_a_time(tmp_path):
    with ArchiveStore(tmp_path, writable=True), pytest.raises(ArchiveLockedError):
        ArchiveStore(tmp_path, writable=True)


def test_read_only_store_refuses_writes(tmp_path):
    with pytest.raises(RuntimeError, match="read-only"):
        ArchiveStore(tmp_path).put("meetings", "x", {}, seen_at=T0)


def test_blob_store_is_content_addressed(tmp_path):
    blobs = BlobStore(tmp_path)
    digest = blobs.put("회의록".encode())
    assert blobs.put("회의록".encode()) == digest
    assert blobs.get(digest) == "회의록".encode()
    assert blobs.relpath(digest).startswith(f"{digest[:2]}/{digest[2:4]}/")
    with pytest.raises(ValueError):
        blobs.path("../../etc/passwd")


def test_completing_a_record_within_one_crawl_is_not_a_new_version(tmp_path):
    with ArchiveStore(tmp_path, writable=True) as store:
        store.put("meetings", "m", {"posted": None}, seen_at=T1, same_run_since=T1)
        store.put("meetings", "m", {"posted": "2026-10-28"}, seen_at=T1, same_run_since=T1)
        env = store.get("meetings", "m")
        assert env["version"] == 1 and env["history"] == [] and env["data"] == {"posted": "2026-10-28"}
        # The next crawl sees a change: that one is kept as a new version.
        store.put("meetings", "m", {"posted": "2026-10-29"}, seen_at=T2, same_run_since=T2)
        assert store.get("meetings", "m")["version"] == 2


def test_a_join_that_restores_the_previous_crawls_data_keeps_its_version(tmp_path):
    with ArchiveStore(tmp_path, writable=True) as store:
        store.put("meetings", "m", {"posted": "2026-10-28"}, seen_at=T0, same_run_since=T0)
        # Next crawl: the meeting page arrives before the list entry that carries the posting date.
        store.put("meetings", "m", {"posted": None}, seen_at=T2, same_run_since=T2)
        assert store.put("meetings", "m", {"posted": "2026-10-28"}, seen_at=T2, same_run_since=T2) is Change.UNCHANGED
        env = store.get("meetings", "m")
        assert env["version"] == 1 and env["history"] == [] and env["last_seen"] == T2.isoformat()
