"""The built site: the model plus the indexes every request needs (by nid, code, clsf_id, rid).

The server renders from a `Site` on every request, so tests can change it between two crawls.
Change a field in place (a meeting's `place`, a document's `title`) and the next request shows
it. Anything that moves an object between pages or keys (removing or adding a meeting or document,
changing a registration time, a nid or a code) needs `reindex()` afterwards; `remove_meeting()`
does that itself.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from replica import urls
from replica.content import FileStore
from replica.model import Attachment, Committee, Document, Meeting


class Site:
    def __init__(
        self, *, scale: str, seed: int, today: date, committees: list[Committee], meetings: list[Meeting]
    ) -> None:
        self.scale = scale
        self.seed = seed
        self.today = today
        self.committees = committees
        self.meetings = meetings
        self.files = FileStore()
        self.reindex()

    def reindex(self) -> None:
        """Rebuild every lookup and the list order from `committees` and `meetings`."""
        self.committee_by_id: dict[int, Committee] = {c.clsf_id: c for c in self.committees}
        self.meeting_by_nid: dict[int, Meeting] = {}
        self.meeting_by_code: dict[str, Meeting] = {}
        self.document_by_nid: dict[int, Document] = {}
        self.meeting_of_document: dict[int, Meeting] = {}
        self.attachment_by_rid: dict[str, tuple[Attachment, Meeting, Document | None]] = {}
        self.meetings_of: dict[int, list[Meeting]] = {c.clsf_id: [] for c in self.committees}
        for meeting in self.meetings:
            self.meeting_by_nid[meeting.nid] = meeting
            if meeting.code:
                self.meeting_by_code[meeting.code] = meeting
            self.meetings_of.setdefault(meeting.clsf_id, []).append(meeting)
            for att in meeting.attachments:
                self.attachment_by_rid[att.rid] = (att, meeting, None)
            for doc in meeting.documents:
                self.document_by_nid[doc.nid] = doc
                self.meeting_of_document[doc.nid] = meeting
                for att in doc.attachments:
                    self.attachment_by_rid[att.rid] = (att, meeting, doc)
        for items in self.meetings_of.values():
            items.sort(key=lambda m: (m.start, m.nid), reverse=True)
        # The meeting list: newest entry first (by posting time), ties broken by nid.
        self.listing: list[Meeting] = sorted(self.meetings, key=lambda m: (m.registered, m.nid), reverse=True)
        self.files.clear()

    def committee(self, clsf_id: int) -> Committee | None:
        return self.committee_by_id.get(clsf_id)

    def meeting(self, key: int | str) -> Meeting | None:
        """By nid (int or digits) or by older-layout code."""
        if isinstance(key, int) or key.isdigit():
            return self.meeting_by_nid.get(int(key))
        return self.meeting_by_code.get(key)

    def document(self, nid: int) -> Document | None:
        return self.document_by_nid.get(nid)

    def attachment(self, rid: str) -> tuple[Attachment, Meeting, Document | None] | None:
        return self.attachment_by_rid.get(rid)

    def remove_meeting(self, key: int | str) -> Meeting:
        """Take a meeting off the site with its documents and files (a page deleted upstream)."""
        meeting = self.meeting(key)
        if meeting is None:
            raise KeyError(key)
        self.meetings.remove(meeting)
        self.reindex()
        return meeting

    def all_urls(self, *, items_per_page: int = 10, include_previews: bool = False) -> list[str]:
        """Every crawlable path (with query), in a stable order: the ceiling for a plain HTTP client.

        Downloads are listed for every attachment with a link (broken ones included, non-public
        ones not: they have no link). Previews are off by default: spiders need not fetch them.
        """
        out = ["/", urls.CLAS_ALL]
        out += [urls.committee(c.clsf_id) for c in self.committees]
        pages = max(1, -(-len(self.listing) // items_per_page))
        out += [urls.listing(page, items_per_page) for page in range(1, pages + 1)]
        for meeting in self.listing:
            out.append(meeting.path)
            for att in meeting.attachments:
                out += _file_urls(att, include_previews)
            for doc in meeting.documents:
                out.append(urls.sanction(doc.nid))
                for att in doc.attachments:
                    out += _file_urls(att, include_previews)
        return out

    def counts(self) -> dict[str, int]:
        """Sizes for reports and benchmarks."""
        docs = [doc for m in self.meetings for doc in m.documents]
        atts = [att for att, _, _ in self.attachment_by_rid.values()]
        status = Counter(m.status.value for m in self.meetings)
        return {
            "committees": len(self.committees),
            "meetings": len(self.meetings),
            "held": status.get("종료", 0),
            "scheduled": status.get("예정", 0),
            "cancelled": status.get("취소", 0),
            "old_layout": sum(1 for m in self.meetings if m.code),
            "euc_kr_pages": sum(1 for m in self.meetings if m.encoding != "utf-8")
            + sum(1 for d in docs if d.encoding != "utf-8"),
            "documents": len(docs),
            "attachments": len(atts),
            "non_public_attachments": sum(1 for a in atts if not a.public),
            "broken_downloads": sum(1 for a in atts if a.public and a.broken),
            "encrypted_hwp": sum(1 for a in atts if a.password or a.distribution),
            "urls": len(self.all_urls()),
        }


def _file_urls(att: Attachment, include_previews: bool) -> list[str]:
    if not att.public:
        return []
    if include_previews:
        return [urls.preview(att), urls.download(att)]
    return [urls.download(att)]
