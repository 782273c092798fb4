"""The stretch of time a report covers: a calendar year or a date range, in Seoul days."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime

from minutes.domain import SEOUL


@dataclass(frozen=True, slots=True)
class Period:
    """Days `start` to `end`, both included; `year` is set when the period is one calendar year."""

    start: date
    end: date
    year: int | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def of_year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31), year)

    @classmethod
    def between(cls, start: date, end: date) -> Period:
        """A date range; recognised as a year when it is exactly one."""
        if start == date(start.year, 1, 1) and end == date(start.year, 12, 31):
            return cls.of_year(start.year)
        return cls(start, end)

    @classmethod
    def coerce(cls, value: Period | int | tuple[date, date]) -> Period:
        if isinstance(value, Period):
            return value
        if isinstance(value, int):
            return cls.of_year(value)
        start, end = value
        return cls.between(start, end)

    def contains(self, moment: datetime | date | None) -> bool:
        """Whether a moment's Seoul calendar day lies in the period."""
        if moment is None:
            return False
        return self.start <= seoul_day(moment) <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def label(self) -> str:
        return str(self.year) if self.year is not None else f"{self.start.isoformat()} – {self.end.isoformat()}"

    def quarters(self) -> list[tuple[int, int, date, date]]:
        """(year, quarter, first day, last day) of every calendar quarter wholly inside the period."""
        out = []
        for year in range(self.start.year, self.end.year + 1):
            for q in range(4):
                first = date(year, 3 * q + 1, 1)
                last = date(year, 3 * q + 3, calendar.monthrange(year, 3 * q + 3)[1])
                if self.start <= first and last <= self.end:
                    out.append((year, q + 1, first, last))
        return out


def seoul_day(moment: datetime | date) -> date:
    """The calendar day in Seoul of an aware datetime (naive ones are taken as Seoul time)."""
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            return moment.date()
        return moment.astimezone(SEOUL).date()
    return moment
