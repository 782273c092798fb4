"""A large, realistic archive for the index benchmark, written the way the crawler writes one.

Meetings, committees and texts come from the replica's generator (`replica.generate`,
`replica.prose`): the full-scale site, once per seed, until there are enough documents. Each
archive Document holds the text of its attachments; minutes carry the whole 속기록 (the replica's
minutes and their continuation, drawn with further seeds), which brings the mean to about 5 KB of
text per document, as the issue's measurements assumed. Ids carry the seed, so seeds never collide.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from minutes.archive import Archive
from minutes.domain import SEOUL, Committee, DisclosureStatus, Document, FileRecord, Meeting, to_dict
from minutes.vocabulary import Disclosure, DocType, FileStatus, MeetingStatus

SEEN = datetime(2026, 11, 1, 9, 0, tzinfo=SEOUL)
_KIND = {"notice": DocType.NOTICE, "result": DocType.RESULT, "minutes": DocType.MINUTES}
_LEVEL = {"공개": Disclosure.PUBLIC, "부분공개": Disclosure.PARTIAL, "비공개": Disclosure.CLOSED}
_STATUS = {"종료": MeetingStatus.HELD, "예정": MeetingStatus.SCHEDULED, "취소": MeetingStatus.CANCELLED}
MINUTES_ROUNDS = 5  # the minutes text and four continuations (a long 속기록)


def ensure_corpus(data_dir: Path, documents: int) -> dict[str, float]:
    """Write the archive once (reused while `corpus.json` says it has enough documents)."""
    marker = Path(data_dir) / "corpus.json"
    if marker.exists():
        info = json.loads(marker.read_text())
        if info["documents"] >= documents:
            return info
    info = _write(Path(data_dir), documents)
    marker.write_text(json.dumps(info))
    return info


def _write(data_dir: Path, wanted: int) -> dict[str, float]:
    from replica import prose
    from replica.content import text_of
    from replica.generate import build_site

    archive = Archive(data_dir, writable=True)
    store = archive.store
    count = chars = meetings = 0
    seed = 0
    while count < wanted:
        seed += 1
        site = build_site("full", seed)
        for c in site.committees:
            committee = Committee(f"cmit-{c.clsf_id}", str(c.clsf_id), c.name, c.source_url, c.category)
            store.put("committees", committee.committee_id, to_dict(committee), seen_at=SEEN)
        for m in site.meetings:
            if count >= wanted:
                break
            c = site.committee_by_id[m.clsf_id]
            mid = f"mtg-s{seed}-{m.nid}"
            meeting = Meeting(
                meeting_id=mid, source_key=f"{seed}-{m.nid}", layout=m.layout.value, title=m.title,
                source_url=f"https://replica.test/s{seed}{m.path}", committee_id=f"cmit-{c.clsf_id}",
                committee_name=c.name, status=_STATUS.get(m.status.value, MeetingStatus.UNKNOWN),
                start=_seoul(m.start),
                when_seen=m.when, place=m.place or "", attendees=m.attendees, agenda=m.agenda or "",
                legal_basis=c.legal_basis, category=c.category, department=m.department,
                posted_at=_seoul(m.registered),
                cancel_note=m.cancel_note,
            )  # fmt: skip
            store.put("meetings", mid, to_dict(meeting), seen_at=SEEN)
            meetings += 1
            count += 1
            items = [(d, d.attachments) for d in m.documents] + [(None, [a]) for a in m.attachments]
            for d, attachments in items:
                if count >= wanted:
                    break
                texts = []
                for att in attachments:
                    if not att.public:
                        continue
                    _, paragraphs, rows = text_of(site, att, m, d)
                    texts.append("\n".join([*paragraphs, *(" | ".join(r) for r in rows or [])]))
                if d is not None and d.kind.value == "minutes":
                    texts += ["\n".join(prose.minutes_text(seed * 1000 + k, c, m)) for k in range(1, MINUTES_ROUNDS)]
                did = f"doc-s{seed}-{d.nid}" if d is not None else f"mat-s{seed}-{attachments[0].rid}"
                level = _LEVEL.get(d.disclosure, Disclosure.PUBLIC) if d else Disclosure.PUBLIC
                document = Document(
                    document_id=did, meeting_id=mid, doc_type=_KIND[d.kind.value] if d else DocType.MATERIAL,
                    title=d.title if d else attachments[0].name, source_url=f"https://replica.test/s{seed}/{did}",
                    committee_id=f"cmit-{c.clsf_id}", disclosure=DisclosureStatus(level),
                    produced_at=_seoul(d.produced) if d else meeting.posted_at,
                )  # fmt: skip
                for i, text in enumerate(texts):
                    sha = archive.texts.put(text.encode("utf-8"))
                    path = f"text/{archive.texts.relpath(sha)}"
                    record = FileRecord(f"file-{did}-{i}", did, mid, f"{did}-{i}.hwp", FileStatus.OK,
                                        text_path=path, text_chars=len(text))  # fmt: skip
                    store.put("files", record.file_id, to_dict(record), seen_at=SEEN)
                    document.file_ids.append(record.file_id)
                    chars += len(text.encode("utf-8"))
                store.put("documents", did, to_dict(document), seen_at=SEEN)
                count += 1
    archive.close()
    return {"documents": count, "meetings": meetings, "text_mb": round(chars / 1e6, 1), "seeds": seed}


def _seoul(value: datetime) -> datetime:
    return value.replace(tzinfo=SEOUL) if value.tzinfo is None else value
