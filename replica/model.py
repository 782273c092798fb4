"""The replica's own picture of the city's site: committees, meetings, approval documents, files.

These dataclasses are what the pages are rendered from, not what the crawler archives: the crawler
must rediscover everything from markup. They also carry the ground truth the pages only hint at
(each committee's disclosure behaviour, each meeting's real dates), so tests and compliance reports
can be checked against what the replica meant to show.

Tests may mutate these objects between two requests (change a place, a title); the server renders
from them on every request. Changes that move things between pages or indexes (removing a meeting,
changing a registration time or a key) go through `Site.remove_meeting()` or `Site.reindex()`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from minutes.vocabulary import Category


class Behaviour(StrEnum):
    """How a committee discloses: the thing a compliance report should find out."""

    PROMPT = "prompt"  # notice 5-14 days ahead, result and minutes within 1-5 days, public
    LATE = "late"  # notice 0-4 days ahead, result 15-120 days after
    NEVER = "never"  # meetings listed, maybe a notice, never a result or minutes
    CLOSED = "closed"  # closed by law: result and minutes 비공개 (ground 1 or 6)
    PARTIAL = "partial"  # result and minutes 부분공개(5)/(6), some attachments withheld
    VIEWING = "viewing"  # results online, minutes only viewable on application (열람)


class Trait(StrEnum):
    """Further habits a committee may have, independent of its behaviour."""

    DORMANT = "dormant"  # whole years without a meeting
    INFREQUENT = "infrequent"  # meets less than quarterly
    MISSING_FIELDS = "missing-fields"  # some meeting pages lack the 장소 or 안건 row
    UNDATED_ENTRIES = "undated-entries"  # some list entries show no 등록일
    NO_OFFICIAL = "no-official"  # notices omit the responsible official's name and phone


class Status(StrEnum):
    """A meeting's status, spelled as the site shows it."""

    HELD = "종료"
    SCHEDULED = "예정"
    CANCELLED = "취소"


class Layout(StrEnum):
    NEW = "new"  # /proceeding/{nid}
    OLD = "old"  # /proceeding/info/{code}


class DocKind(StrEnum):
    NOTICE = "notice"  # …개최 안내
    RESULT = "result"  # …결과 보고 / 결과보고 / 심의결과 통보
    MINUTES = "minutes"  # …회의록


class FileKind(StrEnum):
    HWPX = "hwpx"
    HWP = "hwp"
    PDF = "pdf"
    XLSX = "xlsx"


class Role(StrEnum):
    """What an attachment holds, which decides the prose written into it."""

    BODY = "body"  # 결재문서본문: the approval document's own text
    MINUTES = "minutes"  # the minutes themselves
    MATERIAL = "material"  # a plan or meeting material (PDF)
    TABLE = "table"  # a supporting table (XLSX)
    ROSTER = "roster"  # member list and allowances: the usual withheld attachment


@dataclass(slots=True)
class Attachment:
    rid: str  # "F" + 13 digits
    name: str
    kind: FileKind
    role: Role
    owner_nid: int  # the approval document's or the meeting's nid: the download URL carries it
    public: bool = True  # False: listed greyed as 비공개 문서, no link
    broken: bool = False  # the download answers 200 with the body "error"
    password: bool = False  # HWP 5 with a password
    distribution: bool = False  # HWP 5 distribution document (encrypted body)


@dataclass(slots=True)
class Document:
    """An approval document (결재문서) at /sanction/{nid}."""

    nid: int
    kind: DocKind
    title: str
    meeting_key: str
    produced: datetime  # 생산일자: when it was posted
    department: str
    doc_number: str  # "역사문화재과-12594"
    disclosure: str  # 공개 / 부분공개 / 비공개
    ground: int | None  # Article 9(1) subparagraph when withheld in part or whole
    retention: str  # 보존기간
    author: str
    author_phone: str
    management_no: str  # 관리번호
    classification: str  # 분류정보
    encoding: str = "utf-8"  # "utf-8" or "euc-kr"
    date_style: str = "dash"  # how 생산일자 is written (see formats.day_text)
    attachments: list[Attachment] = field(default_factory=list)

    @property
    def disclosure_header(self) -> str:
        """The 공개여부 text of the document header: 대시민공개, 부분공개(5), 비공개(1)."""
        if self.disclosure == "공개":
            return "대시민공개"
        return f"{self.disclosure}({self.ground})" if self.ground else self.disclosure


@dataclass(slots=True)
class Meeting:
    nid: int  # every meeting has one (download links carry it), even on the older layout
    code: str | None  # older layout's key, e.g. J10CB200802191329000; None on the newer layout
    layout: Layout
    clsf_id: int
    title: str
    year: int
    number: int  # 제N차, per committee (and subcommittee) per year
    subcommittee: str
    start: datetime
    end: datetime | None
    when: str  # 일시 as the page shows it, in one of the site's formats
    place: str | None  # None: the page has no 장소 row
    attendees: str
    present: int  # members attending: the count 참석대상 shows
    agenda: str | None  # None: the page has no 안건 row
    agenda_counts: dict[str, int]  # items by kind (심의, 자문, 보고, …), in the order the page names them
    status: Status
    registered: datetime  # 등록일: when the entry was posted
    show_registered: bool
    registered_style: str  # how the list writes 등록일 (see formats.day_text)
    department: str
    phone: str
    encoding: str = "utf-8"
    cancel_note: str = ""
    documents: list[Document] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)  # 회의자료

    @property
    def agenda_total(self) -> int:
        return sum(self.agenda_counts.values())

    @property
    def key(self) -> str:
        """The key in the meeting's URL: the code on the older layout, else the nid."""
        return self.code if self.layout is Layout.OLD and self.code else str(self.nid)

    @property
    def path(self) -> str:
        if self.layout is Layout.OLD and self.code:
            return f"/proceeding/info/{self.code}"
        return f"/proceeding/{self.nid}"


@dataclass(slots=True)
class Committee:
    clsf_id: int
    name: str
    category: Category
    department: str
    phone: str  # as the committee page shows it: "02-2133-2081" or "2133-2081"
    functions: list[str]
    legal_basis: str
    term: str
    established: date
    members_label: str
    member_count: int
    kind: str  # 심의, 자문, 심의·자문, …
    behaviour: Behaviour
    traits: frozenset[Trait]
    real: bool  # from the list of committees seen in real sources
    minutes_note: str = ""
    closing_law: str = ""  # closed by law: the law the committee page names
    closed_ground: int | None = None
    title_style: str = "year"  # "year": 2022년 제4차 …; "plain": 제12차 …
    subcommittees: tuple[str, ...] = ()
    former_departments: tuple[tuple[int, str], ...] = ()  # (last year, department) before today's
    lane: int = 0  # 0-399: keeps this committee's nids apart from everyone else's
    source_url: str = ""

    @property
    def demo(self) -> bool:
        """A committee the replica made up, labelled 가상 위원회(데모) on its pages."""
        return not self.real

    @property
    def path(self) -> str:
        return f"/proceeding/cmit_view?clsf_id={self.clsf_id}"

    def department_in(self, year: int) -> str:
        for last_year, name in self.former_departments:
            if year <= last_year:
                return name
        return self.department
