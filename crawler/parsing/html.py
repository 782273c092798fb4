"""Small helpers shared by the page parsers: tolerant soup, text, label/value tables."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Tag

from minutes.vocabulary import clean_text

REPLICA_META = "x-replica"


def make_soup(html: str) -> BeautifulSoup:
    """Parse leniently: lxml repairs broken markup the way browsers do; html.parser is the fallback."""
    try:
        return BeautifulSoup(html, "lxml")
    except Exception:  # pragma: no cover - lxml missing or crashing on pathological input
        return BeautifulSoup(html, "html.parser")


HIDDEN_CLASSES = ("element-invisible", "sr-only", "blind", "hidden")


def text_of(el: Tag | None, *, drop_hidden: bool = False) -> str:
    """Visible text of an element, whitespace collapsed and NFC-normalised.

    `drop_hidden` leaves out screen-reader-only prefixes (`element-invisible`) such as "등록일 : ".
    """
    if el is None:
        return ""
    if not drop_hidden:
        return clean_text(el.get_text(" "))
    parts = [s for s in el.find_all(string=True) if not _inside_hidden(s, el)]
    return clean_text(" ".join(parts))


def _inside_hidden(node: object, root: Tag) -> bool:
    parent = getattr(node, "parent", None)
    while parent is not None and parent is not root.parent:
        if any(c in HIDDEN_CLASSES for c in parent.get("class") or ()):
            return True
        if parent is root:
            break
        parent = parent.parent
    return False


def by_class(root: Tag | None, *classes: str, name: str | list[str] | None = None) -> Tag | None:
    """First element with any of `classes` (find() is far cheaper than CSS selectors here)."""
    if root is None:
        return None
    return root.find(name, class_=list(classes)) if name else root.find(class_=list(classes))


def all_by_class(root: Tag | None, *classes: str, name: str | None = None) -> list[Tag]:
    if root is None:
        return []
    return root.find_all(name, class_=list(classes)) if name else root.find_all(class_=list(classes))


def label_key(label: str) -> str:
    """Table labels vary in spacing and punctuation ("담당부서 (연락처)"): compare on letters only."""
    return re.sub(r"[\s:：()（）/·ㆍ]", "", clean_text(label))


def label_rows(table: Tag | None) -> dict[str, str]:
    """A th/td table as {label: value}; labels kept as seen (cleaned), first occurrence wins."""
    rows: dict[str, str] = {}
    if table is None:
        return rows
    for tr in table.find_all("tr"):
        cells = tr.find_all(["th", "td"], recursive=False)
        # Rows may pair several th/td in one line: 제공부서 | x | 전화번호 | y.
        i = 0
        while i < len(cells) - 1:
            if cells[i].name == "th" and cells[i + 1].name == "td":
                label = text_of(cells[i])
                if label and label not in rows:
                    rows[label] = text_of(cells[i + 1])
                i += 2
            else:
                i += 1
    return rows


def find_value(rows: dict[str, str], *labels: str) -> str:
    """The value under any of `labels`, matching on letters only."""
    wanted = [label_key(label) for label in labels]
    for label, value in rows.items():
        key = label_key(label)
        if any(key == w for w in wanted):
            return value
    for label, value in rows.items():
        key = label_key(label)
        if any(w and w in key for w in wanted):
            return value
    return ""


def is_demo(soup: BeautifulSoup) -> bool:
    return soup.find("meta", attrs={"name": REPLICA_META}) is not None


def absolute(base_url: str, href: str | None) -> str | None:
    if not href or href.startswith(("javascript:", "#", "mailto:")):
        return None
    return urljoin(base_url, href.strip())


def table_by_caption(soup: BeautifulSoup, *words: str) -> Tag | None:
    for caption in soup.find_all("caption"):
        text = text_of(caption)
        if all(w in text for w in words):
            return caption.find_parent("table")
    return None


def section_after_heading(soup: BeautifulSoup, word: str) -> Tag | None:
    """The element that follows a heading containing `word` (e.g. 회의자료, 결재문서)."""
    for heading in soup.find_all(["h2", "h3", "h4", "h5", "strong", "dt"]):
        if word in text_of(heading):
            parent = heading.find_parent(["section", "div", "dl"])
            return parent if parent is not None else heading.parent
    return None
