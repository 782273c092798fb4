"""What the report's definitions say about one meeting, decided once, in one place.

The definitions (shown on the report page, `definitions.md`) are implemented here word for word:

- held: not cancelled, start in the period and before the crawl time (the period part is applied
  by the caller: `MeetingFacts.held` is "not cancelled and started before the crawl").
- minutes_published: held, with at least one `minutes` or `result` document whose disclosure is
  public or partial and whose content was retrieved (a file of it read, status ok, or the document
  page itself has body text).
- closed_lawfully: held, minutes not published, and a minutes/result document marked closed with an
  Article 9(1) ground 1-8, or the committee is closed by law.
- notice_on_time: held, and the posting date (등록일, else the day we first saw the meeting) is at
  least `notice_days` calendar days (Seoul) before the start.
- publication_lag_days: for a published meeting, the days from the meeting's date to the earliest
  posting date (생산일자, else first seen) of its published minutes/result documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from guidelines.period import seoul_day
from guidelines.view import ArchiveView
from minutes.domain import Committee, Document, FileRecord, Meeting
from minutes.vocabulary import ARTICLE_9_GROUNDS, Disclosure, DocType, FileStatus, MeetingStatus

RECORD_TYPES = (DocType.MINUTES, DocType.RESULT)  # what publishing "minutes or results" means
APPROVAL_TYPES = (DocType.NOTICE, DocType.MINUTES, DocType.RESULT)  # documents that state a ground
POSTED_LISTED = "등록일"
POSTED_FIRST_SEEN = "first_seen"


@dataclass(frozen=True, slots=True)
class MeetingFacts:
    """One meeting measured against the definitions (independent of the report's period)."""

    meeting_id: str
    committee_id: str | None
    title: str
    start: datetime | None
    source_url: str
    status: MeetingStatus
    held: bool  # not cancelled and started before the crawl time
    upcoming: bool  # not cancelled, starts at or after the crawl time
    published: bool
    published_documents: tuple[str, ...]
    closed_lawfully: bool
    closed_basis: str  # "ground 6", "closed by law", or ""
    posted_on: date | None  # the posting date used for the notice
    posted_from: str  # POSTED_LISTED or POSTED_FIRST_SEEN
    days_ahead: int | None  # start day − posting day
    notice_on_time: bool
    first_published_on: date | None
    lag_days: int | None
    withheld_without_ground: tuple[str, ...]  # approval documents partial/closed with no valid ground

    @property
    def day(self) -> date | None:
        return seoul_day(self.start) if self.start else None


def valid_ground(ground: int | None) -> bool:
    return ground is not None and ground in ARTICLE_9_GROUNDS


def content_retrieved(doc: Document, files: list[FileRecord]) -> bool:
    """The document's content reached us: one of its files was read, or its page has body text."""
    return bool(doc.body_text) or any(f.status is FileStatus.OK for f in files)


def publishes_record(doc: Document, files: list[FileRecord]) -> bool:
    """A minutes or result document, public or partly public, whose content was retrieved."""
    return (
        doc.doc_type in RECORD_TYPES
        and doc.disclosure is not None
        and doc.disclosure.level in (Disclosure.PUBLIC, Disclosure.PARTIAL)
        and content_retrieved(doc, files)
    )


def closed_with_ground(doc: Document) -> bool:
    """A minutes or result document marked closed with an Article 9(1) ground 1-8."""
    return (
        doc.doc_type in RECORD_TYPES
        and doc.disclosure is not None
        and doc.disclosure.level is Disclosure.CLOSED
        and valid_ground(doc.disclosure.ground)
    )


def withholds_without_ground(doc: Document) -> bool:
    """An approval document partly or wholly withheld without a ground 1-8."""
    return (
        doc.doc_type in APPROVAL_TYPES
        and doc.disclosure is not None
        and doc.disclosure.level in (Disclosure.PARTIAL, Disclosure.CLOSED)
        and not valid_ground(doc.disclosure.ground)
    )


def measure(meeting: Meeting, view: ArchiveView, committee: Committee | None, *, notice_days: int) -> MeetingFacts:
    """Apply every definition to one meeting."""
    crawl_time = view.crawl_time
    cancelled = meeting.status is MeetingStatus.CANCELLED
    started = meeting.start is not None and meeting.start < crawl_time
    held = not cancelled and started
    docs = view.documents_of_meeting(meeting.meeting_id)
    published_docs = [d for d in docs if publishes_record(d, view.files_of_document(d.document_id))]
    published = held and bool(published_docs)
    closed_basis = ""
    if held and not published:
        ground_doc = next((d for d in docs if closed_with_ground(d)), None)
        if ground_doc is not None:
            assert ground_doc.disclosure is not None
            closed_basis = f"ground {ground_doc.disclosure.ground}"
        elif committee is not None and committee.closed_by_law:
            closed_basis = "closed by law"
    if meeting.posted_at is not None:
        posted_on: date | None = seoul_day(meeting.posted_at)
        posted_from = POSTED_LISTED
    else:
        first = view.meeting_first_seen.get(meeting.meeting_id)
        posted_on = seoul_day(first) if first else None
        posted_from = POSTED_FIRST_SEEN
    start_day = seoul_day(meeting.start) if meeting.start else None
    days_ahead = (start_day - posted_on).days if start_day and posted_on else None
    first_published = None
    lag = None
    if published and start_day is not None:
        days = [d for d in (_posted_on(doc, view) for doc in published_docs) if d is not None]
        if days:
            first_published = min(days)
            lag = (first_published - start_day).days
    return MeetingFacts(
        meeting_id=meeting.meeting_id,
        committee_id=meeting.committee_id,
        title=meeting.title,
        start=meeting.start,
        source_url=meeting.source_url,
        status=meeting.status,
        held=held,
        upcoming=not cancelled and meeting.start is not None and not started,
        published=published,
        published_documents=tuple(d.document_id for d in published_docs) if held else (),
        closed_lawfully=bool(closed_basis),
        closed_basis=closed_basis,
        posted_on=posted_on,
        posted_from=posted_from,
        days_ahead=days_ahead,
        notice_on_time=held and days_ahead is not None and days_ahead >= notice_days,
        first_published_on=first_published,
        lag_days=lag,
        withheld_without_ground=tuple(d.document_id for d in docs if withholds_without_ground(d)),
    )


def _posted_on(doc: Document, view: ArchiveView) -> date | None:
    """A document's posting date: 생산일자, else the day we first saw it."""
    if doc.produced_at is not None:
        return seoul_day(doc.produced_at)
    first = view.document_first_seen.get(doc.document_id)
    return seoul_day(first) if first else None


class Measures:
    """Every meeting's facts for one archive view and one notice threshold, computed on demand once."""

    def __init__(self, view: ArchiveView, *, notice_days: int) -> None:
        self.view = view
        self.notice_days = notice_days
        self._facts: dict[str, MeetingFacts] = {}

    def of(self, meeting: Meeting) -> MeetingFacts:
        facts = self._facts.get(meeting.meeting_id)
        if facts is None:
            committee = self.view.committees.get(meeting.committee_id or "")
            facts = measure(meeting, self.view, committee, notice_days=self.notice_days)
            self._facts[meeting.meeting_id] = facts
        return facts
