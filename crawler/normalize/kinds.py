"""What a document is, what state a meeting is in, and what a meeting decided, from its words.

The site has no field for a document's kind: it shows in the title ("… 개최 안내", "… 결과 보고",
"… 회의록") and sometimes in 분류정보. The older meeting layout appends the status to the title
("… 소위원회 종료"); the newer one marks a cancellation with "(취소)". Decisions (가결, 보류 …)
are counted by the compliance report, so they are read out in order here.
"""

from __future__ import annotations

import re

from crawler.normalize._text import prepare
from minutes.vocabulary import DocType, MeetingStatus

__all__ = ["OUTCOMES", "doc_type_from_title", "outcomes", "status_from_title"]

# Checked in this order on the text without spaces. Minutes first: a document calling itself
# 회의록 is the minutes even when it also says 결과. Results before notices: "개최 결과 보고" is a
# result, although it contains 개최.
_DOC_TYPE_WORDS: tuple[tuple[DocType, tuple[str, ...]], ...] = (
    (DocType.MINUTES, ("회의록", "속기록")),
    (
        DocType.RESULT,
        ("결과보고", "심의결과", "회의결과", "의결결과", "개최결과", "결과통보", "자문결과"),
    ),
    (DocType.NOTICE, ("개최안내", "회의개최", "개최계획", "소집", "개최")),
)


def doc_type_from_title(title: str | None, classification: str | None = "") -> DocType:
    """The kind of an approval document or attachment; MATERIAL when nothing says otherwise.

    The title decides; the classification (분류정보) is read only when the title says nothing.
    Never returns MEETING: that type is the meeting page itself.
    """
    for text in (title, classification):
        found = _doc_type_in(prepare(text))
        if found is not None:
            return found
    return DocType.MATERIAL


def _doc_type_in(text: str) -> DocType | None:
    compact = re.sub(r"\s+", "", text)
    for doc_type, words in _DOC_TYPE_WORDS:
        if any(word in compact for word in words):
            return doc_type
    return None


_STATUS_WORDS = {"종료": MeetingStatus.HELD, "예정": MeetingStatus.SCHEDULED, "취소": MeetingStatus.CANCELLED}
_BRACKETED_STATUS = r"[(\[（［]\s*(?P<word>취소|종료|예정)\s*[)\]）］]"
_STATUS_AT_END = re.compile(rf"(?:\s*{_BRACKETED_STATUS}|\s+(?P<bare>취소|종료|예정))$")
_STATUS_AT_START = re.compile(rf"^{_BRACKETED_STATUS}\s*")


def status_from_title(title: str | None) -> tuple[str, MeetingStatus]:
    """Split a meeting title into the title proper and the status the site appended to it.

    "2020년 제5차 도시공원위원회 소위원회 종료" → ("2020년 제5차 도시공원위원회 소위원회", HELD);
    "… (취소)" → CANCELLED (also "[취소]", and at the start). A bare status word must be separated
    by a space, so a name that merely ends in those syllables is left alone. No status → UNKNOWN.
    """
    cleaned = prepare(title)
    for pattern in (_STATUS_AT_END, _STATUS_AT_START):
        found = pattern.search(cleaned)
        if found:
            word = found["word"] or found.groupdict().get("bare")
            rest = (cleaned[: found.start()] + " " + cleaned[found.end() :]).strip()
            return rest, _STATUS_WORDS[word]
    return cleaned, MeetingStatus.UNKNOWN


OUTCOMES = ("가결", "원안가결", "수정가결", "조건부가결", "보류", "부결", "재심의")
"""The decisions `outcomes` reports, in their normalised spelling."""

# Longer forms first so that 가결 inside 원안가결 is not counted again. 보류지 (land reserved in a
# readjustment scheme), 가결정 (a provisional decision) and 가부결정 are different words.
_OUTCOME = re.compile(r"원안\s?가결|수정\s?가결|조건부\s?가결|재심의|부결(?!정)|가결(?!정)|보류(?!지)")


def outcomes(text: str | None) -> list[str]:
    """Every decision named in `text`, in order of appearance, one entry per mention.

    A result report lists one decision per agenda item, so repeats are kept: "1. 가결 2. 가결" →
    ["가결", "가결"]. Spellings are normalised: "조건부 가결" → "조건부가결".
    """
    return [re.sub(r"\s+", "", m.group(0)) for m in _OUTCOME.finditer(prepare(text))]
