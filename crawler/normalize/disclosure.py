"""Disclosure level and legal ground (공개구분 / 공개여부) of an approval document or attachment.

The compliance report counts what the city withholds and on which ground of the Official
Information Disclosure Act, Article 9(1). The site writes it as "대시민공개", "부분공개(5)",
"비공개(제9조제1항제6호)", "비공개 문서" and with full-width parentheses; this reads them all into
`DisclosureStatus(level, ground, seen)`.
"""

from __future__ import annotations

import re

from crawler.normalize._text import prepare_compat
from minutes.domain import DisclosureStatus
from minutes.vocabulary import ARTICLE_9_GROUNDS, Disclosure

__all__ = ["parse_disclosure"]

# Field labels that contain the word 공개 themselves and must not be read as a level.
_LABEL = re.compile(r"공개\s*(?:여부|구분)\s*:?\s*")

# Tried left to right; at one position the longer words come first, so "비공개" is never "공개".
_LEVEL = re.compile(
    r"(?P<word>부분\s*공개|비\s*공개|미\s*공개|대\s*시민\s*공개|공개)"
    r"(?:\s*\(\s*(?P<ground>[^()]*?)\s*\))?"
)
_LEVELS: dict[str, Disclosure] = {
    "부분공개": Disclosure.PARTIAL,
    "비공개": Disclosure.CLOSED,
    "미공개": Disclosure.CLOSED,
    "대시민공개": Disclosure.PUBLIC,
    "공개": Disclosure.PUBLIC,
}

# "제9조제1항제6호", "9조 1항 6호", "제6호": the subparagraph is the number before 호.
_SUBPARAGRAPH = re.compile(r"(?P<n>[0-9]{1,3})\s*호")
_ARTICLE_9 = re.compile(r"제?\s*9\s*조\s*제?\s*1\s*항\s*제?\s*(?P<n>[0-9]{1,3})\s*호")
_NUMBERS_ONLY = re.compile(r"(?P<n>[0-9]{1,3})(?:\s*[,·/]\s*[0-9]{1,3})*")


def parse_disclosure(text: str | None) -> DisclosureStatus | None:
    """Read a disclosure value; None when the text names no level.

    - level: 부분공개 → partial; 비공개 (and 미공개, "not disclosed") → closed; 공개 and
      대시민공개 → public.
    - ground: the Article 9(1) subparagraph, 1 to 8, from "(5)" or "(제9조제1항제6호)", for
      partial and closed only. A number outside 1..8 is not a ground: ground None, and `seen`
      keeps what was written. With several grounds ("(5, 6)") the first is kept.
    - seen: the words matched, width-normalised ("부분공개(5)"), without a field label.
    """
    cleaned = prepare_compat(text)
    if not cleaned:
        return None
    cleaned = _LABEL.sub("", cleaned)
    found = _LEVEL.search(cleaned)
    if not found:
        return None
    level = _LEVELS[re.sub(r"\s+", "", found["word"])]
    ground: int | None = None
    if level is not Disclosure.PUBLIC:
        ground = _ground(found["ground"] or "", cleaned[found.end() :])
    return DisclosureStatus(level=level, ground=ground, seen=found.group(0))


def _ground(inside: str, after: str) -> int | None:
    number: int | None = None
    cited = _ARTICLE_9.search(inside) or _SUBPARAGRAPH.search(inside)
    if cited:
        number = int(cited["n"])
    elif listed := _NUMBERS_ONLY.fullmatch(inside):
        number = int(listed["n"])
    elif not inside and (cited := _ARTICLE_9.search(after)):
        number = int(cited["n"])
    if number in ARTICLE_9_GROUNDS:
        return number
    return None
