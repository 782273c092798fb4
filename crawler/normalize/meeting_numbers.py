"""The year and ordinal a meeting title carries ("2022년 제4차 문화재위원회(건축분과)").

Titles are the only place the site states which meeting of the year it was; the portal sorts and
the compliance report checks for gaps with these numbers. The committee name is what is left when
they are taken off.
"""

from __future__ import annotations

import re

from crawler.normalize._text import prepare, prepare_compat

__all__ = ["meeting_ordinal", "strip_ordinal"]

_YEAR = re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})\s*년(?:도)?")
# "제4차", "제 12 차", "4차", "제4회" (a 회 must not be the start of 회의 or 회차).
_ORDINAL = re.compile(r"(?<![0-9])(?:제\s*)?(?P<n>[0-9]{1,3})\s*(?:차|회(?![의차]))")
_PREFIX = re.compile(r"^(?:(?:19|20)[0-9]{2}\s*년(?:도)?\s*)?(?:(?:제\s*)?[0-9]{1,3}\s*(?:차|회(?![의차]))\s*)?")


def meeting_ordinal(title: str | None) -> tuple[int | None, int | None]:
    """(year, n) from a title: "2022년 제4차 …" → (2022, 4); "제12차 좋은빛위원회" → (None, 12).

    Either part is None when the title does not state it.
    """
    cleaned = prepare_compat(title)
    year = _YEAR.search(cleaned)
    ordinal = _ORDINAL.search(cleaned)
    return (int(year["y"]) if year else None, int(ordinal["n"]) if ordinal else None)


def strip_ordinal(title: str | None) -> str:
    """The title without its leading year and ordinal: "2020년 제5차 도시공원위원회 소위원회" →
    "도시공원위원회 소위원회". Only a leading prefix is removed; the rest is kept as written."""
    cleaned = prepare(title)
    rest = _PREFIX.sub("", cleaned, count=1).strip()
    return rest or cleaned
