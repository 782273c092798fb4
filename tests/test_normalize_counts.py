"""Attendance and agenda counts from the 참석대상 and 안건 cells."""

from __future__ import annotations

import pytest

from crawler.normalize.counts import agenda_count, agenda_kinds, attendee_count

BAD_INPUTS = [None, "", "   ", "Ã¬Â…", "ìœ„ì›íšŒ", "미정"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SPEC formats
        ("위원회 위원 4인", 4),
        ("위원 7명", 7),
        ("15명(내부위원 1, 외부위원 14)", 15),
        ("문화재위원회(건축분과) 위원 7명", 7),
        # who attended, when stated, wins over the total
        ("위원 12명 중 9명 참석", 9),
        ("재적위원 12명, 출석위원 9명", 9),
        ("위원 12명 중 9명", 9),
        ("9명이 참석", 9),
        ("참석인원: 9명", 9),
        ("참석대상: 위원 7명", 7),
        # breakdowns without a total are added up
        ("내부위원 1명, 외부위원 14명", 15),
        # a named person plus others
        ("위원장 외 6명", 7),
        # the count only in parentheses
        ("도시계획위원회 (위원 25명)", 25),
        # width and spacing
        ("위원 ７ 명", 7),
        ("７", 7),
        ("위원 전원", None),
        ("문화재위원회(건축분과) 위원", None),
    ],
)
def test_attendee_count(text: str, expected: int | None) -> None:
    assert attendee_count(text) == expected


@pytest.mark.parametrize("text", BAD_INPUTS)
def test_attendee_count_bad_input(text: str | None) -> None:
    assert attendee_count(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SPEC formats
        ("1. 총 6건(심의 6건)", 6),
        ("총 3건 (자문 3)", 3),
        ("총 9건", 9),
        ("총 ９건", 9),
        ("합계 4건", 4),
        # a stated total wins over the breakdown
        ("총 6건(심의 5건, 보고 1건)", 6),
        # per-kind counts without a total
        ("심의 3건, 보고 1건", 4),
        ("6건", 6),
        # numbered lists without a total (whitespace, including line breaks, is collapsed)
        ("1. 한강공원 조성계획 변경\n2. 공원 명칭 변경\n3. 기타", 3),
        ("1) 가 2) 나", 2),
        ("(1) 가 (2) 나 (3) 다 (4) 라", 4),
        ("① 가 ② 나 ③ 다", 3),
        ("가. 하나 나. 둘", 2),
        ("1. 서울시 공원 조성계획 변경(안)", 1),
        # a date inside an item is not items 3 and 5
        ("1. 2024. 3. 5. 결정 사항 검토 2. 기타", 2),
        # a list is counted at its top level
        ("1. 심의안건 가. 갑 나. 을 2. 보고안건 가. 병", 2),
        # no count, no list
        ("서울시 공원 조성계획 변경(안)", None),
        ("결과 보고 2. 심의", None),
    ],
)
def test_agenda_count(text: str, expected: int | None) -> None:
    assert agenda_count(text) == expected


@pytest.mark.parametrize("text", BAD_INPUTS)
def test_agenda_count_bad_input(text: str | None) -> None:
    assert agenda_count(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. 총 6건(심의 6건)", {"심의": 6}),
        ("총 3건 (자문 3)", {"자문": 3}),
        ("총 9건", {}),
        ("총 6건(심의 5건, 보고 1건)", {"심의": 5, "보고": 1}),
        ("총 4건 (자문 2, 의결 2)", {"자문": 2, "의결": 2}),
        ("심의 안건 3건", {"심의": 3}),
        ("심의: 2건", {"심의": 2}),
        ("보고 1건, 심의 2건, 보고 1건", {"보고": 2, "심의": 2}),
        # a kind word followed by a list number is not a count
        ("1. 결과 보고 2. 안건 심의", {}),
        ("", {}),
        (None, {}),
        ("Ã¬Â…", {}),
    ],
)
def test_agenda_kinds(text: str | None, expected: dict[str, int]) -> None:
    result = agenda_kinds(text)
    assert result == expected
    assert list(result) == list(expected)  # order of first appearance
