"""The home page and its twin: search box, the eleven categories, latest minutes, upcoming meetings."""

from __future__ import annotations

from typing import cast

from litestar import Request, get
from litestar.response import Template

from portal import i18n, queries
from portal.rendering import page
from portal.routes.common import Language, Portal, errors
from portal.schemas import HomeBody


@get("/", name="home", include_in_schema=False, sync_to_thread=False)
def home_page(request: Request, portal: Portal, language: Language) -> Template:
    view = queries.home(portal)
    return page(request, "home.html", lang=language, title=i18n.t(language, "site"), json_url="/api/v1/home", view=view)


@get("/home", summary="Home page data", description="Categories with counts, latest minutes, upcoming meetings, "
     "and when the data was last crawled.", responses=errors(), sync_to_thread=False)  # fmt: skip
def home_api(portal: Portal) -> HomeBody:
    return cast(HomeBody, queries.home(portal).to_api_dict())


PAGES = [home_page]
API = [home_api]
