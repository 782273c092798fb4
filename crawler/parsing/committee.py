"""The committee roster (`/proceeding/clas_all`) and committee pages (`cmit_view?clsf_id=`)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Tag

from crawler.items import RawCommittee
from crawler.parsing.html import absolute, all_by_class, by_class, find_value, is_demo, label_rows, make_soup, text_of
from crawler.parsing.meeting import meeting_key
from minutes.vocabulary import Category

_HEADINGS = ["h1", "h2", "h3", "h4", "h5", "caption", "dt", "strong"]


def clsf_id_of(url: str) -> str | None:
    values = parse_qs(urlsplit(url).query).get("clsf_id")
    return values[0].strip() if values and values[0].strip().isdigit() else None


def parse_roster(html: str, url: str) -> list[tuple[str, str]]:
    """(committee page URL, category heading it was listed under), in page order, unique."""
    soup = make_soup(html)
    found: dict[str, str] = {}
    for a in soup.find_all("a", href=True):
        if "cmit_view" not in a["href"]:
            continue
        target = absolute(url, a["href"])
        if target and clsf_id_of(target) and target not in found:
            found[target] = _category_heading(a)
    return list(found.items())


def _category_heading(link: Tag) -> str:
    """The nearest heading above a link that names one of the eleven categories."""
    for heading in link.find_all_previous(_HEADINGS, limit=40):
        text = text_of(heading)
        if text and Category.from_label(text) is not None:
            return text
    return ""


def parse_committee(html: str, url: str) -> tuple[RawCommittee, list[str]]:
    """The committee's profile, and the meeting pages it links to."""
    soup = make_soup(html)
    raw = RawCommittee(url=url, clsf_id=clsf_id_of(url) or "", demo=is_demo(soup))
    table = _detail_table(soup)
    raw.rows = label_rows(table)
    raw.functions = _functions(table)
    raw.category_seen, raw.name = _category_and_name(soup)
    raw.minutes_note = _minutes_note(soup, table)
    return raw, _meeting_links(soup, url)


def _detail_table(soup: BeautifulSoup) -> Tag | None:
    for caption in soup.find_all("caption"):
        if "위원회 상세" in text_of(caption) or "위원회상세" in text_of(caption):
            return caption.find_parent("table")
    for th in soup.find_all("th"):
        if "주요기능" in text_of(th):
            return th.find_parent("table")
    return None


def _functions(table: Tag | None) -> list[str]:
    if table is None:
        return []
    for th in table.find_all("th"):
        if "주요기능" in text_of(th):
            td = th.find_next_sibling("td")
            if td is None:
                return []
            items = [text_of(li) for li in td.find_all("li")]
            if items:
                return [i for i in items if i]
            lines = [line.strip() for line in td.get_text("\n").splitlines()]
            return [text_of_line for text_of_line in (" ".join(line.split()) for line in lines) if text_of_line]
    return []


def _category_and_name(soup: BeautifulSoup) -> tuple[str, str]:
    """The page shows "환경 도시공원위원회": a category word, then the committee's name."""
    category_el = by_class(soup, "committee-category", "cmit-category", "category")
    name_el = by_class(soup, "committee-name", "cmit-name", "cmit-title")
    if name_el is not None:
        return (text_of(category_el) if category_el is not None else ""), text_of(name_el)
    for heading in soup.find_all(["h2", "h3", "h4"]):
        text = text_of(heading)
        if not text or text in ("위원회 회의정보", "위원회 상세") or "위원회" not in text:
            continue
        first, _, rest = text.partition(" ")
        if rest and Category.from_label(first) is not None:
            return first, rest.strip()
        return "", text
    return "", ""


def _minutes_note(soup: BeautifulSoup, table: Tag | None) -> str:
    for el in all_by_class(soup, "minutes-note", "cmit-note", "note", "info"):
        text = text_of(el)
        if "회의록" in text or "비공개" in text or "열람" in text:
            return text
    rows = label_rows(table)
    return find_value(rows, "회의록 공개", "회의록공개", "회의록")


def _meeting_links(soup: BeautifulSoup, url: str) -> list[str]:
    links: dict[str, None] = {}
    for a in soup.find_all("a", href=True):
        target = absolute(url, a["href"])
        if target and meeting_key(target) is not None:
            links[target] = None
    return list(links)
