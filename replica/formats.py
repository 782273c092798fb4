"""The value formats the city's pages use, each written once.

The real site writes the same kind of value in several ways (dates with dashes or dots, with or
without the weekday; categories with "ㆍ", "/" or nothing). The replica varies them on purpose, so
the spiders' normalisers meet every format SPEC.md lists.
"""

from __future__ import annotations

from datetime import date, datetime

from minutes.vocabulary import Category

WEEKDAYS = "월화수목금토일"

WHEN_STYLES = ("dash", "dash-range", "dots-range", "dots")
"""일시 formats: `2022-05-26(목) 14:00`, `… 14:00 ~ 16:00`, `2019. 6. 27.(목) 10:00 ~ 12:00`, without range."""


def when_text(start: datetime, end: datetime | None, style: str) -> str:
    day = WEEKDAYS[start.weekday()]
    until = f" ~ {end:%H:%M}" if end is not None else ""
    if style == "dash":
        return f"{start:%Y-%m-%d}({day}) {start:%H:%M}"
    if style == "dash-range":
        return f"{start:%Y-%m-%d}({day}) {start:%H:%M}{until}"
    if style == "dots":
        return f"{start.year}. {start.month}. {start.day}.({day}) {start:%H:%M}"
    return f"{start.year}. {start.month}. {start.day}.({day}) {start:%H:%M}{until}"


def day_text(day: date | datetime, style: str = "dash") -> str:
    """A day alone: `2022-05-20`, `2020.6.9.`, `2024. 2. 20.` or `20201007`."""
    if style == "dots-tight":
        return f"{day.year}.{day.month}.{day.day}."
    if style == "dots":
        return f"{day.year}. {day.month}. {day.day}."
    if style == "compact":
        return f"{day:%Y%m%d}"
    return f"{day:%Y-%m-%d}"


def korean_day(day: date | datetime) -> str:
    """`2022년 5월 26일(목)`: the form used inside documents."""
    return f"{day.year}년 {day.month}월 {day.day}일({WEEKDAYS[day.weekday()]})"


_SPELLINGS = {"dot": "ㆍ", "slash": "/", "plain": "", "middot": "·"}


def category_label(category: Category, spelling: str = "dot") -> str:
    """The category as one page spells it: 주택ㆍ도시계획, 주택/도시계획, 주택도시계획, 주택·도시계획."""
    return category.label_ko.replace("ㆍ", _SPELLINGS[spelling])


def attendance_text(style: str, members: int, *, name: str, internal: int = 0) -> str:
    """참석대상: `문화재위원회(건축분과) 위원 7명`, `위원 7명`, `위원회 위원 4인`, `15명(내부위원 1, 외부위원 14)`."""
    if style == "named":
        return f"{name} 위원 {members}명"
    if style == "in":
        return f"위원회 위원 {members}인"
    if style == "split":
        return f"{members}명(내부위원 {internal}, 외부위원 {members - internal})"
    return f"위원 {members}명"


def agenda_text(style: str, counts: dict[str, int]) -> str:
    """안건: `1. 총 6건(심의 6건)`, `총 3건 (자문 3)`, `총 9건`."""
    total = sum(counts.values())
    if style == "numbered":
        inner = ", ".join(f"{kind} {n}건" for kind, n in counts.items())
        return f"1. 총 {total}건({inner})"
    if style == "bare":
        inner = ", ".join(f"{kind} {n}" for kind, n in counts.items())
        return f"총 {total}건 ({inner})"
    return f"총 {total}건"


def size_text(size: int) -> str:
    """File sizes as the attachment lists show them: `33.94 KB`, `1.21 MB`."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.2f} MB"
    return f"{size / 1024:.2f} KB"


def short_phone(phone: str) -> str:
    """`02-2133-2081` → `2133-2081`: meeting pages drop the area code."""
    return phone[3:] if phone.startswith("02-") else phone
