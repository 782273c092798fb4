"""The archive on disk: records (JSON Lines + journal), raw blobs and extracted text.

ArchiveStore  - records of every kind, versioned, written atomically
BlobStore     - bytes by content hash (pages, files, extracted text)
Archive       - the three together for one data directory
"""

from minutes.archive.archive import Archive
from minutes.archive.blobs import BlobStore
from minutes.archive.store import ArchiveLockedError, ArchiveStore, Change

__all__ = ["Archive", "ArchiveLockedError", "ArchiveStore", "BlobStore", "Change"]
