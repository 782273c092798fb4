"""Korean-aware analysis: character bigrams over Hangul runs, behind one function.

Korean writes compounds without spaces and glues particles to words (도시계획위원회의, 회의록을), so
Whoosh's default analyzer, which keeps each run of letters whole, finds neither 위원회 in
도시계획위원회 nor 회의록 in 회의록을. Overlapping character bigrams (what Lucene's CJK bigram filter
does) make every substring of two or more syllables findable: a query word becomes the phrase of its
bigrams, and consecutive positions make that phrase match exactly the places where the word occurs.

Rules, each pinned by an exact-token test (`tests/test_index_analysis.py`):

- text is NFKC-normalised (full-width ＶＥ２０２４ → VE2024, compatibility forms folded, Hangul composed);
- a Hangul run of two or more syllables gives its overlapping bigrams, a single syllable itself;
- Han ideographs (한자) are bigrammed the same way, in runs of their own;
- Hangul is split from digits and Latin (제24조 → 제 / 24 / 조); Latin and digit runs are single
  lower-case tokens (VE → ve, 2024 → 2024);
- no bigram bridges a space or punctuation, so 의결 is not found in "회의 결과" (see `tech-notes.md`:
  bridging buys "도시 계획" ≡ "도시계획" at the price of such false hits; a query written with the
  space, "도시 계획", still finds 도시계획).

A morphological analyzer (kiwipiepy) was the alternative; it analyses 0.25 MB/s against this one's
~10 MB/s and needs a 330–515 MB model per process, which alone would put a 500 MB corpus past the
build-time budget (see `index/bench.py` and the report in the issue).

`terms()` is the fast path the index writer uses (plain tuples, no Token objects); the Whoosh
`KoreanTokenizer` wraps the same function so query parsing and highlighting agree with indexing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from whoosh.analysis import Analyzer, Token, Tokenizer

# Hangul syllables | Han ideographs (CJK, Ext. A, compatibility) | any other letters or digits.
_RUNS = re.compile(
    r"(?P<hangul>[\uac00-\ud7a3]+)"
    r"|(?P<han>[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)"
    r"|(?P<other>[^\W_\uac00-\ud7a3\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)"
)


def normalize(text: str) -> str:
    """The form text is indexed, stored and highlighted in: NFKC (which also composes Hangul)."""
    return unicodedata.normalize("NFKC", text)


def terms(text: str) -> list[tuple[str, int, int]]:
    """(term, start, end) for every token of already-normalised `text`; list index = position."""
    out: list[tuple[str, int, int]] = []
    append = out.append
    for match in _RUNS.finditer(text):
        start, end = match.span()
        if match.lastgroup == "other":
            append((match.group().lower(), start, end))
        elif end - start == 1:
            append((match.group(), start, end))
        else:
            run = match.group()
            out.extend((run[i : i + 2], start + i, start + i + 2) for i in range(end - start - 1))
    return out


def runs(text: str) -> list[tuple[str, str, int, int]]:
    """(kind, text, start, end) for each run of already-normalised `text`; kind is hangul/han/other.

    Runs of `other` are lower-cased: they are compared case-insensitively everywhere.
    """
    out = []
    for match in _RUNS.finditer(text):
        kind = match.lastgroup or "other"
        run = match.group()
        out.append((kind, run.lower() if kind == "other" else run, *match.span()))
    return out


def index_terms(text: str) -> dict[str, int]:
    """Every term the index holds for normalised `text`, with its frequency.

    Beside the analyzer's tokens (`terms()`), two kinds of lookup keys make the common queries
    single-term lookups instead of phrase checks over positions (measured: 위원회 as a bigram
    phrase took 107 ms on 5,000 documents, as one trigram term 1.1 ms):

    - trigrams of every CJK run of three or more syllables (위원회 is one term, and a longer word
      is the AND of its overlapping trigrams);
    - joins where a CJK run touches a Latin or digit run with nothing between them
      (제24조 → 제_24, 24_조), so that mixed-script words need no positions either.
      `_` never occurs inside a token, so joins cannot collide with tokens.
    """
    counts: dict[str, int] = {}
    get = counts.get
    previous: tuple[str, str, int, int] | None = None
    for kind, run, start, end in runs(text):
        n = end - start
        if kind == "other" or n == 1:
            counts[run] = get(run, 0) + 1
        else:
            for i in range(n - 1):
                gram = run[i : i + 2]
                counts[gram] = get(gram, 0) + 1
            for i in range(n - 2):
                gram = run[i : i + 3]
                counts[gram] = get(gram, 0) + 1
        if previous is not None and previous[3] == start and (previous[0] == "other") != (kind == "other"):
            join = f"{_right_edge(previous)}_{_left_edge(kind, run)}"
            counts[join] = get(join, 0) + 1
        previous = (kind, run, start, end)
    return counts


def _right_edge(run: tuple[str, str, int, int]) -> str:
    return run[1] if run[0] == "other" else run[1][-1]


def _left_edge(kind: str, run: str) -> str:
    return run if kind == "other" else run[0]


def word_terms(word: str) -> list[str]:
    """The index terms that must all be present for a document to contain `word`.

    A CJK run of one or two syllables is its own term, of three a trigram, longer ones the
    overlapping trigrams; Latin/digit runs are lower-cased tokens; touching runs of different
    scripts add their join. A single syllable standing alone is searched as itself; inside a
    mixed word (제 in 제24조) its join carries it.
    """
    found = runs(normalize(word))
    out: list[str] = []
    for i, (kind, run, start, end) in enumerate(found):
        n = end - start
        if kind == "other" or n <= 3:
            if not (n == 1 and kind != "other" and len(found) > 1 and _touches(found, i)):
                out.append(run)
        else:
            out.extend(run[j : j + 3] for j in range(n - 2))
        if i and found[i - 1][3] == start and (found[i - 1][0] == "other") != (kind == "other"):
            out.append(f"{_right_edge(found[i - 1])}_{_left_edge(kind, run)}")
    return list(dict.fromkeys(out))


def _touches(found: list[tuple[str, str, int, int]], i: int) -> bool:
    before = i > 0 and found[i - 1][3] == found[i][2]
    after = i + 1 < len(found) and found[i + 1][2] == found[i][3]
    return before or after


def words(text: str) -> list[str]:
    """The token texts of raw `text` (normalised first): what a query word is searched as."""
    return [term for term, _, _ in terms(normalize(text))]


class KoreanTokenizer(Tokenizer):
    """Whoosh's side of `terms()`. Lives at a stable import path: Whoosh pickles it into the index.

    Holds no state, so the pickle is a class reference and nothing more.
    """

    def __eq__(self, other: object) -> bool:
        return isinstance(other, KoreanTokenizer)

    def __hash__(self) -> int:
        return hash(KoreanTokenizer)

    def __call__(  # type: ignore[override]
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        # Offsets refer to the normalised text: the index stores text already normalised
        # (NFKC is idempotent), so offsets into what is stored and highlighted are exact.
        items = terms(normalize(value)) if tokenize else [(normalize(value).lower(), 0, len(value))]
        for pos, (text, start, end) in enumerate(items):
            token.text = text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = text
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token


def korean_analyzer() -> Analyzer:
    """The one analyzer every Korean text field uses, at index and at query time."""
    return KoreanTokenizer()
