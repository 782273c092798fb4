"""The archive, read once into memory for the pages: committees, meetings, documents, files by id.

Every page needs joins the archive's files do not hold (a committee's meetings by year, a
meeting's documents, a document's files), so the portal reads the whole archive at startup and
builds those joins once. The holder checks the archive's file sizes and mtimes at most every
`check_every` seconds (a handful of `stat` calls) and, when they changed, builds a new model in a
background thread while the old one keeps serving, then swaps it in: a crawl running beside the
portal never stalls a request.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
import time
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from ipaddress import ip_address
from pathlib import Path
from urllib.parse import urlsplit

from minutes.archive import Archive
from minutes.domain import SEOUL, Committee, Document, FileRecord, Meeting, from_dict
from minutes.vocabulary import Category, DocType

log = logging.getLogger(__name__)

Signature = tuple[tuple[str, int, int], ...]
_WATCHED = (
    "archive/committees.jsonl",
    "archive/meetings.jsonl",
    "archive/documents.jsonl",
    "archive/files.jsonl",
    "archive/journal.jsonl",
    "state/run.json",
    "state/runs.jsonl",
)
_DOC_ORDER = {t: i for i, t in enumerate([DocType.NOTICE, DocType.RESULT, DocType.MINUTES, DocType.MATERIAL])}
_EPOCH = datetime(1900, 1, 1, tzinfo=SEOUL)


@dataclass(frozen=True, slots=True)
class Freshness:
    """The last finished crawl: when, from where."""

    finished_at: datetime | None = None
    base_url: str = ""

    @property
    def loopback(self) -> bool:
        host = urlsplit(self.base_url).hostname or ""
        if host == "localhost":
            return True
        try:
            return ip_address(host).is_loopback
        except ValueError:
            return False


@dataclass(slots=True)
class ReadModel:
    committees: dict[str, Committee] = field(default_factory=dict)
    meetings: dict[str, Meeting] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    files: dict[str, FileRecord] = field(default_factory=dict)
    vanished: set[str] = field(default_factory=set)  # ids of records no longer on the source site
    meetings_of_committee: dict[str, list[str]] = field(default_factory=dict)  # newest first
    documents_of_meeting: dict[str, list[str]] = field(default_factory=dict)  # notice, result, minutes, material
    documents_of_committee: dict[str, list[str]] = field(default_factory=dict)  # newest first
    files_of_document: dict[str, list[str]] = field(default_factory=dict)
    committees_of_category: dict[str, list[str]] = field(default_factory=dict)  # by name
    meetings_of_category: dict[str, int] = field(default_factory=dict)
    latest_minutes: list[str] = field(default_factory=list)  # minutes documents, newest first
    by_start: list[tuple[datetime, str]] = field(default_factory=list)  # meetings with a start, sorted
    freshness: Freshness = field(default_factory=Freshness)
    demo: bool = False
    signature: Signature = ()

    def category_of(self, meeting: Meeting) -> Category | None:
        """A meeting's category, or its committee's when the meeting page did not show one."""
        if meeting.category is not None:
            return meeting.category
        committee = self.committees.get(meeting.committee_id or "")
        return committee.category if committee else None

    def committee_name(self, meeting: Meeting) -> str:
        committee = self.committees.get(meeting.committee_id or "")
        return meeting.committee_name or (committee.name if committee else "")

    def upcoming(self, now: datetime, limit: int) -> list[Meeting]:
        """Meetings starting from `now` on, soonest first."""
        i = bisect_left(self.by_start, (now, ""))
        return [self.meetings[mid] for _, mid in self.by_start[i : i + limit]]


def signature(data_dir: Path) -> Signature:
    """(name, size, mtime) of every file a reload depends on: a few `stat` calls."""
    out = []
    for name in _WATCHED:
        try:
            st = (Path(data_dir) / name).stat()
        except OSError:
            continue
        out.append((name, st.st_size, st.st_mtime_ns))
    return tuple(out)


def load(data_dir: Path) -> ReadModel:
    """Read the archive and the last crawl into a `ReadModel`."""
    data_dir = Path(data_dir)
    sig = signature(data_dir)
    model = ReadModel(signature=sig)
    archive = Archive(data_dir)
    try:
        store = archive.store
        for kind, cls, target in (
            ("committees", Committee, model.committees),
            ("meetings", Meeting, model.meetings),
            ("documents", Document, model.documents),
            ("files", FileRecord, model.files),
        ):
            for env in store.records(kind):
                target[env["id"]] = from_dict(cls, env["data"])  # type: ignore[index]
                if env.get("vanished_at"):
                    model.vanished.add(env["id"])
    finally:
        archive.close()
    _join(model)
    model.freshness = _freshness(data_dir)
    model.demo = model.freshness.loopback or any(
        record.demo for records in (model.committees, model.meetings) for record in records.values()
    )
    return model


def _join(model: ReadModel) -> None:
    meetings_of_committee: dict[str, list[Meeting]] = defaultdict(list)
    meetings_of_category: dict[str, int] = defaultdict(int)
    for meeting in model.meetings.values():
        if meeting.committee_id:
            meetings_of_committee[meeting.committee_id].append(meeting)
        category = model.category_of(meeting)
        meetings_of_category[category.value if category else ""] += 1
        if meeting.start is not None:
            model.by_start.append((meeting.start.astimezone(SEOUL), meeting.meeting_id))
    model.by_start.sort()
    model.meetings_of_category = dict(meetings_of_category)
    model.meetings_of_committee = {
        cid: [m.meeting_id for m in sorted(ms, key=lambda m: (m.start or _EPOCH, m.meeting_id), reverse=True)]
        for cid, ms in meetings_of_committee.items()
    }
    files_of_document: dict[str, list[str]] = defaultdict(list)
    for document in model.documents.values():
        files_of_document[document.document_id].extend(f for f in document.file_ids if f in model.files)
    for record in model.files.values():
        if record.document_id and record.file_id not in files_of_document[record.document_id]:
            files_of_document[record.document_id].append(record.file_id)
    model.files_of_document = dict(files_of_document)
    documents_of_meeting: dict[str, list[Document]] = defaultdict(list)
    documents_of_committee: dict[str, list[Document]] = defaultdict(list)
    for document in model.documents.values():
        meeting = model.meetings.get(document.meeting_id or "")
        if meeting is not None:
            documents_of_meeting[meeting.meeting_id].append(document)
        committee_id = (meeting.committee_id if meeting else None) or document.committee_id
        if committee_id:
            documents_of_committee[committee_id].append(document)
    model.documents_of_meeting = {
        mid: [d.document_id for d in sorted(ds, key=lambda d: (_DOC_ORDER.get(d.doc_type, 9), _posted(d), d.title))]
        for mid, ds in documents_of_meeting.items()
    }
    model.documents_of_committee = {
        cid: [d.document_id for d in sorted(ds, key=lambda d: (_posted(d), d.document_id), reverse=True)]
        for cid, ds in documents_of_committee.items()
    }
    committees_of_category: dict[str, list[Committee]] = defaultdict(list)
    for committee in model.committees.values():
        committees_of_category[committee.category.value if committee.category else ""].append(committee)
    model.committees_of_category = {
        key: [c.committee_id for c in sorted(cs, key=lambda c: c.name)] for key, cs in committees_of_category.items()
    }
    minutes = [d for d in model.documents.values() if d.doc_type == DocType.MINUTES]
    minutes.sort(key=lambda d: (_posted(d), d.document_id), reverse=True)
    model.latest_minutes = [d.document_id for d in minutes[:50]]


def _posted(document: Document) -> datetime:
    return document.produced_at or _EPOCH


def _freshness(data_dir: Path) -> Freshness:
    """The newest finished crawl, from `state/runs.jsonl` (or `state/run.json` when it finished)."""
    runs: list[dict] = []
    history = data_dir / "state" / "runs.jsonl"
    if history.exists():
        for line in history.read_text(encoding="utf-8").splitlines():
            try:
                runs.append(json.loads(line))
            except json.JSONDecodeError:
                continue
    current = data_dir / "state" / "run.json"
    if current.exists():
        with contextlib.suppress(json.JSONDecodeError):
            runs.append(json.loads(current.read_text(encoding="utf-8")))
    finished = [r for r in runs if isinstance(r, dict) and r.get("finished_at")]
    if not finished:
        base = next((r.get("base_url", "") for r in reversed(runs) if isinstance(r, dict)), "")
        return Freshness(None, base)
    last = max(finished, key=lambda r: r["finished_at"])
    try:
        at = datetime.fromisoformat(last["finished_at"]).astimezone(SEOUL)
    except (TypeError, ValueError):
        at = None
    return Freshness(at, str(last.get("base_url", "")))


class ReadModelHolder:
    """One read model per process, rebuilt in the background when the archive changes."""

    def __init__(self, data_dir: Path, *, check_every: float = 2.0) -> None:
        self.data_dir = Path(data_dir)
        self.check_every = check_every
        self._model: ReadModel | None = None
        self._checked = 0.0
        self._lock = threading.Lock()
        self._loading: threading.Thread | None = None
        self.loads = 0  # how many models were built (tests check a change rebuilds once)

    def get(self) -> ReadModel:
        model = self._model
        if model is None:
            with self._lock:
                if self._model is None:
                    self._model = load(self.data_dir)
                    self.loads += 1
                    self._checked = time.monotonic()
                return self._model
        now = time.monotonic()
        if now - self._checked >= self.check_every:
            self._checked = now
            if signature(self.data_dir) != model.signature:
                self._reload_in_background()
        return model

    def _reload_in_background(self) -> None:
        with self._lock:
            if self._loading is not None and self._loading.is_alive():
                return
            self._loading = threading.Thread(target=self._reload, name="portal-readmodel", daemon=True)
            self._loading.start()

    def _reload(self) -> None:
        try:
            model = load(self.data_dir)
        except Exception:  # a half-written archive file: keep serving the old model, try again later
            log.exception("reloading the archive from %s failed", self.data_dir)
            return
        self._model = model
        self.loads += 1

    def wait(self, timeout: float = 30.0) -> None:
        """Wait for a background reload to finish (tests and benchmarks)."""
        loading = self._loading
        if loading is not None:
            loading.join(timeout)
