"""What a URL may ask for, declared once for a page and its JSON twin.

The query parameters are typed `Annotated` aliases, so Litestar validates them (and documents
them in the OpenAPI schema) the same way for `/search` and `/api/v1/search`; its validation errors
are turned into the portal's one error shape by `portal.errors`. `SearchParams` carries a search's
state and builds the URLs of every other state (a facet added, a chip removed, another page), so
each state of the search page is a shareable URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Annotated, Literal
from urllib.parse import urlencode

from litestar.params import QueryParameter

from index.results import SearchFilters
from minutes.vocabulary import Category, Disclosure, DocType

MAX_QUERY_CHARS = 256
MAX_VALUES = 20  # values of one facet filter
MAX_PAGE = 500
MAX_PER_PAGE = 100
MAX_RESULTS = 10_000  # page × per_page: deeper pages cost more and nobody reads them
YEARS = (1990, 2100)

# Ids travel in URLs: what the archive writes is ASCII letters, digits, '-', '_', ':' and '.'.
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$")

Sort = Literal["relevance", "date"]
LangParam = Annotated[Literal["ko", "en"] | None, QueryParameter(description="interface language (default ko)")]
Query = Annotated[
    str,
    QueryParameter(
        max_length=MAX_QUERY_CHARS,
        description='words, "quoted phrases", -excluded words, OR; empty lists every meeting, newest first',
    ),
]
Categories = Annotated[
    list[Category] | None, QueryParameter(max_items=MAX_VALUES, description="category ids (repeatable)")
]
Committees = Annotated[
    list[str] | None, QueryParameter(max_items=MAX_VALUES, description="committee ids, e.g. cmit-1769 (repeatable)")
]
Years = Annotated[list[int] | None, QueryParameter(max_items=MAX_VALUES, description="meeting years (repeatable)")]
DocTypes = Annotated[
    list[DocType] | None, QueryParameter(max_items=MAX_VALUES, description="document types (repeatable)")
]
Disclosures = Annotated[
    list[Disclosure] | None, QueryParameter(max_items=MAX_VALUES, description="disclosure levels (repeatable)")
]
SortParam = Annotated[Sort, QueryParameter(description="relevance (default with a query) or date (newest first)")]
Page = Annotated[int, QueryParameter(ge=1, le=MAX_PAGE, description=f"1-based page, at most {MAX_PAGE}")]
PerPage = Annotated[int, QueryParameter(ge=1, le=MAX_PER_PAGE, description=f"meetings per page, 1-{MAX_PER_PAGE}")]

SEARCH_PARAMS = frozenset(
    {"q", "category", "committee", "year", "doc_type", "disclosure", "sort", "page", "per_page", "lang"}
)
FACETS = ("category", "committee", "year", "doc_type", "disclosure")


@dataclass(frozen=True, slots=True)
class SearchParams:
    """One search's state: the query, the filters, the order and the page."""

    q: str = ""
    category: tuple[str, ...] = ()
    committee: tuple[str, ...] = ()
    year: tuple[int, ...] = ()
    doc_type: tuple[str, ...] = ()
    disclosure: tuple[str, ...] = ()
    sort: Sort = "relevance"
    page: int = 1
    per_page: int = 10

    @classmethod
    def of(
        cls,
        *,
        q: str = "",
        category: Iterable[str] | None = None,
        committee: Iterable[str] | None = None,
        year: Iterable[int] | None = None,
        doc_type: Iterable[str] | None = None,
        disclosure: Iterable[str] | None = None,
        sort: Sort = "relevance",
        page: int = 1,
        per_page: int = 10,
    ) -> SearchParams:
        """From validated handler arguments; repeated values are kept once, in order."""

        def once(values: Iterable | None) -> tuple:
            return tuple(dict.fromkeys(str(v) if not isinstance(v, int) else v for v in values or ()))

        return cls(
            q=" ".join(q.split()),
            category=once(category),
            committee=once(committee),
            year=once(year),
            doc_type=once(doc_type),
            disclosure=once(disclosure),
            sort=sort,
            page=page,
            per_page=per_page,
        )

    @property
    def filtered(self) -> bool:
        return any(getattr(self, name) for name in FACETS)

    def filters(self) -> SearchFilters:
        return SearchFilters(
            category=self.category,
            committee=self.committee,
            year=self.year,
            doc_type=self.doc_type,
            disclosure=self.disclosure,
        )

    def pairs(self, *, defaults: bool = False) -> list[tuple[str, str]]:
        """Query-string pairs, in a fixed order; defaults left out so URLs stay short and stable."""
        out: list[tuple[str, str]] = []
        if self.q:
            out.append(("q", self.q))
        for name in FACETS:
            out.extend((name, str(v)) for v in getattr(self, name))
        if defaults or self.sort != "relevance":
            out.append(("sort", self.sort))
        if defaults or self.page != 1:
            out.append(("page", str(self.page)))
        if defaults or self.per_page != 10:
            out.append(("per_page", str(self.per_page)))
        return out

    def with_value(self, facet: str, value: str | int) -> SearchParams:
        """This search with one more value of a facet (back to page 1)."""
        current = getattr(self, facet)
        value = int(value) if facet == "year" else str(value)
        if value in current:
            return replace(self, page=1)
        return replace(self, **{facet: (*current, value)}, page=1)

    def without(self, facet: str, value: str | int | None = None) -> SearchParams:
        """This search without one value of a facet, or without the query when facet is "q"."""
        if facet == "q":
            return replace(self, q="", page=1)
        kept = tuple(v for v in getattr(self, facet) if value is not None and str(v) != str(value))
        return replace(self, **{facet: kept}, page=1)

    def cleared(self) -> SearchParams:
        return SearchParams(q=self.q, sort=self.sort, per_page=self.per_page)

    def at_page(self, page: int) -> SearchParams:
        return replace(self, page=page)

    def sorted_by(self, sort: Sort) -> SearchParams:
        return replace(self, sort=sort, page=1)

    def cache_key(self) -> tuple:
        return (self.q, self.category, self.committee, self.year, self.doc_type, self.disclosure, self.sort,
                self.page, self.per_page)  # fmt: skip


def query_string(pairs: Iterable[tuple[str, str]] | Mapping[str, str], lang: str = "ko") -> str:
    """`?a=1&b=2` with `lang=en` added while English is on; '' when empty."""
    items = list(pairs.items() if isinstance(pairs, Mapping) else pairs)
    items = [(k, v) for k, v in items if k != "lang"]
    if lang == "en":
        items.append(("lang", "en"))
    return "?" + urlencode(items) if items else ""


def valid_id(value: str) -> bool:
    return bool(ID_PATTERN.match(value))


# -- the compliance reports ----------------------------------------------------------------------

REPORT_YEARS = (2000, 2100)
REPORT_PARAMS = frozenset({"year", "category", "sort", "order", "lang"})
# guidelines.compliance.SORT_KEYS, spelt out for the schema (a test keeps the two equal)
ReportSort = Literal[
    "rank",
    "name",
    "category",
    "held",
    "minutes_published",
    "closed_lawfully",
    "disclosure_rate",
    "notice_rate",
    "median_publication_lag_days",
    "meetings_per_year",
    "withholdings_without_ground",
]
ReportYear = Annotated[
    int | None,
    QueryParameter(
        ge=REPORT_YEARS[0],
        le=REPORT_YEARS[1],
        description="calendar year (YYYY, 2000-2100); default: the latest full year with meetings held",
    ),
]
ReportCategory = Annotated[Category | None, QueryParameter(description="only committees of this category id")]
ReportSortParam = Annotated[ReportSort, QueryParameter(description="column to sort by (default rank)")]
ReportOrder = Annotated[
    Literal["asc", "desc"] | None, QueryParameter(description="asc or desc (default: the column's natural order)")
]
