"""Dates and times in every format the site SPEC lists, and the inputs that must give None."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.normalize.dates import When, parse_date, parse_when, posted_datetime
from minutes.domain import SEOUL


def seoul(*args: int) -> datetime:
    return datetime(*args, tzinfo=SEOUL)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SPEC formats
        ("2022-05-26(목) 14:00", When(seoul(2022, 5, 26, 14, 0), None, True)),
        (
            "2019. 6. 27.(목) 10:00 ~ 12:00",
            When(seoul(2019, 6, 27, 10, 0), seoul(2019, 6, 27, 12, 0), True),
        ),
        ("2020.6.9.", When(seoul(2020, 6, 9), None, False)),
        ("2024. 2. 20.", When(seoul(2024, 2, 20), None, False)),
        ("20201007", When(seoul(2020, 10, 7), None, False)),
        ("20200901145417", When(seoul(2020, 9, 1, 14, 54, 17), None, True)),
        # Korean 년/월/일 with 오전/오후, 시/분
        ("2024년 3월 5일(화) 오후 2시", When(seoul(2024, 3, 5, 14, 0), None, True)),
        ("2024년 3월 5일 오후 2시 30분", When(seoul(2024, 3, 5, 14, 30), None, True)),
        ("2024년 3월 5일 화요일 오전 10시", When(seoul(2024, 3, 5, 10, 0), None, True)),
        ("2024년 3월 5일 오후 2시 반", When(seoul(2024, 3, 5, 14, 30), None, True)),
        ("2024년 3월 5일", When(seoul(2024, 3, 5), None, False)),
        ("2024년 03월 05일 14:00", When(seoul(2024, 3, 5, 14, 0), None, True)),
        # other separators and seconds
        ("2022-05-26 14:00:00", When(seoul(2022, 5, 26, 14, 0), None, True)),
        ("2022/05/26", When(seoul(2022, 5, 26), None, False)),
        ("2022-05-26", When(seoul(2022, 5, 26), None, False)),
        ("2024.3.5.14:00", When(seoul(2024, 3, 5, 14, 0), None, True)),
        ("2022-05-26 2:30 PM", When(seoul(2022, 5, 26, 14, 30), None, True)),
        ("2022-05-26T14:00:00+09:00", When(seoul(2022, 5, 26, 14, 0), None, True)),
        ("2022-05-26T05:00:00Z", When(seoul(2022, 5, 26, 14, 0), None, True)),
        # full-width digits and punctuation, stray spaces, NBSP, ideographic space
        ("２０２２－０５－２６（목）　１４：００", When(seoul(2022, 5, 26, 14, 0), None, True)),
        ("  2024 .  3 . 5 . ( 화 )   14 : 00  ", When(seoul(2024, 3, 5, 14, 0), None, True)),
        ("2024.\xa03.\xa05.", When(seoul(2024, 3, 5), None, False)),
        # the weekday is ignored even when wrong (2022-05-26 was a Thursday)
        ("2022-05-26(월) 14:00", When(seoul(2022, 5, 26, 14, 0), None, True)),
        # a field label in front, as in the list's hidden prefixes
        ("회의일시 : 2022-05-26(목) 14:00", When(seoul(2022, 5, 26, 14, 0), None, True)),
        ("등록일 : 2024. 2. 20.", When(seoul(2024, 2, 20), None, False)),
        # a note after the value is fine
        ("2024-03-05 14:00 (예정)", When(seoul(2024, 3, 5, 14, 0), None, True)),
        ("2024-03-05 14:00 서소문별관 1동 4층", When(seoul(2024, 3, 5, 14, 0), None, True)),
        # ranges
        (
            "2024. 3. 5. 10:00 ~ 2024. 3. 6. 12:00",
            When(seoul(2024, 3, 5, 10, 0), seoul(2024, 3, 6, 12, 0), True),
        ),
        (
            "2024년 3월 5일 오후 2시 ~ 4시",
            When(seoul(2024, 3, 5, 14, 0), seoul(2024, 3, 5, 16, 0), True),
        ),
        (
            "2024년 3월 5일 오전 11시 ~ 1시",
            When(seoul(2024, 3, 5, 11, 0), seoul(2024, 3, 5, 13, 0), True),
        ),
        (
            "2024년 3월 5일 오전 10시 ~ 오후 1시",
            When(seoul(2024, 3, 5, 10, 0), seoul(2024, 3, 5, 13, 0), True),
        ),
        (
            "2024-03-05 14:00-16:00",
            When(seoul(2024, 3, 5, 14, 0), seoul(2024, 3, 5, 16, 0), True),
        ),
        (
            "2024. 3. 5. 14:00부터 16:00까지",
            When(seoul(2024, 3, 5, 14, 0), seoul(2024, 3, 5, 16, 0), True),
        ),
        (
            "2024. 3. 5.(화) ~ 3. 7.(목)",
            When(seoul(2024, 3, 5), seoul(2024, 3, 7), False),
        ),
        ("2024년 3월 5일 ~ 7일", When(seoul(2024, 3, 5), seoul(2024, 3, 7), False)),
        ("2024. 12. 30. ~ 1. 2.", When(seoul(2024, 12, 30), seoul(2025, 1, 2), False)),
        # an end time earlier than the start crosses midnight into the next day ...
        (
            "2024. 3. 5. 22:00 ~ 01:00",
            When(seoul(2024, 3, 5, 22, 0), seoul(2024, 3, 6, 1, 0), True),
        ),
        # ... unless a second date is given; "24:00" is the end of the day
        (
            "2024. 3. 5. 22:00 ~ 2024. 3. 6. 01:00",
            When(seoul(2024, 3, 5, 22, 0), seoul(2024, 3, 6, 1, 0), True),
        ),
        (
            "2024. 3. 5. 10:00 ~ 24:00",
            When(seoul(2024, 3, 5, 10, 0), seoul(2024, 3, 6, 0, 0), True),
        ),
        ("2024-02-29", When(seoul(2024, 2, 29), None, False)),
        # an open-ended range has no end
        ("2022-05-26(목) 14:00 ~", When(seoul(2022, 5, 26, 14, 0), None, True)),
    ],
)
def test_parse_when_formats(text: str, expected: When) -> None:
    assert parse_when(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "   ",
        "미정",
        "추후 공지",
        "Ã¬Â…",
        "Ã¬ÂÂ¬ 2Ã¬",
        "ìœ„ì›íšŒ",
        "2024-02-30",  # no such day
        "2023-02-29",  # not a leap year
        "2024-13-01",  # month 13
        "2024-00-10",
        "2024. 3. 32.",
        "2024-03-05 25:00",  # hour 25
        "2024-03-05 14:60",
        "2024-03-05 24:00",  # 24:00 only as an end
        "2024-03-05 10:00 ~ 25:00",
        "2024-03-05 10:00 ~ 미정",  # an end that is not a time
        "2024-03-05 오전 14:00",  # 오전 contradicts 14
        "2024-03-05 오전 12시",  # read both as noon and as midnight
        "20241301",
        "2020100714",  # ten digits: no known format
        "1850-01-01",
        "2024.3",
        "제4차 문화재위원회",
        "2024. 3. 5.(화) 14:00 (1부), 16:00 (2부)",  # two times: not understood
        "02-2133-2632",
        "12345678",
    ],
)
def test_parse_when_rejects(text: str | None) -> None:
    assert parse_when(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("오전 10:00", When(seoul(2024, 3, 5, 10, 0), None, True)),
        ("오후 2시", When(seoul(2024, 3, 5, 14, 0), None, True)),
        ("14:00~16:00", When(seoul(2024, 3, 5, 14, 0), seoul(2024, 3, 5, 16, 0), True)),
        ("14:00 ~ 16:00", When(seoul(2024, 3, 5, 14, 0), seoul(2024, 3, 5, 16, 0), True)),
        # a date in the text wins over the context day
        ("2022-05-26 14:00", When(seoul(2022, 5, 26, 14, 0), None, True)),
    ],
)
def test_parse_when_time_only_takes_the_context_day(text: str, expected: When) -> None:
    assert parse_when(text, on=date(2024, 3, 5)) == expected
    assert parse_when(text, on=seoul(2024, 3, 5, 23, 0)) == expected


@pytest.mark.parametrize("text", ["오전 10:00", "14:00~16:00", "오후 2시 30분"])
def test_parse_when_time_only_without_a_day_is_none(text: str) -> None:
    assert parse_when(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-05-16", date(2019, 5, 16)),
        ("2026-07-15", date(2026, 7, 15)),
        ("2020.6.9.", date(2020, 6, 9)),
        ("20200901145417", date(2020, 9, 1)),
        ("2019. 6. 27.(목) 10:00 ~ 12:00", date(2019, 6, 27)),
        ("2024-02-30", None),
        ("", None),
        (None, None),
        ("Ã¬Â…", None),
    ],
)
def test_parse_date(text: str | None, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024. 2. 20.", seoul(2024, 2, 20, 0, 0)),
        ("20201007", seoul(2020, 10, 7, 0, 0)),
        ("2026-07-15", seoul(2026, 7, 15, 0, 0)),
        ("20200901145417", seoul(2020, 9, 1, 14, 54, 17)),
        ("등록일 : 2022-05-26 14:00", seoul(2022, 5, 26, 14, 0)),
        ("2024-13-01", None),
        ("", None),
        (None, None),
    ],
)
def test_posted_datetime(text: str | None, expected: datetime | None) -> None:
    result = posted_datetime(text)
    assert result == expected
    if result is not None:
        assert result.tzinfo is SEOUL


def test_day_only_values_are_midnight_in_seoul() -> None:
    when = parse_when("2024. 2. 20.")
    assert when is not None
    assert when.start.utcoffset() == timedelta(hours=9)
    assert when.start.isoformat() == "2024-02-20T00:00:00+09:00"
    assert not when.has_time


def test_when_is_frozen() -> None:
    when = When(seoul(2024, 3, 5))
    with pytest.raises(AttributeError):
        when.start = seoul(2024, 3, 6)  # type: ignore[misc]


_FRAGMENTS = st.sampled_from(
    [
        "2024",
        "년",
        "월",
        "일",
        ".",
        "-",
        "/",
        ":",
        "~",
        " ",
        "(목)",
        "오전",
        "오후",
        "시",
        "분",
        "반",
        "까지",
        "부터",
        "PM",
        "T",
        "Z",
        "+09:00",
        "24",
        "00",
        "99",
        "0",
        "12",
        "２",
        "：",
        "회의일시 :",
        "Ã¬Â…",
    ]
)


def _check(result: When | None) -> None:
    if result is None:
        return
    assert isinstance(result, When)
    for value in (result.start, result.end):
        if value is not None:
            assert value.tzinfo is SEOUL
            assert value.utcoffset() is not None
    assert isinstance(result.has_time, bool)


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_parse_when_never_raises_on_any_text(text: str) -> None:
    _check(parse_when(text))
    _check(parse_when(text, on=date(2024, 3, 5)))
    parse_date(text)
    posted_datetime(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_FRAGMENTS, st.integers(0, 99).map(str)), max_size=14).map("".join))
def test_parse_when_never_raises_on_date_like_text(text: str) -> None:
    _check(parse_when(text))
    _check(parse_when(text, on=date(2024, 3, 5)))
