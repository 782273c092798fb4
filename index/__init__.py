"""The search index: a Korean-aware Whoosh index of the archive, searched by meeting.

    rebuild(archive, index_dir)      - build everything beside the live index, swap it in atomically
    update(archive, index_dir)       - index only new and changed records (builds if nothing exists)
    SearcherHolder(index_dir)        - one open searcher, replaced when the index changes
    search(holder, query, filters)   - grouped meetings, facets, totals: plain dataclasses

Errors (each message says what to run):

    SearchIndexError
     ├── IndexMissing     - nothing built yet: `minutes index`
     └── SchemaMismatch   - built by another schema version: `minutes index --rebuild`

Whoosh objects never leave this package.
"""

from index.analysis import korean_analyzer
from index.errors import IndexMissing, SchemaMismatch, SearchIndexError
from index.results import DocumentHit, FacetValue, MeetingHit, SearchFilters, SearchResults
from index.schema import SCHEMA_VERSION
from index.search import search
from index.searcher import SearcherHolder
from index.writer import BuildReport, rebuild, update

__all__ = [
    "SCHEMA_VERSION",
    "BuildReport",
    "DocumentHit",
    "FacetValue",
    "IndexMissing",
    "MeetingHit",
    "SchemaMismatch",
    "SearchFilters",
    "SearchIndexError",
    "SearchResults",
    "SearcherHolder",
    "korean_analyzer",
    "rebuild",
    "search",
    "update",
]
