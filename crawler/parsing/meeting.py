"""Meeting pages, in both layouts the site uses.

Newer `/proceeding/{nid}`: the title is the meeting name, a 회의상세 table, 회의자료, 결재문서 and a
위원회 안내 table of label rows. Older `/proceeding/info/{code}`: the status word is appended to the
title, 회의분류 has three levels, and 위원회 안내 is a table with columns instead of rows.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from crawler.items import RawMeeting
from crawler.parsing.attachments import parse_attachments
from crawler.parsing.html import (
    absolute,
    all_by_class,
    by_class,
    is_demo,
    label_rows,
    make_soup,
    section_after_heading,
    table_by_caption,
    text_of,
)

_NEW = re.compile(r"/proceeding/(\d+)/?$")
_OLD = re.compile(r"/proceeding/info/([A-Za-z0-9]+)/?$")
_SKIP_TITLES = {"위원회 회의정보", "회의상세", "회의 상세", "회의자료", "결재문서", "위원회 안내", "위원회 상세"}


def meeting_key(url: str) -> tuple[str, str] | None:
    """(layout, source key) for a meeting URL, or None when the URL is not a meeting page."""
    path = urlsplit(url).path
    if match := _OLD.search(path):
        return "old", match.group(1)
    if match := _NEW.search(path):
        return "new", match.group(1)
    return None


def parse_meeting(html: str, url: str) -> RawMeeting:
    soup = make_soup(html)
    layout, key = meeting_key(url) or ("new", "")
    details = table_by_caption(soup, "상세") or _table_with_label(soup, "일시")
    raw = RawMeeting(url=url, layout=layout, source_key=key, demo=is_demo(soup))
    raw.title = _title(soup)
    raw.fields = label_rows(details)
    raw.cancel_note = _cancel_note(soup)
    raw.attachments = parse_attachments(section_after_heading(soup, "회의자료"), url)
    raw.sanctions = _sanctions(soup, url)
    _committee(soup, url, raw)
    return raw


def _table_with_label(soup: BeautifulSoup, label: str) -> Tag | None:
    for th in soup.find_all("th"):
        if text_of(th) == label:
            return th.find_parent("table")
    return None


def _title(soup: BeautifulSoup) -> str:
    for el in (by_class(soup, "title-article"), by_class(soup, "title", "view-title", name=["h1", "h2", "h3"])):
        if el is not None and text_of(el):
            return text_of(el)
    for heading in soup.find_all(["h2", "h3", "h4"]):
        text = text_of(heading)
        if text and text not in _SKIP_TITLES and ("차" in text or "위원회" in text or "회의" in text):
            return text
    title = soup.find("title")
    return text_of(title).split("|")[0].strip() if title else ""


def _cancel_note(soup: BeautifulSoup) -> str:
    for el in all_by_class(soup, "cancel", "notice-cancel", "meeting-cancel", "alert", "note"):
        text = text_of(el)
        if "취소" in text:
            return text
    return ""


def _sanctions(soup: BeautifulSoup, url: str) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for a in soup.find_all("a", href=True):
        if "/sanction/" in a["href"]:
            target = absolute(url, a["href"])
            if target and target not in seen:
                seen[target] = text_of(a)
    return list(seen.items())


def _committee(soup: BeautifulSoup, url: str, raw: RawMeeting) -> None:
    for a in soup.find_all("a", href=True):
        if "cmit_view" in a["href"]:
            raw.committee_url = absolute(url, a["href"]) or ""
            break
    guide = table_by_caption(soup, "위원회 안내")
    if guide is None:
        return
    rows = label_rows(guide)
    if rows:  # newer layout: label rows
        raw.committee_info = rows
        name = rows.get("위원회명", "")
    else:  # older layout: a header row and a value row
        headers = [text_of(th) for th in guide.find_all("th")]
        values: list[str] = []
        for tr in guide.find_all("tr"):
            cells = tr.find_all("td")
            if cells:
                values = [text_of(td) for td in cells]
                break
        raw.committee_info = dict(zip(headers, values, strict=False))
        name = raw.committee_info.get("위원회명", "")
    raw.committee_name = name.replace("위원회 상세", "").strip()
