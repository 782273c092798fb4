"""A small literal archive for index tests: real-looking Korean committee records, written as the
crawler writes them (`ArchiveStore.put` of `to_dict(record)` envelopes, text in the text store).

Each text is chosen for a case: compounds (도시계획위원회, 교통약자이동편의증진위원회), particles
(회의록을), mixed script (조례 제24조, VE), full-width forms, a phrase, a must-not-match
(의결 is not in "회의 결과"), markup that must come back escaped, and a document without a meeting.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from minutes.archive import Archive
from minutes.domain import (
    SEOUL,
    Committee,
    DisclosureStatus,
    Document,
    FileRecord,
    Meeting,
    to_dict,
)
from minutes.vocabulary import Category, Disclosure, DocType, FileStatus, MeetingStatus

SEEN = datetime(2026, 11, 1, 9, 0, tzinfo=SEOUL)


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=SEOUL)


COMMITTEES = [
    Committee("cmit-1", "1", "도시계획위원회", "https://example.test/c/1", Category.HOUSING_URBAN_PLANNING),
    Committee("cmit-2", "2", "교통약자이동편의증진위원회", "https://example.test/c/2", Category.TRANSPORT_CONSTRUCTION),
    Committee("cmit-3", "3", "문화재위원회", "https://example.test/c/3", Category.CULTURE_TOURISM),
]


def _meeting(mid: str, cid: str, title: str, start: datetime, **kw: object) -> Meeting:
    committee = next(c for c in COMMITTEES if c.committee_id == cid)
    return Meeting(
        meeting_id=mid,
        source_key=mid.removeprefix("mtg-"),
        layout="new",
        title=title,
        source_url=f"https://example.test/proceeding/{mid}",
        committee_id=cid,
        committee_name=committee.name,
        status=kw.pop("status", MeetingStatus.HELD),  # type: ignore[arg-type]
        start=start,
        category=committee.category,
        posted_at=kw.pop("posted_at", start),  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )


MEETINGS = [
    _meeting("mtg-1", "cmit-1", "2024년 제3차 도시계획위원회", at(2024, 3, 5, 14), place="서울시청 본관 회의실"),
    _meeting("mtg-2", "cmit-2", "2023년 제1차 교통약자이동편의증진위원회", at(2023, 5, 10, 10), place="별관 2층"),
    _meeting("mtg-3", "cmit-3", "2022년 제4차 문화재위원회(건축분과)", at(2022, 11, 20, 15), place="서소문청사"),
    _meeting(
        "mtg-4", "cmit-1", "2024년 제5차 도시계획위원회", at(2024, 6, 1, 10), status=MeetingStatus.CANCELLED,
        cancel_note="안건 보완 필요",
    ),
    _meeting("mtg-5", "cmit-2", "2024년 제1차 교통약자이동편의증진위원회", at(2024, 2, 1, 14), place="시청 소회의실"),
]  # fmt: skip


@dataclass
class Doc:
    """An archive Document and the texts of its files."""

    document: Document
    texts: list[str] = field(default_factory=list)


def _doc(did: str, mid: str | None, doc_type: DocType, title: str, level: Disclosure, posted: datetime,
         *texts: str, body: str = "") -> Doc:  # fmt: skip
    return Doc(
        Document(
            document_id=did,
            meeting_id=mid,
            doc_type=doc_type,
            title=title,
            source_url=f"https://example.test/sanction/{did}",
            disclosure=DisclosureStatus(level, 5 if level is Disclosure.PARTIAL else None, level.label_ko),
            produced_at=posted,
            body_text=body,
        ),
        list(texts),
    )


DOCS = [
    _doc("doc-11", "mtg-1", DocType.NOTICE, "2024년 제3차 도시계획위원회 개최 안내", Disclosure.PUBLIC, at(2024, 2, 26),
         "「서울특별시 도시계획 조례」에 따라 다음과 같이 회의를 개최하고자 합니다. 안건: 용도지역 변경 결정(안)"),
    _doc("doc-12", "mtg-1", DocType.MINUTES, "2024년 제3차 도시계획위원회 회의록", Disclosure.PUBLIC, at(2024, 3, 8),
         "○위원장 김영수: 성원이 되었으므로 회의를 개회하겠습니다.\n"
         "○위원 이민정: 서울특별시 도시공원 조례 제24조에 따른 기부채납 비율을 확인해 주십시오.\n"
         "○위원장 김영수: 안건 제1호를 원안대로 의결하고자 합니다. 원안가결되었음을 선포합니다."),
    _doc("doc-13", "mtg-1", DocType.RESULT, "2024년 제3차 도시계획위원회 심의결과", Disclosure.PUBLIC, at(2024, 3, 7),
         "심의 결과: 원안가결 1건, 조건부 가결 1건"),
    _doc("doc-21", "mtg-2", DocType.RESULT, "2023년 제1차 교통약자이동편의증진위원회 결과 보고", Disclosure.PARTIAL,
         at(2023, 5, 20), "회의 결과를 다음과 같이 보고합니다. 저상버스 도입 계획 VE 검토를 자문함."),
    _doc("doc-22", "mtg-2", DocType.MINUTES, "교통약자 이동편의 회의록", Disclosure.CLOSED, at(2023, 5, 25)),
    _doc("doc-31", "mtg-3", DocType.MINUTES, "2022년 제4차 문화재위원회 건축분과 회의록", Disclosure.PUBLIC,
         at(2022, 12, 1), "회의록을 공개합니다. 문화재 현상변경 허가 신청에 대하여 자문하였습니다."),
    _doc("doc-32", "mtg-3", DocType.MATERIAL, "회의자료", Disclosure.PUBLIC, at(2022, 11, 20),
         "검토 의견 <script>alert('x')</script> & 첨부 ＶＥ　２０２４ 보고서"),
    _doc("doc-51", "mtg-5", DocType.NOTICE, "2024년 제1차 교통약자이동편의증진위원회 개최 안내", Disclosure.PUBLIC,
         at(2024, 1, 20), "교통약자 이동편의 증진계획 심의 회의를 개최합니다."),
    _doc("doc-90", None, DocType.RESULT, "청년정책 자문 결과 통보", Disclosure.PUBLIC, at(2024, 4, 1),
         "청년 주거 지원 자문 결과를 통보합니다."),
]  # fmt: skip


def write_archive(data_dir: Path, *, meetings: list[Meeting] | None = None, docs: list[Doc] | None = None,
                  seen: datetime = SEEN) -> Archive:  # fmt: skip
    """Write (or add to) the literal archive under `data_dir` and return it opened read-only."""
    archive = Archive(data_dir, writable=True)
    store = archive.store
    for committee in COMMITTEES:
        store.put("committees", committee.committee_id, to_dict(committee), seen_at=seen)
    for meeting in MEETINGS if meetings is None else meetings:
        store.put("meetings", meeting.meeting_id, to_dict(meeting), seen_at=seen)
    for item in DOCS if docs is None else docs:
        put_doc(archive, item, seen=seen)
    archive.close()
    return Archive(data_dir)


def put_doc(archive: Archive, item: Doc, *, seen: datetime = SEEN) -> None:
    document = item.document
    file_ids = []
    for i, text in enumerate(item.texts):
        sha = archive.texts.put(text.encode("utf-8"))
        record = FileRecord(
            file_id=f"file-{document.document_id}-{i}",
            document_id=document.document_id,
            meeting_id=document.meeting_id,
            name=f"{document.title}.hwp",
            status=FileStatus.OK,
            text_path=f"text/{archive.texts.relpath(sha)}",
            text_chars=len(text),
        )
        archive.store.put("files", record.file_id, to_dict(record), seen_at=seen)
        file_ids.append(record.file_id)
    document.file_ids = file_ids
    archive.store.put("documents", document.document_id, to_dict(document), seen_at=seen)


def searchable_texts(archive: Archive) -> dict[str, tuple[Meeting | None, Document | None, str]]:
    """doc id → (meeting, document, title + text, NFKC): the ground truth tests count from."""
    meetings = {m.meeting_id: m for m in archive.all(Meeting)}
    files = list(archive.all(FileRecord))
    out: dict[str, tuple[Meeting | None, Document | None, str]] = {}
    for meeting in meetings.values():
        parts = [meeting.title, meeting.committee_name, meeting.place, meeting.cancel_note]
        out[f"page:{meeting.meeting_id}"] = (meeting, None, _norm(" ".join(p for p in parts if p)))
    for document in archive.all(Document):
        texts = [archive.text_of(f) for f in files if f.document_id == document.document_id]
        meeting = meetings.get(document.meeting_id or "")
        out[document.document_id] = (meeting, document, _norm(" ".join([document.title, *texts])))
    return out


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text)
