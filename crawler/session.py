"""One crawl run's shared state: the writable archive, the run record and the counters.

The spider, the archive pipeline, the resume middleware and the progress reporter all see the same
session (handed to the spider as an argument), so that counts and the archive are never duplicated.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from crawler import runstate
from crawler.politeness import Politeness
from crawler.runstate import RunState
from minutes.archive import Archive, Change
from minutes.domain import SEOUL
from minutes.settings import Settings


def page_id(url: str) -> str:
    return "page-" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:24]


@dataclass(slots=True)
class Counters:
    pages: int = 0
    pages_resumed: int = 0
    items: int = 0
    files: int = 0
    text_bytes: int = 0
    errors: int = 0
    change_of: dict[tuple[str, str], Change] = field(default_factory=dict)  # (kind, id) -> this run's change
    failures: Counter = field(default_factory=Counter)  # reason -> n
    per_committee: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    missing_fields: Counter = field(default_factory=Counter)
    started: float = field(default_factory=time.monotonic)

    def note_change(self, kind: str, record_id: str, change: Change) -> None:
        """A record put twice in one crawl (a join completed later) counts once, by its final change.

        The store already folds a same-crawl completion into the crawl's version, so the last
        answer is the record's outcome; only "new" and "reappeared" must survive a later "unchanged".
        """
        key = (kind, record_id)
        old = self.change_of.get(key)
        if old in (Change.NEW, Change.REAPPEARED) and change is Change.UNCHANGED:
            return
        self.change_of[key] = change

    @property
    def changes(self) -> Counter:
        return Counter((kind, change.value) for (kind, _), change in self.change_of.items())


class CrawlSession:
    def __init__(self, settings: Settings, politeness: Politeness, *, fresh: bool = False) -> None:
        self.settings = settings
        self.politeness = politeness
        self.base_url = settings.base_url.rstrip("/")
        self.archive = Archive(settings.data_dir, writable=True)
        self.run: RunState = runstate.begin(settings.state_dir, self.base_url, self.now(), fresh=fresh)
        self.counters = Counters()
        self.resume_pages = self._pages_fetched_in_run()
        self.close_reason = ""

    @staticmethod
    def now() -> datetime:
        return datetime.now(SEOUL)

    @property
    def resuming(self) -> bool:
        return self.run.resumed_times > 0

    def _pages_fetched_in_run(self) -> dict[str, dict]:
        """Pages this run already fetched whole: on resume they come from the archive, not the network."""
        if self.run.resumed_times == 0:
            return {}
        since = self.run.started_at
        done = {}
        for env in self.archive.store.records("pages"):
            data = env["data"]
            fetched = env["last_seen"] >= since and data.get("status") == 200 and data.get("sha256")
            if fetched and self.archive.blobs.exists(data["sha256"]):
                done[data["url"]] = data
        return done

    def blob_path(self, digest: str) -> Path:
        return self.archive.blobs.path(digest)

    def finish(self, reason: str) -> None:
        """Close the run: mark vanished records only after a complete, error-free walk of the site."""
        self.close_reason = reason
        now = self.now()
        vanished: dict[str, int] = {}
        complete = reason == "finished" and self.counters.errors == 0
        if complete:
            for kind in ("committees", "meetings", "documents", "files"):
                gone = self.archive.store.mark_vanished(kind, not_seen_since=self.run.started, at=now)
                vanished[kind] = len(gone)
        self.run.status = "finished" if reason == "finished" else "interrupted"
        self.run.finished_at = now.isoformat() if reason == "finished" else None
        self.run.summary = self.summary(vanished=vanished, complete=complete)
        self.archive.close()
        runstate.save(self.settings.state_dir, self.run)
        if reason == "finished":
            self._append_history()

    def _append_history(self) -> None:
        path = self.settings.state_dir / "runs.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(
                json.dumps(
                    {
                        "run_id": self.run.run_id,
                        "base_url": self.run.base_url,
                        "started_at": self.run.started_at,
                        "finished_at": self.run.finished_at,
                        "summary": self.run.summary,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )

    def summary(self, *, vanished: dict[str, int] | None = None, complete: bool = False) -> dict:
        c = self.counters
        elapsed = max(time.monotonic() - c.started, 1e-6)
        return {
            "pages": c.pages,
            "pages_resumed": c.pages_resumed,
            "items": c.items,
            "files": c.files,
            "errors": c.errors,
            "elapsed_s": round(elapsed, 2),
            "pages_per_s": round(c.pages / elapsed, 1),
            "text_mb": round(c.text_bytes / 1e6, 3),
            "changes": {f"{k}:{v}": n for (k, v), n in sorted(c.changes.items())},
            "failures": dict(c.failures.most_common()),
            "missing_fields": dict(c.missing_fields.most_common()),
            "per_committee": {k: dict(v) for k, v in sorted(c.per_committee.items())},
            "vanished": vanished or {},
            "complete": complete,
            "delay_s": self.politeness.delay,
            "delay_reason": self.politeness.reason,
        }
