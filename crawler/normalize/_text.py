"""Input preparation shared by every normalising function.

Spiders hand over whatever a page showed: ``None`` for a missing cell, full-width digits typed in a
word processor, non-breaking spaces, decomposed Hangul. Every function starts from the same cleaned
form so that a format is recognised the same way wherever it turns up.
"""

from __future__ import annotations

import unicodedata

from minutes.vocabulary import clean_text


def prepare(text: object) -> str:
    """NFC and whitespace-clean `text`; anything that is not a string becomes ``""``."""
    if not isinstance(text, str):
        return ""
    return clean_text(text)


def prepare_compat(text: object) -> str:
    """Like `prepare`, after NFKC: full-width digits, colons and parentheses become ASCII.

    Only for values read as numbers and punctuation (dates, counts, disclosure grounds, phones).
    Names are never NFKC'd: NFKC rewrites the category separator U+318D (ㆍ) into a combining jamo,
    and a name must be kept as the site spelled it.
    """
    if not isinstance(text, str):
        return ""
    return clean_text(unicodedata.normalize("NFKC", text))
