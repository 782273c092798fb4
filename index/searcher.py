"""Keeping one searcher open, and replacing it when the index changes. Never `refresh()`.

Whoosh's `Searcher.refresh()` returns stale and duplicated results (pinned in
`tests/test_index_whoosh_bugs.py`), and opening a searcher costs ~330 ms at 100k documents. So the
holder keeps one snapshot (searcher + in-memory maps), checks on each use whether the live build
or its generation changed (a directory listing), and if so opens a fresh searcher and swaps it
in under a lock. Searches already running keep the snapshot they started with; the old searcher
is closed once it is no longer referenced (Python's reference counting), not while in use.
"""

from __future__ import annotations

import threading
from pathlib import Path

from whoosh.index import TOC

from index.snapshot import Snapshot, open_snapshot
from index.store import current_path, open_current


class SearcherHolder:
    """Thread-safe: many threads may call `snapshot()`; at most one opens a new searcher at a time."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = Path(index_dir)
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self.opened = 0  # how many searchers were opened: tests check a change opens exactly one

    def generation(self) -> tuple[str, int]:
        """(live build directory, Whoosh generation): cheap, read on every search."""
        path = current_path(self.index_dir)
        if path is None:
            return ("", -1)
        return (path.name, TOC._latest_generation(_Listing(path), "MAIN"))

    def snapshot(self) -> Snapshot:
        current = self._snapshot
        generation = self.generation()
        if current is not None and current.generation == generation:
            return current
        with self._lock:
            current = self._snapshot
            if current is not None and current.generation == self.generation():
                return current
            build = open_current(self.index_dir)
            searcher = build.ix.searcher()
            snapshot = open_snapshot(searcher, (build.name, searcher.reader().generation()))
            self._snapshot = snapshot
            self.opened += 1
            return snapshot

    def close(self) -> None:
        with self._lock:
            if self._snapshot is not None:
                self._snapshot.close()
                self._snapshot = None


class _Listing:
    """The file names of a directory, as `TOC._latest_generation` iterates a Storage."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __iter__(self):  # type: ignore[no-untyped-def]
        try:
            return iter([p.name for p in self.path.iterdir()])
        except FileNotFoundError:
            return iter([])
