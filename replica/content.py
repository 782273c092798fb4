"""Attachment contents: which prose goes into which file, and a cache of the built bytes.

Building a PDF or an HWP takes milliseconds, serving a page well under one, so built files are kept
in a small LRU keyed by attachment id; sizes are remembered for good (the pages print them).
The file writers in `replica.files` are imported inside functions: they are heavier modules
(reportlab), and a site can be built and its pages rendered without them.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from replica import prose
from replica.model import Attachment, DocKind, Document, FileKind, Meeting, Role, Trait

if TYPE_CHECKING:
    from replica.site import Site


class FileStore:
    """Built files by rid (LRU, thread-safe) and their sizes."""

    def __init__(self, maxsize: int = 1024) -> None:
        self.maxsize = maxsize
        self._bytes: OrderedDict[str, bytes] = OrderedDict()
        self._sizes: dict[str, int] = {}
        self._lock = threading.Lock()

    def get(self, site: Site, rid: str) -> bytes:
        with self._lock:
            data = self._bytes.get(rid)
            if data is not None:
                self._bytes.move_to_end(rid)
                return data
        found = site.attachment(rid)
        if found is None:
            raise KeyError(rid)
        data = build_file(site, *found)
        with self._lock:
            self._bytes[rid] = data
            self._sizes[rid] = len(data)
            while len(self._bytes) > self.maxsize:
                self._bytes.popitem(last=False)
        return data

    def size(self, site: Site, rid: str) -> int:
        with self._lock:
            size = self._sizes.get(rid)
        return size if size is not None else len(self.get(site, rid))

    def clear(self) -> None:
        with self._lock:
            self._bytes.clear()
            self._sizes.clear()


def text_of(
    site: Site, att: Attachment, meeting: Meeting, doc: Document | None
) -> tuple[str, list[str], list[list[str]] | None]:
    """(title, paragraphs, table rows) for an attachment, from its role and its document's kind."""
    committee = site.committee_by_id[meeting.clsf_id]
    seed = site.seed
    mask = doc is not None and doc.ground == 6
    if att.role is Role.MINUTES:
        return f"{meeting.title} 회의록", prose.minutes_text(seed, committee, meeting, mask=mask), None
    if att.role is Role.MATERIAL:
        return f"{meeting.title} 회의자료", prose.material_text(seed, committee, meeting), None
    if att.role is Role.TABLE and doc is None:  # on the meeting page, before the meeting: no outcomes yet
        rows = [row[:3] for row in prose.result_text(seed, committee, meeting)[1]]
        return "안건 목록", [], rows
    if att.role is Role.TABLE:
        return "심의결과 총괄표", [], prose.result_text(seed, committee, meeting)[1]
    if att.role is Role.ROSTER:
        return (
            "위원 참석 및 수당 지급 명단",
            ["위원 참석 및 수당 지급 명단"],
            prose.roster_rows(seed, committee, meeting),
        )
    title = doc.title if doc else meeting.title
    if doc is None or doc.kind is DocKind.NOTICE:
        official = Trait.NO_OFFICIAL not in committee.traits
        return title, prose.notice_text(seed, committee, meeting, with_official=official), None
    if doc.kind is DocKind.RESULT:
        lines, rows = prose.result_text(seed, committee, meeting)
        return title, lines, rows
    if any(a.role is Role.MINUTES for a in doc.attachments):
        return title, prose.cover_text(committee, meeting), None
    return title, prose.minutes_text(seed, committee, meeting, mask=mask), None


def build_file(site: Site, att: Attachment, meeting: Meeting, doc: Document | None) -> bytes:
    title, paragraphs, rows = text_of(site, att, meeting, doc)
    if att.kind is FileKind.HWPX:
        from replica.files.hwpx import build_hwpx

        return build_hwpx(title, paragraphs, table_rows=rows)
    if att.kind is FileKind.HWP:
        from replica.files.hwp5 import build_hwp5

        return build_hwp5(paragraphs, table_rows=rows, password=att.password, distribution=att.distribution)
    if att.kind is FileKind.PDF:
        from replica.files.pdf import build_pdf

        lines = list(paragraphs) + [" | ".join(row) for row in rows or []]
        return build_pdf(title, lines)
    from replica.sheet import build_xlsx

    return build_xlsx(rows or [[title]])


_PHONE = re.compile(r"\b(?:02-)?\d{3,4}-\d{4}\b")


def preview_text(site: Site, att: Attachment, meeting: Meeting, doc: Document | None) -> list[str]:
    """What the site's 문서보기 viewer shows: the text with personal data masked as ****."""
    _, paragraphs, rows = text_of(site, att, meeting, doc)
    lines = [*paragraphs, *(" | ".join(row) for row in rows or [])]
    committee = site.committee_by_id[meeting.clsf_id]
    names = prose.personal_names(site.seed, committee, meeting)
    masked = []
    for line in lines:
        for name in names:
            line = line.replace(name, "****")
        masked.append(_PHONE.sub("****", line))
    return masked
