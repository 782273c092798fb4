"""One data directory's archive: records, raw blobs and extracted text, opened together."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

from minutes.archive.blobs import BlobStore
from minutes.archive.store import ArchiveStore
from minutes.domain import Committee, Document, FileRecord, Meeting, from_dict

T = TypeVar("T")

_KIND_OF: dict[type, str] = {
    Committee: "committees",
    Meeting: "meetings",
    Document: "documents",
    FileRecord: "files",
}


class Archive:
    def __init__(self, data_dir: Path, *, writable: bool = False) -> None:
        self.data_dir = Path(data_dir)
        self.store = ArchiveStore(self.data_dir / "archive", writable=writable)
        self.blobs = BlobStore(self.data_dir / "blobs")
        self.texts = BlobStore(self.data_dir / "text", suffix=".txt")

    def all(self, cls: type[T], *, include_vanished: bool = True) -> Iterator[T]:
        """Current version of every record of one domain type."""
        for env in self.store.records(_KIND_OF[cls], include_vanished=include_vanished):
            yield from_dict(cls, env["data"])

    def one(self, cls: type[T], record_id: str) -> T | None:
        env = self.store.get(_KIND_OF[cls], record_id)
        return None if env is None else from_dict(cls, env["data"])

    def text_of(self, record: FileRecord) -> str:
        """The extracted text of a file, or '' when none was extracted."""
        if not record.text_path:
            return ""
        path = self.data_dir / record.text_path
        return path.read_text(encoding="utf-8") if path.exists() else ""

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
