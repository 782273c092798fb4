"""Read the text of a PDF attachment with pdfplumber.

pdfplumber keeps Korean word spacing where pypdf loses nearly all spaces (see the tech notes), which
matters because the index splits words on spaces. Pages are read one at a time and released, so a
long PDF does not hold every page's layout objects at once.
"""

from __future__ import annotations

import io
import logging

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

logging.getLogger("pdfminer").setLevel(logging.ERROR)  # damaged files warn on every object


class PdfError(ValueError):
    """pdfplumber could not read the file; the message says why."""


class PdfEncrypted(PdfError):
    """The PDF needs a password to open."""


def read_pdf(payload: bytes) -> str:
    """Return each page's text, pages separated by a newline."""
    pages: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(payload)) as pdf:
            for page in pdf.pages:
                pages.append(page.extract_text() or "")
                page.close()
    except Exception as error:  # pdfminer raises a wide, undocumented range of errors
        cause = _cause(error)
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise PdfEncrypted(f"password-protected PDF: {type(cause).__name__}") from error
        raise PdfError(f"{type(cause).__name__}: {cause}".strip(": ")) from error
    return "\n".join(pages)


def _cause(error: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's error in PdfminerException; the wrapped one says what happened."""
    while error.args and isinstance(error.args[0], BaseException):
        error = error.args[0]
    return error
