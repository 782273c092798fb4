"""Meeting times and posting dates, from the many ways the site writes them, to aware datetimes.

The site writes one instant a dozen ways (`2022-05-26(목) 14:00`, `2019. 6. 27.(목) 10:00 ~ 12:00`,
`20200901145417`, `2024년 3월 5일 오후 2시`). python-dateutil's fuzzy parser reads Korean dates
silently wrong, so this module recognises each Korean format with its own pattern, writes the
result as ISO 8601 and lets `dateutil.parser.isoparse` do the calendar checks. Anything it cannot
read exactly (an impossible day, a stray second time, text that is not a date) gives ``None``:
a missing date is visible and fixable, a wrong one is not.

All results are timezone-aware in Asia/Seoul (`minutes.domain.SEOUL`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.parser import isoparse

from crawler.normalize._text import prepare_compat
from minutes.domain import SEOUL

__all__ = ["When", "parse_date", "parse_when", "posted_datetime"]


@dataclass(frozen=True, slots=True)
class When:
    """When a meeting is: its start, its end if the page gives one, and whether a time was shown.

    `has_time` is False when the page shows only a day: `start` is then midnight Seoul time, which
    is a placeholder, not an observation, and must not be displayed as "00:00".
    """

    start: datetime
    end: datetime | None = None
    has_time: bool = False


# Years outside this window are a misread number (a phone number, a document number), not a date.
_YEAR_MIN, _YEAR_MAX = 1900, 2100

# A field label in front of the value, as the meeting list's hidden prefixes ("회의일시 : ").
# No digits allowed, so "오전 10:00" is never mistaken for a label.
_LABEL = re.compile(r"[^0-9:]{1,20}:\s*")

# An ISO 8601 timestamp (with "T"), possibly with an offset: handed to isoparse unchanged.
_ISO = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?"
    r"(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?"
)

# Full dates. The compact form carries an optional time: 20201007, 202010071400, 20200901145417.
_FULL_DATES = (
    re.compile(
        r"(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})"
        r"(?:(?P<H>[0-9]{2})(?P<M>[0-9]{2})(?P<S>[0-9]{2})?)?(?![0-9])"
    ),
    re.compile(r"(?P<y>[0-9]{4})\s*년\s*(?P<m>[0-9]{1,2})\s*월\s*(?P<d>[0-9]{1,2})\s*일"),
    # 2022-05-26, 2022/05/26, 2020.6.9., 2024. 2. 20. (one separator throughout)
    re.compile(
        r"(?P<y>[0-9]{4})\s*(?P<sep>[-./])\s*(?P<m>[0-9]{1,2})\s*(?P=sep)\s*(?P<d>[0-9]{1,2})(?![0-9])"
        r"(?:\s*\.)?"
    ),
)

# An end date may leave out what it shares with the start: "~ 3월 6일", "~ 6일", "~ 3. 6.".
_PARTIAL_DATES = (
    re.compile(r"(?P<m>[0-9]{1,2})\s*월\s*(?P<d>[0-9]{1,2})\s*일"),
    re.compile(r"(?P<d>[0-9]{1,2})\s*일"),
    re.compile(r"(?P<m>[0-9]{1,2})\s*\.\s*(?P<d>[0-9]{1,2})\s*\."),
)

# The weekday is decoration and is ignored, even when it contradicts the date.
_WEEKDAY = re.compile(
    r"\s*(?:\(\s*[월화수목금토일](?:요일)?\s*\)|[월화수목금토일]요일(?![가-힣])"
    r"|\(\s*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*\))",
    re.IGNORECASE,
)

_MERIDIEM = r"(?P<mer>오전|오후|[AaPp]\.?\s?[Mm]\.?(?![A-Za-z]))"
_CLOCK = re.compile(
    rf"(?:{_MERIDIEM}\s*)?(?P<H>[0-9]{{1,2}})\s*:\s*(?P<M>[0-9]{{2}})"
    r"(?:\s*:\s*(?P<S>[0-9]{2})(?:\.[0-9]+)?)?(?![0-9])"
    r"(?:\s*(?P<mer2>[AaPp]\.?\s?[Mm]\.?)(?![A-Za-z]))?"
)
_HANGUL_CLOCK = re.compile(
    rf"(?:{_MERIDIEM}\s*)?(?P<H>[0-9]{{1,2}})\s*시(?!간)"
    r"(?:\s*(?P<M>[0-9]{1,2})\s*분|\s*(?P<half>반))?(?:\s*(?P<S>[0-9]{1,2})\s*초)?"
)
_NOON = re.compile(r"(?:낮\s*)?정오")

_RANGE = re.compile(r"\s*(?:~|∼|〜|–|—|−|-|부터)\s*")
_UNTIL = re.compile(r"\s*까지")
_SPACE = re.compile(r"\s*")

# Left over after the value: fine if it is a note ("(예정)", a place), not if it holds another
# date or time, which means the value had a shape this module does not understand.
_BAD_LEFTOVER = re.compile(
    r"^\s*(?:[0-9]|[-./:~∼〜]\s*[0-9])"
    r"|[0-9]\s*(?::\s*[0-9]|시(?!간)|년|월|일)"
    r"|[0-9]{4}\s*[-./]\s*[0-9]"
)


@dataclass(frozen=True, slots=True)
class _Clock:
    hour: int  # as written, before 오전/오후 is applied
    minute: int
    second: int
    meridiem: str  # "am", "pm" or "" when none was written


class _Scanner:
    """A cursor over the cleaned string: each format is tried where the previous one ended."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def take(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        start = _SPACE.match(self.text, self.pos)
        at = start.end() if start else self.pos
        found = pattern.match(self.text, at)
        if found:
            self.pos = found.end()
        return found

    def rest(self) -> str:
        return self.text[self.pos :]


def _meridiem(word: str | None) -> str:
    if not word:
        return ""
    if word == "오전" or word[0] in "Aa":
        return "am"
    return "pm"


def _read_clock(scanner: _Scanner) -> _Clock | None:
    found = scanner.take(_CLOCK)
    if found:
        meridiem = _meridiem(found["mer"]) or _meridiem(found["mer2"])
        return _Clock(int(found["H"]), int(found["M"]), int(found["S"] or 0), meridiem)
    found = scanner.take(_HANGUL_CLOCK)
    if found:
        minute = 30 if found["half"] else int(found["M"] or 0)
        return _Clock(int(found["H"]), minute, int(found["S"] or 0), _meridiem(found["mer"]))
    if scanner.take(_NOON):
        return _Clock(12, 0, 0, "pm")
    return None


def _calendar_date(year: int, month: int, day: int) -> date | None:
    """The day, or None if it does not exist (2024-02-30, month 13) or is out of range."""
    if not _YEAR_MIN <= year <= _YEAR_MAX:
        return None
    try:
        return isoparse(f"{year:04d}-{month:02d}-{day:02d}").date()
    except (ValueError, OverflowError):
        return None


def _read_point(scanner: _Scanner, base: date | None) -> tuple[date | None, _Clock | None] | None:
    """Read `[date] [weekday] [time] [weekday]` at the cursor.

    Returns (day, clock), each None when not written, or None as a whole when a date was written
    but does not exist. `base` is the start day, which lets an end date leave out its year or month.
    """
    day: date | None = None
    clock: _Clock | None = None
    date_seen = False
    for pattern in _FULL_DATES:
        found = scanner.take(pattern)
        if found:
            date_seen = True
            day = _calendar_date(int(found["y"]), int(found["m"]), int(found["d"]))
            if day is None:
                return None
            if "H" in pattern.groupindex and found["H"]:
                clock = _Clock(int(found["H"]), int(found["M"]), int(found["S"] or 0), "")
            break
    if not date_seen and base is not None:
        for pattern in _PARTIAL_DATES:
            found = scanner.take(pattern)
            if found:
                date_seen = True
                month = int(found["m"]) if "m" in pattern.groupindex else base.month
                day = _calendar_date(base.year, month, int(found["d"]))
                if day is None:
                    return None
                if day < base:  # "2024. 12. 30. ~ 1. 2." ends in the next year
                    day = _calendar_date(base.year + 1, month, int(found["d"]))
                    if day is None:
                        return None
                break
    scanner.take(_WEEKDAY)
    if clock is None:
        clock = _read_clock(scanner)
        if clock is not None:
            scanner.take(_WEEKDAY)
    return day, clock


def _hour24(clock: _Clock) -> int | None:
    """The hour on a 24-hour clock, or None when 오전/오후 contradicts or muddles it.

    "오후 14:00" is redundant but unambiguous, so it is kept; "오전 14:00" contradicts itself.
    "오전 12시" is read as noon by some writers and as midnight by others, so it is refused.
    """
    hour = clock.hour
    if clock.meridiem == "":
        return hour
    if clock.meridiem == "pm":
        if hour == 0:
            return None
        return hour if hour >= 12 else hour + 12
    if hour >= 12:
        return None
    return hour


def _end_hour(end: _Clock, start: _Clock | None) -> int | None:
    """An end time without 오전/오후 takes the start's: "오후 2시 ~ 4시" ends at 16:00."""
    if end.meridiem or start is None or not start.meridiem or end.hour > 12:
        return _hour24(end)
    if end.hour == 12:
        return 12
    if start.meridiem == "pm" or end.hour < start.hour:  # "오전 11시 ~ 1시" ends at 13:00
        return end.hour + 12
    return end.hour


def _at(day: date, hour: int = 0, minute: int = 0, second: int = 0) -> datetime | None:
    """An aware Seoul datetime, or None for an impossible time (hour 25, minute 60)."""
    if not 0 <= hour <= 23:
        return None
    try:
        naive = isoparse(f"{day.isoformat()}T{hour:02d}:{minute:02d}:{second:02d}")
    except (ValueError, OverflowError):
        return None
    return naive.replace(tzinfo=SEOUL)


def _parse_iso(text: str) -> When | None:
    try:
        parsed = isoparse(text)
    except (ValueError, OverflowError):
        return None
    if not _YEAR_MIN <= parsed.year <= _YEAR_MAX:
        return None
    # A stated offset is honoured; a naive timestamp is Seoul time like everything on the site.
    seoul = parsed.replace(tzinfo=SEOUL) if parsed.tzinfo is None else parsed.astimezone(SEOUL)
    return When(seoul, None, True)


def parse_when(text: str | None, *, on: date | None = None) -> When | None:
    """Read a meeting's date and time as the page shows it.

    Takes every format in the site SPEC and the Korean 년/월/일, 오전/오후, 시/분 forms, with a
    range (`~`, `-`, `부터 … 까지`) to an end time and optionally an end date; a range with
    nothing after it ("14:00 ~") has no end. An end time without an end date is on the start's
    day, even when it is earlier than the start (the text is taken as written, never guessed into
    the next day); "24:00" as an end is midnight at the end of that day.
    A value with only a time ("오전 10:00", "14:00~16:00") needs the day from context: pass it as
    `on`; without it the result is None rather than an invented day.
    """
    cleaned = prepare_compat(text)
    if not cleaned:
        return None
    label = _LABEL.match(cleaned)
    if label:
        cleaned = cleaned[label.end() :]
    if _ISO.fullmatch(cleaned):
        return _parse_iso(cleaned)

    scanner = _Scanner(cleaned)
    first = _read_point(scanner, None)
    if first is None:
        return None
    start_day, start_clock = first
    if start_day is None and start_clock is None:
        return None

    end_point: tuple[date | None, _Clock | None] | None = None
    if scanner.take(_RANGE) and scanner.rest().strip():  # "14:00 ~" alone is open-ended
        end_point = _read_point(scanner, start_day or _context_day(on))
        if end_point is None or (end_point[0] is None and end_point[1] is None):
            return None
        scanner.take(_UNTIL)
    if _BAD_LEFTOVER.search(scanner.rest()):
        return None

    if start_day is None:
        start_day = _context_day(on)
        if start_day is None:
            return None

    if start_clock is None:
        start = _at(start_day)
    else:
        hour = _hour24(start_clock)
        if hour is None:
            return None
        start = _at(start_day, hour, start_clock.minute, start_clock.second)
    if start is None:
        return None

    end: datetime | None = None
    if end_point is not None:
        end_day, end_clock = end_point
        rolls_over = end_day is None and end_clock is not None and start_clock is not None
        end_day = end_day or start_day
        if end_clock is None:
            end = _at(end_day)
        else:
            hour = _end_hour(end_clock, start_clock)
            if hour == 24 and end_clock.minute == 0 and end_clock.second == 0:
                end = _at(end_day + timedelta(days=1))
            elif hour is not None:
                end = _at(end_day, hour, end_clock.minute, end_clock.second)
        if end is None:
            return None
        if rolls_over and end < start:
            end = end + timedelta(days=1)
    return When(start, end, start_clock is not None)


def _context_day(on: date | None) -> date | None:
    if on is None:
        return None
    if isinstance(on, datetime):
        return on.astimezone(SEOUL).date() if on.tzinfo else on.date()
    return on


def parse_date(text: str | None) -> date | None:
    """The day a value names (구성일자, 생산일자), or None. Any time or end in it is ignored."""
    when = parse_when(text)
    return when.start.date() if when else None


def posted_datetime(text: str | None) -> datetime | None:
    """When something was posted (등록일, 생산일자): a day without a time is midnight Seoul."""
    when = parse_when(text)
    return when.start if when else None
