"""Raw items: the strings a page shows, as the spider found them.

Spiders only extract; `crawler.records` turns these into domain records in one normalising step, so
the site's messy formats are handled (and tested) in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class RawAttachment:
    name: str
    size_seen: str = ""
    url: str | None = None  # None when the site lists it as 비공개 문서 without a link
    public: bool = True


@dataclass(slots=True)
class RawPage:
    """A response as fetched: the archive keeps its bytes by content hash."""

    url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    encoding: str = ""
    error: str = ""  # why no usable body came back (after retries), if so
    resumed: bool = False  # served from this run's archive instead of the network


@dataclass(slots=True)
class RawCommittee:
    url: str
    clsf_id: str
    name: str = ""
    category_seen: str = ""
    rows: dict[str, str] = field(default_factory=dict)  # 위원회 상세 table, label -> text
    functions: list[str] = field(default_factory=list)
    minutes_note: str = ""
    roster_category_seen: str = ""  # the heading it was listed under on clas_all
    demo: bool = False


@dataclass(slots=True)
class RawListing:
    """One entry on the meeting list: the only place the site shows when a meeting was posted."""

    list_url: str
    meeting_url: str
    title: str = ""
    category_seen: str = ""
    status_seen: str = ""
    posted_seen: str = ""
    when_seen: str = ""
    department_seen: str = ""


@dataclass(slots=True)
class RawMeeting:
    url: str
    layout: str  # "new" (/proceeding/{nid}) or "old" (/proceeding/info/{code})
    source_key: str
    title: str = ""
    fields: dict[str, str] = field(default_factory=dict)  # 회의상세 table, label -> text
    cancel_note: str = ""
    attachments: list[RawAttachment] = field(default_factory=list)
    sanctions: list[tuple[str, str]] = field(default_factory=list)  # (url, title)
    committee_url: str = ""
    committee_name: str = ""
    committee_info: dict[str, str] = field(default_factory=dict)  # 위원회 안내 table
    demo: bool = False


@dataclass(slots=True)
class RawSanction:
    url: str
    source_key: str
    meeting_url: str = ""  # the meeting page that linked to it
    title: str = ""
    disclosure_seen: str = ""  # 공개여부 in the document header, e.g. "부분공개(5)"
    info: dict[str, str] = field(default_factory=dict)  # 문서 정보 table, label -> text
    attachments: list[RawAttachment] = field(default_factory=list)
    body_text: str = ""
    demo: bool = False


@dataclass(slots=True)
class RawFile:
    """An attachment download, or the record that it could not be fetched."""

    url: str
    name: str
    parent_url: str  # the meeting page (회의자료) or approval document that lists it
    parent_kind: str  # "meeting" or "sanction"
    body: bytes = b""
    status: int = 0
    content_type: str = ""
    size_seen: str = ""
    error: str = ""
    public: bool = True
    resumed: bool = False
