"""Korean patterns for what a notice or a set of minutes must contain, as data.

Each item has a label in both languages and a test over the document's extracted text. The tests
are deliberately about wording ("일시" with a date and a time, a speaker line "○위원 …:"): they show
which required items are absent, not whether the minutes are faithful. The rule files name items by
these keys, and the lockstep test checks that every key they name exists here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

_DATE = re.compile(r"\d{4}\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]\s*\d{1,2}|\d{1,2}\s*월\s*\d{1,2}\s*일")
_TIME = re.compile(r"\d{1,2}\s*:\s*\d{2}|\d{1,2}\s*시|오전|오후")
_PLACE = re.compile(r"장\s*소|회의실|회의장|화상\s*회의|온라인|서면\s*(?:회의|심의)")
_AGENDA = re.compile(r"안\s*건|의\s*제|심의\s*사항|상\s*정")
_PHONE = re.compile(r"(?:0\d{1,2}\s*[-.)]\s*)?\d{3,4}\s*[-.]\s*\d{4}")
_NAMED_OFFICIAL = re.compile(
    r"[가-힣]{2,4}\s+(?:주무관|주임|팀장|과장|사무관|서기관|연구관|연구사|실무관)"
    r"|(?:담당자|문의처?)\s*[:：]?\s*[가-힣]{2,4}(?![가-힣])"
)
_MEETING_NAME = re.compile(r"회\s*의\s*명|제\s*\d+\s*차[^\n]{0,40}(?:회의|위원회)")
_HOST = re.compile(r"주\s*관|주\s*최|소\s*관")
_ATTENDEES = re.compile(r"참\s*석|출\s*석|배\s*석")
_PROCEEDINGS = re.compile(r"개\s*회|폐\s*회|산\s*회|(?:회의|진행)\s*순서|의사\s*일정")
_SPEAKER = re.compile(r"(?m)^\s*[○◯◎●]\s*[^:：\n]{1,30}[:：]")
_REMARKS = re.compile(r"발언\s*(?:요지|내용)|주요\s*(?:의견|발언)|논의\s*(?:내용|사항)")
_DECISIONS = re.compile(r"가\s*결|부\s*결|의\s*결|보\s*류|채\s*택|결\s*정|처리\s*결과|자문\s*의견")


@dataclass(frozen=True, slots=True)
class Context:
    """What a document is about: the meeting's title and its committee's name."""

    meeting_title: str = ""
    committee_name: str = ""


@dataclass(frozen=True, slots=True)
class Item:
    key: str
    label_ko: str
    label_en: str
    test: Callable[[str, Context], bool]


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _has_datetime(text: str, _: Context) -> bool:
    return bool(_DATE.search(text) and _TIME.search(text))


def _has(pattern: re.Pattern[str]) -> Callable[[str, Context], bool]:
    return lambda text, _: bool(pattern.search(text))


def _has_official(text: str, _: Context) -> bool:
    return bool(_PHONE.search(text) and _NAMED_OFFICIAL.search(text))


def _has_name(text: str, ctx: Context) -> bool:
    title = _squeezed(ctx.meeting_title)
    return bool((title and title in _squeezed(text)) or _MEETING_NAME.search(text))


def _has_host(text: str, ctx: Context) -> bool:
    name = _squeezed(ctx.committee_name)
    return bool((name and name in _squeezed(text)) or _HOST.search(text))


def _has_remarks(text: str, _: Context) -> bool:
    return bool(_SPEAKER.search(text) or _REMARKS.search(text))


NOTICE_ITEMS: dict[str, Item] = {
    item.key: item
    for item in (
        Item("datetime", "일시", "date and time", _has_datetime),
        Item("place", "장소", "place", _has(_PLACE)),
        Item("agenda", "안건", "agenda", _has(_AGENDA)),
        Item("official", "담당자 이름·전화번호", "official's name and phone", _has_official),
    )
}
"""What a meeting notice gives (2012 city policy)."""

MINUTES_ITEMS: dict[str, Item] = {
    item.key: item
    for item in (
        Item("name", "회의 명칭", "meeting name", _has_name),
        Item("host", "주관 기관", "host body", _has_host),
        Item("datetime", "일시", "date and time", _has_datetime),
        Item("place", "장소", "place", _has(_PLACE)),
        Item("attendees", "참석자·배석자", "attendees and staff", _has(_ATTENDEES)),
        Item("proceedings", "진행 순서", "order of proceedings", _has(_PROCEEDINGS)),
        Item("agenda", "안건", "agenda items", _has(_AGENDA)),
        Item("remarks", "발언 요지", "gist of remarks", _has_remarks),
        Item("decisions", "결정 사항·표결", "decisions and votes", _has(_DECISIONS)),
    )
}
"""What minutes state (Public Records Management Act Art. 17(2), Enforcement Decree Art. 18(2))."""


def missing_items(text: str, items: dict[str, Item], wanted: list[str], ctx: Context) -> list[str]:
    """The keys of `wanted` items the text does not show."""
    text = normalise(text)
    return [key for key in wanted if not items[key].test(text, ctx)]
