"""The eleven categories, and each category's committees."""

from __future__ import annotations

from typing import cast

from litestar import Request, get
from litestar.params import FromPath
from litestar.response import Template

from portal import i18n, queries
from portal.rendering import page
from portal.routes.common import Language, Portal, errors
from portal.schemas import CategoriesBody, CategoryBody


@get("/categories", name="categories", include_in_schema=False, sync_to_thread=False)
def categories_page(request: Request, portal: Portal, language: Language) -> Template:
    view = queries.categories(portal)
    return page(request, "categories.html", lang=language, title=i18n.t(language, "category.title"),
                json_url="/api/v1/categories", view=view)  # fmt: skip


@get("/categories/{category_id:str}", name="category", include_in_schema=False, sync_to_thread=False)
def category_page(request: Request, portal: Portal, language: Language, category_id: FromPath[str]) -> Template:
    view = queries.category(portal, category_id)
    title = i18n.t(language, "category.committees", label=i18n.label(language, view.count.category))
    return page(request, "category.html", lang=language, title=title, json_url=f"/api/v1/categories/{category_id}",
                view=view)  # fmt: skip


@get("/categories", summary="The eleven categories with committee and meeting counts", responses=errors(),
     sync_to_thread=False)  # fmt: skip
def categories_api(portal: Portal) -> CategoriesBody:
    return cast(CategoriesBody, queries.categories(portal).to_api_dict())


@get("/categories/{category_id:str}", summary="One category and its committees", responses=errors(404),
     sync_to_thread=False)  # fmt: skip
def category_api(portal: Portal, category_id: FromPath[str]) -> CategoryBody:
    return cast(CategoryBody, queries.category(portal, category_id).to_api_dict())


PAGES = [categories_page, category_page]
API = [categories_api, category_api]
