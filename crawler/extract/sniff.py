"""Tell an attachment's format from its own bytes.

The city's download endpoint answers `application/octet-stream` for everything and file names are
often missing or wrong, so only the signature is trusted. A failed download comes back as HTTP 200
with the body `error`; it is recognised here so it is never mistaken for a document.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from enum import StrEnum

import olefile

OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
HWP5_SIGNATURE = b"HWP Document File"
HWP3_SIGNATURE = b"HWP Document File V3"
HWPX_MEDIA_TYPE = "application/hwp+zip"
HWP_MEDIA_TYPE = "application/x-hwp"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PPTX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
UNKNOWN_MEDIA_TYPE = "application/octet-stream"
_SECTION = re.compile(r"Contents/section\d+\.xml")
_HTML_HINT = re.compile(rb"<(!doctype\s+html|html|head|body|meta|title|div|table|p|br)\b", re.IGNORECASE)
_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"BM", "image/bmp"),
)
_OOXML = (("xl/", XLSX_MEDIA_TYPE), ("word/", DOCX_MEDIA_TYPE), ("ppt/", PPTX_MEDIA_TYPE))
_OLE_KINDS = (("Workbook", "application/vnd.ms-excel"), ("WordDocument", "application/msword"))


class Kind(StrEnum):
    HWPX = "hwpx"
    HWP5 = "hwp5"
    PDF = "pdf"
    HTML = "html"
    TEXT = "text"
    ERROR_BODY = "error_body"  # the site's `error` answer to a failed download
    EMPTY = "empty"
    UNSUPPORTED = "unsupported"  # recognised, but a format we do not read
    DAMAGED = "damaged"  # a zip or OLE container too broken to tell what it holds
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Sniffed:
    kind: Kind
    media_type: str
    detail: str = ""  # what was recognised, for the reason of an unsupported file


def sniff(payload: bytes) -> Sniffed:
    """Classify `payload` by signature; never raises."""
    head = payload[:1024]
    stripped = payload.strip() if len(payload) <= 4096 else head
    if not stripped:
        return Sniffed(Kind.EMPTY, UNKNOWN_MEDIA_TYPE)
    if stripped == b"error":
        return Sniffed(Kind.ERROR_BODY, "text/plain")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(payload)
    if head.startswith(OLE_SIGNATURE):
        return _sniff_ole(payload)
    if head.startswith(HWP3_SIGNATURE):
        return Sniffed(Kind.UNSUPPORTED, HWP_MEDIA_TYPE, "HWP 3.0 document")
    if b"%PDF-" in head:
        return Sniffed(Kind.PDF, "application/pdf")
    for signature, media_type in _IMAGES:
        if head.startswith(signature):
            return Sniffed(Kind.UNSUPPORTED, media_type, "image")
    if looks_like_text(payload):
        if _HTML_HINT.search(payload[:4096]):
            return Sniffed(Kind.HTML, "text/html")
        return Sniffed(Kind.TEXT, "text/plain")
    return Sniffed(Kind.UNKNOWN, UNKNOWN_MEDIA_TYPE)


def looks_like_text(payload: bytes) -> bool:
    """True for bytes that decode as text with hardly any control characters.

    Binary data almost always holds NUL bytes or fails both UTF-8 and CP949, which is what keeps
    random bytes from passing for a text file.
    """
    sample = payload[:65536]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # UTF-16 with a byte order mark
    if b"\x00" in sample:
        return False
    controls = sum(1 for byte in sample if byte < 32 and byte not in b"\t\n\r\f")
    if controls > len(sample) // 100:
        return False
    for codec in ("utf-8", "cp949"):
        try:
            sample.decode(codec)
            return True
        except UnicodeDecodeError as error:
            if error.start >= len(sample) - 4:  # only the sample's cut-off tail is undecodable
                return True
    return False


def _sniff_zip(payload: bytes) -> Sniffed:
    try:
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            names = archive.namelist()
            mimetype = _small_member(archive, "mimetype")
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        # A truncated archive has no central directory; its first local header still names itself.
        if payload[30:38] == b"mimetype" and HWPX_MEDIA_TYPE.encode() in payload[:128]:
            return Sniffed(Kind.HWPX, HWPX_MEDIA_TYPE)
        return Sniffed(Kind.DAMAGED, "application/zip", "damaged zip archive")
    if mimetype == HWPX_MEDIA_TYPE or any(_SECTION.fullmatch(name) for name in names):
        return Sniffed(Kind.HWPX, HWPX_MEDIA_TYPE)
    for prefix, media_type in _OOXML:
        if any(name.startswith(prefix) for name in names):
            return Sniffed(Kind.UNSUPPORTED, media_type, "Office Open XML document")
    if mimetype:
        return Sniffed(Kind.UNSUPPORTED, mimetype, "zip package")
    return Sniffed(Kind.UNSUPPORTED, "application/zip", "zip archive")


def _small_member(archive: zipfile.ZipFile, name: str) -> str:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return ""
    if info.file_size > 256:
        return ""
    with archive.open(info) as member:
        return member.read(256).decode("ascii", "replace").strip()


def _sniff_ole(payload: bytes) -> Sniffed:
    # The FileHeader stream is stored uncompressed in the first sectors, so its signature is in the
    # raw bytes even when the directory that names it is damaged.
    signed = HWP5_SIGNATURE in payload[:65536]
    try:
        with olefile.OleFileIO(io.BytesIO(payload)) as ole:  # bytes under 1.5 KB would pass for a path
            if signed or ole.exists("FileHeader") or ole.exists("BodyText"):
                return Sniffed(Kind.HWP5, HWP_MEDIA_TYPE)  # if damaged, the reader says how
            for stream_name, media_type in _OLE_KINDS:
                if ole.exists(stream_name):
                    return Sniffed(Kind.UNSUPPORTED, media_type, "legacy Office document")
    except Exception:  # olefile raises many types on damaged files
        if signed:
            return Sniffed(Kind.HWP5, HWP_MEDIA_TYPE)
        return Sniffed(Kind.DAMAGED, "application/x-ole-storage", "damaged OLE compound file")
    return Sniffed(Kind.UNSUPPORTED, "application/x-ole-storage", "OLE compound file")
