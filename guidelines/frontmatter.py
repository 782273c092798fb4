"""A tiny, strict reader for the front matter of the guideline's Markdown files.

The rules are content that officials and auditors read and that the checks run from, so a typo must
stop the build with the file and line, not turn into a rule that silently checks nothing. Only the
small YAML subset the rule files use is accepted (no new dependency):

    key: value                 a string; "quoted" strings use JSON escapes; integers stay integers
    key: [a, b, c]             a flow list of plain scalars
    key:                       a block list ...
      - item
    key:                       ... or a block mapping of scalars or flow lists
      sub: value

Tabs, duplicate keys, unknown indentation and anything else are errors.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

Scalar = str | int
Value = Scalar | list[Scalar] | dict[str, Scalar | list[Scalar]]

_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):(?:\s+(.*))?$")
_INT = re.compile(r"^-?\d+$")


class ContentError(ValueError):
    """A guideline file that does not follow the format; says which file and line."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")
        self.path = str(path)
        self.line = line


def split_front_matter(text: str, path: Path | str) -> tuple[dict[str, Value], str, int]:
    """(front matter, body, the body's first line number) of a file that starts with `---`."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ContentError(path, 1, "the file must start with a '---' line opening the front matter")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise ContentError(path, len(lines), "the front matter is not closed by a '---' line") from None
    meta = parse_front_matter(lines[1:end], path, first_line=2)
    return meta, "\n".join(lines[end + 1 :]), end + 2


def parse_front_matter(lines: list[str], path: Path | str, first_line: int = 1) -> dict[str, Value]:
    """Parse the subset described in the module docstring; raise ContentError on anything else."""
    out: dict[str, Value] = {}
    current: str | None = None  # the key whose indented block we are in
    for offset, raw in enumerate(lines):
        lineno = first_line + offset
        if "\t" in raw:
            raise ContentError(path, lineno, "tabs are not allowed; indent with two spaces")
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        line = raw.strip()
        if indent == 0:
            match = _KEY.match(line)
            if not match:
                raise ContentError(path, lineno, f"expected 'key: value', got {line!r}")
            key, value = match.group(1), match.group(2)
            if key in out:
                raise ContentError(path, lineno, f"duplicate key {key!r}")
            if value is None or value == "":
                out[key] = []  # a block follows; its first line decides list or mapping
                current = key
            else:
                out[key] = _value(value, path, lineno)
                current = None
            continue
        if indent != 2 or current is None:
            raise ContentError(path, lineno, "unexpected indentation (blocks are indented by two spaces under 'key:')")
        block = out[current]
        if line.startswith("- ") or line == "-":
            if isinstance(block, dict):
                raise ContentError(path, lineno, f"{current!r} mixes list items and 'key: value' lines")
            assert isinstance(block, list)
            item = line[1:].strip()
            if not item:
                raise ContentError(path, lineno, "empty list item")
            block.append(_scalar(item, path, lineno))
            continue
        match = _KEY.match(line)
        if not match or not match.group(2):
            raise ContentError(path, lineno, f"expected '- item' or 'key: value' under {current!r}, got {line!r}")
        if isinstance(block, list):
            if block:
                raise ContentError(path, lineno, f"{current!r} mixes list items and 'key: value' lines")
            block = out[current] = {}
        sub = match.group(1)
        if sub in block:
            raise ContentError(path, lineno, f"duplicate key {current}.{sub}")
        parsed = _value(match.group(2), path, lineno)
        if isinstance(parsed, dict):  # pragma: no cover - _value never returns a mapping
            raise ContentError(path, lineno, "mappings nest one level only")
        block[sub] = parsed
    return out


def _value(text: str, path: Path | str, lineno: int) -> Scalar | list[Scalar]:
    text = text.strip()
    if text.startswith("["):
        if not text.endswith("]"):
            raise ContentError(path, lineno, f"unclosed flow list {text!r}")
        inner = text[1:-1].strip()
        if not inner:
            return []
        return [_scalar(part.strip(), path, lineno) for part in inner.split(",")]
    if text.startswith("{"):
        raise ContentError(path, lineno, "flow mappings are not supported; use an indented block")
    return _scalar(text, path, lineno)


def _scalar(text: str, path: Path | str, lineno: int) -> Scalar:
    if not text:
        raise ContentError(path, lineno, "empty value")
    if text.startswith('"'):
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ContentError(path, lineno, f"bad quoted string {text!r}: {exc.msg}") from None
        if not isinstance(value, str):
            raise ContentError(path, lineno, f"bad quoted string {text!r}")
        return value
    if text.startswith("'"):
        raise ContentError(path, lineno, "use double quotes for quoted strings")
    if _INT.match(text):
        return int(text)
    if text[0] in "[]{}&*!|>%@`" or text.endswith(":"):
        raise ContentError(path, lineno, f"quote this value: {text!r}")
    return text


def split_sections(body: str, path: Path | str, first_line: int, level: int = 2) -> dict[str, str]:
    """The body's `## Heading` sections (or `###` with level=3), by heading, in order.

    Text before the first heading must be blank; headings must be unique.
    """
    marker = "#" * level + " "
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for offset, line in enumerate(body.splitlines()):
        if line.startswith(marker):
            heading = line[len(marker) :].strip()
            if heading in sections:
                raise ContentError(path, first_line + offset, f"duplicate section {heading!r}")
            sections[heading] = []
            current = heading
        elif current is None:
            if line.strip():
                raise ContentError(path, first_line + offset, f"text before the first '{marker.strip()}' heading")
        else:
            sections[current].append(line)
    return {heading: "\n".join(lines).strip() for heading, lines in sections.items()}
