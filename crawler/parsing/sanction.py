"""Approval documents (결재문서) `/sanction/{nid}`: result reports, minutes, notices."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from crawler.items import RawSanction
from crawler.parsing.attachments import parse_attachments
from crawler.parsing.html import by_class, is_demo, label_rows, make_soup, table_by_caption, text_of

_KEY = re.compile(r"/sanction/(\d+)")
_DISCLOSURE = re.compile(
    r"(대시민공개|부분\s*공개\s*[(（]\s*\d+\s*[)）]|부분\s*공개|비\s*공개(?:\s*[(（]\s*\d+\s*[)）])?|공개)"
)


def sanction_key(url: str) -> str | None:
    match = _KEY.search(urlsplit(url).path)
    return match.group(1) if match else None


def parse_sanction(html: str, url: str, *, meeting_url: str = "") -> RawSanction:
    soup = make_soup(html)
    raw = RawSanction(url=url, source_key=sanction_key(url) or "", meeting_url=meeting_url, demo=is_demo(soup))
    title = by_class(soup, "title-article")
    raw.title = text_of(title)
    raw.info = label_rows(table_by_caption(soup, "문서") or _info_table(soup))
    raw.attachments = parse_attachments(by_class(soup, "list-attachment", name="ul") or _attachment_list(soup), url)
    raw.disclosure_seen = _header_disclosure(soup)
    body = by_class(soup, "view-content", "article-content", "doc-body", "content-body")
    raw.body_text = text_of(body) if body is not None else ""
    return raw


def _info_table(soup: BeautifulSoup):
    for th in soup.find_all("th"):
        if text_of(th) in ("생산일자", "공개구분", "문서번호"):
            return th.find_parent("table")
    return None


def _attachment_list(soup: BeautifulSoup):
    for heading in soup.find_all(["h2", "h3", "h4", "strong", "dt"]):
        if "첨부" in text_of(heading):
            nxt = heading.find_next("ul")
            if nxt is not None:
                return nxt
    return None


def _header_disclosure(soup: BeautifulSoup) -> str:
    """공개여부 as the document header shows it, e.g. "부분공개(5)" — carries the Article 9(1) ground."""
    for el in soup.find_all(string=re.compile("공개여부")):
        parent = el.parent
        text = text_of(parent)
        after = text.split("공개여부", 1)[1] if "공개여부" in text else text
        match = _DISCLOSURE.search(after)
        if match is None and parent.next_sibling is not None:
            match = _DISCLOSURE.search(text_of(parent.find_next()))
        if match:
            return match.group(1)
    return ""
