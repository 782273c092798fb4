"""The little Markdown the guideline's texts use, as HTML: paragraphs, lists, **bold**, `code`.

The content is ours, so a full Markdown library is not needed; everything is escaped first, and
only these few marks become tags.
"""

from __future__ import annotations

import html
import re

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CODE = re.compile(r"`([^`]+)`")


def inline(text: str) -> str:
    """Escape a line and turn **bold** and `code` into tags."""
    escaped = html.escape(text, quote=True)
    escaped = _CODE.sub(r"<code>\1</code>", escaped)
    return _BOLD.sub(r"<strong>\1</strong>", escaped)


def to_html(text: str) -> str:
    """Blocks separated by blank lines: a block of `- ` lines is a list, anything else a paragraph."""
    out = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            out.append("<ul>" + "".join(f"<li>{inline(line[2:])}</li>" for line in lines) + "</ul>")
        else:
            out.append("<p>" + " ".join(inline(line) for line in lines) + "</p>")
    return "\n".join(out)
