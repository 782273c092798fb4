"""What the route modules share: the portal state and language as dependencies, blocking calls,
the documented error responses, and the search parameters declared once for the page and the API."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

import anyio.to_thread
from litestar import Request
from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from litestar.openapi.datastructures import ResponseSpec

from portal import i18n
from portal.errors import BadRequest
from portal.params import (
    SEARCH_PARAMS,
    Categories,
    Committees,
    Disclosures,
    DocTypes,
    LangParam,
    Page,
    PerPage,
    Query,
    SearchParams,
    SortParam,
    Years,
)
from portal.schemas import ErrorResponse
from portal.state import PortalState

T = TypeVar("T")
Portal = NamedDependency[PortalState]
Language = NamedDependency[i18n.Lang]
Params = NamedDependency[SearchParams]


def provide_portal(state: State) -> PortalState:
    return state.portal


def provide_lang(request: Request, lang: LangParam = None) -> i18n.Lang:
    """`?lang=` (validated: only ko or en), else the cookie, else Korean."""
    return i18n.choose(lang, request.cookies.get(i18n.COOKIE)) or i18n.DEFAULT_LANG


def provide_search_params(
    request: Request,
    q: Query = "",
    category: Categories = None,
    committee: Committees = None,
    year: Years = None,
    doc_type: DocTypes = None,
    disclosure: Disclosures = None,
    sort: SortParam = "relevance",
    page: Page = 1,
    per_page: PerPage = 10,
    lang: LangParam = None,
) -> SearchParams:
    """The search's parameters, for `/search` and `/api/v1/search` alike; unknown names are refused
    (a misspelt filter silently ignored would show wrong results as right). `lang` is validated here
    for the API; the page takes its language from the `language` dependency."""
    for name in request.query_params:
        if name not in SEARCH_PARAMS:
            raise BadRequest("unknown_parameter", parameter=name, choices=", ".join(sorted(SEARCH_PARAMS)))
    return SearchParams.of(q=q, category=category, committee=committee, year=year, doc_type=doc_type,
                           disclosure=disclosure, sort=sort, page=page, per_page=per_page)  # fmt: skip


DEPENDENCIES = {
    "portal": Provide(provide_portal, sync_to_thread=False),
    "language": Provide(provide_lang, sync_to_thread=False),
}
SEARCH_DEPENDENCIES = {"params": Provide(provide_search_params, sync_to_thread=False)}


async def blocking(portal: PortalState, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a blocking query in a worker thread, off the event loop."""
    return await anyio.to_thread.run_sync(partial(fn, *args, **kwargs), limiter=portal.request_limiter())


def errors(*statuses: int) -> dict[int, ResponseSpec]:
    """The error responses an API route documents, all in the one error shape."""
    text = {400: "invalid parameter or malformed id", 404: "no such record or page", 429: "rate limit exceeded",
            503: "search index not built"}  # fmt: skip
    return {s: ResponseSpec(ErrorResponse, description=text.get(s, "error")) for s in (*statuses, 429)}
