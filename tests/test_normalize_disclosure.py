"""Disclosure level and Article 9(1) ground from 공개구분 / 공개여부 values."""

from __future__ import annotations

import pytest

from crawler.normalize.disclosure import parse_disclosure
from minutes.domain import DisclosureStatus
from minutes.vocabulary import Disclosure

PUBLIC, PARTIAL, CLOSED = Disclosure.PUBLIC, Disclosure.PARTIAL, Disclosure.CLOSED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("공개", DisclosureStatus(PUBLIC, None, "공개")),
        ("대시민공개", DisclosureStatus(PUBLIC, None, "대시민공개")),
        ("부분공개(5)", DisclosureStatus(PARTIAL, 5, "부분공개(5)")),
        ("부분공개(6)", DisclosureStatus(PARTIAL, 6, "부분공개(6)")),
        ("부분공개 (6)", DisclosureStatus(PARTIAL, 6, "부분공개 (6)")),
        ("부분공개", DisclosureStatus(PARTIAL, None, "부분공개")),
        ("부분 공개", DisclosureStatus(PARTIAL, None, "부분 공개")),
        ("비공개", DisclosureStatus(CLOSED, None, "비공개")),
        ("비공개(1)", DisclosureStatus(CLOSED, 1, "비공개(1)")),
        ("비공개(8)", DisclosureStatus(CLOSED, 8, "비공개(8)")),
        ("비공개(제9조제1항제6호)", DisclosureStatus(CLOSED, 6, "비공개(제9조제1항제6호)")),
        ("비공개 (제9조 제1항 제6호)", DisclosureStatus(CLOSED, 6, "비공개 (제9조 제1항 제6호)")),
        ("비공개(6호)", DisclosureStatus(CLOSED, 6, "비공개(6호)")),
        ("비공개 문서", DisclosureStatus(CLOSED, None, "비공개")),
        ("미공개", DisclosureStatus(CLOSED, None, "미공개")),
        # labels in front are not levels
        ("공개여부: 부분공개(5)", DisclosureStatus(PARTIAL, 5, "부분공개(5)")),
        ("공개여부 : 대시민공개", DisclosureStatus(PUBLIC, None, "대시민공개")),
        ("공개구분 비공개(7)", DisclosureStatus(CLOSED, 7, "비공개(7)")),
        # full-width parentheses and digits
        ("부분공개（５）", DisclosureStatus(PARTIAL, 5, "부분공개(5)")),
        ("비공개（１）", DisclosureStatus(CLOSED, 1, "비공개(1)")),
        # several grounds: the first is kept, all are seen
        ("부분공개(5, 6)", DisclosureStatus(PARTIAL, 5, "부분공개(5, 6)")),
        # out-of-range numbers are no ground, but the words are kept
        ("부분공개(9)", DisclosureStatus(PARTIAL, None, "부분공개(9)")),
        ("비공개(0)", DisclosureStatus(CLOSED, None, "비공개(0)")),
        ("비공개(제9조제1항제12호)", DisclosureStatus(CLOSED, None, "비공개(제9조제1항제12호)")),
        # an article without a subparagraph names no ground: 9 and 1 are not grounds
        ("비공개(제9조제1항)", DisclosureStatus(CLOSED, None, "비공개(제9조제1항)")),
        # a public document has no ground
        ("공개(5)", DisclosureStatus(PUBLIC, None, "공개(5)")),
    ],
)
def test_parse_disclosure(text: str, expected: DisclosureStatus) -> None:
    assert parse_disclosure(text) == expected


@pytest.mark.parametrize("text", [None, "", "   ", "Ã¬Â…", "ê³µê°œ", "확인 중", "5", "(5)"])
def test_parse_disclosure_bad_input(text: str | None) -> None:
    assert parse_disclosure(text) is None
