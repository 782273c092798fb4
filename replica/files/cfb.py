"""A minimal writer of OLE compound files (CFB version 3), the container HWP 5 documents live in.

Only what the replica needs: a fixed tree of storages and streams written in one go. Streams under
4096 bytes go to the mini stream, because readers (olefile among them) look for small streams there
and nowhere else. The directory is laid out as a balanced binary tree whose deepest incomplete level
is red and the rest black, which is a valid red-black tree whatever the number of siblings.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from dataclasses import dataclass, field

SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
ENTRIES_PER_FAT_SECTOR = SECTOR // 4
FREESECT = 0xFFFFFFFF
ENDOFCHAIN = 0xFFFFFFFE
FATSECT = 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF
MAX_HEADER_FAT_SECTORS = 109  # beyond this a DIFAT chain is needed; ~7 MB files, plenty here
SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")

Tree = Mapping[str, "bytes | Tree"]
"""A storage: names to stream contents (bytes) or to nested storages."""


@dataclass
class _Entry:
    name: str
    kind: int  # 1 storage, 2 stream, 5 root
    data: bytes = b""
    children: list[_Entry] = field(default_factory=list)
    sid: int = 0
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM
    black: bool = True
    start: int = ENDOFCHAIN
    size: int = 0


def build_cfb(tree: Tree) -> bytes:
    """Lay out a compound file whose root storage holds `tree`."""
    root = _Entry("Root Entry", 5, children=_entries(tree))
    entries = _flatten(root)
    for entry in entries:
        if entry.kind != 2:
            _link_children(entry)

    mini_stream = bytearray()
    mini_fat: list[int] = []
    for entry in entries:
        if entry.kind == 2 and 0 < len(entry.data) < MINI_CUTOFF:
            entry.size = len(entry.data)
            entry.start = _append_chain(mini_fat, mini_stream, entry.data, MINI_SECTOR)
        elif entry.kind == 2:
            entry.size = len(entry.data)

    big = [e for e in entries if e.kind == 2 and len(e.data) >= MINI_CUTOFF]
    dir_sectors = _ceil(len(entries) * 128, SECTOR)
    minifat_sectors = _ceil(len(mini_fat) * 4, SECTOR)
    ministream_sectors = _ceil(len(mini_stream), SECTOR)
    data_sectors = dir_sectors + minifat_sectors + ministream_sectors
    data_sectors += sum(_ceil(len(e.data), SECTOR) for e in big)
    fat_sectors = 1
    while fat_sectors * ENTRIES_PER_FAT_SECTOR < fat_sectors + data_sectors:
        fat_sectors += 1
    if fat_sectors > MAX_HEADER_FAT_SECTORS:
        raise ValueError("compound file too large for a header-only FAT (about 7 MB)")

    fat: list[int] = [FATSECT] * fat_sectors
    body = bytearray()

    def place(payload: bytes) -> int:
        count = _ceil(len(payload), SECTOR)
        if count == 0:
            return ENDOFCHAIN
        first = len(fat)
        fat.extend(range(first + 1, first + count))
        fat.append(ENDOFCHAIN)
        body.extend(payload.ljust(count * SECTOR, b"\0"))
        return first

    dir_start = len(fat)
    body.extend(b"\0" * (dir_sectors * SECTOR))  # filled in once every start sector is known
    fat.extend(range(dir_start + 1, dir_start + dir_sectors))
    fat.append(ENDOFCHAIN)
    minifat_start = place(b"".join(struct.pack("<I", n) for n in mini_fat))
    root.start = place(bytes(mini_stream))
    root.size = len(mini_stream)
    for entry in big:
        entry.start = place(entry.data)

    directory = b"".join(_dir_entry(e) for e in entries)
    directory = directory.ljust(dir_sectors * SECTOR, b"\0")
    # Unused directory slots must read as empty entries with NOSTREAM links.
    empty = _empty_dir_entry()
    slots = [directory[i : i + 128] for i in range(0, len(directory), 128)]
    slots[len(entries) :] = [empty] * (len(slots) - len(entries))
    body[0 : dir_sectors * SECTOR] = b"".join(slots)

    fat_bytes = b"".join(struct.pack("<I", n) for n in fat)
    fat_bytes = fat_bytes.ljust(fat_sectors * SECTOR, b"\xff")
    header = _header(
        fat_sectors=fat_sectors,
        dir_start=dir_start,
        minifat_start=minifat_start if mini_fat else ENDOFCHAIN,
        minifat_sectors=minifat_sectors,
    )
    return header + fat_bytes + bytes(body)


def _entries(tree: Tree) -> list[_Entry]:
    out = []
    for name, value in tree.items():
        if len(name) > 31:
            raise ValueError(f"compound file names are at most 31 characters: {name!r}")
        if isinstance(value, bytes | bytearray):
            out.append(_Entry(name, 2, data=bytes(value)))
        else:
            out.append(_Entry(name, 1, children=_entries(value)))
    return out


def _flatten(root: _Entry) -> list[_Entry]:
    entries: list[_Entry] = []
    pending = [root]
    while pending:
        entry = pending.pop(0)
        entry.sid = len(entries)
        entries.append(entry)
        pending.extend(entry.children)
    return entries


def _sort_key(entry: _Entry) -> tuple[int, str]:
    """The compound-file order: shorter names first, then by upper-cased code units."""
    return (len(entry.name.encode("utf-16-le")), entry.name.upper())


def _link_children(parent: _Entry) -> None:
    siblings = sorted(parent.children, key=_sort_key)
    if not siblings:
        return
    depth = max(1, len(siblings).bit_length())  # number of levels of a balanced tree

    def build(lo: int, hi: int, level: int) -> int:
        if lo > hi:
            return NOSTREAM
        mid = (lo + hi + 1) // 2
        node = siblings[mid]
        node.black = not (level == depth - 1 and len(siblings) != (1 << depth) - 1)
        node.left = build(lo, mid - 1, level + 1)
        node.right = build(mid + 1, hi, level + 1)
        return node.sid

    parent.child = build(0, len(siblings) - 1, 0)


def _append_chain(fat: list[int], stream: bytearray, payload: bytes, size: int) -> int:
    count = _ceil(len(payload), size)
    first = len(fat)
    fat.extend(range(first + 1, first + count))
    fat.append(ENDOFCHAIN)
    stream.extend(payload.ljust(count * size, b"\0"))
    return first


def _dir_entry(entry: _Entry) -> bytes:
    name = (entry.name + "\0").encode("utf-16-le")
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        name,
        len(name),
        entry.kind,
        1 if entry.black else 0,
        entry.left,
        entry.right,
        entry.child,
        b"\0" * 16,
        0,
        0,
        0,
        entry.start if entry.kind != 1 else 0,
        entry.size,
    )


def _empty_dir_entry() -> bytes:
    return struct.pack("<64sHBBIII16sIQQIQ", b"", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM, b"\0" * 16, 0, 0, 0, 0, 0)


def _header(*, fat_sectors: int, dir_start: int, minifat_start: int, minifat_sectors: int) -> bytes:
    difat = list(range(fat_sectors)) + [FREESECT] * (MAX_HEADER_FAT_SECTORS - fat_sectors)
    head = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        SIGNATURE,
        b"\0" * 16,
        0x003E,  # minor version
        0x0003,  # major version 3: 512-byte sectors
        0xFFFE,  # little-endian byte order mark
        9,  # sector shift: 2**9
        6,  # mini sector shift: 2**6
        b"\0" * 6,
        0,  # directory sector count: always 0 in version 3
        fat_sectors,
        dir_start,
        0,  # transaction signature
        MINI_CUTOFF,
        minifat_start,
        minifat_sectors,
        ENDOFCHAIN,  # no DIFAT sectors
        0,
    )
    return head + struct.pack(f"<{MAX_HEADER_FAT_SECTORS}I", *difat)


def _ceil(size: int, unit: int) -> int:
    return -(-size // unit)
