"""The spider for the city's meeting-information site (정보소통광장) and its local replica.

It walks two ways into the meetings, because neither alone is known to be complete: the committee
roster (clas_all → each committee page → its meetings) and the newest-first meeting list, which is
also the only place that shows when a meeting was posted. Meeting pages lead to approval documents
and attachments. The spider only extracts raw strings; normalising and archiving happen in the
pipeline.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.items import RawFile, RawListing, RawPage
from crawler.parsing import decode_body, parse_committee, parse_listing, parse_meeting, parse_roster, parse_sanction
from crawler.parsing.attachments import dname_of

# Leaves first, so that what was fetched becomes whole records early and memory stays bounded.
PRIORITY = {"list": 0, "roster": 0, "committee": 5, "meeting": 10, "sanction": 20, "file": 30}

_FILENAME_STAR = re.compile(r"filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)")
_FILENAME = re.compile(r'filename\s*=\s*"?([^";]+)"?')


class OpengovSpider(scrapy.Spider):
    name = "opengov"

    def __init__(self, session: Any, list_page_size: int = 100, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.session = session
        self.base_url = session.base_url
        self.list_page_size = list_page_size
        self.allowed_domains = [urlsplit(self.base_url).hostname or ""]

    async def start(self) -> AsyncIterator[scrapy.Request]:
        yield self._request(f"{self.base_url}/proceeding/clas_all", self.parse_roster, "roster")
        yield self._list_request(1)

    # -- requests --------------------------------------------------------------------------

    def _request(self, url: str, callback: Any, kind: str, **cb_kwargs: Any) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.failed,
            priority=PRIORITY[kind],
            cb_kwargs=cb_kwargs,
            meta={"kind": kind, "cb_kwargs": cb_kwargs},
        )

    def _list_request(self, page: int) -> scrapy.Request:
        url = f"{self.base_url}/proceeding/list?page={page}&items_per_page={self.list_page_size}"
        return self._request(url, self.parse_list, "list", page=page)

    # -- callbacks -------------------------------------------------------------------------

    def _page(self, response: Response) -> tuple[RawPage, str]:
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        text, encoding = decode_body(response.body, content_type)
        page = RawPage(
            url=response.url,
            status=response.status,
            body=response.body,
            content_type=content_type,
            encoding=encoding,
            resumed="resumed" in response.flags,
        )
        return page, text

    def parse_roster(self, response: Response) -> Iterator[Any]:
        page, text = self._page(response)
        yield page
        for url, heading in parse_roster(text, response.url):
            yield self._request(url, self.parse_committee, "committee", heading=heading)

    def parse_committee(self, response: Response, heading: str = "") -> Iterator[Any]:
        page, text = self._page(response)
        yield page
        committee, meeting_urls = parse_committee(text, response.url)
        committee.roster_category_seen = heading
        yield committee
        for url in meeting_urls:
            yield self._request(url, self.parse_meeting, "meeting")

    def parse_list(self, response: Response, page: int = 1) -> Iterator[Any]:
        raw_page, text = self._page(response)
        yield raw_page
        entries: list[RawListing] = parse_listing(text, response.url)
        if not entries:
            return  # past the last page: the site answers an empty list
        for entry in entries:
            yield entry
            yield self._request(entry.meeting_url, self.parse_meeting, "meeting")
        yield self._list_request(page + 1)

    def parse_meeting(self, response: Response) -> Iterator[Any]:
        page, text = self._page(response)
        yield page
        meeting = parse_meeting(text, response.url)
        yield meeting
        for url, _title in meeting.sanctions:
            yield self._request(url, self.parse_sanction, "sanction", meeting_url=response.url)
        yield from self._files(meeting.attachments, response.url, "meeting")

    def parse_sanction(self, response: Response, meeting_url: str = "") -> Iterator[Any]:
        page, text = self._page(response)
        yield page
        sanction = parse_sanction(text, response.url, meeting_url=meeting_url)
        yield sanction
        yield from self._files(sanction.attachments, response.url, "sanction")

    def _files(self, attachments: list, parent_url: str, parent_kind: str) -> Iterator[Any]:
        for att in attachments:
            if att.url is None:
                # Listed as 비공개 문서 with no link: recorded, since what is withheld matters too.
                yield RawFile(
                    url="",
                    name=att.name,
                    parent_url=parent_url,
                    parent_kind=parent_kind,
                    size_seen=att.size_seen,
                    public=False,
                    error="not public",
                )
                continue
            yield self._request(
                att.url,
                self.parse_file,
                "file",
                parent_url=parent_url,
                parent_kind=parent_kind,
                name=att.name,
                size_seen=att.size_seen,
            )

    def parse_file(
        self, response: Response, parent_url: str, parent_kind: str, name: str, size_seen: str = ""
    ) -> Iterator[Any]:
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        disposition = response.headers.get("Content-Disposition", b"").decode("latin-1")
        yield RawFile(
            url=response.url,
            name=filename_from(disposition, response.url) or name,
            parent_url=parent_url,
            parent_kind=parent_kind,
            body=response.body,
            status=response.status,
            content_type=content_type,
            size_seen=size_seen,
            resumed="resumed" in response.flags,
        )

    # -- failures --------------------------------------------------------------------------

    def failed(self, failure: Failure) -> Iterator[Any]:
        """A request that failed after retries becomes a record with its reason, never nothing."""
        request = failure.request  # type: ignore[attr-defined]
        response = getattr(failure.value, "response", None)
        status = response.status if response is not None else 0
        reason = f"HTTP {status}" if status else failure.type.__name__
        message = failure.getErrorMessage()
        if "max size" in message or "maxsize" in message.lower():
            reason = "too large"
        yield RawPage(url=request.url, status=status, error=reason)
        if request.meta.get("kind") == "file":
            kw = request.meta.get("cb_kwargs", {})
            yield RawFile(
                url=request.url,
                name=kw.get("name", ""),
                parent_url=kw.get("parent_url", ""),
                parent_kind=kw.get("parent_kind", ""),
                status=status,
                error=reason,
                size_seen=kw.get("size_seen", ""),
            )


def filename_from(disposition: str, url: str) -> str:
    """The file name from Content-Disposition (RFC 5987 first), else the download URL's dname."""
    if match := _FILENAME_STAR.search(disposition):
        return unquote(match.group(1).strip())
    if match := _FILENAME.search(disposition):
        raw = match.group(1).strip()
        try:  # servers often send UTF-8 bytes in a latin-1 header
            return raw.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return raw
    values = parse_qs(urlsplit(url).query).get("dname")
    return dname_of(url) if values else ""
