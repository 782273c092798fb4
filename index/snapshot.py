"""One opened searcher and the in-memory maps that make grouping, filters and facets cheap.

When a searcher is opened, the facet columns are read once into plain lists indexed by docnum
(meeting group, doc type, disclosure, …) and into value → docnums sets. Every search after that
groups by meeting, filters and counts facets with set operations and C-level gathers
(`operator.itemgetter`) over those lists instead of Whoosh's `groupedby=`/`collapse=` (which
tech-notes measured quadratic at 100k documents, undercounting facets, and dropping groups).
A snapshot never changes: a new index generation gets a new snapshot (`index.searcher`).
Whoosh's readers seek shared file objects, so searches on one snapshot take its lock in turn
(tech-notes: with Python's lock, more threads add latency, not throughput).
"""

from __future__ import annotations

import bisect
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from whoosh.searching import Searcher

from minutes.vocabulary import DocType

DOC_TYPE_ORDER = {t.value: i for i, t in enumerate([DocType.MEETING, DocType.NOTICE, DocType.RESULT,
                                                    DocType.MINUTES, DocType.MATERIAL])}  # fmt: skip


@dataclass(slots=True)
class Snapshot:
    searcher: Searcher
    generation: tuple[str, int]
    live: set[int]
    group_of: list[int]  # docnum → meeting group ordinal
    group_keys: list[str]  # group ordinal → meeting id ("doc:…" for a document without a meeting)
    group_category: list[str]
    group_committee: list[str]
    group_year: list[int]
    group_start: list[int]
    doc_type_of: list[str]
    disclosure_of: list[str]
    docs_of_group: list[list[int]]
    committee_names: dict[str, str]
    by_value: dict[str, dict[Any, set[int]]]  # facet field → value → live docnums
    segment_starts: list[int] = field(default_factory=list)  # first docnum of each segment
    text_columns: list[Any] = field(default_factory=list)  # each segment's body column (bytes)
    norm: list[float] = field(default_factory=list)  # docnum → BM25 length normaliser k1·(1 − b + b·len/avg)
    doc_count: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    group_doc_type_key: list[int] = field(default_factory=list)  # docnum → group * 8 + doc type code
    group_disclosure_key: list[int] = field(default_factory=list)

    def text(self, docnum: int) -> str:
        return self.raw(docnum).decode("utf-8")

    def raw(self, docnum: int) -> bytes:
        """The normalised body as UTF-8 bytes, straight from its segment's column."""
        i = bisect.bisect_right(self.segment_starts, docnum) - 1
        return self.text_columns[i][docnum - self.segment_starts[i]]

    def close(self) -> None:
        self.searcher.close()

    def gather(self, values: list[Any], docs: set[int] | list[int]) -> list[Any]:
        """values[d] for every d in docs, gathered in C."""
        if not docs:
            return []
        if len(docs) == 1:
            return [values[next(iter(docs))]]
        return list(itemgetter(*docs)(values))

    def groups(self, docs: set[int]) -> set[int]:
        return set(self.gather(self.group_of, docs))


K1, B = 1.2, 0.75  # BM25, as Whoosh's default BM25F uses
DOC_TYPE_CODES = {t.value: i for i, t in enumerate(DocType)}
DISCLOSURE_CODES = {"": 0, "public": 1, "partial": 2, "closed": 3}


def open_snapshot(searcher: Searcher, generation: tuple[str, int]) -> Snapshot:
    reader = searcher.reader()
    total = reader.doc_count_all()
    live = set(reader.all_doc_ids())

    leaves = reader.leaf_readers()

    def column(name: str, decode: bool = True) -> list[Any]:
        """One column for all documents: raw values per segment, then decoded in C (`map`).

        Whoosh's translating multi-segment reader costs ~1.5 µs a value (1.8 s for 11 columns
        at 100k documents); this ~0.2 µs.
        """
        values: list[Any] = []
        for segment, _ in leaves:
            values.extend(segment.column_reader(name, translate=False))
        assert len(values) == total, (name, len(values), total)
        return list(map(bytes.decode, values)) if decode else values

    meeting_ids, doc_ids = column("meeting_id"), column("doc_id")
    categories, committees, names = column("category"), column("committee_id"), column("committee")
    years, starts, posted = column("year", False), column("start_ts", False), column("posted_ts", False)
    doc_types, disclosures = column("doc_type"), column("disclosure")
    chars = column("chars", False)
    live_chars = [chars[d] for d in live] or [1]
    average = max(1.0, sum(live_chars) / len(live_chars))

    group_index: dict[str, int] = {}
    group_keys: list[str] = []
    group_of = [0] * total
    group_category: list[str] = []
    group_committee: list[str] = []
    group_year: list[int] = []
    group_start: list[int] = []
    docs_of_group: list[list[int]] = []
    committee_names: dict[str, str] = {}
    by_value: dict[str, dict[Any, set[int]]] = {
        name: defaultdict(set) for name in ("category", "committee", "year", "doc_type", "disclosure")
    }
    for doc in sorted(live):
        key = meeting_ids[doc] or f"doc:{doc_ids[doc]}"
        group = group_index.get(key)
        if group is None or doc_types[doc] == "meeting":
            if group is None:
                group = group_index[key] = len(group_keys)
                group_keys.append(key)
                docs_of_group.append([])
                group_category.append(categories[doc])
                group_committee.append(committees[doc])
                group_year.append(years[doc])
                group_start.append(starts[doc])
            else:  # the meeting page is the authority on its meeting's fields
                group_category[group] = categories[doc]
                group_committee[group] = committees[doc]
                group_year[group] = years[doc]
                group_start[group] = starts[doc]
        group_of[doc] = group
        docs_of_group[group].append(doc)
        if committees[doc] and names[doc]:
            committee_names.setdefault(committees[doc], names[doc])
    for doc in live:
        group = group_of[doc]
        by_value["category"][group_category[group]].add(doc)
        by_value["committee"][group_committee[group]].add(doc)
        by_value["year"][group_year[group]].add(doc)
        by_value["doc_type"][doc_types[doc]].add(doc)
        by_value["disclosure"][disclosures[doc]].add(doc)
    for docs in docs_of_group:
        docs.sort(key=lambda d: (DOC_TYPE_ORDER.get(doc_types[d], 9), posted[d], d))
    return Snapshot(
        searcher=searcher,
        generation=generation,
        live=live,
        group_of=group_of,
        group_keys=group_keys,
        group_category=group_category,
        group_committee=group_committee,
        group_year=group_year,
        group_start=group_start,
        doc_type_of=doc_types,
        disclosure_of=disclosures,
        docs_of_group=docs_of_group,
        committee_names=committee_names,
        by_value={name: dict(values) for name, values in by_value.items()},
        segment_starts=[offset for _, offset in leaves],
        text_columns=[segment.column_reader("body", translate=False) for segment, _ in leaves],
        norm=[K1 * (1 - B + B * c / average) for c in chars],
        doc_count=len(live),
        group_doc_type_key=[group_of[d] * 8 + DOC_TYPE_CODES.get(doc_types[d], 7) for d in range(total)],
        group_disclosure_key=[group_of[d] * 8 + DISCLOSURE_CODES.get(disclosures[d], 0) for d in range(total)],
    )
