"""From parsed clauses to matching documents: term lookups, exact patterns, phrase verification.

A clause needs all of its `analysis.word_terms()` in a document (each a single posting list:
bigram, trigram, join or Latin token). Unquoted words stop there. A quoted phrase is then
verified on the stored text with the clause's pattern, which is also what highlights it, so a
phrase found is always a phrase shown. Patterns follow the analyzer's rules: Hangul matches as a
substring, a lone syllable and Latin/digit runs only as whole tokens, case-insensitively, with any
up to eight spaces or punctuation marks allowed between the words of a phrase.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import IndexReader

from index.analysis import normalize, runs, word_terms
from index.query import Clause, ParsedQuery
from index.snapshot import K1, Snapshot

FIELD = "body"
_CJK = r"\uac00-\ud7a3\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_OTHER = rf"[^\W_{_CJK}]"
_CJK_CHAR = rf"[{_CJK}]"
_GAP = r"[\W_]{0,8}"  # between the words of a phrase: up to 8 spaces or punctuation marks
_GAP_CHARS = 8


@dataclass(frozen=True, slots=True)
class CompiledClause:
    clause: Clause
    terms: tuple[str, ...]
    pattern: re.Pattern[str]
    verify: bool
    anchor: bytes = b""  # a CJK run of the phrase, found with bytes.find before any decoding
    before: int = 0  # bytes of phrase that can precede the anchor
    after: int = 0  # bytes from the anchor's start to the phrase's end
    exact: bytes = b""  # the phrase as typed (normalised, single spaces): a quick yes

    def found_in(self, raw: bytes) -> bool:
        """Whether the pattern occurs in UTF-8 `raw`, decoding only small windows around the anchor.

        Documents are ~5-25 KB; decoding a whole one costs ~20 µs, a window well under 1 µs.
        """
        if self.exact and self.exact in raw:
            return True
        if not self.anchor:
            return self.pattern.search(raw.decode("utf-8")) is not None
        pos = raw.find(self.anchor)
        while pos >= 0:
            start = max(0, pos - self.before)
            while start < pos and 0x80 <= raw[start] < 0xC0:  # to a character boundary
                start += 1
            window = raw[start : pos + self.after].decode("utf-8", errors="ignore")
            if self.pattern.search(window):
                return True
            pos = raw.find(self.anchor, pos + 1)
        return False


def compile_clause(clause: Clause) -> CompiledClause | None:
    """None when the clause holds nothing searchable (it then matches nothing)."""
    terms: list[str] = []
    for word in clause.words:
        terms.extend(word_terms(word))
    if not terms:
        return None
    pattern = _GAP.join(word_pattern(w) for w in clause.words if runs(normalize(w)))
    compiled = re.compile(pattern, re.IGNORECASE)
    anchor, before, after = _anchor(clause)
    typed = " ".join(normalize(w) for w in clause.words)
    # A phrase of CJK runs of two or more syllables needs no boundary checks: finding it as typed
    # is proof (Latin needs case folding and token bounds, a lone syllable its bounds).
    plain = all(kind != "other" and end - start >= 2 for kind, _, start, end in runs(typed))
    exact = typed.encode("utf-8") if plain and compiled.fullmatch(typed) else b""
    return CompiledClause(clause, tuple(dict.fromkeys(terms)), compiled, clause.phrase, anchor, before, after, exact)


def _anchor(clause: Clause) -> tuple[bytes, int, int]:
    """The longest CJK run of the phrase (case never matters there) and the byte reach around it."""
    text = " ".join(normalize(w) for w in clause.words)
    cjk = [run for run in runs(text) if run[0] != "other"]
    if not cjk:
        return b"", 0, 0
    _, run, start, _ = max(cjk, key=lambda r: r[3] - r[2])
    gaps = len(clause.words) * _GAP_CHARS
    # 4 bytes per character at most, one more character on each side for the lookarounds
    return run.encode("utf-8"), 4 * (start + gaps + 1), 4 * (len(text) - start + gaps + 1)


def word_pattern(word: str) -> str:
    """The regular expression a word is found (and highlighted) by in normalised text."""
    found = runs(normalize(word))
    segments: list[list[tuple[str, str, int, int]]] = []
    for run in found:
        if segments and segments[-1][-1][3] == run[2]:
            segments[-1].append(run)
        else:
            segments.append([run])
    parts = []
    for segment in segments:
        first, last = segment[0], segment[-1]
        lone = len(found) == 1 and first[0] != "other" and first[3] - first[2] == 1
        left = f"(?<!{_OTHER})" if first[0] == "other" else (f"(?<!{_CJK_CHAR})" if lone else "")
        right = f"(?!{_OTHER})" if last[0] == "other" else (f"(?!{_CJK_CHAR})" if lone else "")
        parts.append(left + "".join(re.escape(run[1]) for run in segment) + right)
    return _GAP.join(parts)


class Matcher:
    """Computes docnum sets and BM25 scores for a parsed query against one snapshot.

    Posting lists are read a block at a time (ids and term frequencies together) instead of one
    Python call per posting through Whoosh's matchers and collectors: scoring every document that
    contains 위원회 through `Searcher.search` cost ~3 µs a posting, because block-max skipping finds
    nothing to skip when a term is in nearly every document.
    """

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.reader = snapshot.searcher.reader()
        self._postings: dict[str, tuple[list[int], list[float]]] = {}
        self._sets: dict[str, set[int]] = {}

    def postings(self, term: str) -> tuple[list[int], list[float]]:
        """(docnums, term frequencies) of live documents holding `term`."""
        found = self._postings.get(term)
        if found is None:
            found = self._postings[term] = read_postings(self.reader, FIELD, term)
        return found

    def term_docs(self, term: str) -> set[int]:
        found = self._sets.get(term)
        if found is None:
            found = self._sets[term] = set(self.postings(term)[0])
        return found

    def clause_docs(self, compiled: CompiledClause, within: set[int] | None) -> set[int]:
        sets = sorted((self.term_docs(t) for t in compiled.terms), key=len)
        docs = sets[0]
        if within is not None:
            docs = docs & within
        for other in sets[1:]:
            if not docs:
                break
            docs = docs & other
        if compiled.verify and docs:
            raw, found_in = self.snapshot.raw, compiled.found_in
            docs = {d for d in docs if found_in(raw(d))}
        return docs

    def docs(self, parsed: ParsedQuery, compiled: list[list[CompiledClause | None]], within: set[int]) -> set[int]:
        """Documents matching every group (OR inside a group), minus the excluded, inside `within`."""
        docs = within
        for group in compiled:
            found: set[int] = set()
            for clause in group:
                if clause is not None:
                    found |= self.clause_docs(clause, docs)
            docs = found
            if not docs:
                return set()
        for clause in parsed.must_not:
            excluded = compile_clause(clause)
            if excluded is not None:
                docs = docs - self.clause_docs(excluded, docs)
        return docs

    def scores(self, compiled: list[list[CompiledClause | None]], docs: set[int]) -> dict[int, float]:
        """BM25 over every searched term, for the documents in `docs` only."""
        snap = self.snapshot
        norm, total = snap.norm, max(1, snap.doc_count)
        scores: dict[int, float] = {}
        get = scores.get
        terms = {t for group in compiled for c in group if c is not None for t in c.terms}
        for term in terms:
            ids, freqs = self.postings(term)
            if not ids:
                continue
            idf = math.log(1 + (total - len(ids) + 0.5) / (len(ids) + 0.5))
            k = idf * (K1 + 1)
            for d, tf in zip(ids, freqs, strict=True):
                if d in docs:
                    scores[d] = get(d, 0.0) + k * tf / (tf + norm[d])
        return scores


def read_postings(reader: IndexReader, fieldname: str, term: str) -> tuple[list[int], list[float]]:
    """All (docnum, weight) postings of a term across segments, skipping deleted documents.

    Reads Whoosh 2.7's W3 posting blocks directly (`_read_ids`/`_read_weights`, pinned by
    `tests/test_index_whoosh_bugs.py`); any other matcher falls back to the public, slower path.
    """
    ids: list[int] = []
    weights: list[float] = []
    btext = term.encode("utf-8")
    for segment, offset in reader.leaf_readers():
        if (fieldname, btext) not in segment:
            continue
        matcher = segment.postings(fieldname, btext)
        deleted: set[int] | frozenset[int] = frozenset()
        if isinstance(matcher, FilterMatcher):
            deleted, matcher = segment.deleted_docs_set or frozenset(), matcher.child
        if isinstance(matcher, W3LeafMatcher):
            while matcher.is_active():
                matcher._read_ids()
                matcher._read_weights()
                block_ids, block_weights = matcher._ids, matcher._weights
                if deleted:
                    pairs = [(i, w) for i, w in zip(block_ids, block_weights, strict=True) if i not in deleted]
                    block_ids, block_weights = [i for i, _ in pairs], [w for _, w in pairs]
                ids.extend([i + offset for i in block_ids] if offset else block_ids)
                weights.extend(block_weights)
                matcher._next_block()
        else:  # pragma: no cover - another codec
            while matcher.is_active():
                if matcher.id() not in deleted:
                    ids.append(matcher.id() + offset)
                    weights.append(matcher.weight())
                matcher.next()
    return ids, weights


def compile_query(parsed: ParsedQuery) -> list[list[CompiledClause | None]]:
    return [[compile_clause(clause) for clause in group] for group in parsed.must]
