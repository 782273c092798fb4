"""Attachment lists (회의자료 on meeting pages, 첨부된 문서 on approval documents)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from bs4 import Tag

from crawler.parsing.html import absolute, by_class, text_of
from minutes.vocabulary import clean_text

_SIZE = re.compile(r"\(\s*([\d.,]+\s*(?:[KMG]i?B|bytes?|B))\s*\)", re.IGNORECASE)
_BUTTON_WORDS = ("문서보기", "원문", "미리보기", "다운로드", "비공개 문서")


def parse_attachments(container: Tag | None, page_url: str) -> list:
    from crawler.items import RawAttachment

    found: list[RawAttachment] = []
    if container is None:
        return found
    for li in container.find_all("li"):
        if li.find("li"):  # a wrapper list item, not an attachment
            continue
        text = text_of(li)
        if not text:
            continue
        download = None
        for a in li.find_all("a", href=True):
            if "download" in a["href"] or text_of(a) in ("원문", "다운로드"):
                download = absolute(page_url, a["href"])
                break
        size = _SIZE.search(text)
        name = _name_from(li, download)
        public = download is not None and "비공개" not in text
        found.append(
            RawAttachment(
                name=name,
                size_seen=size.group(1) if size else "",
                url=download if public else None,
                public=public,
            )
        )
    return found


def _name_from(li: Tag, download: str | None) -> str:
    named = by_class(li, "file-name", "name", "filename")
    if named is not None:
        name = text_of(named)
    else:
        name = text_of(li)
        for word in _BUTTON_WORDS:
            name = name.replace(word, " ")
    name = _SIZE.sub(" ", name)
    name = clean_text(name)
    if not name and download:
        name = dname_of(download)
    return name


def dname_of(url: str) -> str:
    values = parse_qs(urlsplit(url).query).get("dname")
    return clean_text(values[0]) if values else ""
