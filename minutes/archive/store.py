"""The archive's record store: JSON Lines snapshots plus a write-ahead journal.

The archive is the record of what the city published and when we saw it, so it must survive a crawl
killed at any instant. Every change is appended to `journal.jsonl` and flushed before the crawl goes
on; `checkpoint()` rewrites each kind's snapshot `{kind}.jsonl` through a temporary file and an atomic
rename, then empties the journal. Reading replays the journal over the snapshots and ignores a torn
last line, so a reader always sees every change that was flushed.

Each record is an envelope around the domain data:
``{"id", "kind", "version", "first_seen", "last_seen", "vanished_at", "source_url",
"content_hash", "data", "history": [earlier versions]}``.
An unchanged record only has `last_seen` moved; a changed one keeps its earlier version in `history`;
a record no longer on the site gets `vanished_at` and is never deleted.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import threading
from collections.abc import Iterator
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

log = logging.getLogger(__name__)

KINDS = ("committees", "meetings", "documents", "files", "pages")
JOURNAL = "journal.jsonl"


class Change(StrEnum):
    NEW = "new"
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    REAPPEARED = "reappeared"


class ArchiveLockedError(RuntimeError):
    """Another process is writing this archive."""


def content_hash(data: dict[str, Any]) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def write_atomic(path: Path, payload: bytes, *, durable: bool = True) -> None:
    """Write a file so that readers see the old bytes or the new ones, never a mix.

    The rename alone makes the write atomic for a process killed at any point; `durable` also
    forces the bytes to disk before the rename, which only a power cut needs, at a few ms a file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(payload)
        if durable:
            fh.flush()
            os.fsync(fh.fileno())
    os.replace(tmp, path)


class ArchiveStore:
    """All record kinds of one archive directory. Open read-only to read, or as the one writer."""

    def __init__(self, root: Path, *, writable: bool = False) -> None:
        self.root = Path(root)
        self.writable = writable
        self._records: dict[str, dict[str, dict[str, Any]]] = {k: {} for k in KINDS}
        self._journal: IO[str] | None = None
        self._lock: IO[str] | None = None
        self.torn_lines = 0
        if writable:
            self.root.mkdir(parents=True, exist_ok=True)
            self._lock = open(self.root / ".lock", "w")  # noqa: SIM115 - held for the store's life
            try:
                fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                self._lock.close()
                raise ArchiveLockedError(f"{self.root} is being written by another process") from exc
        self._load()
        if writable:
            self._journal = open(self.root / JOURNAL, "a", encoding="utf-8")  # noqa: SIM115

    # -- reading ---------------------------------------------------------------------------

    def _load(self) -> None:
        for kind in KINDS:
            for env in self._read_lines(self.root / f"{kind}.jsonl"):
                self._records[kind][env["id"]] = env
        for env in self._read_lines(self.root / JOURNAL):
            self._records[env["kind"]][env["id"]] = env

    def _read_lines(self, path: Path) -> Iterator[dict[str, Any]]:
        if not path.exists():
            return
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    env = json.loads(line)
                except json.JSONDecodeError:
                    # Only a crash mid-append can leave a broken line, and only at the end.
                    self.torn_lines += 1
                    log.warning("ignoring torn line %s:%d", path.name, lineno)
                    continue
                if isinstance(env, dict) and env.get("kind") in KINDS and "id" in env:
                    yield env

    def get(self, kind: str, record_id: str) -> dict[str, Any] | None:
        return self._records[kind].get(record_id)

    def records(self, kind: str, *, include_vanished: bool = True) -> Iterator[dict[str, Any]]:
        for env in self._records[kind].values():
            if include_vanished or not env.get("vanished_at"):
                yield env

    def count(self, kind: str) -> int:
        return len(self._records[kind])

    # -- writing ---------------------------------------------------------------------------

    def put(
        self,
        kind: str,
        record_id: str,
        data: dict[str, Any],
        *,
        seen_at: datetime,
        source_url: str = "",
        same_run_since: datetime | None = None,
    ) -> Change:
        """Record that `data` was seen at `seen_at`; keep any earlier different version.

        A version is what one crawl saw. When the current version was itself first seen at or after
        `same_run_since` (the start of this crawl), a change completes it in place (a join that
        arrived later in the same crawl) instead of starting a new version.
        """
        self._require_writable()
        digest = content_hash(data)
        seen = seen_at.isoformat()
        old = self._records[kind].get(record_id)
        if old is None:
            env = {
                "id": record_id,
                "kind": kind,
                "version": 1,
                "first_seen": seen,
                "last_seen": seen,
                "vanished_at": None,
                "source_url": source_url,
                "content_hash": digest,
                "data": data,
                "history": [],
            }
            change = Change.NEW
        elif old["content_hash"] == digest:
            env = dict(old, last_seen=max(old["last_seen"], seen), vanished_at=None)
            env["source_url"] = source_url or old.get("source_url", "")
            change = Change.REAPPEARED if old.get("vanished_at") else Change.UNCHANGED
        elif (
            same_run_since is not None
            and old.get("version_first_seen", old["first_seen"]) >= same_run_since.isoformat()
        ):
            history = old.get("history", [])
            if history and history[-1]["content_hash"] == digest:
                # Completed back to what the previous crawl saw: that version goes on, unchanged.
                earlier = history[-1]
                env = {**old, **earlier, "history": history[:-1], "last_seen": seen, "vanished_at": None}
                env.pop("version_first_seen", None)
                if len(history) > 1:
                    env["version_first_seen"] = earlier["first_seen"]
                change = Change.UNCHANGED
            else:
                env = dict(old, data=data, content_hash=digest, last_seen=max(old["last_seen"], seen), vanished_at=None)
                change = Change.NEW if old["version"] == 1 and not history else Change.CHANGED
            env["source_url"] = source_url or old.get("source_url", "")
        else:
            earlier = {k: old[k] for k in ("version", "first_seen", "last_seen", "content_hash", "data")}
            env = {
                **old,
                "version": old["version"] + 1,
                "version_first_seen": seen,
                "last_seen": seen,
                "vanished_at": None,
                "source_url": source_url or old.get("source_url", ""),
                "content_hash": digest,
                "data": data,
                "history": [*old.get("history", []), earlier],
            }
            change = Change.CHANGED
        self._append(env)
        return change

    def touch(self, kind: str, record_id: str, *, seen_at: datetime) -> bool:
        """Move `last_seen` of a record seen again without its content being re-read."""
        self._require_writable()
        old = self._records[kind].get(record_id)
        if old is None:
            return False
        self._append(dict(old, last_seen=max(old["last_seen"], seen_at.isoformat()), vanished_at=None))
        return True

    def mark_vanished(self, kind: str, *, not_seen_since: datetime, at: datetime) -> list[str]:
        """Mark records last seen before `not_seen_since` as gone from the site (never delete)."""
        self._require_writable()
        cutoff = not_seen_since.isoformat()
        gone = []
        for env in list(self._records[kind].values()):
            if not env.get("vanished_at") and env["last_seen"] < cutoff:
                self._append(dict(env, vanished_at=at.isoformat()))
                gone.append(env["id"])
        return gone

    def _append(self, env: dict[str, Any]) -> None:
        assert self._journal is not None
        self._journal.write(json.dumps(env, ensure_ascii=False, separators=(",", ":")) + "\n")
        self._journal.flush()
        self._records[env["kind"]][env["id"]] = env

    def sync(self) -> None:
        """Force journal lines to disk (flush already hands them to the OS on every put)."""
        if self._journal is not None:
            os.fsync(self._journal.fileno())

    def checkpoint(self) -> None:
        """Fold the journal into the snapshots. Safe to be killed at any point."""
        self._require_writable()
        assert self._journal is not None
        self.sync()
        for kind in KINDS:
            lines = (
                json.dumps(env, ensure_ascii=False, separators=(",", ":")) + "\n"
                for env in self._records[kind].values()
            )
            write_atomic(self.root / f"{kind}.jsonl", "".join(lines).encode("utf-8"))
        # Every snapshot now holds what the journal holds: empty it.
        self._journal.close()
        write_atomic(self.root / JOURNAL, b"")
        self._journal = open(self.root / JOURNAL, "a", encoding="utf-8")  # noqa: SIM115

    def close(self) -> None:
        if self._journal is not None:
            self.checkpoint()
            self._journal.close()
            self._journal = None
        if self._lock is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()
            self._lock = None

    def __enter__(self) -> ArchiveStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _require_writable(self) -> None:
        if not self.writable or self._journal is None:
            raise RuntimeError("archive opened read-only")
