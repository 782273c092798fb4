"""Make sure a built site shows every behaviour the spiders and reports must meet.

Chance decides most things (3% of meetings are cancelled, 1% of downloads break), so a small site
might miss one. The tiny scale is the tests' site: `strict` fills every gap, deterministically (the
first eligible object in nid order). Larger scales only get the rare file faults guaranteed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Protocol

from replica.model import (
    Attachment,
    Behaviour,
    Committee,
    DocKind,
    FileKind,
    Layout,
    Meeting,
    Role,
    Status,
    Trait,
)

if TYPE_CHECKING:
    from replica.site import Site


class Writer(Protocol):
    def meeting(self, year: int, number: int, sub: str, day: date, *, lead: int | None = None) -> Meeting | None: ...


def ensure_coverage(site: Site, writer_for: Callable[[Committee], Writer], *, strict: bool) -> None:
    site.reindex()
    if strict:
        _scheduled(site, writer_for)
        _cancelled(site)
        _euc_kr(site)
        _missing_fields(site)
        _undated(site)
        _xlsx(site)
    _file_faults(site)


def _by_nid(site: Site) -> list[Meeting]:
    return sorted(site.meetings, key=lambda m: m.nid)


def _scheduled(site: Site, writer_for: Callable[[Committee], Writer]) -> None:
    if any(m.status is Status.SCHEDULED for m in site.meetings):
        return
    for committee in site.committees:
        if committee.behaviour is not Behaviour.PROMPT:
            continue
        day = site.today + timedelta(days=7)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        number = 1 + sum(1 for m in site.meetings_of[committee.clsf_id] if m.year == day.year and not m.subcommittee)
        meeting = writer_for(committee).meeting(day.year, number, "", day, lead=9)
        if meeting is not None and meeting.status is Status.SCHEDULED:
            site.meetings.append(meeting)
            site.reindex()
            return


def _cancelled(site: Site) -> None:
    if any(m.status is Status.CANCELLED for m in site.meetings):
        return
    for meeting in reversed(_by_nid(site)):
        committee = site.committee_by_id[meeting.clsf_id]
        if meeting.status is Status.HELD and committee.behaviour is Behaviour.LATE:
            meeting.status = Status.CANCELLED
            meeting.cancel_note = "이 회의는 취소되었습니다. (사유: 안건 보완 필요)"
            meeting.documents = [d for d in meeting.documents if d.kind is DocKind.NOTICE]
            meeting.attachments = []
            site.reindex()
            return


def _euc_kr(site: Site) -> None:
    if any(m.encoding != "utf-8" for m in site.meetings):
        return
    for meeting in _by_nid(site):
        if meeting.layout is Layout.OLD and meeting.year <= 2018:
            meeting.encoding = "euc-kr"
            for doc in meeting.documents:
                doc.encoding = "euc-kr"
            return


def _missing_fields(site: Site) -> None:
    meetings = [m for m in _by_nid(site) if Trait.MISSING_FIELDS in site.committee_by_id[m.clsf_id].traits]
    if meetings and all(m.place is not None for m in site.meetings):
        next((m for m in meetings if m.agenda is not None), meetings[0]).place = None
    if meetings and all(m.agenda is not None for m in site.meetings):
        next((m for m in reversed(meetings) if m.place is not None), meetings[-1]).agenda = None


def _undated(site: Site) -> None:
    if all(m.show_registered for m in site.meetings):
        for meeting in _by_nid(site):
            if Trait.UNDATED_ENTRIES in site.committee_by_id[meeting.clsf_id].traits:
                meeting.show_registered = False
                return


def _xlsx(site: Site) -> None:
    if any(att.kind is FileKind.XLSX for att, _, _ in site.attachment_by_rid.values()):
        return
    for meeting in _by_nid(site):
        for doc in meeting.documents:
            if doc.kind is DocKind.RESULT and doc.disclosure != "비공개":
                rid = f"F{doc.produced.year:04d}{doc.nid:08d}{len(doc.attachments)}"
                doc.attachments.append(
                    Attachment(rid, "붙임. 심의결과 총괄표.xlsx", FileKind.XLSX, Role.TABLE, doc.nid)
                )
                site.reindex()
                return


def _file_faults(site: Site) -> None:
    """At least one password-protected HWP, one distribution document and one broken download."""
    atts = sorted((att for att, _, _ in site.attachment_by_rid.values()), key=lambda a: a.rid)
    hwp = [a for a in atts if a.kind is FileKind.HWP and a.public and not a.broken and a.role is not Role.ROSTER]
    if not any(a.password for a in atts) and hwp:
        hwp[0].distribution, hwp[0].password = False, True
    if not any(a.distribution for a in atts) and len(hwp) > 1:
        target = next(a for a in hwp[1:] if not a.password)
        target.distribution = True
    if not any(a.broken and a.public for a in atts):
        candidates = [a for a in atts if a.public and not (a.password or a.distribution)]
        if candidates:
            candidates[len(candidates) // 2].broken = True
