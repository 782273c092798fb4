"""What a search returns: plain dataclasses, so no Whoosh object ever leaves `index/`.

`SearchResults.to_api_dict()` is the portal's search API body, exactly; the CLI's `--json` prints
the same. Facet counts count meetings, not documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Sort = Literal["relevance", "date"]
FACETS = ("category", "committee", "year", "doc_type", "disclosure")


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Drill-down filters; an empty tuple or None means no filter on that field."""

    category: tuple[str, ...] = ()
    committee: tuple[str, ...] = ()  # committee ids
    year: tuple[int, ...] = ()
    date_from: date | None = None  # on the meeting's start, inclusive
    date_to: date | None = None
    doc_type: tuple[str, ...] = ()
    disclosure: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str
    label: str
    count: int  # meetings

    def to_api_dict(self) -> dict[str, Any]:
        return {"value": self.value, "label": self.label, "count": self.count}


@dataclass(frozen=True, slots=True)
class DocumentHit:
    document_id: str
    doc_type: str
    title: str
    snippet: str  # HTML: escaped text, with only our own <mark>…</mark> around matches
    source_url: str = ""
    disclosure: str = ""
    posted: str | None = None

    def to_api_dict(self) -> dict[str, Any]:
        return {"document_id": self.document_id, "doc_type": self.doc_type, "title": self.title,
                "snippet": self.snippet}  # fmt: skip


@dataclass(frozen=True, slots=True)
class MeetingHit:
    meeting_id: str | None  # None: a document whose meeting is unknown, shown on its own
    title: str
    committee_id: str
    committee: str
    category: str
    start: str | None  # ISO 8601, +09:00
    status: str
    source_url: str
    documents: list[DocumentHit] = field(default_factory=list)
    matching_documents: int = 0  # may exceed len(documents) when the list is cut
    vanished: bool = False
    score: float | None = None

    def to_api_dict(self) -> dict[str, Any]:
        return {
            "meeting_id": self.meeting_id,
            "title": self.title,
            "committee_id": self.committee_id,
            "committee": self.committee,
            "category": self.category,
            "start": self.start,
            "status": self.status,
            "source_url": self.source_url,
            "documents": [d.to_api_dict() for d in self.documents],
        }


@dataclass(frozen=True, slots=True)
class SearchResults:
    query: str
    total_meetings: int
    total_documents: int
    page: int
    per_page: int
    sort: Sort
    facets: dict[str, list[FacetValue]]
    meetings: list[MeetingHit]
    seconds: float = 0.0

    @property
    def pages(self) -> int:
        return max(1, -(-self.total_meetings // self.per_page))

    def to_api_dict(self) -> dict[str, Any]:
        return {
            "total_meetings": self.total_meetings,
            "total_documents": self.total_documents,
            "page": self.page,
            "per_page": self.per_page,
            "facets": {name: [v.to_api_dict() for v in self.facets.get(name, [])] for name in FACETS},
            "meetings": [m.to_api_dict() for m in self.meetings],
        }
