"""Read the text of an HWP 5.0 document with olefile alone.

pyhwp's converter drops table cells and needs an undeclared dependency; walking the records
ourselves takes ~1 ms a file and keeps everything that is text: body paragraphs, table cells, text
boxes, headers, footers and foot/endnotes are all `HWPTAG_PARA_TEXT` records, the nested ones at
deeper levels. Password and distribution documents are recognised from the `FileHeader` flags and
their encrypted streams are never decoded; the unencrypted `PrvText` preview is kept instead.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from dataclasses import dataclass

import olefile

SIGNATURE = b"HWP Document File"
FLAG_COMPRESSED = 0x1
FLAG_PASSWORD = 0x2
FLAG_DISTRIBUTION = 0x4
TAG_PARA_HEADER = 66
TAG_PARA_TEXT = 67
_SECTION = re.compile(r"BodyText/Section(\d+)")
_CONTROL = re.compile(rb"[\x00-\x1f]\x00")
# Controls that take 8 WCHARs (the code, 6 units of parameters, the code again): extended controls
# (1-3, 11-12, 14-18, 21-23: sections, tables, shapes, notes, headers...) and inline ones (4-9,
# 19-20: field end, tab...). The rest of 0-31 are one WCHAR.
_WIDE = frozenset({1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23})
_ONE = {10: "\n", 13: "\n", 24: "-", 30: " ", 31: " "}  # line/paragraph break, hyphen, spaces
_TAB = 9
_PARA_END = 13
_CHUNK = 1 << 16


class Hwp5Error(ValueError):
    """The file's own structure is broken, or it inflates past the size limit.

    `partial` keeps what could still be read (earlier sections, else the preview), so a damaged
    file still leaves some text behind.
    """

    def __init__(self, message: str, partial: str = "") -> None:
        super().__init__(message)
        self.partial = partial


@dataclass(frozen=True)
class Hwp5Document:
    text: str
    preview: str  # the PrvText stream: the start of the document, as the writer saved it
    version: str
    password: bool
    distribution: bool


def read_hwp5(payload: bytes, *, max_unzipped_bytes: int) -> Hwp5Document:
    """Return the document's text, or for an encrypted one its flags and preview only."""
    try:
        ole = olefile.OleFileIO(io.BytesIO(payload))  # olefile takes short bytes for a file name
    except Exception as error:  # olefile raises OSError, struct.error, IndexError... on damage
        raise Hwp5Error(f"not a readable OLE compound file: {error}") from error
    with ole:
        header = _stream(ole, "FileHeader")
        if len(header) < 40 or not header.startswith(SIGNATURE):
            raise Hwp5Error("no HWP 5 FileHeader")
        version_word, flags = struct.unpack_from("<II", header, 32)
        version = ".".join(str((version_word >> shift) & 0xFF) for shift in (24, 16, 8, 0))
        preview = _preview(ole)
        password = bool(flags & FLAG_PASSWORD)
        distribution = bool(flags & FLAG_DISTRIBUTION)
        if password or distribution:
            return Hwp5Document("", preview, version, password, distribution)
        sections = sorted(
            (int(match.group(1)), "/".join(entry))
            for entry in ole.listdir()
            if (match := _SECTION.fullmatch("/".join(entry)))
        )
        if not sections:
            raise Hwp5Error("no BodyText/Section stream")
        budget = max_unzipped_bytes
        paragraphs: list[str] = []
        for _, name in sections:
            try:
                raw = _stream(ole, name)
                body = _inflate(raw, budget) if flags & FLAG_COMPRESSED else raw
                paragraphs.extend(section_paragraphs(body))
            except Hwp5Error as error:
                raise Hwp5Error(f"{name}: {error}", "\n".join(paragraphs) or preview) from error
            budget -= len(body)
    return Hwp5Document("\n".join(paragraphs), preview, version, False, False)


def section_paragraphs(body: bytes) -> list[str]:
    """Each paragraph's text, in record order: a paragraph's own text before what it anchors.

    A paragraph whose only content is a control (the anchor of a table or a shape) yields nothing;
    a genuinely empty paragraph yields an empty line, as it shows on the page.
    """
    paragraphs: list[str | None] = []
    offset, end = 0, len(body)
    while offset + 4 <= end:
        (word,) = struct.unpack_from("<I", body, offset)
        offset += 4
        tag, size = word & 0x3FF, word >> 20
        if size == 0xFFF:
            if offset + 4 > end:
                break
            (size,) = struct.unpack_from("<I", body, offset)
            offset += 4
        if offset + size > end:
            raise Hwp5Error(f"record {tag} runs past the end of its section")
        if tag == TAG_PARA_HEADER:
            paragraphs.append("")
        elif tag == TAG_PARA_TEXT and paragraphs:
            text, anchors_only = para_text(body[offset : offset + size])
            paragraphs[-1] = None if anchors_only else text
        offset += size
    return [text for text in paragraphs if text is not None]


def para_text(units: bytes) -> tuple[str, bool]:
    """Decode one PARA_TEXT record; also say whether it held only controls and no text.

    Control parameters are arbitrary 16-bit values (a control id such as 'tbl ' reads as two CJK
    characters), so controls are located on the raw bytes at even offsets, never in decoded text.
    """
    out: list[str] = []
    had_control = False
    position, end = 0, len(units)
    while position < end:
        match = _CONTROL.search(units, position)
        while match is not None and match.start() % 2:
            match = _CONTROL.search(units, match.start() + 1)
        stop = match.start() if match else end
        if stop > position:
            out.append(units[position:stop].decode("utf-16-le", "replace"))
        if match is None:
            break
        code = units[stop]
        if code in _WIDE:
            had_control = had_control or code != _TAB
            out.append("\t" if code == _TAB else "")
            position = stop + 16
        else:
            last = stop + 2 >= end
            out.append("" if code == _PARA_END and last else _ONE.get(code, ""))
            position = stop + 2
    text = "".join(out)
    return text, had_control and not text.strip()


def _inflate(raw: bytes, budget: int) -> bytes:
    """Raw-deflate, stopping at `budget` bytes so a crafted stream cannot exhaust memory."""
    inflater = zlib.decompressobj(-15)
    parts: list[bytes] = []
    produced = 0
    data = raw
    try:
        while data:
            chunk = inflater.decompress(data, _CHUNK)
            produced += len(chunk)
            if produced > budget:
                raise Hwp5Error("body inflates past the size limit")
            parts.append(chunk)
            data = inflater.unconsumed_tail
        parts.append(inflater.flush())
    except zlib.error as error:
        raise Hwp5Error(f"body stream does not inflate: {error}") from error
    if not inflater.eof:
        raise Hwp5Error("body stream is truncated")
    return b"".join(parts)


def _stream(ole: olefile.OleFileIO, name: str) -> bytes:
    try:
        with ole.openstream(name) as stream:
            return stream.read()
    except Exception as error:
        raise Hwp5Error(f"stream {name} unreadable: {error}") from error


def _preview(ole: olefile.OleFileIO) -> str:
    if not ole.exists("PrvText"):
        return ""
    try:
        with ole.openstream("PrvText") as stream:
            data = stream.read()
    except Exception:  # a damaged preview must not cost the body
        return ""
    return data.decode("utf-16-le", "replace").replace("\r\n", "\n").rstrip("\x00")
