"""Snippets: HTML-escaped text around the matches, with only our own `<mark>` tags.

Matches are found with the same patterns that verify phrases (`index.matching`), on the stored,
normalised text, so what is marked is what was searched. This replaces Whoosh's highlighter,
which re-tokenises each whole document into Token objects (tens of milliseconds per page of
results at 5 KB a document); every piece of text is escaped before any tag is added.
"""

from __future__ import annotations

import html
import re

WIDTH = 180
FRAGMENTS = 2
ELLIPSIS = " … "


def snippet(text: str, patterns: list[re.Pattern[str]], *, width: int = WIDTH, fragments: int = FRAGMENTS) -> str:
    """Up to `fragments` windows of about `width` characters around the first matches."""
    text = " ".join(text.split())
    spans = sorted({m.span() for p in patterns for m in p.finditer(text) if m.end() > m.start()})
    spans = _disjoint(spans)
    if not spans:
        return html.escape(_cut(text, 0, width)[0])
    windows: list[tuple[int, int]] = []
    for start, end in spans:
        if windows and start < windows[-1][1]:
            continue
        if len(windows) == fragments:
            break
        lo = max(0, start - width // 3)
        if lo:
            space = text.rfind(" ", max(0, lo - 15), start)
            lo = space + 1 if space >= 0 else lo
        windows.append((lo, min(len(text), max(end, lo + width))))
    out = []
    for n, (lo, hi) in enumerate(windows):
        piece, pos = [], lo
        for start, end in spans:
            if start >= lo and end <= hi:
                piece.append(html.escape(text[pos:start]))
                piece.append(f"<mark>{html.escape(text[start:end])}</mark>")
                pos = end
        piece.append(html.escape(text[pos:hi]))
        lead = "…" if lo and n == 0 else ""
        tail = "…" if hi < len(text) and n == len(windows) - 1 else ""
        out.append(lead + "".join(piece) + tail)
    return ELLIPSIS.join(out)


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _cut(text: str, lo: int, width: int) -> tuple[str, int]:
    hi = min(len(text), lo + width)
    return text[lo:hi] + ("…" if hi < len(text) else ""), hi
