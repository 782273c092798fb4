"""The category and committee a meeting is filed under, from its 회의분류 path.

The newer layout writes "문화관광 > 문화재위원회" (category, committee); the older one writes
"위원회회의 > 환경 > 2020년 제5차 도시공원위원회 소위원회" (a fixed root, the category, then the
meeting's own name). Category spellings vary ("주택ㆍ도시계획", "주택/도시계획", "교통 ㆍ 건설"):
`Category.from_label` maps them to the eleven ids, and the spelling seen is kept beside the id.
"""

from __future__ import annotations

import re

from crawler.normalize._text import prepare
from crawler.normalize.kinds import status_from_title
from crawler.normalize.meeting_numbers import strip_ordinal
from minutes.vocabulary import Category

__all__ = ["category_from_path"]

# ">" and its full-width and typographic look-alikes. The path is not NFKC'd: that would rewrite
# the U+318D separator in "주택ㆍ도시계획" and lose the spelling seen.
_SEPARATOR = re.compile(r"\s*[>＞›»〉]\s*")
_OLD_ROOT = "위원회회의"


def category_from_path(text: str | None) -> tuple[Category | None, str, str]:
    """(category id, category spelling seen, committee name) from a 회의분류 value.

    - Two levels: category > committee. Three levels without the old root: category > committee
      > (anything further, ignored).
    - Three levels (older layout, first level 위원회회의): the last level is a meeting name; the
      committee name is that name without its year, ordinal and appended status word
      ("도시공원위원회 소위원회"). A sub-committee qualifier is kept: linking it to the parent
      committee is the linking step's decision, not a string rule's.
    - One level: a category if it is one, else taken as the category spelling with no id.
    An unknown category gives None with its spelling kept. Empty input → (None, "", "").
    """
    cleaned = prepare(text)
    if not cleaned:
        return None, "", ""
    parts = [part for part in _SEPARATOR.split(cleaned) if part]
    if parts and re.sub(r"\s+", "", parts[0]) == _OLD_ROOT:
        parts = parts[1:]
    if not parts:
        return None, "", ""
    seen, rest = parts[0], parts[1:]
    committee = rest[0] if rest else ""
    if len(rest) == 1:
        committee = strip_ordinal(status_from_title(committee)[0])
    return Category.from_label(seen), seen, committee
