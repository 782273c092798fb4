"""Read the text of an HTML or plain-text attachment.

Korean government pages are still often EUC-KR, and the download's Content-Type is generic, so
the charset is taken from the Content-Type parameter, then the page's own meta tag, then UTF-8,
then CP949 (a superset of EUC-KR), in that order.
"""

from __future__ import annotations

import codecs
import re

from bs4 import BeautifulSoup

_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_ALIASES = {"euc-kr": "cp949", "euc_kr": "cp949", "ks_c_5601-1987": "cp949", "x-windows-949": "cp949"}
_DROP = ("script", "style", "noscript", "template", "head")
_BLOCKS = (
    "p",
    "div",
    "br",
    "tr",
    "li",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "pre",
    "blockquote",
    "dd",
    "dt",
)
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_RUN = re.compile(r"\n{2,}")


def decode(payload: bytes, content_type: str = "") -> str:
    """Decode text bytes with the best-supported charset; never raises."""
    if payload.startswith(codecs.BOM_UTF8):
        return payload[3:].decode("utf-8", "replace")
    if payload.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return payload.decode("utf-16", "replace")
    declared = [_CHARSET.search(content_type.encode("latin-1", "replace")), _CHARSET.search(payload[:4096])]
    candidates = [m.group(1).decode("ascii").lower() for m in declared if m]
    for name in [*candidates, "utf-8", "cp949"]:
        codec = _ALIASES.get(name, name)
        try:
            return payload.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("cp949", "replace")


def read_html(payload: bytes, content_type: str = "") -> str:
    """Return the visible text of the page body, one line per block element."""
    soup = BeautifulSoup(decode(payload, content_type), "html.parser")
    for tag in soup(_DROP):
        tag.decompose()
    for tag in soup(_BLOCKS):
        if tag.name == "br":
            tag.replace_with("\n")
        else:
            tag.insert_after("\n")
    for cell in soup(("td", "th")):
        cell.insert_after(" ")
    root = soup.body or soup
    lines = (_SPACES.sub(" ", line).strip() for line in root.get_text().split("\n"))
    return _BLANK_RUN.sub("\n", "\n".join(lines)).strip()  # blank lines are source layout


def read_plain(payload: bytes, content_type: str = "") -> str:
    """Return a plain-text file's text as it is."""
    return decode(payload, content_type)
