"""The archive as the reports read it: loaded once, indexed by id, grouped by committee and meeting.

A year's report touches every meeting, document and file record, so everything is read in one pass
and joined through dictionaries; only the checks that look inside documents read extracted text,
and only for the meetings in the period. `CommitteeView` is the per-committee slice the checks get.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from guidelines.period import Period, seoul_day
from minutes.archive import Archive
from minutes.domain import SEOUL, Committee, Document, FileRecord, Meeting, from_dict, stable_id
from minutes.vocabulary import Category

_CLSF = re.compile(r"cmit_view\?(?:[^#]*&)?clsf_id=([A-Za-z0-9_-]+)")


@dataclass(frozen=True, slots=True)
class UnavailablePage:
    """A source page the last crawl could not fetch, and what it would have told us about."""

    url: str
    error: str
    kind: str  # "committee", "meeting" or "document"
    meeting_id: str | None = None
    day: date | None = None  # the meeting's day, when known

    def affects(self, period: Period) -> bool:
        """A committee page matters to every period; a meeting's pages to the period it falls in
        (and to every period when the meeting's day is unknown)."""
        return self.kind == "committee" or self.day is None or period.start <= self.day <= period.end


@dataclass(slots=True)
class ArchiveView:
    """Every record the reports need, by id, with the joins precomputed."""

    committees: dict[str, Committee]
    meetings: dict[str, Meeting]
    documents: dict[str, Document]
    files: dict[str, FileRecord]
    meeting_first_seen: dict[str, datetime]
    document_first_seen: dict[str, datetime]
    crawl_time: datetime
    read_text: Callable[[FileRecord], str]
    meetings_of: dict[str | None, list[str]] = field(default_factory=dict)
    documents_of: dict[str, list[str]] = field(default_factory=dict)
    files_of: dict[str, list[str]] = field(default_factory=dict)
    unavailable_of: dict[str | None, list[UnavailablePage]] = field(default_factory=dict)
    failed_pages: int = 0
    meeting_day: dict[str, date] = field(default_factory=dict)  # Seoul day of each dated meeting
    _in_period: dict[tuple[str, Period], list[Meeting]] = field(default_factory=dict)

    @classmethod
    def load(cls, archive: Archive, crawl_time: datetime | None = None) -> ArchiveView:
        """Read the whole archive once. `crawl_time` defaults to the last crawl's (state/run.json)."""
        store = archive.store
        meetings: dict[str, Meeting] = {}
        meeting_first_seen: dict[str, datetime] = {}
        for env in store.records("meetings"):
            meeting = from_dict(Meeting, env["data"])
            meetings[meeting.meeting_id] = meeting
            meeting_first_seen[meeting.meeting_id] = datetime.fromisoformat(env["first_seen"])
        documents: dict[str, Document] = {}
        document_first_seen: dict[str, datetime] = {}
        for env in store.records("documents"):
            doc = from_dict(Document, env["data"])
            documents[doc.document_id] = doc
            document_first_seen[doc.document_id] = datetime.fromisoformat(env["first_seen"])
        failed = {
            env["data"].get("url", ""): str(env["data"]["error"])
            for env in store.records("pages")
            if env["data"].get("error")
        }
        return cls.build(
            committees=(from_dict(Committee, env["data"]) for env in store.records("committees")),
            meetings=meetings.values(),
            documents=documents.values(),
            files=(from_dict(FileRecord, env["data"]) for env in store.records("files")),
            meeting_first_seen=meeting_first_seen,
            document_first_seen=document_first_seen,
            failed_pages=failed,
            crawl_time=crawl_time or crawl_time_of(archive.data_dir) or datetime.now(SEOUL),
            read_text=archive.text_of,
        )

    @classmethod
    def build(
        cls,
        *,
        committees: Iterable[Committee],
        meetings: Iterable[Meeting],
        documents: Iterable[Document],
        files: Iterable[FileRecord],
        meeting_first_seen: dict[str, datetime],
        document_first_seen: dict[str, datetime],
        failed_pages: dict[str, str],
        crawl_time: datetime,
        read_text: Callable[[FileRecord], str] = lambda _: "",
    ) -> ArchiveView:
        """A view over records already in memory (what `load` does after reading; tests use it
        directly). `failed_pages` maps the URL of each page whose last fetch failed to the error."""
        view = cls(
            committees={c.committee_id: c for c in committees},
            meetings={m.meeting_id: m for m in meetings},
            documents={d.document_id: d for d in documents},
            files={f.file_id: f for f in files},
            meeting_first_seen=meeting_first_seen,
            document_first_seen=document_first_seen,
            crawl_time=crawl_time,
            read_text=read_text,
        )
        view._join()
        view._find_unavailable(failed_pages)
        return view

    def _join(self) -> None:
        self.meeting_day = {m.meeting_id: seoul_day(m.start) for m in self.meetings.values() if m.start}
        meetings_of: dict[str | None, list[str]] = defaultdict(list)
        for meeting in sorted(self.meetings.values(), key=_meeting_order):
            meetings_of[meeting.committee_id].append(meeting.meeting_id)
        documents_of: dict[str, list[str]] = defaultdict(list)
        for doc in self.documents.values():
            if doc.meeting_id:
                documents_of[doc.meeting_id].append(doc.document_id)
        for meeting in self.meetings.values():  # a document may be listed on the meeting only
            extra = [d for d in meeting.document_ids if d in self.documents and self.documents[d].meeting_id is None]
            if extra:
                documents_of[meeting.meeting_id].extend(extra)
        files_of: dict[str, list[str]] = defaultdict(list)
        for f in self.files.values():
            if f.document_id:
                files_of[f.document_id].append(f.file_id)
        for doc in self.documents.values():
            extra = [f for f in doc.file_ids if f in self.files and self.files[f].document_id is None]
            if extra:
                files_of[doc.document_id].extend(extra)
        self.meetings_of = dict(meetings_of)
        self.documents_of = dict(documents_of)
        self.files_of = dict(files_of)

    def _find_unavailable(self, failed: dict[str, str]) -> None:
        """Attribute every failed page (and every document never fetched) to its committee."""
        self.failed_pages = len(failed)
        out: dict[str | None, list[UnavailablePage]] = defaultdict(list)
        by_source = {c.source_url: c.committee_id for c in self.committees.values() if c.source_url}
        for url, error in failed.items():
            match = _CLSF.search(url)
            if match:
                cid = by_source.get(url) or stable_id("cmit", match.group(1))
                out[cid].append(UnavailablePage(url, error, "committee"))
        for meeting in self.meetings.values():
            day = seoul_day(meeting.start) if meeting.start else None
            if meeting.source_url in failed:
                out[meeting.committee_id].append(
                    UnavailablePage(meeting.source_url, failed[meeting.source_url], "meeting", meeting.meeting_id, day)
                )
            for doc_id in meeting.document_ids:
                doc = self.documents.get(doc_id)
                if doc is None:
                    out[meeting.committee_id].append(
                        UnavailablePage("", "not archived", "document", meeting.meeting_id, day)
                    )
                elif doc.source_url in failed:
                    out[meeting.committee_id].append(
                        UnavailablePage(doc.source_url, failed[doc.source_url], "document", meeting.meeting_id, day)
                    )
        self.unavailable_of = dict(out)

    # -- queries ------------------------------------------------------------------------------

    def committee_ids(self) -> list[str]:
        """Every committee the archive knows of: by its own record, its meetings or its failed page."""
        ids = set(self.committees) | {c for c in self.meetings_of if c} | {c for c in self.unavailable_of if c}
        return sorted(ids, key=lambda cid: (self.committees[cid].name if cid in self.committees else "~", cid))

    def committee(self, committee_id: str) -> CommitteeView:
        return CommitteeView(self, committee_id)

    def files_of_document(self, document_id: str) -> list[FileRecord]:
        return [self.files[f] for f in self.files_of.get(document_id, ())]

    def documents_of_meeting(self, meeting_id: str) -> list[Document]:
        return [self.documents[d] for d in self.documents_of.get(meeting_id, ())]

    def years(self) -> list[int]:
        """Calendar years in which some meeting started before the crawl."""
        return sorted(
            {seoul_day(m.start).year for m in self.meetings.values() if m.start and m.start < self.crawl_time}
        )


@dataclass(frozen=True, slots=True)
class CommitteeView:
    """One committee's slice of the archive: what every check is given."""

    archive: ArchiveView
    committee_id: str

    @property
    def record(self) -> Committee | None:
        return self.archive.committees.get(self.committee_id)

    @property
    def name(self) -> str:
        if self.record is not None and self.record.name:
            return self.record.name
        named = [m.committee_name for m in self.meetings() if m.committee_name]
        return max(set(named), key=named.count) if named else self.committee_id

    @property
    def category(self) -> Category | None:
        if self.record is not None and self.record.category is not None:
            return self.record.category
        seen = [m.category for m in self.meetings() if m.category is not None]
        return max(set(seen), key=seen.count) if seen else None

    @property
    def source_url(self) -> str:
        if self.record is not None:
            return self.record.source_url
        pages = [p.url for p in self.archive.unavailable_of.get(self.committee_id, ()) if p.kind == "committee"]
        return pages[0] if pages else ""

    @property
    def established(self) -> date | None:
        return self.record.established if self.record is not None else None

    def meetings(self) -> list[Meeting]:
        """All the committee's meetings, undated ones last."""
        return [self.archive.meetings[m] for m in self.archive.meetings_of.get(self.committee_id, ())]

    def meetings_in(self, period: Period) -> list[Meeting]:
        """The meetings whose start falls in the period (every check asks: computed once)."""
        key = (self.committee_id, period)
        cached = self.archive._in_period.get(key)
        if cached is None:
            days = self.archive.meeting_day
            cached = [
                m for m in self.meetings() if m.meeting_id in days and period.start <= days[m.meeting_id] <= period.end
            ]
            self.archive._in_period[key] = cached
        return cached

    def documents(self, meeting_id: str) -> list[Document]:
        return self.archive.documents_of_meeting(meeting_id)

    def files(self, document_id: str) -> list[FileRecord]:
        return self.archive.files_of_document(document_id)

    def unavailable(self, period: Period) -> list[UnavailablePage]:
        """The failed source pages that keep this committee's figures for `period` from being trusted."""
        return [p for p in self.archive.unavailable_of.get(self.committee_id, ()) if p.affects(period)]


def crawl_time_of(data_dir: Path) -> datetime | None:
    """When the last crawl finished (or started, if it never finished), from state/run.json."""
    path = Path(data_dir) / "state" / "run.json"
    try:
        run = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    moment = run.get("finished_at") or run.get("started_at")
    if not moment:
        return None
    parsed = datetime.fromisoformat(moment)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=SEOUL)


_NEVER = datetime.max.replace(tzinfo=SEOUL)


def _meeting_order(meeting: Meeting) -> tuple[datetime, str]:
    """By start, undated meetings last."""
    return (meeting.start or _NEVER, meeting.meeting_id)


def iter_committees(view: ArchiveView, category: Category | None = None) -> Iterable[CommitteeView]:
    for cid in view.committee_ids():
        committee = view.committee(cid)
        if category is None or committee.category == category:
            yield committee
