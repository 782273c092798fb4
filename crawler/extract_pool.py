"""Text extraction in worker processes, so the crawl keeps fetching while files are read.

PDF text extraction costs ~40 ms a page in pure Python; done inline it stalls Scrapy's reactor and
the whole crawl with it. Workers run `crawler.extract.extract` on their own cores; a file that takes
longer than the timeout is recorded as unreadable with that reason, and its worker is replaced.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from crawler.extract import Extraction, extract
from minutes.vocabulary import FileStatus


def default_workers() -> int:
    return max(1, (os.cpu_count() or 2) - 1)


class ExtractionPool:
    def __init__(self, workers: int | None = None, timeout: float = 120.0) -> None:
        self.workers = workers or default_workers()
        self.timeout = timeout
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn, not fork: the crawler process runs a reactor and threads that must not be copied.
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context("spawn"), initializer=_ignore_interrupts
            )
        return self._pool

    async def extract(self, payload: bytes, *, name: str, content_type: str, max_unzipped_bytes: int) -> Extraction:
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self._executor(), _extract, payload, name, content_type, max_unzipped_bytes)
        try:
            return await asyncio.wait_for(future, self.timeout)
        except TimeoutError:
            self._restart()
            return Extraction(
                FileStatus.CORRUPT, "", "application/octet-stream", f"extraction took longer than {self.timeout:.0f} s"
            )
        except BrokenProcessPool as error:
            self._restart()
            return Extraction(FileStatus.CORRUPT, "", "application/octet-stream", f"extractor crashed: {error}")

    def _restart(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()
            pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _ignore_interrupts() -> None:
    """Ctrl-C reaches the whole process group: the crawler stops gracefully, workers finish their file."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _extract(payload: bytes, name: str, content_type: str, max_unzipped_bytes: int) -> Extraction:
    return extract(payload, name=name, content_type=content_type, max_unzipped_bytes=max_unzipped_bytes)
