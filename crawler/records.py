"""The one normalising step: raw items (strings as the site shows them) → domain records.

Everything the index, portal and compliance reports rely on is decided here: dates in Asia/Seoul,
the eleven category ids with the spelling seen kept, statuses, counts, disclosure levels with their
Article 9(1) ground, and deterministic ids that survive re-crawls.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qs, urlsplit

from crawler.items import RawAttachment, RawCommittee, RawListing, RawMeeting, RawSanction
from crawler.normalize.categories import category_from_path
from crawler.normalize.contacts import normalise_phone, split_basis_term, split_department_phone
from crawler.normalize.counts import agenda_count, attendee_count
from crawler.normalize.dates import parse_date, parse_when, posted_datetime
from crawler.normalize.disclosure import parse_disclosure
from crawler.normalize.kinds import doc_type_from_title, status_from_title
from crawler.parsing.committee import clsf_id_of
from crawler.parsing.html import find_value
from crawler.parsing.meeting import meeting_key
from crawler.parsing.sanction import sanction_key
from minutes.domain import Committee, DisclosureStatus, Document, Meeting, stable_id
from minutes.vocabulary import Category, Disclosure, DocType, MeetingStatus, clean_text

# Fields a meeting page should carry; their absence is counted (and later judged by the guideline).
MEETING_FIELDS = ("일시", "장소", "참석대상", "안건")
# "…회의록은 비공개", "…에 따라 공개하지 아니합니다", "공개하지 않습니다": minutes closed by a law.
_CLOSED_NOTE = re.compile(r"비\s*공개|공개\s*하지\s*(?:아니|않)|공개\s*대상이\s*아닙")
_LAW = re.compile(r"법|조례|규정|규칙")


def closed_by_law(note: str) -> bool:
    """Whether a committee page says a law keeps its minutes closed (partial disclosure is not closed)."""
    return bool(note and _CLOSED_NOTE.search(note) and _LAW.search(note) and "부분공개" not in note)


def committee_id_for(clsf_id: str) -> str:
    return stable_id("cmit", clsf_id)


def meeting_id_for(url: str) -> str | None:
    key = meeting_key(url)
    return stable_id("mtg", key[1]) if key else None


def document_id_for(url: str) -> str | None:
    key = sanction_key(url)
    return stable_id("doc", key) if key else None


def file_key(url: str, parent_url: str, name: str) -> str:
    """The attachment's own id (rid) when the site gives one; a hash of where it was listed otherwise."""
    if url:
        rid = parse_qs(urlsplit(url).query).get("rid")
        if rid and rid[0].isalnum():
            return rid[0]
        return hashlib.sha256(url.encode("utf-8")).hexdigest()[:20]
    return hashlib.sha256(f"{parent_url}\n{name}".encode()).hexdigest()[:20]


def file_id_for(url: str, parent_url: str, name: str) -> str:
    return stable_id("file", file_key(url, parent_url, name))


def material_id_for(url: str, parent_url: str, name: str) -> str:
    return stable_id("mat", file_key(url, parent_url, name))


# ---------------------------------------------------------------------------------------------


def committee_from_raw(raw: RawCommittee) -> Committee:
    rows = raw.rows
    department, phone = split_department_phone(find_value(rows, "담당부서(연락처)", "담당부서"))
    basis, term = split_basis_term(find_value(rows, "설치근거/임기", "설치근거"))
    term = term or find_value(rows, "임기")
    category_seen = raw.category_seen or raw.roster_category_seen
    note = clean_text(raw.minutes_note)
    return Committee(
        committee_id=committee_id_for(raw.clsf_id),
        source_key=raw.clsf_id,
        name=clean_text(raw.name),
        source_url=raw.url,
        category=Category.from_label(category_seen) if category_seen else None,
        category_seen=clean_text(category_seen),
        functions=[clean_text(f) for f in raw.functions if clean_text(f)],
        legal_basis=basis,
        term=term,
        department=department,
        phone=normalise_phone(phone) if phone else "",
        members=find_value(rows, "위원 명단", "위원명단"),
        minutes_note=note,
        closed_by_law=closed_by_law(note),
        established=parse_date(find_value(rows, "구성일자", "설치일자")),
        demo=raw.demo,
    )


def meeting_from_raw(raw: RawMeeting) -> tuple[Meeting, list[str]]:
    """The meeting, and the names of the standard fields its page did not show."""
    fields = raw.fields
    title, status = status_from_title(raw.title)
    if raw.cancel_note and status is MeetingStatus.UNKNOWN:
        status = MeetingStatus.CANCELLED
    when_seen = find_value(fields, "일시", "회의일시")
    when = parse_when(when_seen)
    category, category_seen, committee_from_path = category_from_path(find_value(fields, "회의분류"))
    attendees = find_value(fields, "참석대상", "참석자")
    agenda = find_value(fields, "안건")
    department, phone = split_department_phone(find_value(fields, "제공부서", "담당부서"))
    phone = find_value(fields, "전화번호") or phone
    clsf = clsf_id_of(raw.committee_url) if raw.committee_url else None
    committee_name = raw.committee_name or (committee_from_path if raw.layout == "new" else "")
    meeting = Meeting(
        meeting_id=stable_id("mtg", raw.source_key),
        source_key=raw.source_key,
        layout=raw.layout,
        title=title,
        source_url=raw.url,
        committee_id=committee_id_for(clsf) if clsf else None,
        committee_name=clean_text(committee_name),
        status=status,
        status_seen=status.label_ko if status is not MeetingStatus.UNKNOWN else "",
        start=when.start if when else None,
        end=when.end if when else None,
        when_seen=when_seen,
        place=find_value(fields, "장소", "회의장소"),
        attendees=attendees,
        attendee_count=attendee_count(attendees),
        agenda=agenda,
        agenda_count=agenda_count(agenda),
        legal_basis=find_value(fields, "설치근거"),
        category=category,
        category_seen=category_seen,
        department=department,
        phone=normalise_phone(phone) if phone else "",
        cancel_note=clean_text(raw.cancel_note),
        document_ids=[d for d in (document_id_for(url) for url, _ in raw.sanctions) if d]
        + [material_id_for(a.url or "", raw.url, a.name) for a in raw.attachments],
        demo=raw.demo,
    )
    missing = [label for label in MEETING_FIELDS if not find_value(fields, label)]
    return meeting, missing


def apply_listing(meeting: Meeting, listing: RawListing) -> Meeting:
    """Join what the meeting list shows (the posting date, the list's status) into the meeting."""
    meeting.posted_seen = listing.posted_seen
    meeting.posted_at = posted_datetime(listing.posted_seen)
    if meeting.status is MeetingStatus.UNKNOWN:
        meeting.status = MeetingStatus.from_label(listing.status_seen)
        meeting.status_seen = meeting.status_seen or listing.status_seen
    return meeting


def meeting_from_listing(listing: RawListing) -> Meeting | None:
    """A meeting known only from the list, because its own page could not be fetched."""
    key = meeting_key(listing.meeting_url)
    if key is None:
        return None
    when = parse_when(listing.when_seen)
    title, status = status_from_title(listing.title)
    category = Category.from_label(listing.category_seen) if listing.category_seen else None
    meeting = Meeting(
        meeting_id=stable_id("mtg", key[1]),
        source_key=key[1],
        layout=key[0],
        title=title,
        source_url=listing.meeting_url,
        status=status if status is not MeetingStatus.UNKNOWN else MeetingStatus.from_label(listing.status_seen),
        status_seen=listing.status_seen,
        start=when.start if when else None,
        end=when.end if when else None,
        when_seen=listing.when_seen,
        category=category,
        category_seen=listing.category_seen,
        department=listing.department_seen,
    )
    return apply_listing(meeting, listing)


def document_from_sanction(raw: RawSanction) -> Document:
    info = raw.info
    disclosure = _disclosure(raw.disclosure_seen, find_value(info, "공개구분", "공개여부"))
    produced_seen = find_value(info, "생산일자", "등록일")
    classification = find_value(info, "분류정보")
    return Document(
        document_id=stable_id("doc", raw.source_key),
        meeting_id=meeting_id_for(raw.meeting_url) if raw.meeting_url else None,
        doc_type=doc_type_from_title(raw.title, classification),
        title=clean_text(raw.title),
        source_url=raw.url,
        source_key=raw.source_key,
        disclosure=disclosure,
        produced_at=posted_datetime(produced_seen),
        produced_seen=produced_seen,
        organisation=find_value(info, "기관명"),
        department=find_value(info, "부서명"),
        doc_number=find_value(info, "문서번호"),
        retention=find_value(info, "보존기간"),
        author=find_value(info, "작성자(전화번호)", "작성자"),
        classification=classification,
        body_text=clean_text(raw.body_text),
        file_ids=[file_id_for(a.url or "", raw.url, a.name) for a in raw.attachments],
        demo=raw.demo,
    )


def _disclosure(header: str, table: str) -> DisclosureStatus | None:
    """The header's 공개여부 carries the ground number ("부분공개(5)"); the table's 공개구분 may not."""
    head = parse_disclosure(header) if header else None
    body = parse_disclosure(table) if table else None
    if head and body and head.ground is None and body.ground is not None:
        return body
    return head or body


def material_from_attachment(att: RawAttachment, meeting: Meeting) -> Document:
    """A meeting-page attachment (회의자료) as a document of its own, so it is searchable and counted."""
    level = Disclosure.PUBLIC if att.public else Disclosure.CLOSED
    return Document(
        document_id=material_id_for(att.url or "", meeting.source_url, att.name),
        meeting_id=meeting.meeting_id,
        committee_id=meeting.committee_id,
        doc_type=DocType.MATERIAL,
        title=clean_text(att.name),
        source_url=att.url or meeting.source_url,
        disclosure=DisclosureStatus(level, None, "공개" if att.public else "비공개 문서"),
        file_ids=[file_id_for(att.url or "", meeting.source_url, att.name)],
        demo=meeting.demo,
    )
