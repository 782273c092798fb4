"""What the query functions return: plain dataclasses a template renders and `to_api_dict()` serialises.

A page and its JSON twin are two renderings of one of these, so they cannot disagree. Values
stay typed (vocabulary enums, aware datetimes) until they are rendered: the templates pick the
Korean or English label, the API writes the stable id and ISO 8601 with +09:00.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from index import SearchResults
from minutes.domain import SEOUL, Committee, Document, FileRecord, Meeting
from minutes.vocabulary import ARTICLE_9_GROUNDS, Category, Disclosure, DocType, FileStatus, MeetingStatus
from portal.params import SearchParams


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 in Seoul time (+09:00), or None."""
    return moment.astimezone(SEOUL).isoformat() if moment is not None else None


def labels(value: Any) -> dict[str, str]:
    """`label` (Korean) and `label_en` of a vocabulary value, for API bodies."""
    if value is None:
        return {"label": "", "label_en": ""}
    return {"label": value.label_ko, "label_en": value.label_en}


@dataclass(frozen=True, slots=True)
class MeetingSummary:
    meeting_id: str
    title: str
    committee_id: str
    committee: str
    category: Category | None
    start: datetime | None
    status: MeetingStatus
    source_url: str
    vanished: bool = False

    def to_api_dict(self) -> dict[str, Any]:
        return {
            "meeting_id": self.meeting_id,
            "title": self.title,
            "committee_id": self.committee_id,
            "committee": self.committee,
            "category": self.category.value if self.category else None,
            "start": iso(self.start),
            "status": self.status.value,
            "source_url": self.source_url,
            "vanished": self.vanished,
        }


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    document_id: str
    doc_type: DocType
    title: str
    posted_at: datetime | None
    disclosure: Disclosure | None
    meeting: MeetingSummary | None

    def to_api_dict(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "doc_type": self.doc_type.value,
            "title": self.title,
            "posted_at": iso(self.posted_at),
            "disclosure": self.disclosure.value if self.disclosure else None,
            "meeting_id": self.meeting.meeting_id if self.meeting else None,
            "meeting_title": self.meeting.title if self.meeting else None,
            "committee_id": self.meeting.committee_id if self.meeting else None,
            "committee": self.meeting.committee if self.meeting else None,
        }


@dataclass(frozen=True, slots=True)
class CategoryCount:
    category: Category | None  # None: committees filed under no category
    committees: int
    meetings: int

    def to_api_dict(self) -> dict[str, Any]:
        return {
            "category": self.category.value if self.category else None,
            **labels(self.category),
            "committee_count": self.committees,
            "meeting_count": self.meetings,
        }


@dataclass(frozen=True, slots=True)
class Freshness:
    last_crawl: datetime | None
    source: str
    demo: bool

    def to_api_dict(self) -> dict[str, Any]:
        return {"last_crawl": iso(self.last_crawl), "source": self.source, "demo": self.demo}


@dataclass(frozen=True, slots=True)
class HomeView:
    categories: list[CategoryCount]
    latest_minutes: list[DocumentSummary]
    upcoming: list[MeetingSummary]
    totals: dict[str, int]
    freshness: Freshness

    def to_api_dict(self) -> dict[str, Any]:
        return {
            "totals": self.totals,
            "categories": [c.to_api_dict() for c in self.categories],
            "latest_minutes": [d.to_api_dict() for d in self.latest_minutes],
            "upcoming": [m.to_api_dict() for m in self.upcoming],
            "freshness": self.freshness.to_api_dict(),
        }


# -- search ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FacetOption:
    value: str
    label_ko: str
    label_en: str
    count: int
    selected: bool

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_ko


@dataclass(frozen=True, slots=True)
class FacetGroup:
    name: str
    options: list[FacetOption]


@dataclass(frozen=True, slots=True)
class Chip:
    """One active filter, removable by following `params.without(facet, value)`."""

    facet: str
    value: str
    label_ko: str
    label_en: str

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_ko


@dataclass(frozen=True, slots=True)
class SearchView:
    params: SearchParams
    results: SearchResults
    facets: list[FacetGroup]
    chips: list[Chip]
    page_numbers: list[int | None]  # None marks a gap
    unfiltered_total: int | None = None  # on an empty result with filters: the count without them

    def to_api_dict(self) -> dict[str, Any]:
        body = self.results.to_api_dict()
        for name in ("category", "doc_type", "disclosure"):
            english = {o.value: o.label_en for group in self.facets if group.name == name for o in group.options}
            for value in body["facets"].get(name, []):
                value["label_en"] = english.get(value["value"], value["label"])
        body.update(
            query=self.params.q,
            sort=self.results.sort,
            pages=self.results.pages,
            filters={name: list(getattr(self.params, name)) for name in ("category", "committee", "year",
                                                                          "doc_type", "disclosure")},
        )  # fmt: skip
        if self.unfiltered_total is not None:
            body["unfiltered_total_meetings"] = self.unfiltered_total
        return body


# -- meetings ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FileView:
    record: FileRecord
    downloadable: bool
    text: str | None = None  # inline text (may be cut), when asked for
    truncated: bool = False

    @property
    def download_url(self) -> str | None:
        return f"/files/{self.record.file_id}" if self.downloadable else None

    @property
    def text_url(self) -> str | None:
        return f"/files/{self.record.file_id}/text" if self.record.text_path and self.record.public else None

    def to_api_dict(self) -> dict[str, Any]:
        r = self.record
        return {
            "file_id": r.file_id,
            "name": r.name,
            "media_type": r.media_type or None,
            "size": r.size,
            "status": r.status.value,
            "reason": r.reason or None,
            "public": r.public,
            "text_chars": r.text_chars,
            "download_url": self.download_url,
            "text_url": self.text_url,
        }


@dataclass(frozen=True, slots=True)
class DocumentView:
    document: Document
    files: list[FileView]
    vanished: bool = False

    @property
    def disclosure(self) -> Disclosure | None:
        return self.document.disclosure.level if self.document.disclosure else None

    @property
    def ground(self) -> int | None:
        return self.document.disclosure.ground if self.document.disclosure else None

    @property
    def ground_labels(self) -> tuple[str, str] | None:
        return ARTICLE_9_GROUNDS.get(self.ground) if self.ground else None

    @property
    def download_url(self) -> str | None:
        return next((f.download_url for f in self.files if f.download_url), None)

    def to_api_dict(self) -> dict[str, Any]:
        d = self.document
        grounds = self.ground_labels
        return {
            "document_id": d.document_id,
            "doc_type": d.doc_type.value,
            "title": d.title,
            "disclosure": self.disclosure.value if self.disclosure else None,
            "ground": self.ground,
            "ground_label": grounds[0] if grounds else None,
            "ground_label_en": grounds[1] if grounds else None,
            "disclosure_seen": d.disclosure.seen if d.disclosure else None,
            "posted_at": iso(d.produced_at),
            "doc_number": d.doc_number or None,
            "department": d.department or None,
            "source_url": d.source_url,
            "download_url": self.download_url,
            "vanished": self.vanished,
            "files": [f.to_api_dict() for f in self.files],
        }


@dataclass(frozen=True, slots=True)
class MeetingView:
    meeting: Meeting
    summary: MeetingSummary
    committee: Committee | None
    documents: list[DocumentView]

    def to_api_dict(self) -> dict[str, Any]:
        m = self.meeting
        return {
            **self.summary.to_api_dict(),
            **{f"category_{k}": v for k, v in labels(self.summary.category).items()},
            "end": iso(m.end),
            "when_seen": m.when_seen or None,
            "place": m.place or None,
            "attendees": m.attendees or None,
            "attendee_count": m.attendee_count,
            "agenda": m.agenda or None,
            "agenda_count": m.agenda_count,
            "legal_basis": m.legal_basis or None,
            "department": m.department or None,
            "phone": m.phone or None,
            "posted_at": iso(m.posted_at),
            "cancel_note": m.cancel_note or None,
            "demo": m.demo,
            "documents": [d.to_api_dict() for d in self.documents],
        }


# -- committees and categories -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CommitteeRow:
    committee_id: str
    name: str
    category: Category | None
    meeting_count: int
    document_count: int
    department: str = ""
    vanished: bool = False

    def to_api_dict(self) -> dict[str, Any]:
        return {
            "committee_id": self.committee_id,
            "name": self.name,
            "category": self.category.value if self.category else None,
            "meeting_count": self.meeting_count,
            "document_count": self.document_count,
            "department": self.department or None,
            "vanished": self.vanished,
        }


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    meeting: MeetingSummary
    documents: list[tuple[str, DocType]]  # (document_id, type)

    def to_api_dict(self) -> dict[str, Any]:
        return {**self.meeting.to_api_dict(),
                "documents": [{"document_id": d, "doc_type": t.value} for d, t in self.documents]}  # fmt: skip


@dataclass(frozen=True, slots=True)
class CommitteeView:
    committee: Committee
    row: CommitteeRow
    timeline: list[tuple[int | None, list[TimelineEntry]]]  # by year, newest first
    documents: list[DocumentSummary]

    def to_api_dict(self) -> dict[str, Any]:
        c = self.committee
        return {
            **self.row.to_api_dict(),
            **{f"category_{k}": v for k, v in labels(c.category).items()},
            "functions": c.functions,
            "legal_basis": c.legal_basis or None,
            "term": c.term or None,
            "phone": c.phone or None,
            "members": c.members or None,
            "minutes_note": c.minutes_note or None,
            "closed_by_law": c.closed_by_law,
            "established": c.established.isoformat() if c.established else None,
            "source_url": c.source_url,
            "demo": c.demo,
            "meetings_by_year": [
                {"year": year, "meetings": [e.to_api_dict() for e in entries]} for year, entries in self.timeline
            ],
            "documents": [d.to_api_dict() for d in self.documents],
        }


@dataclass(frozen=True, slots=True)
class CommitteesView:
    committees: list[CommitteeRow]

    def to_api_dict(self) -> dict[str, Any]:
        return {"committees": [c.to_api_dict() for c in self.committees]}


@dataclass(frozen=True, slots=True)
class CategoriesView:
    categories: list[CategoryCount]

    def to_api_dict(self) -> dict[str, Any]:
        return {"categories": [c.to_api_dict() for c in self.categories]}


@dataclass(frozen=True, slots=True)
class CategoryView:
    count: CategoryCount
    committees: list[CommitteeRow] = field(default_factory=list)

    def to_api_dict(self) -> dict[str, Any]:
        return {**self.count.to_api_dict(), "committees": [c.to_api_dict() for c in self.committees]}


FILE_STATUS_KEYS = {status: f"file.{status.value}" for status in FileStatus}
