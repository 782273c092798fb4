"""The JSON API's shapes, as TypedDicts, so Litestar's OpenAPI schema documents every body.

The bodies themselves are built by the views' `to_api_dict()`; these types only describe them
(the API tests check real responses against the required keys here).
"""

from __future__ import annotations

from typing import Literal, TypedDict


class FacetValueBody(TypedDict):
    value: str
    label: str
    count: int  # meetings


class FacetsBody(TypedDict):
    category: list[FacetValueBody]
    committee: list[FacetValueBody]
    year: list[FacetValueBody]
    doc_type: list[FacetValueBody]
    disclosure: list[FacetValueBody]


class DocumentHitBody(TypedDict):
    document_id: str
    doc_type: Literal["meeting", "notice", "minutes", "result", "material"]
    title: str
    snippet: str  # HTML: escaped text with <mark> around matches


class MeetingHitBody(TypedDict):
    meeting_id: str | None
    title: str
    committee_id: str
    committee: str
    category: str
    start: str | None  # ISO 8601, +09:00
    status: str
    source_url: str
    documents: list[DocumentHitBody]


class SearchBody(TypedDict):
    total_meetings: int
    total_documents: int
    page: int
    per_page: int
    pages: int
    query: str
    sort: Literal["relevance", "date"]
    filters: dict[str, list[str | int]]
    facets: FacetsBody
    meetings: list[MeetingHitBody]


class FileBody(TypedDict):
    file_id: str
    name: str
    media_type: str | None
    size: int | None
    status: str
    reason: str | None
    public: bool
    text_chars: int
    download_url: str | None
    text_url: str | None


class MeetingDocumentBody(TypedDict):
    document_id: str
    doc_type: Literal["notice", "minutes", "result", "material"]
    title: str
    disclosure: Literal["public", "partial", "closed"] | None
    ground: int | None  # Official Information Disclosure Act, Article 9(1) subparagraph
    ground_label: str | None
    ground_label_en: str | None
    disclosure_seen: str | None
    posted_at: str | None
    doc_number: str | None
    department: str | None
    source_url: str
    download_url: str | None
    vanished: bool
    files: list[FileBody]


class MeetingSummaryBody(TypedDict):
    meeting_id: str
    title: str
    committee_id: str
    committee: str
    category: str | None
    start: str | None
    status: Literal["scheduled", "held", "cancelled", "unknown"]
    source_url: str
    vanished: bool


class MeetingBody(MeetingSummaryBody):
    category_label: str
    category_label_en: str
    end: str | None
    when_seen: str | None
    place: str | None
    attendees: str | None
    attendee_count: int | None
    agenda: str | None
    agenda_count: int | None
    legal_basis: str | None
    department: str | None
    phone: str | None
    posted_at: str | None
    cancel_note: str | None
    demo: bool
    documents: list[MeetingDocumentBody]


class CommitteeRowBody(TypedDict):
    committee_id: str
    name: str
    category: str | None
    meeting_count: int
    document_count: int
    department: str | None
    vanished: bool


class CommitteesBody(TypedDict):
    committees: list[CommitteeRowBody]


class TimelineMeetingBody(MeetingSummaryBody):
    documents: list[dict[str, str]]


class YearBody(TypedDict):
    year: int | None
    meetings: list[TimelineMeetingBody]


class DocumentSummaryBody(TypedDict):
    document_id: str
    doc_type: str
    title: str
    posted_at: str | None
    disclosure: str | None
    meeting_id: str | None
    meeting_title: str | None
    committee_id: str | None
    committee: str | None


class CommitteeBody(CommitteeRowBody):
    category_label: str
    category_label_en: str
    functions: list[str]
    legal_basis: str | None
    term: str | None
    phone: str | None
    members: str | None
    minutes_note: str | None
    closed_by_law: bool
    established: str | None
    source_url: str
    demo: bool
    meetings_by_year: list[YearBody]
    documents: list[DocumentSummaryBody]


class CategoryCountBody(TypedDict):
    category: str | None
    label: str
    label_en: str
    committee_count: int
    meeting_count: int


class CategoriesBody(TypedDict):
    categories: list[CategoryCountBody]


class CategoryBody(CategoryCountBody):
    committees: list[CommitteeRowBody]


class FreshnessBody(TypedDict):
    last_crawl: str | None
    source: str
    demo: bool


class HomeBody(TypedDict):
    totals: dict[str, int]
    categories: list[CategoryCountBody]
    latest_minutes: list[DocumentSummaryBody]
    upcoming: list[MeetingSummaryBody]
    freshness: FreshnessBody


class ErrorDetail(TypedDict, total=False):
    status: int
    code: str
    message: str
    message_ko: str
    parameter: str


class ErrorResponse(TypedDict):
    error: ErrorDetail


class PingBody(TypedDict):
    ok: bool
