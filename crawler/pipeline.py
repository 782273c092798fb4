"""The archive pipeline: normalise each raw item and write it to the archive, losing nothing.

Joins that span pages (a meeting's posting date from the list, its committee from the roster, a
file's meeting through its approval document) are made as the pieces arrive and completed when the
spider closes; within one crawl, completing a record does not make a new version of it.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any
from urllib.parse import quote

from crawler.extract_pool import ExtractionPool
from crawler.items import RawCommittee, RawFile, RawListing, RawMeeting, RawPage, RawSanction
from crawler.records import apply_listing as join_listing
from crawler.records import (
    committee_from_raw,
    document_from_sanction,
    document_id_for,
    file_id_for,
    material_from_attachment,
    material_id_for,
    meeting_from_listing,
    meeting_from_raw,
    meeting_id_for,
)
from crawler.session import CrawlSession, page_id
from minutes.domain import Committee, Document, FileRecord, Meeting, from_dict, to_dict
from minutes.vocabulary import FileStatus, MeetingStatus, clean_text

log = logging.getLogger(__name__)

_KIND = {Committee: "committees", Meeting: "meetings", Document: "documents", FileRecord: "files"}


class ArchivePipeline:
    def __init__(self, session: CrawlSession) -> None:
        self.session = session
        self.store = session.archive.store
        self.listings: dict[str, RawListing] = {}
        self.extractor = ExtractionPool()
        self.meetings_seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Any) -> ArchivePipeline:
        pipeline = cls(crawler.spider.session)
        from scrapy import signals

        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    # -- dispatch ---------------------------------------------------------------------------

    def close_spider(self, spider: Any = None) -> None:
        self.extractor.close()

    async def process_item(self, item: Any) -> Any:
        handler = {
            RawPage: self._page,
            RawCommittee: self._committee,
            RawListing: self._listing,
            RawMeeting: self._meeting,
            RawSanction: self._sanction,
            RawFile: self._file,
        }.get(type(item))
        if handler is None:
            return item
        try:
            if isinstance(item, RawFile):
                await self._file(item)
            else:
                handler(item)
        except Exception as exc:  # a parser bug must cost one record, reported, not the crawl
            log.exception("could not archive %s", getattr(item, "url", item))
            self.session.counters.errors += 1
            self.session.counters.failures[f"archive: {type(exc).__name__}"] += 1
        if not isinstance(item, RawPage):
            self.session.counters.items += 1
        return None  # nothing further down the line needs the raw item (and its bytes)

    def _put(self, record: Any, *, source_url: str) -> None:
        kind = _KIND[type(record)]
        change = self.store.put(
            kind,
            _record_id(record),
            to_dict(record),
            seen_at=self.session.now(),
            source_url=source_url,
            same_run_since=self.session.run.started,
        )
        self.session.counters.note_change(kind, _record_id(record), change)

    # -- items ------------------------------------------------------------------------------

    def _page(self, page: RawPage) -> None:
        c = self.session.counters
        c.pages += 1
        c.pages_resumed += page.resumed
        data: dict[str, Any] = {"url": page.url, "status": page.status, "error": page.error}
        if page.error:
            c.errors += 1
            c.failures[page.error] += 1
        if page.body:
            data |= {
                "sha256": self.session.archive.blobs.put(page.body),
                "size": len(page.body),
                "content_type": page.content_type,
                "encoding": page.encoding,
            }
        self.store.put("pages", page_id(page.url), data, seen_at=self.session.now(), source_url=page.url)

    def _committee(self, raw: RawCommittee) -> None:
        committee = committee_from_raw(raw)
        self._put(committee, source_url=raw.url)

    def _listing(self, raw: RawListing) -> None:
        meeting_id = meeting_id_for(raw.meeting_url)
        if meeting_id is None:
            return
        self.listings[meeting_id] = raw
        if meeting_id in self.meetings_seen:
            current = self._current(Meeting, meeting_id)
            if current is not None:
                self._put(join_listing(current, raw), source_url=current.source_url)

    def _meeting(self, raw: RawMeeting) -> None:
        meeting, missing = meeting_from_raw(raw)
        for label in missing:
            self.session.counters.missing_fields[f"meeting.{label}"] += 1
        listing = self.listings.get(meeting.meeting_id)
        previous = self._current(Meeting, meeting.meeting_id)
        if listing is not None:
            join_listing(meeting, listing)
        elif previous is not None:
            # The list entry has not come by yet in this crawl: keep what the last crawl joined
            # (the posting date, and the status when the page itself does not show one).
            meeting.posted_at, meeting.posted_seen = previous.posted_at, previous.posted_seen
            if meeting.status is MeetingStatus.UNKNOWN:
                meeting.status, meeting.status_seen = previous.status, previous.status_seen
        if meeting.committee_id is None and previous is not None:
            meeting.committee_id = previous.committee_id
        self.meetings_seen.add(meeting.meeting_id)
        self._put(meeting, source_url=raw.url)
        for att in raw.attachments:
            self._put(material_from_attachment(att, meeting), source_url=att.url or raw.url)

    def _sanction(self, raw: RawSanction) -> None:
        document = document_from_sanction(raw)
        meeting = self._current(Meeting, document.meeting_id) if document.meeting_id else None
        if meeting is not None:
            document.committee_id = meeting.committee_id
        elif document.meeting_id and (previous := self._current(Document, document.document_id)):
            document.committee_id = previous.committee_id
        self._put(document, source_url=raw.url)

    async def _file(self, raw: RawFile) -> None:
        c = self.session.counters
        parent_is_meeting = raw.parent_kind == "meeting"
        record = FileRecord(
            file_id=file_id_for(raw.url, raw.parent_url, raw.name),
            document_id=(
                material_id_for(raw.url, raw.parent_url, raw.name)
                if parent_is_meeting
                else document_id_for(raw.parent_url)
            ),
            meeting_id=meeting_id_for(raw.parent_url) if parent_is_meeting else None,
            name=clean_text(raw.name),
            status=FileStatus.OK,
            source_url=raw.url,
            size_seen=raw.size_seen,
            public=raw.public,
        )
        if not parent_is_meeting and record.document_id:
            parent = self._current(Document, record.document_id)
            record.meeting_id = parent.meeting_id if parent else None
        if raw.error:
            record.status = FileStatus.NOT_PUBLIC if not raw.public else FileStatus.DOWNLOAD_ERROR
            record.reason = raw.error
            if raw.public:
                c.failures[f"file: {raw.error}"] += 1
            self._put(record, source_url=raw.url or raw.parent_url)
            return
        c.files += 1
        c.pages += 1  # a download is a fetched response like any page
        c.pages_resumed += raw.resumed
        blobs = self.session.archive.blobs
        digest = blobs.put(raw.body)
        record.sha256, record.size = digest, len(raw.body)
        self.store.put(
            "pages",
            page_id(raw.url),
            {
                "url": raw.url,
                "status": raw.status,
                "error": "",
                "sha256": digest,
                "size": len(raw.body),
                "content_type": raw.content_type,
                "disposition": f"attachment; filename*=UTF-8''{_quote(raw.name)}",
            },
            seen_at=self.session.now(),
            source_url=raw.url,
        )
        previous = self._current(FileRecord, record.file_id)
        if previous is not None and previous.sha256 == digest and previous.media_type:
            # Same bytes as before: the extraction is already in the archive.
            record.status, record.reason, record.media_type = previous.status, previous.reason, previous.media_type
            record.text_path, record.text_chars = previous.text_path, previous.text_chars
        else:
            result = await self.extractor.extract(
                raw.body,
                name=raw.name,
                content_type=raw.content_type,
                max_unzipped_bytes=self.session.settings.max_unzipped_bytes,
            )
            record.status, record.reason, record.media_type = result.status, result.reason, result.media_type
            text = result.text or result.preview
            if text:
                text_sha = self.session.archive.texts.put(text.encode("utf-8"))
                record.text_path = f"text/{self.session.archive.texts.relpath(text_sha)}"
                record.text_chars = len(text)
        if record.status is not FileStatus.OK:
            c.failures[f"file: {record.status.value}"] += 1
        c.text_bytes += record.text_chars * 3  # UTF-8 Hangul is 3 bytes a character
        self._put(record, source_url=raw.url)

    # -- end of crawl -------------------------------------------------------------------------

    def spider_closed(self, spider: Any, reason: str) -> None:
        try:
            self._complete_joins()
        finally:
            self.session.finish(reason)

    def _complete_joins(self) -> None:
        """Meetings known only from the list, committees found by name, documents' committees."""
        since = self.session.run.started_at
        for meeting_id, listing in self.listings.items():
            if self.store.get("meetings", meeting_id) is None:
                meeting = meeting_from_listing(listing)
                if meeting is not None:
                    self.session.counters.missing_fields["meeting page unavailable"] += 1
                    self._put(meeting, source_url=listing.meeting_url)
        by_name = {}
        for env in self.store.records("committees", include_vanished=False):
            by_name.setdefault(_name_key(env["data"]["name"]), env["id"])
        meetings: dict[str, Meeting] = {}
        for env in list(self.store.records("meetings")):
            if env["last_seen"] < since:
                continue
            meeting = from_dict(Meeting, env["data"])
            if meeting.committee_id is None:
                found = by_name.get(_name_key(meeting.committee_name)) or _by_title(meeting.title, by_name)
                if found:
                    meeting.committee_id = found
                    self._put(meeting, source_url=meeting.source_url)
            meetings[meeting.meeting_id] = meeting
        per: dict[str, Counter] = self.session.counters.per_committee
        for meeting in meetings.values():
            per[meeting.committee_id or "(unknown)"]["meetings"] += 1
        for env in list(self.store.records("documents")):
            if env["last_seen"] < since:
                continue
            document = from_dict(Document, env["data"])
            meeting = meetings.get(document.meeting_id or "")
            if meeting is not None and document.committee_id != meeting.committee_id:
                document.committee_id = meeting.committee_id
                self._put(document, source_url=document.source_url)
            per[document.committee_id or "(unknown)"]["documents"] += 1
        self.store.checkpoint()

    def _current(self, cls: type, record_id: str | None) -> Any:
        if not record_id:
            return None
        env = self.store.get(_KIND[cls], record_id)
        return from_dict(cls, env["data"]) if env else None


_ID_FIELD = {Committee: "committee_id", Meeting: "meeting_id", Document: "document_id", FileRecord: "file_id"}


def _record_id(record: Any) -> str:
    return getattr(record, _ID_FIELD[type(record)])


def _name_key(name: str) -> str:
    return "".join(name.split())


def _by_title(title: str, by_name: dict[str, str]) -> str | None:
    """Older pages name the committee only inside the meeting title: take the longest name found."""
    key = _name_key(title)
    best = max((n for n in by_name if n and n in key), key=len, default=None)
    return by_name[best] if best else None


def _quote(name: str) -> str:
    return quote(name, safe="")
