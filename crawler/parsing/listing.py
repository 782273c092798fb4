"""The meeting list `/proceeding/list?page=N`: the only place showing when a meeting was posted."""

from __future__ import annotations

from bs4 import Tag

from crawler.items import RawListing
from crawler.parsing.html import absolute, all_by_class, by_class, make_soup, text_of
from crawler.parsing.meeting import meeting_key
from minutes.vocabulary import MeetingStatus


def parse_listing(html: str, url: str) -> list[RawListing]:
    """Entries on one list page; an empty list means we are past the last page."""
    soup = make_soup(html)
    container = by_class(soup, "view-content") or soup
    entries: list[RawListing] = []
    for li in container.find_all("li"):
        link = _meeting_link(li, url)
        if link is None:
            continue
        wrap = by_class(li, "title-wrap")
        title_el = (wrap.find("a") if wrap is not None else None) or li.find("a", href=True)
        entry = RawListing(list_url=url, meeting_url=link, title=text_of(title_el, drop_hidden=True))
        for span in all_by_class(li, "title-category"):
            text = text_of(span)
            if MeetingStatus.from_label(text) is not MeetingStatus.UNKNOWN and len(text) <= 4:
                entry.status_seen = text
            elif text:
                entry.category_seen = text
        for span in all_by_class(li, "date"):
            label = text_of(by_class(span, "element-invisible"))
            value = text_of(span, drop_hidden=True)
            if "등록" in label:
                entry.posted_seen = value
            elif "회의" in label or "일시" in label:
                entry.when_seen = value
        entry.department_seen = text_of(by_class(li, "dept"), drop_hidden=True)
        entries.append(entry)
    return entries


def _meeting_link(li: Tag, url: str) -> str | None:
    for a in li.find_all("a", href=True):
        target = absolute(url, a["href"])
        if target and meeting_key(target) is not None:
            return target
    return None
