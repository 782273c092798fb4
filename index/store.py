"""Where the live index is: `index_dir/CURRENT` names one build directory beside it.

A full rebuild writes a new `build-…` directory and then replaces `CURRENT` with an atomic rename,
so a reader sees the old index or the new one, never a half-written one, and a searcher already
open on the old build keeps working (the previous build is kept until the next rebuild). Each build
records its schema version in `meta.json`; opening a build of another version is refused.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.index import FileIndex

from index.errors import IndexMissing, SchemaMismatch
from index.schema import SCHEMA_VERSION
from minutes.archive.store import write_atomic

CURRENT = "CURRENT"
META = "meta.json"


@dataclass(frozen=True, slots=True)
class Build:
    """One build directory and the Whoosh index in it."""

    path: Path
    ix: FileIndex

    @property
    def name(self) -> str:
        return self.path.name


def current_path(index_dir: Path) -> Path | None:
    """The live build directory, or None when nothing was ever built."""
    pointer = Path(index_dir) / CURRENT
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return Path(index_dir) / name if name else None


def open_current(index_dir: Path) -> Build:
    """The live build, checked: raises IndexMissing or SchemaMismatch with what to run."""
    path = current_path(index_dir)
    if path is None or not (path / META).exists():
        raise IndexMissing(f"no search index in {index_dir}: run `minutes index` to build it")
    check_schema(path)
    return Build(path, whoosh_index.open_dir(str(path)))


def check_schema(path: Path) -> None:
    meta = json.loads((path / META).read_text(encoding="utf-8"))
    found = meta.get("schema_version")
    if found != SCHEMA_VERSION:
        raise SchemaMismatch(
            f"the search index in {path.parent} has schema version {found}, this program reads version "
            f"{SCHEMA_VERSION}: run `minutes index --rebuild` to rebuild it"
        )


def new_build_dir(index_dir: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    path = Path(index_dir) / f"build-{stamp}"
    path.mkdir(parents=True)
    return path


def write_meta(path: Path, **extra: object) -> None:
    meta = {"schema_version": SCHEMA_VERSION, "built_at": datetime.now(UTC).isoformat(), **extra}
    write_atomic(path / META, json.dumps(meta, indent=2).encode("utf-8"))


def swap_in(index_dir: Path, path: Path) -> None:
    """Make `path` the live build (atomic), then remove builds older than the one it replaces."""
    previous = current_path(index_dir)
    write_atomic(Path(index_dir) / CURRENT, (path.name + "\n").encode("utf-8"))
    keep = {path.name, previous.name if previous else ""}
    for other in Path(index_dir).glob("build-*"):
        if other.name not in keep:
            shutil.rmtree(other, ignore_errors=True)
