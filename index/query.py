"""Reading what a citizen typed: words, "quoted phrases", -exclusions and OR, never an error.

The grammar is small on purpose and every input has a reading:

    query   := item*
    item    := ["-" | "NOT "] (word | "quoted phrase")  [ "OR" item ]...
    (AND is the default and the word AND is ignored; parentheses and stray operators are dropped;
    an unclosed quote runs to the end of the query)

so `"unclosed AND ( OR` reads as the phrase `unclosed AND ( OR` → the words it contains.

Korean particles are taken off unquoted words (회의록을 → 회의록, 위원회에서 → 위원회) when at
least two syllables remain: since the stem is a substring of the word, searching the stem finds
every document the word would, and the ones that write the word with another particle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.analysis import normalize

# Longest first. Only taken off when two or more syllables remain (회의 stays 회의).
PARTICLES = (
    "에서부터", "으로부터", "에게서", "으로서", "으로써", "에서는", "에서도", "에서의", "까지는", "부터는",
    "에서", "에게", "께서", "으로", "로서", "로써", "부터", "까지", "처럼", "보다", "이나", "이며", "이고",
    "마다", "조차", "에는", "에도", "와는", "과는", "이란", "라는",
    "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만",
)  # fmt: skip
_HANGUL_END = re.compile(r"[\uac00-\ud7a3]+$")
_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_STRAY = re.compile(r"^[()\[\]{}+*?!~^:|&]+|[()\[\]{}+*?!~^:|&]+$")


@dataclass(frozen=True, slots=True)
class Clause:
    """One thing to find: a word (particles off) or a quoted phrase of words."""

    words: tuple[str, ...]
    phrase: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """AND of `must` (each an OR of alternatives), minus anything matching a `must_not` clause."""

    must: tuple[tuple[Clause, ...], ...] = ()
    must_not: tuple[Clause, ...] = field(default=())

    @property
    def empty(self) -> bool:
        return not self.must

    def clauses(self) -> list[Clause]:
        return [clause for group in self.must for clause in group]


def strip_particle(word: str) -> str:
    """회의록을 → 회의록; 회의 → 회의 (the stem must keep two syllables)."""
    run = _HANGUL_END.search(word)
    if not run:
        return word
    for particle in PARTICLES:
        if word.endswith(particle) and len(run.group()) - len(particle) >= 2:
            return word[: -len(particle)]
    return word


def parse(text: str) -> ParsedQuery:
    """Parse leniently: whatever cannot be read as an operator is searched as words."""
    must: list[list[Clause]] = []
    must_not: list[Clause] = []
    negate = join_or = False
    for match in _TOKEN.finditer(normalize(text or "")):
        quoted, bare = match.group(1), match.group(2)
        if quoted is None:
            if bare == "OR":
                join_or = bool(must)
                continue
            if bare in ("AND", "&&"):
                continue
            if bare in ("NOT", "!"):
                negate = True
                continue
            if bare.startswith("-") and len(bare) > 1:
                negate, bare = True, bare[1:]
            if bare.startswith('"'):
                quoted, bare = bare.strip('"'), None
        if quoted is not None:
            words = tuple(w for w in (_clean(w) for w in quoted.split()) if w)
            clause = Clause(words, phrase=len(words) > 1) if words else None
        else:
            word = _clean(bare or "")
            clause = Clause((strip_particle(word),)) if word else None
        if clause is None:
            negate = join_or = False
            continue
        if negate:
            must_not.append(clause)
        elif join_or:
            must[-1].append(clause)
        else:
            must.append([clause])
        negate = join_or = False
    return ParsedQuery(tuple(tuple(group) for group in must), tuple(must_not))


def _clean(word: str) -> str:
    word = _STRAY.sub("", word)
    return word if any(ch.isalnum() for ch in word) else ""
