"""Archive records → index documents: the meeting page itself, and each archive Document.

Each index document carries its meeting's fields (committee, category, year, start, status), so
one document alone can filter, facet and render its meeting. The text of a Document is its own
page text plus the extracted text of its files (joined through `file_ids` and `document_id`).

Vanished records are kept and marked (`vanished=True`): the archive is a record of what was
published, and a meeting taken off the city's site is exactly what a citizen may look for.

`stamp` hashes the content hashes of every envelope a document was built from (meeting,
committee, document, files), so an incremental update re-indexes exactly what changed.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from index.analysis import normalize
from minutes.archive import Archive
from minutes.domain import Committee, Document, FileRecord, Meeting, from_dict
from minutes.vocabulary import Disclosure, DocType


@dataclass(slots=True)
class Source:
    """What one index document is built from, before any text is read."""

    doc_id: str
    stamp: str
    meeting: Meeting | None
    committee: Committee | None
    document: Document | None  # None: the meeting page itself
    files: list[FileRecord]
    vanished: bool


def sources(archive: Archive) -> Iterator[Source]:
    """Every searchable record, cheaply (no text read): enough to decide what to (re)index."""
    store = archive.store
    committees = {env["id"]: env for env in store.records("committees")}
    meetings = {env["id"]: env for env in store.records("meetings")}
    files_by_id = {env["id"]: env for env in store.records("files")}
    files_of_doc: dict[str, list[str]] = defaultdict(list)
    for env in files_by_id.values():
        doc_id = env["data"].get("document_id")
        if doc_id:
            files_of_doc[doc_id].append(env["id"])
    parsed_meetings: dict[str, Meeting] = {}
    parsed_committees: dict[str, Committee] = {}

    def meeting_of(meeting_id: str | None) -> tuple[Meeting | None, dict[str, Any] | None]:
        env = meetings.get(meeting_id or "")
        if env is None:
            return None, None
        if env["id"] not in parsed_meetings:
            parsed_meetings[env["id"]] = from_dict(Meeting, env["data"])
        return parsed_meetings[env["id"]], env

    def committee_of(committee_id: str | None) -> tuple[Committee | None, dict[str, Any] | None]:
        env = committees.get(committee_id or "")
        if env is None:
            return None, None
        if env["id"] not in parsed_committees:
            parsed_committees[env["id"]] = from_dict(Committee, env["data"])
        return parsed_committees[env["id"]], env

    for env in meetings.values():
        meeting, _ = meeting_of(env["id"])
        assert meeting is not None
        committee, cenv = committee_of(meeting.committee_id)
        yield Source(
            doc_id=f"page:{meeting.meeting_id}",
            stamp=_stamp(env, cenv),
            meeting=meeting,
            committee=committee,
            document=None,
            files=[],
            vanished=bool(env.get("vanished_at")),
        )
    for env in store.records("documents"):
        document = from_dict(Document, env["data"])
        meeting, menv = meeting_of(document.meeting_id)
        committee, cenv = committee_of((meeting.committee_id if meeting else None) or document.committee_id)
        file_ids = list(dict.fromkeys([*document.file_ids, *files_of_doc.get(document.document_id, [])]))
        fenvs = [files_by_id[f] for f in file_ids if f in files_by_id]
        yield Source(
            doc_id=document.document_id,
            stamp=_stamp(env, menv, cenv, *fenvs),
            meeting=meeting,
            committee=committee,
            document=document,
            files=[from_dict(FileRecord, f["data"]) for f in fenvs],
            vanished=bool(env.get("vanished_at") or (menv or {}).get("vanished_at")),
        )


def _stamp(*envs: dict[str, Any] | None) -> str:
    digest = hashlib.sha256()
    for env in envs:
        digest.update(b"-" if env is None else env["content_hash"].encode())
        digest.update(b"v" if env is not None and env.get("vanished_at") else b".")
    return digest.hexdigest()[:24]


def fields_of(source: Source, archive: Archive) -> dict[str, Any]:
    """The Whoosh fields of one index document (reads the extracted text of its files)."""
    meeting, committee, document = source.meeting, source.committee, source.document
    category = (meeting.category if meeting else None) or (committee.category if committee else None)
    committee_id = (meeting.committee_id if meeting else None) or (document.committee_id if document else None)
    committee_name = (meeting.committee_name if meeting else "") or (committee.name if committee else "")
    start = meeting.start if meeting else None
    if document is None:
        assert meeting is not None
        title, doc_type, url = meeting.title, DocType.MEETING, meeting.source_url
        disclosure: str = Disclosure.PUBLIC.value
        posted = meeting.posted_at
        text = _meeting_text(meeting, committee_name)
    else:
        title, doc_type, url = document.title, document.doc_type, document.source_url
        disclosure = document.disclosure.level.value if document.disclosure else ""
        posted = document.produced_at
        parts = [document.body_text, *(archive.text_of(f) for f in source.files)]
        text = "\n".join(p for p in parts if p)
    when = start or (meeting.posted_at if meeting else None) or posted
    body = normalize(f"{title}\n{text}")
    return {
        "doc_id": source.doc_id,
        "stamp": source.stamp,
        "body": body,
        "chars": len(body),
        "meeting_id": (meeting.meeting_id if meeting else None) or (document.meeting_id if document else "") or "",
        "committee_id": committee_id or "",
        "committee": committee_name,
        "category": category.value if category else "",
        "year": when.year if when else 0,
        "start_ts": _ts(start),
        "posted_ts": _ts(posted),
        "doc_type": doc_type.value,
        "disclosure": disclosure,
        "title": title,
        "source_url": url,
        "posted": posted.isoformat() if posted else None,
        "meeting_title": meeting.title if meeting else "",
        "meeting_url": meeting.source_url if meeting else "",
        "start": start.isoformat() if start else None,
        "status": meeting.status.value if meeting else "",
        "vanished": source.vanished,
    }


def _meeting_text(meeting: Meeting, committee_name: str) -> str:
    parts = [
        committee_name,
        meeting.when_seen,
        meeting.place,
        meeting.attendees,
        meeting.agenda,
        meeting.legal_basis,
        meeting.department,
        meeting.cancel_note,
    ]
    return "\n".join(p for p in parts if p)


def _ts(value: datetime | None) -> int:
    return int(value.timestamp()) if value else 0
