"""Write PDF attachments with Korean text, for the replica site.

The text is set in reportlab's built-in Korean CID font (HYSMyeongJo-Medium, Adobe-Korea1 with the
UniKS-UCS2-H encoding). It is referenced, not embedded, so no font file is needed on the machine
(Debian's fonts-nanum may be absent) and files stay a few KB; viewers substitute their own Korean
font. pdfplumber reads the text back through the Adobe-Korea1 character collection: all 11,172
Hangul syllables, KS X 1001 hanja and ASCII come back exactly, with word spacing. A handful of
punctuation marks do not (they come back as another mark or vanish), so they are written as the
nearest mark that does; see `SUBSTITUTES`.
"""

from __future__ import annotations

import io
import threading
import unicodedata

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "HYSMyeongJo-Medium"
FONT_SIZE = 11
LEADING = 18
MARGIN = 56  # points, about 2 cm
SUBSTITUTES = str.maketrans(
    {
        "\u00b7": "\u318d",  # MIDDLE DOT -> HANGUL LETTER ARAEA, the middle dot Korean documents use
        "\u2027": "\u318d",  # HYPHENATION POINT
        "\u2219": "\u318d",  # BULLET OPERATOR
        "\u223c": "~",  # TILDE OPERATOR
        "\uff5e": "~",  # FULLWIDTH TILDE
        "\u2013": "-",  # EN DASH
        "\u2014": "-",  # EM DASH
        "\u2015": "-",  # HORIZONTAL BAR
        "\t": " ",
    }
)
"""Characters whose Adobe-Korea1 round trip fails, mapped to ones whose round trip holds."""

pdfmetrics.registerFont(UnicodeCIDFont(FONT))


_SAVE_LOCK = threading.Lock()


def build_pdf(title: str, paragraphs: list[str]) -> bytes:
    """Return an A4 PDF setting `paragraphs` one after another, wrapped at word boundaries.

    `title` is document metadata (the PDF /Title), not drawn, so the text read back is the
    paragraphs' words in order. Text is drawn NFC-composed, since the font has syllables, not
    conjoining jamo. A "\\n" inside a paragraph starts a new line; a word wider than a line is
    broken between characters.
    """
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
    page.setTitle(title)
    page.setCreator("Open Minutes Seoul replica")
    width, height = A4
    line_width = width - 2 * MARGIN
    y = height - MARGIN
    page.setFont(FONT, FONT_SIZE)
    for paragraph in paragraphs:
        text = unicodedata.normalize("NFC", paragraph).translate(SUBSTITUTES)  # the font has no jamo
        for line in _wrap(text, line_width) or [""]:
            if y < MARGIN:
                page.showPage()
                page.setFont(FONT, FONT_SIZE)
                y = height - MARGIN
            if line:
                page.drawString(MARGIN, y, line)
            y -= LEADING
    page.showPage()
    # ASCII85-armouring the compressed streams is reportlab's default and, without its optional C
    # accelerator, half the build time; binary streams are as valid and a fifth smaller. The
    # setting is global, so it is restored; another thread saving meanwhile just gets binary too.
    # useA85 is process-wide: the replica builds files on many server threads at once, and a build
    # that saw another thread's setting came out ASCII85-armoured, different bytes for the same file.
    with _SAVE_LOCK:
        armour, rl_config.useA85 = rl_config.useA85, 0
        try:
            page.save()
        finally:
            rl_config.useA85 = armour
    return buffer.getvalue()


def _width(text: str) -> float:
    return pdfmetrics.stringWidth(text, FONT, FONT_SIZE)


def _wrap(paragraph: str, limit: float) -> list[str]:
    lines: list[str] = []
    space = _width(" ")
    for source_line in paragraph.split("\n"):
        current: list[str] = []
        used = 0.0
        for word in source_line.split():
            size = _width(word)
            if current and used + space + size > limit:
                lines.append(" ".join(current))
                current, used = [], 0.0
            if size > limit:
                pieces = _break_word(word, limit)
                lines.extend(pieces[:-1])
                word, size = pieces[-1], _width(pieces[-1])
            used += size + (space if current else 0.0)
            current.append(word)
        lines.append(" ".join(current))
    return lines


def _break_word(word: str, limit: float) -> list[str]:
    pieces, current = [], ""
    for ch in word:
        if current and _width(current + ch) > limit:
            pieces.append(current)
            current = ""
        current += ch
    return [*pieces, current]
