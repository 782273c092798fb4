"""Committees: the list, and each committee's profile, meeting history by year and documents."""

from __future__ import annotations

from typing import cast

from litestar import Request, get
from litestar.params import FromPath
from litestar.response import Template

from portal import i18n, queries
from portal.rendering import page
from portal.routes.common import Language, Portal, errors
from portal.schemas import CommitteeBody, CommitteesBody


@get("/committees", name="committees", include_in_schema=False, sync_to_thread=False)
def committees_page(request: Request, portal: Portal, language: Language) -> Template:
    view = queries.committees(portal)
    return page(request, "committees.html", lang=language, title=i18n.t(language, "committees.title"),
                json_url="/api/v1/committees", view=view)  # fmt: skip


@get("/committees/{committee_id:str}", name="committee", include_in_schema=False, sync_to_thread=False)
def committee_page(request: Request, portal: Portal, language: Language, committee_id: FromPath[str]) -> Template:
    view = queries.committee(portal, committee_id)
    return page(request, "committee.html", lang=language, title=view.committee.name,
                json_url=f"/api/v1/committees/{committee_id}", view=view)  # fmt: skip


@get("/committees", summary="Every committee with its meeting count", responses=errors(), sync_to_thread=False)
def committees_api(portal: Portal) -> CommitteesBody:
    return cast(CommitteesBody, queries.committees(portal).to_api_dict())


@get("/committees/{committee_id:str}", summary="One committee: profile, meetings by year, documents",
     responses=errors(400, 404), sync_to_thread=False)  # fmt: skip
def committee_api(portal: Portal, committee_id: FromPath[str]) -> CommitteeBody:
    return cast(CommitteeBody, queries.committee(portal, committee_id).to_api_dict())


PAGES = [committees_page, committee_page]
API = [committees_api, committee_api]
