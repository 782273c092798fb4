"""The index schema: one Whoosh document per archive document (and one per meeting page).

Granularity: per document, grouped by meeting at search time. Measured on the 100k corpus
(`python -m index.bench --granularity`): merging each meeting's documents into one text would cut
postings 1.46× (many words repeat across a meeting's notice, result and minutes), but filters and
facets on document type, disclosure level and posting date must be exact per document; a
one-per-meeting layout gets that only with a text field per document type, which brings the
postings back to about this layout's count and makes every query an OR over five fields. Grouping
costs nothing extra here: every searcher keeps a docnum → meeting map in memory (`index.snapshot`).

Facet and sort fields are columns (`Column`: no postings) read once per opened searcher. The body is
kept in a column: it is read back only for the documents shown (snippets) and to verify
quoted phrases.

Bump `SCHEMA_VERSION` whenever fields, analysis or stored layout change: an index with another
version is refused with a message saying to run `minutes index --rebuild`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.columns import NumericColumn, RefBytesColumn, VarBytesColumn
from whoosh.fields import ID, STORED, TEXT, FieldType, Schema
from whoosh.system import pack_uint

from index.analysis import index_terms, korean_analyzer

SCHEMA_VERSION = 1


class KoreanText(TEXT):
    """A text field indexed with `index_terms()`: analyzer tokens plus trigram and join keys.

    Frequencies only, no positions: phrases are verified on the column-kept text
    (`index.matching`); on 5,000 documents this measured 3.4× smaller than a positional field. The field computes
    its terms in one pass over plain tuples instead of Whoosh's Token objects. It lives at a stable
    import path because Whoosh pickles the schema into the index.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(analyzer=korean_analyzer(), phrase=False, **kwargs)
        # The same text, as UTF-8 in a column: random access by docnum in a few microseconds, for
        # phrase verification and snippets. (A stored field measured 23 µs to load plus 15 µs to
        # decompress per document.) One field for both, so each text is passed to the indexing
        # processes once.
        self.column_type = VarBytesColumn()

    def to_column_value(self, value: str) -> bytes:  # type: ignore[override]
        return value.encode("utf-8")

    def from_column_value(self, value: bytes) -> str:  # type: ignore[override]
        return value.decode("utf-8")

    def index(self, value: str, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:  # type: ignore[override]
        for term, freq in index_terms(value).items():
            yield term.encode("utf-8"), freq, float(freq), pack_uint(freq)


class Column(FieldType):
    """A value kept only in a column (and stored): no postings.

    Filters, facets and sort keys are read from columns into memory when a searcher opens
    (`index.snapshot`), never looked up through postings, so indexing them as terms only cost
    build time: Whoosh's NUMERIC alone indexes 8-16 trie terms per value, and metadata was ~17% of
    all postings of the 100k-document corpus.
    """

    indexed = False
    scorable = False

    def __init__(self, kind: str = "str", *, stored: bool = True) -> None:
        self.kind = kind
        self.stored = stored
        self.format = None
        self.analyzer = None
        self.vector = None
        self.unique = False
        self.column_type = RefBytesColumn() if kind == "ref" else (
            NumericColumn("q") if kind == "int" else VarBytesColumn()
        )  # fmt: skip

    def to_column_value(self, value: Any) -> Any:
        return int(value or 0) if self.kind == "int" else str(value or "").encode("utf-8")

    def from_column_value(self, value: Any) -> Any:
        return int(value) if self.kind == "int" else value.decode("utf-8")

    def from_bytes(self, value: bytes) -> Any:
        return self.from_column_value(value)


def build_schema() -> Schema:
    return Schema(
        # identity and change detection
        doc_id=ID(unique=True, stored=True, sortable=True),
        stamp=Column("str"),  # hash of every archive record this document came from
        # searched text: title + body (normalised), indexed and kept in a column
        body=KoreanText(),
        chars=Column("int", stored=False),  # length, for BM25
        # facets, filters and sort keys (columns)
        meeting_id=Column("ref"),
        committee_id=Column("ref"),
        committee=Column("ref"),  # the committee's name, as a facet label
        category=Column("ref"),
        year=Column("int"),
        start_ts=Column("int", stored=False),  # epoch seconds, 0 when unknown
        posted_ts=Column("int", stored=False),
        doc_type=Column("ref"),
        disclosure=Column("ref"),
        # shown with results
        title=STORED(),
        source_url=STORED(),
        posted=STORED(),
        meeting_title=STORED(),
        meeting_url=STORED(),
        start=STORED(),
        status=STORED(),
        vanished=STORED(),
    )
