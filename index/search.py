"""The search function: query + filters → meetings (grouped), facets, totals, one page.

One pass finds the matching documents as a set (`index.matching`); facets and totals are counted
from that set over the snapshot's in-memory maps, counting meetings. Ordering is separate:

- by date, the page's meetings are the newest groups of the set (no scoring at all);
- by relevance, Whoosh scores with BM25F and block-max skipping (`limit=`, `filter=` the set), and
  the page is the first distinct meetings in score order: a meeting ranks by its best document, so
  taking documents in score order until enough meetings are seen is exact. The document limit
  grows until the page is full. No `collapse=` (it drops groups with a limit; see tech-notes).

The meeting's documents listed are all its matching documents (up to `DOCS_PER_MEETING`), each
with a snippet around the matches.
"""

from __future__ import annotations

import heapq
import re
import time
from collections import Counter
from datetime import date, datetime
from datetime import time as dtime
from typing import Any

from index.matching import Matcher, compile_query
from index.query import parse
from index.results import DocumentHit, FacetValue, MeetingHit, SearchFilters, SearchResults, Sort
from index.searcher import SearcherHolder
from index.snapshot import DISCLOSURE_CODES, DOC_TYPE_CODES, Snapshot
from index.snippets import snippet
from minutes.domain import SEOUL
from minutes.vocabulary import Category, Disclosure, DocType

MAX_PER_PAGE = 100
DOCS_PER_MEETING = 10
_DOC_TYPE_OF_CODE = {code: value for value, code in DOC_TYPE_CODES.items()}
_DISCLOSURE_OF_CODE = {code: value for value, code in DISCLOSURE_CODES.items()}


def search(
    holder: SearcherHolder,
    query: str = "",
    filters: SearchFilters | None = None,
    *,
    sort: Sort = "relevance",
    page: int = 1,
    per_page: int = 10,
    snippets: bool = True,
) -> SearchResults:
    """One page of meetings matching `query` within `filters`, with facets and totals.

    Never raises on what a citizen typed (`index.query`); raises IndexMissing or SchemaMismatch
    when there is no usable index.
    """
    started = time.perf_counter()
    snap = holder.snapshot()
    with snap.lock:  # Whoosh's readers seek shared files: one search at a time per snapshot
        return _search(snap, query, filters, sort, page, per_page, snippets, started)


def _search(
    snap: Snapshot,
    query: str,
    filters: SearchFilters | None,
    sort: Sort,
    page: int,
    per_page: int,
    snippets: bool,
    started: float,
) -> SearchResults:
    filters = filters or SearchFilters()
    page = max(1, page)
    per_page = min(max(1, per_page), MAX_PER_PAGE)
    parsed = parse(query)
    compiled = compile_query(parsed)
    matcher = Matcher(snap)
    within = _filtered(snap, filters)
    docs = within if parsed.empty and not parsed.must_not else matcher.docs(parsed, compiled, within)
    groups = snap.groups(docs)
    facets = _facets(snap, docs, groups)
    wanted = page * per_page
    if sort == "date" or parsed.empty:
        sort = "date" if parsed.empty else sort
        ordered = heapq.nlargest(wanted, groups, key=lambda g: (snap.group_start[g], snap.group_keys[g]))
        scores: dict[int, float] = {}
    else:
        ordered, scores = _by_relevance(snap, matcher.scores(compiled, docs), wanted)
    patterns = [c.pattern for group in compiled for c in group if c is not None]
    meetings = [
        _meeting(snap, group, docs, patterns, scores.get(group), with_snippets=snippets)
        for group in ordered[(page - 1) * per_page : wanted]
    ]
    return SearchResults(
        query=query,
        total_meetings=len(groups),
        total_documents=len(docs),
        page=page,
        per_page=per_page,
        sort=sort,
        facets=facets,
        meetings=meetings,
        seconds=time.perf_counter() - started,
    )


def _filtered(snap: Snapshot, filters: SearchFilters) -> set[int]:
    docs = snap.live
    for name in ("category", "committee", "year", "doc_type", "disclosure"):
        wanted = getattr(filters, name)
        if wanted:
            values = snap.by_value[name]
            docs = docs & set().union(*(values.get(v, set()) for v in wanted))
    if filters.date_from or filters.date_to:
        low = _ts(filters.date_from, dtime.min) if filters.date_from else None
        high = _ts(filters.date_to, dtime.max) if filters.date_to else None
        docs = docs & _group_docs_in_range(snap, low, high)
    return docs


def _group_docs_in_range(snap: Snapshot, low: int | None, high: int | None) -> set[int]:
    """Documents of meetings that start in the range (all of a meeting's documents share its start)."""
    out = set()
    for group, start in enumerate(snap.group_start):
        if start and (low is None or start >= low) and (high is None or start <= high):
            out.update(snap.docs_of_group[group])
    return out


def _ts(day: date, clock: dtime) -> int:
    return int(datetime.combine(day, clock, tzinfo=SEOUL).timestamp())


def _facets(snap: Snapshot, docs: set[int], groups: set[int]) -> dict[str, list[FacetValue]]:
    category = Counter(snap.gather(snap.group_category, groups))
    committee = Counter(snap.gather(snap.group_committee, groups))
    year = Counter(snap.gather(snap.group_year, groups))
    doc_type = Counter(k & 7 for k in set(snap.gather(snap.group_doc_type_key, docs)))
    disclosure = Counter(k & 7 for k in set(snap.gather(snap.group_disclosure_key, docs)))
    return {
        "category": _values(category, _category_label, by_count=True),
        "committee": _values(committee, lambda v: snap.committee_names.get(v, v), by_count=True),
        "year": sorted(_values(year, str), key=lambda f: f.value, reverse=True),
        "doc_type": _values({_DOC_TYPE_OF_CODE[k]: n for k, n in doc_type.items()}, _doc_type_label),
        "disclosure": _values({_DISCLOSURE_OF_CODE[k]: n for k, n in disclosure.items()}, _disclosure_label),
    }


def _values(counts: Any, label: Any, *, by_count: bool = False) -> list[FacetValue]:
    values = [FacetValue(str(v), label(v), n) for v, n in counts.items() if v not in ("", 0, None)]
    if by_count:
        values.sort(key=lambda f: (-f.count, f.label))
    return values


def _category_label(value: str) -> str:
    try:
        return Category(value).label_ko
    except ValueError:
        return value


def _doc_type_label(value: str) -> str:
    try:
        return DocType(value).label_ko
    except ValueError:
        return value


def _disclosure_label(value: str) -> str:
    try:
        return Disclosure(value).label_ko
    except ValueError:
        return value


def top_documents(scores: dict[int, float], limit: int) -> list[tuple[int, float]]:
    """The `limit` best (docnum, score) pairs, best first (ties: lower docnum first)."""
    return heapq.nsmallest(limit, scores.items(), key=lambda item: (-item[1], item[0]))


def _by_relevance(snap: Snapshot, scores: dict[int, float], wanted: int) -> tuple[list[int], dict[int, float]]:
    """The first `wanted` distinct meetings in document score order (a meeting ranks by its best).

    Looks at the best documents first and widens only when they do not cover enough meetings.
    """
    limit = max(50, wanted * 4)
    while True:
        ordered: list[int] = []
        best: dict[int, float] = {}
        top = top_documents(scores, limit)
        for docnum, score in top:
            group = snap.group_of[docnum]
            if group not in best:
                best[group] = score
                ordered.append(group)
                if len(ordered) >= wanted:
                    return ordered, best
        if len(top) < limit:
            return ordered, best
        limit *= 4


def _meeting(
    snap: Snapshot,
    group: int,
    docs: set[int],
    patterns: list[re.Pattern[str]],
    score: float | None,
    *,
    with_snippets: bool,
) -> MeetingHit:
    members = [d for d in snap.docs_of_group[group] if d in docs]
    shown = members[:DOCS_PER_MEETING]
    stored = [snap.searcher.stored_fields(d) for d in shown]
    texts = [snap.text(d) if with_snippets else "" for d in shown]
    head = stored[0] if stored else snap.searcher.stored_fields(snap.docs_of_group[group][0])
    key = snap.group_keys[group]
    documents = []
    for fields, text in zip(stored, texts, strict=True):
        body = text.split("\n", 1)[1] if "\n" in text else text
        documents.append(
            DocumentHit(
                document_id=fields["doc_id"],
                doc_type=fields["doc_type"],
                title=fields.get("title") or "",
                snippet=snippet(body, patterns) if with_snippets else "",
                source_url=fields.get("source_url") or "",
                disclosure=fields.get("disclosure") or "",
                posted=fields.get("posted"),
            )
        )
    return MeetingHit(
        meeting_id=None if key.startswith("doc:") else key,
        title=head.get("meeting_title") or head.get("title") or "",
        committee_id=head.get("committee_id") or "",
        committee=head.get("committee") or "",
        category=head.get("category") or "",
        start=head.get("start"),
        status=head.get("status") or "",
        source_url=head.get("meeting_url") or head.get("source_url") or "",
        documents=documents,
        matching_documents=len(members),
        vanished=bool(head.get("vanished")),
        score=score,
    )
