"""What one portal process holds: its settings, the read model, ONE searcher holder, a result cache.

Built once by the app factory and stored on `app.state.portal`. Opening a Whoosh searcher costs
hundreds of milliseconds at 100k documents and `refresh()` is broken (tech-notes), so a process keeps
a single `SearcherHolder`, which swaps in a fresh searcher only when the index generation changes.

Where searches run: with `minutes serve --workers N` (N > 1), in a pool of search processes shared
by the workers (`portal.searchpool`), so a search goes to whichever core is free. Otherwise in this
process: blocking requests run in worker threads (`request_limiter`, separate from Litestar's
default pool, so searches waiting their turn never starve the other pages), and since Python's lock
lets one search compute at a time, the index call passes a gate of `search_threads` (1 by default):
one search runs and the rest wait in order, which bounds the slowest answers instead of slowing
every search down together.

Results are cached per (index generation, search state): the commonest words are also the most
expensive searches and the most repeated ones, and a new index generation empties the cache.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from anyio import CapacityLimiter

from guidelines import ArchiveView, ComplianceReport, compute
from index import SearcherHolder, SearchResults
from index import search as index_search
from minutes.archive import Archive, BlobStore
from minutes.domain import SEOUL
from minutes.settings import Settings
from minutes.vocabulary import Category
from portal.params import SearchParams
from portal.readmodel import ReadModel, ReadModelHolder
from portal.searchpool import remote_search

REQUEST_THREADS = 64
REPORT_CACHE = 32  # compliance reports kept per archive version: (period, category) pairs


class ResultCache:
    """A small thread-safe LRU of search results."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[tuple, SearchResults] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: tuple) -> SearchResults | None:
        if self.size <= 0:
            return None
        with self._lock:
            found = self._items.get(key)
            if found is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return found

    def put(self, key: tuple, value: SearchResults) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class ComplianceCache:
    """The archive as the compliance reports read it (`ArchiveView`), and the reports computed from it.

    The view is tied to the read model's signature: when the read model has reloaded after a crawl,
    the next report request loads a fresh view and empties the report cache, so a report never mixes
    two versions of the archive. Loading and computing block (seconds on a full archive): call
    `report()` from a worker thread. One lock serialises them, so concurrent requests for the same
    report compute it once.
    """

    def __init__(self, settings: Settings, size: int = REPORT_CACHE) -> None:
        self.settings = settings
        self.size = size
        self._lock = threading.Lock()
        self._view: ArchiveView | None = None
        self._signature: object = None
        self._archive: Archive | None = None
        self._reports: OrderedDict[tuple, ComplianceReport] = OrderedDict()
        self.loads = 0  # views loaded (tests check a changed archive reloads)
        self.computed = 0  # reports computed (tests check the cache)

    def view(self, signature: object) -> ArchiveView:
        with self._lock:
            return self._current(signature)

    def _current(self, signature: object) -> ArchiveView:
        if self._view is None or signature != self._signature:
            archive = Archive(self.settings.data_dir)
            try:
                view = ArchiveView.load(archive)
            except Exception:
                archive.close()
                raise
            if self._archive is not None:
                self._archive.close()
            self._archive = archive  # kept open: the view reads extracted texts through it
            self._view, self._signature = view, signature
            self._reports.clear()
            self.loads += 1
        return self._view

    def report(self, signature: object, year: int, category: Category | None = None) -> ComplianceReport:
        """The report for a calendar year (and category), computed once per archive version."""
        with self._lock:
            view = self._current(signature)
            key = (year, category.value if category else None)
            found = self._reports.get(key)
            if found is not None:
                self._reports.move_to_end(key)
                return found
            report = compute(view, period=year, settings=self.settings, category=category)
            self.computed += 1
            self._reports[key] = report
            while len(self._reports) > self.size:
                self._reports.popitem(last=False)
            return report


@dataclass
class PortalState:
    settings: Settings
    models: ReadModelHolder
    searcher: SearcherHolder
    cache: ResultCache
    gate: threading.BoundedSemaphore = field(default_factory=lambda: threading.BoundedSemaphore(1))
    limiter: CapacityLimiter | None = None  # created on first use, inside the event loop
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(SEOUL))
    compliance: ComplianceCache | None = None

    @classmethod
    def build(cls, settings: Settings) -> PortalState:
        return cls(
            settings=settings,
            models=ReadModelHolder(settings.data_dir),
            searcher=SearcherHolder(settings.index_dir),
            cache=ResultCache(settings.search_cache),
            gate=threading.BoundedSemaphore(max(1, settings.search_threads)),
            compliance=ComplianceCache(settings),
        )

    def model(self) -> ReadModel:
        return self.models.get()

    def report(self, year: int, category: Category | None = None) -> ComplianceReport:
        """A compliance report over the archive the read model shows. Blocking: call it in a thread."""
        return self.reports().report(self.model().signature, year, category)

    def archive_view(self) -> ArchiveView:
        """The reports' view of the archive, as of the read model's version. Blocking."""
        return self.reports().view(self.model().signature)

    def reports(self) -> ComplianceCache:
        if self.compliance is None:
            self.compliance = ComplianceCache(self.settings)
        return self.compliance

    def blob_path(self, sha256: str) -> Path:
        """Where the blob store keeps a digest's bytes (ValueError for anything but a sha256)."""
        return BlobStore(self.settings.blob_dir).path(sha256)

    def text_path(self, sha256: str) -> Path:
        return BlobStore(self.settings.text_dir, suffix=".txt").path(sha256)

    def request_limiter(self) -> CapacityLimiter:
        if self.limiter is None:
            self.limiter = CapacityLimiter(REQUEST_THREADS)
        return self.limiter

    def search(self, params: SearchParams, *, snippets: bool = True) -> SearchResults:
        """The index's search, through the cache. Blocking: call it from a worker thread."""
        if self.cache.size <= 0:
            return self._search(params, snippets)
        key = (self.searcher.generation(), snippets, params.cache_key())
        found = self.cache.get(key)
        if found is not None:
            return found
        results = self._search(params, snippets, key)
        self.cache.put(key, results)
        return results

    def _search(self, params: SearchParams, snippets: bool, key: tuple | None = None) -> SearchResults:
        """In the search pool when `minutes serve` started one, else here, through the gate."""
        args = {"query": params.q, "filters": params.filters(), "sort": params.sort, "page": params.page,
                "per_page": params.per_page, "snippets": snippets}  # fmt: skip
        if self.settings.search_socket:
            return remote_search(self.settings.search_socket, **args)
        with self.gate:
            if key is not None:
                found = self.cache.get(key)  # the same search may have finished while this one waited
                if found is not None:
                    return found
            return index_search(self.searcher, **args)
