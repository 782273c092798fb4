"""The state of a crawl run, kept on disk so that an interrupted crawl resumes where it stopped.

A run that did not finish (Ctrl-C, a kill, a crash) is resumed by the next `minutes crawl` against the
same site: pages already fetched in that run are served from the archive instead of the network, and
the run keeps its original start time, so records not seen since then can be marked vanished only
once the whole site has been walked.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from minutes.archive.store import write_atomic


@dataclass(slots=True)
class RunState:
    run_id: str
    base_url: str
    started_at: str  # ISO, Asia/Seoul
    status: str = "running"  # running | interrupted | finished
    resumed_times: int = 0
    finished_at: str | None = None
    summary: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def new(cls, base_url: str, now: datetime) -> RunState:
        return cls(run_id=uuid.uuid4().hex[:12], base_url=base_url, started_at=now.isoformat())

    @property
    def started(self) -> datetime:
        return datetime.fromisoformat(self.started_at)


def run_path(state_dir: Path) -> Path:
    return state_dir / "run.json"


def load(state_dir: Path) -> RunState | None:
    path = run_path(state_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return RunState(**data)
    except (OSError, ValueError, TypeError):
        return None


def save(state_dir: Path, state: RunState) -> None:
    payload = json.dumps(asdict(state), ensure_ascii=False, indent=2).encode("utf-8")
    write_atomic(run_path(state_dir), payload)


def begin(state_dir: Path, base_url: str, now: datetime, *, fresh: bool = False) -> RunState:
    """Resume the unfinished run for this site, or start a new one."""
    previous = load(state_dir)
    if not fresh and previous and previous.status != "finished" and previous.base_url == base_url:
        previous.status = "running"
        previous.resumed_times += 1
        save(state_dir, previous)
        return previous
    state = RunState.new(base_url, now)
    save(state_dir, state)
    return state
