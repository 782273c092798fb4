"""Turn response bytes into text, trusting the bytes over the labels.

Korean public sites serve older pages in EUC-KR (really CP949), sometimes labelled, sometimes not,
and sometimes labelled wrongly. A strict decode with the declared charset is tried first, then
UTF-8, then CP949; only if all fail is the declared charset applied with replacement characters,
so a page is never lost for a bad byte.
"""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.IGNORECASE)

# EUC-KR labels mean CP949 in practice: CP949 is its superset and what the sites really emit.
_ALIASES = {"euc-kr": "cp949", "euc_kr": "cp949", "euckr": "cp949", "ks_c_5601-1987": "cp949", "ksc5601": "cp949"}


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = _ALIASES.get(label.strip().lower(), label.strip().lower())
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(body: bytes, content_type: str = "") -> str | None:
    match = _HEADER_CHARSET.search(content_type or "")
    if match and _codec(match.group(1)):
        return _codec(match.group(1))
    meta = _META_CHARSET.search(body[:4096])
    if meta:
        return _codec(meta.group(1).decode("ascii", "ignore"))
    return None


def decode_body(body: bytes, content_type: str = "") -> tuple[str, str]:
    """Return (text, codec used)."""
    declared = declared_charset(body, content_type)
    for candidate in dict.fromkeys(c for c in (declared, "utf-8", "cp949") if c):
        try:
            return body.decode(candidate), candidate
        except UnicodeDecodeError:
            continue
    fallback = declared or "utf-8"
    return body.decode(fallback, errors="replace"), f"{fallback}+replace"
