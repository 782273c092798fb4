"""Write genuine HWP 5.0 documents (한글 .hwp) for the replica site's attachments.

The city publishes most minutes as HWP 5 files, so the crawler has to be exercised on the real
container: an OLE compound file holding a `FileHeader`, a `DocInfo`, raw-deflated `BodyText/SectionN`
record streams and a `PrvText` preview. The records written are the ones text extraction depends on
(paragraph header, text and char-shape runs, and a table control with its cells); page layout records
that only a renderer needs are left out, which is why Hancom's own word processor may refuse them.
Password-protected and distribution (배포용) documents are mimicked by setting the same header flags
and filling the encrypted streams with deterministic noise, as the real ones look to a reader that
has no key.
"""

from __future__ import annotations

import hashlib
import struct
import uuid
import zlib

from replica.files.cfb import build_cfb

SIGNATURE = b"HWP Document File"
VERSION = 0x05000107  # 5.0.1.7, the version Hancom Office 2007-2010 writes
FLAG_COMPRESSED = 0x1
FLAG_PASSWORD = 0x2
FLAG_DISTRIBUTION = 0x4

HWPTAG_BEGIN = 0x10
TAG_DOCUMENT_PROPERTIES = HWPTAG_BEGIN
TAG_ID_MAPPINGS = HWPTAG_BEGIN + 1
TAG_PARA_HEADER = HWPTAG_BEGIN + 50
TAG_PARA_TEXT = HWPTAG_BEGIN + 51
TAG_PARA_CHAR_SHAPE = HWPTAG_BEGIN + 52
TAG_CTRL_HEADER = HWPTAG_BEGIN + 55
TAG_LIST_HEADER = HWPTAG_BEGIN + 56
TAG_PAGE_DEF = HWPTAG_BEGIN + 57
TAG_FOOTNOTE_SHAPE = HWPTAG_BEGIN + 58
TAG_PAGE_BORDER_FILL = HWPTAG_BEGIN + 59
TAG_TABLE = HWPTAG_BEGIN + 61

PARA_END = 13
LINE_BREAK = 10
TAB = 9
TABLE_CONTROL = 11
SECTION_CONTROL = 2
TABLE_ID = b" lbt"  # the control id 'tbl ' as a little-endian 32-bit word
SECTION_ID = b"dces"  # 'secd'
COLUMNS_ID = b"dloc"  # 'cold'
PREVIEW_CHARS = 1000
SUMMARY_FMTID = uuid.UUID("9FA2B660-1061-11D4-B4C6-006097C09D8C")  # HWP's summary property set
SUMMARY_STREAM = "\x05HwpSummaryInformation"
CELL_WIDTH = 8000  # HWPUNIT, 1/7200 inch
CELL_HEIGHT = 1000

DISTRIBUTION_NOTICE = (
    "이 문서는 상위 버전의 배포용 문서입니다. 문서를 읽으려면 최신 버전의 한글 또는 한글 전용 뷰어가 필요합니다."
)


def build_hwp5(
    paragraphs: list[str],
    *,
    table_rows: list[list[str]] | None = None,
    password: bool = False,
    distribution: bool = False,
) -> bytes:
    """Return an HWP 5.0 file whose body is `paragraphs`, then `table_rows` as a table, if any.

    A "\\n" inside a paragraph or cell is written as a line break control and a "\\t" as a tab
    control, as Hancom does; reading the body back gives the paragraphs, then each cell's text in
    row order, one per line.
    """
    rows = table_rows or []
    body = _section(paragraphs, rows)
    flags = FLAG_COMPRESSED
    streams: dict[str, bytes | dict[str, bytes]] = {}
    if password:
        flags |= FLAG_PASSWORD
        section = _noise(body, len(body) // 2 + 64)  # no preview: it would give the text away
    elif distribution:
        flags |= FLAG_DISTRIBUTION
        section = _deflate(_section([DISTRIBUTION_NOTICE], []))
        streams["ViewText"] = {"Section0": _noise(body, 256 + len(body) // 2)}
        streams["PrvText"] = _preview(paragraphs, rows)
    else:
        section = _deflate(body)
        streams["PrvText"] = _preview(paragraphs, rows)
    streams.update(
        {
            SUMMARY_STREAM: _summary(),
            "FileHeader": _file_header(flags),
            "DocInfo": _deflate(_doc_info()),
            "BodyText": {"Section0": section},
        }
    )
    return build_cfb(streams)


def record(tag: int, level: int, payload: bytes) -> bytes:
    """One record: a 32-bit header (tag 10 bits, level 10 bits, size 12 bits) then the payload."""
    size = len(payload)
    if size < 0xFFF:
        return struct.pack("<I", tag | (level << 10) | (size << 20)) + payload
    return struct.pack("<II", tag | (level << 10) | (0xFFF << 20), size) + payload


def _file_header(flags: int) -> bytes:
    return struct.pack("<32sII", SIGNATURE, VERSION, flags).ljust(256, b"\0")


def _summary() -> bytes:
    """An OLE property set with an empty dictionary and title, as Hancom writes: readers expect it."""
    dictionary = struct.pack("<I", 0)  # no named properties
    title = struct.pack("<II", 0x1F, 1) + b"\0\0\0\0"  # VT_LPWSTR of one NUL, padded to 4 bytes
    index = struct.pack("<IIII", 0, 24, 2, 24 + len(dictionary))
    section = struct.pack("<II", 24 + len(dictionary) + len(title), 2) + index + dictionary + title
    head = struct.pack("<HHI16sI", 0xFFFE, 0, 0x00020105, SUMMARY_FMTID.bytes_le, 1)
    return head + SUMMARY_FMTID.bytes_le + struct.pack("<I", 48) + section


def _doc_info() -> bytes:
    # Section count 1, every start number 1, then list/para/char caret position 0.
    properties = struct.pack("<7H3I", 1, 1, 1, 1, 1, 1, 1, 0, 0, 0)
    id_mappings = struct.pack("<16i", *([0] * 16))
    return record(TAG_DOCUMENT_PROPERTIES, 0, properties) + record(TAG_ID_MAPPINGS, 0, id_mappings)


def _section(paragraphs: list[str], rows: list[list[str]]) -> bytes:
    out = bytearray(_section_start(paragraphs[0] if paragraphs else ""))
    for text in paragraphs[1:]:
        out += _paragraph(text, 0)
    if rows:
        out += _table(rows, 0)
    return bytes(out)


def _section_start(text: str) -> bytes:
    """The first paragraph, carrying the section and column definitions every section opens with.

    Readers that model layout (pyhwp among them) expect them; A4 portrait, one column.
    """
    controls = b"".join(
        struct.pack("<H", SECTION_CONTROL) + ctrl_id + b"\0" * 8 + struct.pack("<H", SECTION_CONTROL)
        for ctrl_id in (SECTION_ID, COLUMNS_ID)
    )
    out = bytearray(_paragraph(text, 0, controls=controls, mask=1 << SECTION_CONTROL, split=3))
    out += record(TAG_CTRL_HEADER, 1, SECTION_ID + struct.pack("<IhhhI5HII", 0, 1134, 0, 0, 8000, 1, 0, 0, 0, 0, 0, 0))
    page = (59528, 84188, 8504, 8504, 5668, 4252, 4252, 4252, 0, 0)  # A4 in HWPUNIT, margins, attr
    out += record(TAG_PAGE_DEF, 2, struct.pack("<10I", *page))
    for length, unknown, spacing in ((-1, -1, 283), (12280, 224, 0)):  # footnotes, then endnotes
        note = struct.pack("<IHHHHhhhhhBBI", 0, 0, 0, 41, 1, length, unknown, 850, 567, spacing, 1, 1, 0)
        out += record(TAG_FOOTNOTE_SHAPE, 2, note)
    for _ in range(3):  # both pages, even pages, odd pages
        out += record(TAG_PAGE_BORDER_FILL, 2, struct.pack("<I4hH", 1, 1417, 1417, 1417, 1417, 0))
    out += record(TAG_CTRL_HEADER, 1, COLUMNS_ID + struct.pack("<HhHBBI", 0x1004, 0, 0, 0, 0, 0))
    return bytes(out)


def _paragraph(text: str, level: int, *, controls: bytes = b"", mask: int = 0, split: int = 0) -> bytes:
    units = controls + _encode_text(text) + struct.pack("<H", PARA_END)
    nchars = len(units) // 2
    if "\n" in text:
        mask |= 1 << LINE_BREAK
    if "\t" in text:
        mask |= 1 << TAB
    header = struct.pack("<IIHBBHHHI", nchars, mask, 0, 0, split, 1, 0, 0, 0)
    out = record(TAG_PARA_HEADER, level, header)
    if nchars > 1:  # an empty paragraph has no text record, as in Hancom's files
        out += record(TAG_PARA_TEXT, level + 1, units)
    return out + record(TAG_PARA_CHAR_SHAPE, level + 1, struct.pack("<II", 0, 0))


def _encode_text(text: str) -> bytes:
    if not any(ch < " " for ch in text):
        return text.encode("utf-16-le")
    out = bytearray()
    for ch in text:
        if ch == "\n":
            out += struct.pack("<H", LINE_BREAK)
        elif ch == "\t":
            out += struct.pack("<H", TAB) + b"\0" * 12 + struct.pack("<H", TAB)
        elif ch >= " ":
            out += ch.encode("utf-16-le")
    return bytes(out)


def _table(rows: list[list[str]], level: int) -> bytes:
    n_rows, n_cols = len(rows), max(len(row) for row in rows)
    anchor = struct.pack("<H", TABLE_CONTROL) + TABLE_ID + b"\0" * 8 + struct.pack("<H", TABLE_CONTROL)
    out = bytearray(_paragraph("", level, controls=anchor, mask=1 << TABLE_CONTROL))
    # Common object properties: attributes, offsets, size, z-order, margins, instance id.
    common = struct.pack(
        "<IiiIIi4HIi",
        0x082A2210,
        0,
        0,
        CELL_WIDTH * n_cols,
        CELL_HEIGHT * n_rows,
        0,
        140,
        140,
        140,
        140,
        0,
        0,
    )
    out += record(TAG_CTRL_HEADER, level + 1, TABLE_ID + common)
    table = struct.pack("<IHHh4H", 0x04000006, n_rows, n_cols, 0, 510, 510, 141, 141)
    table += struct.pack(f"<{n_rows}H", *([n_cols] * n_rows)) + struct.pack("<HH", 1, 0)
    out += record(TAG_TABLE, level + 2, table)
    for r, row in enumerate(rows):
        for c in range(n_cols):
            lines = (row[c] if c < len(row) else "").split("\n")
            cell = struct.pack("<hHI", len(lines), 0, 0)
            cell += struct.pack("<4H2I4HHI", c, r, 1, 1, CELL_WIDTH, CELL_HEIGHT, 510, 510, 141, 141, 1, CELL_WIDTH)
            out += record(TAG_LIST_HEADER, level + 2, cell)
            for line in lines:
                out += _paragraph(line, level + 2)
    return bytes(out)


def _preview(paragraphs: list[str], rows: list[list[str]]) -> bytes:
    lines = [p.replace("\n", " ") for p in paragraphs]
    lines += ["".join(f"<{cell}>" for cell in row) for row in rows]
    text = "\r\n".join(lines)[:PREVIEW_CHARS]
    return (text + "\r\n").encode("utf-16-le")


def _deflate(data: bytes) -> bytes:
    """HWP compresses with raw deflate: zlib's stream without the zlib header or checksum."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def _noise(seed: bytes, size: int) -> bytes:
    """Deterministic bytes that look like ciphertext: the same document always gives the same file."""
    return hashlib.shake_256(hashlib.sha256(seed).digest()).digest(size)
