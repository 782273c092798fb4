"""Read the text of an HWPX (OWPML) document.

An HWPX file is a zip of XML parts, so it is refused, never inflated blindly: members are read
only through a size-capped stream (declared sizes can lie), the total read is capped, and a
document type declaration is refused outright, since no OWPML part has one and entities are how
XML bombs and external-entity reads work. The parser is the standard library's expat, driven
directly so the refusal happens before any entity is declared.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.parsers import expat

NS_PARAGRAPH = "http://www.hancom.co.kr/hwpml/2011/paragraph"
MAX_MEMBERS = 10_000
_SECTION = re.compile(r"Contents/section(\d+)\.xml")
_CHUNK = 1 << 16
_P = f"{NS_PARAGRAPH} p"
_T = f"{NS_PARAGRAPH} t"
_RUN = f"{NS_PARAGRAPH} run"
_INLINE = {
    f"{NS_PARAGRAPH} lineBreak": "\n",
    f"{NS_PARAGRAPH} tab": "\t",
    f"{NS_PARAGRAPH} nbSpace": " ",
    f"{NS_PARAGRAPH} fwSpace": " ",
    f"{NS_PARAGRAPH} hyphen": "-",
}


class HwpxRefused(ValueError):
    """The file is not read: too big when inflated, too many members, or an XML declaration."""


def read_hwpx(payload: bytes, *, max_unzipped_bytes: int) -> str:
    """Return the text of every section, paragraph by paragraph, table cells included.

    A paragraph's own text comes before the text of tables, text boxes or notes anchored in it,
    which is the order the records of an HWP 5 file give, so both formats read alike.
    """
    budget = [max_unzipped_bytes]
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise HwpxRefused(f"{len(infos)} zip members, more than {MAX_MEMBERS}")
        sections = sorted(
            ((int(match.group(1)), info) for info in infos if (match := _SECTION.fullmatch(info.filename))),
            key=lambda pair: pair[0],
        )
        if not sections:
            raise ValueError("no Contents/section*.xml in the package")
        paragraphs: list[str] = []
        for _, info in sections:
            paragraphs.extend(_section_paragraphs(archive, info, budget, max_unzipped_bytes))
    return "\n".join(paragraphs)


def _section_paragraphs(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int], limit: int) -> list[str]:
    if info.file_size > min(budget[0], limit):
        raise HwpxRefused(f"{info.filename} declares {info.file_size} bytes, over the {limit}-byte limit")
    reader = _SectionReader()
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise HwpxRefused(f"more than {limit} bytes once inflated")
            reader.feed(chunk)
    reader.close()
    return reader.paragraphs()


class _SectionReader:
    """Streams one section part, keeping each paragraph's text in document order of its start."""

    def __init__(self) -> None:
        self._parser = expat.ParserCreate(namespace_separator=" ")
        self._parser.StartDoctypeDeclHandler = self._refuse_doctype
        self._parser.EntityDeclHandler = self._refuse_entity
        self._parser.ExternalEntityRefHandler = self._refuse_external
        self._parser.StartElementHandler = self._start
        self._parser.EndElementHandler = self._end
        self._parser.CharacterDataHandler = self._data
        self._parser.buffer_text = True
        self._slots: list[list[str] | None] = []  # one per paragraph, None for a bare anchor
        self._objects: list[bool] = []  # per open paragraph: holds a table, picture or control
        self._open: list[int] = []  # slot index of each open paragraph, innermost last
        self._stack: list[str] = []  # names of the open elements
        self._in_text = 0

    def feed(self, chunk: bytes) -> None:
        self._parser.Parse(chunk, False)

    def close(self) -> None:
        self._parser.Parse(b"", True)

    def paragraphs(self) -> list[str]:
        return ["".join(parts) for parts in self._slots if parts is not None]

    def _start(self, name: str, _attrs: dict[str, str]) -> None:
        parent = self._stack[-1] if self._stack else ""
        self._stack.append(name)
        if name == _P:
            self._open.append(len(self._slots))
            self._slots.append([])
            self._objects.append(False)
        elif name == _T:
            self._in_text += 1
        elif self._in_text and name in _INLINE:
            self._append(_INLINE[name])
        elif parent == _RUN and self._objects:
            self._objects[-1] = True  # a table, picture, shape or control sits in this paragraph

    def _end(self, name: str) -> None:
        self._stack.pop()
        if name == _P and self._open:
            slot = self._open.pop()
            had_objects = self._objects.pop()
            parts = self._slots[slot]
            if had_objects and parts is not None and not "".join(parts).strip():
                self._slots[slot] = None  # a paragraph that only anchors a table or shape
        elif name == _T:
            self._in_text -= 1

    def _data(self, text: str) -> None:
        if self._in_text:
            self._append(text)

    def _append(self, text: str) -> None:
        if self._open:
            parts = self._slots[self._open[-1]]
            if parts is not None:
                parts.append(text)

    @staticmethod
    def _refuse_doctype(*_args: object) -> None:
        raise HwpxRefused("XML document type declaration refused")

    @staticmethod
    def _refuse_entity(*_args: object) -> None:
        raise HwpxRefused("XML entity declaration refused")

    @staticmethod
    def _refuse_external(*_args: object) -> int:
        raise HwpxRefused("XML external entity refused")
