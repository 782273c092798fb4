"""Progress while a crawl runs, and its summary at the end, on stderr.

Scrapy's own log is kept at WARNING; these lines are what a person watching the crawl needs:
pages, items, files, errors and the rate, every few seconds.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from scrapy import signals
from twisted.internet import task


class Progress:
    def __init__(self, crawler: Any, interval: float) -> None:
        self.crawler = crawler
        self.interval = interval
        self.loop: task.LoopingCall | None = None
        self.session: Any = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> Progress:
        ext = cls(crawler, crawler.settings.getfloat("MINUTES_PROGRESS_INTERVAL", 5.0))
        # Signals hold receivers weakly: bound methods of an object the crawler keeps are safe.
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def opened(self, spider: Any) -> None:
        self.session = getattr(spider, "session", None)
        if self.interval > 0:
            self.loop = task.LoopingCall(self.report)
            self.loop.start(self.interval, now=False)

    def closed(self, spider: Any, reason: str) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()

    def report(self) -> None:
        if self.session is None:
            return
        c = self.session.counters
        elapsed = max(time.monotonic() - c.started, 1e-6)
        print(
            f"[crawl] {elapsed:6.0f}s  pages {c.pages} ({c.pages / elapsed:.1f}/s, {c.pages_resumed} resumed)"
            f"  items {c.items}  files {c.files}  text {c.text_bytes / 1e6:.1f} MB  errors {c.errors}",
            file=sys.stderr,
            flush=True,
        )
