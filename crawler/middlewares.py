"""Downloader middleware that serves pages already fetched in an interrupted run from the archive.

This is what makes `minutes crawl` resume where it stopped even after a hard kill: the archive's
journal is flushed on every page, so every page it lists for this run exists whole on disk, and the
crawl walks those again without touching the network, then fetches the rest.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.http import HtmlResponse, Response


class ResumeFromArchive:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> ResumeFromArchive:
        return cls(crawler)

    def process_request(self, request: Request, spider: Any = None) -> Response | None:
        session = getattr(spider or self.crawler.spider, "session", None)
        if session is None or not session.resume_pages:
            return None
        page = session.resume_pages.get(request.url)
        if page is None:
            return None
        body = session.archive.blobs.get(page["sha256"])
        headers = {"Content-Type": page.get("content_type") or "application/octet-stream"}
        if page.get("disposition"):
            headers["Content-Disposition"] = page["disposition"]
        cls = HtmlResponse if "html" in headers["Content-Type"] else Response
        return cls(request.url, status=200, body=body, headers=headers, request=request, flags=["resumed"])
