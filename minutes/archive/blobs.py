"""Content-addressed storage for raw pages, files and extracted text.

Bytes are stored once under their sha256 (`ab/cd/abcd…`), written through a temporary file and an
atomic rename, so a blob either exists whole or not at all, and the same page fetched twice costs no
space.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from minutes.archive.store import write_atomic

_SHA = re.compile(r"^[0-9a-f]{64}$")


class BlobStore:
    def __init__(self, root: Path, suffix: str = "") -> None:
        self.root = Path(root)
        self.suffix = suffix

    def relpath(self, sha256: str) -> str:
        if not _SHA.match(sha256):
            raise ValueError(f"not a sha256 digest: {sha256!r}")
        return f"{sha256[:2]}/{sha256[2:4]}/{sha256}{self.suffix}"

    def path(self, sha256: str) -> Path:
        return self.root / self.relpath(sha256)

    def put(self, payload: bytes) -> str:
        """Store `payload` and return its sha256."""
        digest = hashlib.sha256(payload).hexdigest()
        target = self.path(digest)
        if not target.exists():
            # Content-addressed and rewritable from the site: atomic, but not fsynced one by one.
            write_atomic(target, payload, durable=False)
        return digest

    def get(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()

    def exists(self, sha256: str) -> bool:
        return bool(_SHA.match(sha256)) and self.path(sha256).exists()
