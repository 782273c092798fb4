"""Domain records: what the city published, normalised, as plain dataclasses.

These are the archive's contents. The crawler builds them from raw strings; the index and the portal
read them back with `from_dict`. Datetimes are timezone-aware in Asia/Seoul; dates of posting are
kept as datetimes at midnight Seoul time when the site shows only a day.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from minutes.vocabulary import Category, Disclosure, DocType, FileStatus, MeetingStatus

SEOUL = ZoneInfo("Asia/Seoul")


def stable_id(prefix: str, *parts: str) -> str:
    """A deterministic id from source identifiers, so that re-crawls never duplicate a record.

    Source keys that are already safe in URLs are kept readable (`mtg-26039080`); anything else is
    hashed, because ids travel in URLs and file names.
    """
    raw = "-".join(parts)
    if raw and all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in raw) and len(raw) <= 64:
        return f"{prefix}-{raw}"
    return f"{prefix}-{hashlib.sha256(raw.encode('utf-8')).hexdigest()[:20]}"


@dataclass(frozen=True, slots=True)
class DisclosureStatus:
    """A disclosure level with its legal ground, and the words the site used for it."""

    level: Disclosure
    ground: int | None = None  # Article 9(1) subparagraph, 1-8, when withheld in part or whole
    seen: str = ""  # e.g. "부분공개(5)", "대시민공개", "비공개"


@dataclass(slots=True)
class Committee:
    committee_id: str
    source_key: str  # the site's clsf_id
    name: str
    source_url: str
    category: Category | None = None
    category_seen: str = ""
    functions: list[str] = field(default_factory=list)
    legal_basis: str = ""
    term: str = ""
    department: str = ""
    phone: str = ""
    members: str = ""
    minutes_note: str = ""  # how minutes may be seen, as the committee page says
    closed_by_law: bool = False
    established: date | None = None
    demo: bool = False


@dataclass(slots=True)
class Meeting:
    meeting_id: str
    source_key: str  # nid (newer layout) or info code (older layout)
    layout: str  # "new" or "old"
    title: str
    source_url: str
    committee_id: str | None = None
    committee_name: str = ""
    status: MeetingStatus = MeetingStatus.UNKNOWN
    status_seen: str = ""
    start: datetime | None = None
    end: datetime | None = None
    when_seen: str = ""
    place: str = ""
    attendees: str = ""
    attendee_count: int | None = None
    agenda: str = ""
    agenda_count: int | None = None
    legal_basis: str = ""
    category: Category | None = None
    category_seen: str = ""
    department: str = ""
    phone: str = ""
    posted_at: datetime | None = None  # 등록일 on the meeting list
    posted_seen: str = ""
    cancel_note: str = ""
    document_ids: list[str] = field(default_factory=list)
    demo: bool = False


@dataclass(slots=True)
class Document:
    """An approval document (결재문서) or a meeting attachment listed as 회의자료."""

    document_id: str
    meeting_id: str | None
    doc_type: DocType
    title: str
    source_url: str
    committee_id: str | None = None
    source_key: str = ""
    disclosure: DisclosureStatus | None = None
    produced_at: datetime | None = None  # 생산일자: the posting date the site shows
    produced_seen: str = ""
    organisation: str = ""
    department: str = ""
    doc_number: str = ""
    retention: str = ""
    author: str = ""
    classification: str = ""
    body_text: str = ""  # text shown on the page itself
    file_ids: list[str] = field(default_factory=list)
    demo: bool = False


@dataclass(slots=True)
class FileRecord:
    """One attachment: its bytes live in the blob store, its text in the text store."""

    file_id: str
    document_id: str | None
    meeting_id: str | None
    name: str
    status: FileStatus
    source_url: str = ""
    size_seen: str = ""
    reason: str = ""
    sha256: str = ""
    size: int | None = None
    media_type: str = ""
    text_path: str = ""  # relative to the data directory
    text_chars: int = 0
    public: bool = True


@dataclass(slots=True)
class Page:
    """One fetched page or file response, as it came over the wire."""

    url: str
    status: int
    sha256: str
    blob_path: str
    content_type: str = ""
    encoding: str = ""
    size: int = 0


# ---------------------------------------------------------------------------------------------
# Plain-dict conversion. JSON Lines carry these dicts; dataclasses are rebuilt from them on read.

T = TypeVar("T")


def to_dict(obj: Any) -> Any:
    """Turn a record (or any value inside one) into JSON-ready plain data."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, datetime | date):
        return obj.isoformat()
    if isinstance(obj, list | tuple):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a record from `to_dict` output, ignoring fields a newer archive may have added.

    Reports and the index rebuild tens of thousands of records, so how each field converts is
    worked out once per class (`_plan`) and only fields that need it are converted.
    """
    kwargs = {}
    for name, convert in _plan(cls):
        if name in data:
            value = data[name]
            kwargs[name] = value if convert is None or value is None else convert(value)
    return cls(**kwargs)


Converter = Callable[[Any], Any] | None


@functools.cache
def _plan(cls: type) -> tuple[tuple[str, Converter], ...]:
    """Per field, its converter. `typing.get_type_hints` re-evaluates annotation strings on every
    call, which was 75% of the time to read 100k archive records (profiled by `index.bench`)."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls))


def _converter(tp: Any) -> Converter:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _converter(args[0]) if len(args) == 1 else None
    if origin is list:
        (inner,) = typing.get_args(tp)
        each = _converter(inner)
        if each is None:
            return list
        return lambda values: [None if v is None else each(v) for v in values]
    if isinstance(tp, type):
        if issubclass(tp, Enum):
            return functools.partial(_enum, tp, tp._value2member_map_)
        if issubclass(tp, datetime):
            return datetime.fromisoformat
        if issubclass(tp, date):
            return date.fromisoformat
        if dataclasses.is_dataclass(tp):
            return functools.partial(from_dict, tp)
    return None


def _enum(tp: type[Enum], members: dict[Any, Enum], value: Any) -> Enum:
    """`tp(value)` by dictionary lookup: calling an Enum class costs ~4 µs, a third of a record."""
    member = members.get(value)
    return member if member is not None else tp(value)
