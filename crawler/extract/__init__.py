"""Turn a downloaded attachment into text, or into a status that says why there is none.

`extract` is the crawler's one entry point: it trusts only the bytes (see `sniff`), hands them to
the reader for that format, and maps every failure to a `FileStatus` with a reason, because an
attachment is never silently dropped from the archive. Text is NFC-normalised with one line per
paragraph and trailing spaces removed; line breaks are kept, since paragraphs carry the speaker
turns of the minutes.
"""

from __future__ import annotations

import unicodedata
import zipfile
from dataclasses import dataclass

from crawler.extract.html import read_html, read_plain
from crawler.extract.hwp5 import Hwp5Error, read_hwp5
from crawler.extract.hwpx import HwpxRefused, read_hwpx
from crawler.extract.pdf import PdfEncrypted, PdfError, read_pdf
from crawler.extract.sniff import Kind, sniff
from minutes.vocabulary import FileStatus

DEFAULT_MAX_UNZIPPED_BYTES = 128 * 1024 * 1024


@dataclass
class Extraction:
    """What an attachment yielded.

    `text` is set only when `status` is OK. `preview` holds whatever partial text survives when it
    is not: the PrvText preview of a distribution document, or what could be read of a damaged one.
    """

    status: FileStatus
    text: str
    media_type: str
    reason: str = ""
    preview: str = ""


def extract(
    payload: bytes,
    *,
    name: str = "",
    content_type: str = "",
    max_unzipped_bytes: int = DEFAULT_MAX_UNZIPPED_BYTES,
) -> Extraction:
    """Extract the text of `payload`; never raises on bad input.

    `name` and `content_type` never decide the format (the site labels everything
    application/octet-stream); `name` only appears in reasons, and a charset in `content_type` is
    honoured for HTML and text.
    """
    try:
        found = sniff(payload)
    except Exception as error:  # sniffing is defensive already; this is the last line
        return Extraction(FileStatus.CORRUPT, "", "application/octet-stream", f"unreadable: {error!r}")
    media_type = found.media_type
    label = f" ({name})" if name else ""
    try:
        if found.kind is Kind.EMPTY:
            return Extraction(FileStatus.DOWNLOAD_ERROR, "", media_type, f"empty download{label}")
        if found.kind is Kind.ERROR_BODY:
            reason = f"the site answered 'error' instead of the file{label}"
            return Extraction(FileStatus.DOWNLOAD_ERROR, "", media_type, reason)
        if found.kind is Kind.UNSUPPORTED:
            return Extraction(FileStatus.UNSUPPORTED, "", media_type, f"{found.detail} not read{label}")
        if found.kind is Kind.DAMAGED:
            return Extraction(FileStatus.CORRUPT, "", media_type, f"{found.detail}{label}")
        if found.kind is Kind.UNKNOWN:
            return Extraction(FileStatus.UNSUPPORTED, "", media_type, f"unrecognised file format{label}")
        if found.kind is Kind.HWP5:
            return _hwp5(payload, media_type, max_unzipped_bytes)
        if found.kind is Kind.HWPX:
            text = read_hwpx(payload, max_unzipped_bytes=max_unzipped_bytes)
        elif found.kind is Kind.PDF:
            text = read_pdf(payload)
        elif found.kind is Kind.HTML:
            text = read_html(payload, content_type)
        else:
            text = read_plain(payload, content_type)
    except PdfEncrypted as error:
        return Extraction(FileStatus.ENCRYPTED, "", media_type, str(error))
    except HwpxRefused as error:
        return Extraction(FileStatus.CORRUPT, "", media_type, f"refused: {error}")
    except PdfError as error:
        return Extraction(FileStatus.CORRUPT, "", media_type, str(error))
    except Hwp5Error as error:
        return Extraction(FileStatus.CORRUPT, "", media_type, str(error), tidy(error.partial))
    except (ValueError, zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as error:
        return Extraction(FileStatus.CORRUPT, "", media_type, f"{type(error).__name__}: {error}")
    except Exception as error:  # a reader bug must cost one file, not the crawl
        return Extraction(FileStatus.CORRUPT, "", media_type, f"unreadable: {type(error).__name__}: {error}")
    return _done(tidy(text), media_type)


def tidy(text: str) -> str:
    """NFC, Unix newlines, no trailing spaces on a line, no blank lines at either end."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def _hwp5(payload: bytes, media_type: str, max_unzipped_bytes: int) -> Extraction:
    document = read_hwp5(payload, max_unzipped_bytes=max_unzipped_bytes)
    preview = tidy(document.preview)
    if document.password:
        reason = f"password-protected HWP {document.version} document: body encrypted"
        return Extraction(FileStatus.ENCRYPTED, "", media_type, reason, preview)
    if document.distribution:
        reason = (
            f"HWP {document.version} distribution document (배포용): body encrypted; "
            "preview holds only the PrvText preview, the start of the document"
        )
        return Extraction(FileStatus.DISTRIBUTION, "", media_type, reason, preview)
    return _done(tidy(document.text), media_type)


def _done(text: str, media_type: str) -> Extraction:
    if not text.strip():
        return Extraction(FileStatus.EMPTY, "", media_type, "the file holds no text")
    return Extraction(FileStatus.OK, text, media_type)


__all__ = ["DEFAULT_MAX_UNZIPPED_BYTES", "Extraction", "extract", "tidy"]
