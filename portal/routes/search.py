"""Search: the results page and `/api/v1/search`, one query function, the same parameters."""

from __future__ import annotations

from typing import cast

from litestar import Request, get
from litestar.response import Template

from portal import i18n, queries
from portal.params import query_string
from portal.rendering import page
from portal.routes.common import SEARCH_DEPENDENCIES, Language, Params, Portal, blocking, errors
from portal.schemas import SearchBody

SUGGESTED = ("심의", "회의록", "도시계획", "위원회")


@get("/search", name="search", include_in_schema=False, dependencies=SEARCH_DEPENDENCIES)
async def search_page(request: Request, portal: Portal, language: Language, params: Params) -> Template:
    view = await blocking(portal, queries.search, portal, params)
    title = i18n.t(language, "search.title.q", q=params.q) if params.q else i18n.t(language, "search.title")
    return page(request, "search.html", lang=language, title=title,
                json_url="/api/v1/search" + query_string(params.pairs()), view=view, suggested=SUGGESTED)  # fmt: skip


@get(
    "/search",
    summary="Search meetings and documents",
    description="Results grouped by meeting (one page), with facet counts that count meetings. With no `q`, every "
    "meeting matching the filters, newest first. Filters of one name are OR-ed, different names AND-ed.",
    dependencies=SEARCH_DEPENDENCIES,
    responses=errors(400, 404, 503),
)
async def search_api(portal: Portal, params: Params) -> SearchBody:
    view = await blocking(portal, queries.search, portal, params)
    return cast(SearchBody, view.to_api_dict())


PAGES = [search_page]
API = [search_api]
