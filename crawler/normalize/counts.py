"""How many people attend and how many agenda items a meeting has, from the page's own phrasing.

The 참석대상 and 안건 cells are free text ("문화재위원회(건축분과) 위원 7명", "1. 총 6건(심의 6건)").
Counts are what the compliance report and the portal compare across meetings, so each phrasing
is read here once. When the text states no count, the answer is None, never a guess.
"""

from __future__ import annotations

import re
import unicodedata

from crawler.normalize._text import prepare, prepare_compat

__all__ = ["AGENDA_KINDS", "agenda_count", "agenda_kinds", "attendee_count"]

AGENDA_KINDS = ("심의", "자문", "의결", "보고")
"""The kinds of agenda item the site counts separately (review, advice, resolution, report)."""

_PEOPLE = r"(?P<n>[0-9]{1,4})\s*(?:명|인(?![가-힣]))"
# "9명 참석", "9명이 출석" / "참석 9명", "출석위원 9명", "참석인원: 9명"
_ATTENDING = (
    re.compile(_PEOPLE + r"\s*(?:이\s*|만\s*)?(?:참석|출석)"),
    re.compile(r"(?:참석|출석)(?!대상)[가-힣]{0,3}\s*:?\s*" + _PEOPLE),
)
# "위원 12명 중 9명": the number after 중 is the part that attends.
_SUBSET = re.compile(r"[0-9]{1,4}\s*(?:명|인)\s*중\s*" + _PEOPLE)
# "위원장 외 6명": one named person plus six.
_PLUS_ONE = re.compile(r"^[^0-9]*[^0-9\s]\s*외\s*" + _PEOPLE + r"[^0-9]*$")
_COUNT = re.compile(_PEOPLE)
_PARENS = re.compile(r"\([^()]*\)")
_BARE_NUMBER = re.compile(r"[0-9]{1,4}")


def attendee_count(text: str | None) -> int | None:
    """The number of people a meeting is for, read from the 참석대상 cell.

    The cell names a count, not people. Rules, in order:
    - a number tied to 참석/출석 ("위원 12명 중 9명 참석", "출석위원 9명") is who attended: 9;
    - "N명 중 M명" without that word also means M of N attend: M;
    - "위원장 외 6명" is the named person plus six: 7;
    - otherwise the counts outside parentheses, added up ("내부위원 1명, 외부위원 14명" → 15),
      since a parenthesis holds a breakdown of the total before it
      ("15명(내부위원 1, 외부위원 14)" → 15); only when there is no count outside is the one
      inside used;
    - a bare number ("7") is taken as the count. No number → None.
    """
    cleaned = prepare_compat(text)
    if not cleaned:
        return None
    for pattern in _ATTENDING:
        found = pattern.search(cleaned)
        if found:
            return int(found["n"])
    found = _SUBSET.search(cleaned)
    if found:
        return int(found["n"])
    found = _PLUS_ONE.match(cleaned)
    if found:
        return int(found["n"]) + 1
    outside = _PARENS.sub(" ", cleaned)
    counts = [int(m["n"]) for m in _COUNT.finditer(outside)]
    if not counts:
        counts = [int(m["n"]) for m in _COUNT.finditer(cleaned)]
    if counts:
        return sum(counts)
    if _BARE_NUMBER.fullmatch(cleaned):
        return int(cleaned)
    return None


_TOTAL = re.compile(r"(?:총|합계|전체)\s*:?\s*(?P<n>[0-9]{1,4})\s*(?:건|개)")
_KIND = re.compile(r"(?P<kind>심의|자문|의결|보고)(?:\s*안건)?\s*:?\s*(?P<n>[0-9]{1,4})\s*(?:건|(?=\s*[),;/·]|\s*$))")
_ITEMS = re.compile(r"(?<![0-9])(?P<n>[0-9]{1,4})\s*건")

# Numbered agenda items: "1. …", "1) …", "(1) …", "가. …", "① …" (circled digits are read before
# NFKC, which would turn them into plain digits).
_NUMBERED = re.compile(r"(?:^|(?<=\s))(?:\((?P<p>[0-9]{1,2})\)|(?P<n>[0-9]{1,2})[.)])(?=\s|[^0-9\s.])")
_HANGUL_ORDER = "가나다라마바사아자차카타파하"
_HANGUL_NUMBERED = re.compile(rf"(?:^|(?<=\s))(?P<h>[{_HANGUL_ORDER}])[.)](?=\s)")
_CIRCLED = re.compile(r"[\u2460-\u2473]")
# Dates inside an item ("2024. 3. 5.") would otherwise read as items 3 and 5.
_DATE_LIKE = re.compile(r"[0-9]{4}\s*[-./]\s*[0-9]{1,2}\s*[-./]\s*[0-9]{1,2}\s*\.?")


def agenda_count(text: str | None) -> int | None:
    """The number of agenda items, read from the 안건 cell.

    A stated total wins ("1. 총 6건(심의 6건)" → 6, "총 3건 (자문 3)" → 3); then per-kind counts
    added up ("심의 3건, 보고 1건" → 4); then a lone "N건"; then the items of a numbered list
    ("1. … 2. … 3. …" → 3, also "(1)", "가.", "①"). A list is counted at its top level only, as
    the longest run 1, 2, 3 … in order. No count and no list → None: an unnumbered title may be
    one item or a summary, and a guess would skew the statistics.
    """
    cleaned = prepare_compat(text)
    if not cleaned:
        return None
    found = _TOTAL.search(cleaned)
    if found:
        return int(found["n"])
    kinds = agenda_kinds(cleaned)
    if kinds:
        return sum(kinds.values())
    items = _ITEMS.findall(cleaned)
    if len(items) == 1:
        return int(items[0])
    return _list_length(text)


def agenda_kinds(text: str | None) -> dict[str, int]:
    """Counts per kind of agenda item where the cell states them ("(심의 6건)" → {"심의": 6}).

    Keys are 심의/자문/의결/보고 in order of first appearance; a kind named twice is added up.
    A kind word followed by a list number ("결과 보고 2. …") is not a count. Nothing stated → {}.
    """
    cleaned = prepare_compat(text)
    kinds: dict[str, int] = {}
    for found in _KIND.finditer(cleaned):
        kinds[found["kind"]] = kinds.get(found["kind"], 0) + int(found["n"])
    return kinds


def _list_length(text: str | None) -> int | None:
    raw = prepare(text)
    circled = _CIRCLED.findall(raw)
    best = _run_length([ord(ch) - 0x2460 + 1 for ch in circled])
    compat = _DATE_LIKE.sub(" ", unicodedata.normalize("NFKC", _CIRCLED.sub(" ", raw)))
    numbers = [int(m["p"] or m["n"]) for m in _NUMBERED.finditer(compat)]
    best = max(best, _run_length(numbers))
    letters = [_HANGUL_ORDER.index(m["h"]) + 1 for m in _HANGUL_NUMBERED.finditer(compat)]
    best = max(best, _run_length(letters))
    return best or None


def _run_length(numbers: list[int]) -> int:
    """How far the sequence 1, 2, 3 … gets, reading `numbers` in order and skipping strays."""
    expected = 1
    for number in numbers:
        if number == expected:
            expected += 1
    return expected - 1
