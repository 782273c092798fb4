"""The three sizes of replica site: which committees, which stretch of time, how busy.

tiny is the tests' site (12 committees, every behaviour, ~350 URLs); demo is what the demo crawls
(all 191 committees from 2024 on, half as busy as life, ~12,700 URLs: a loopback crawl well under two
minutes); full is the benchmark's (2017-2025 plus today ± 60 days at full rate, ~11,600 meetings).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from replica.catalog import TINY_COMMITTEES

SEOUL = ZoneInfo("Asia/Seoul")

SCALES = ("tiny", "demo", "full")


@dataclass(frozen=True, slots=True)
class Scale:
    """Which committees, which stretch of time, and how busy they are."""

    name: str
    windows: tuple[tuple[date, date], ...]
    committees: tuple[str, ...] | None  # None: all 191
    activity: float  # factor on each committee's yearly meeting rate
    max_per_year: int | None = None

    @property
    def years(self) -> list[int]:
        return sorted({y for start, end in self.windows for y in range(start.year, end.year + 1)})

    def covers(self, day: date) -> bool:
        return any(start <= day <= end for start, end in self.windows)


def scale_for(name: str, today: date) -> Scale:
    """The scale called `name`, with its windows placed around `today`."""
    soon = today + timedelta(days=60)
    if name == "tiny":
        recent = max(date(today.year, 1, 1), today - timedelta(days=240))
        windows = ((date(2018, 1, 1), date(2018, 12, 31)), (recent, soon))
        return Scale("tiny", windows, TINY_COMMITTEES, 1.0, max_per_year=3)
    if name == "demo":
        return Scale("demo", ((date(2024, 1, 1), soon),), None, 0.35)
    if name == "full":
        windows = ((date(2017, 1, 1), date(2025, 12, 31)), (today - timedelta(days=60), soon))
        return Scale("full", windows, None, 1.0)
    raise ValueError(f"unknown scale {name!r}; choose one of {', '.join(SCALES)}")


def seoul_today() -> date:
    return datetime.now(SEOUL).date()
