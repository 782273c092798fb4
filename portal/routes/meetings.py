"""A meeting: every field, every document with its files, the extracted text readable inline."""

from __future__ import annotations

from typing import cast

from litestar import Request, get
from litestar.params import FromPath
from litestar.response import Template

from portal import queries
from portal.rendering import page
from portal.routes.common import Language, Portal, errors
from portal.schemas import MeetingBody


@get("/meetings/{meeting_id:str}", name="meeting", include_in_schema=False, sync_to_thread=True)
def meeting_page(request: Request, portal: Portal, language: Language, meeting_id: FromPath[str]) -> Template:
    view = queries.meeting(portal, meeting_id, with_text=True)
    return page(request, "meeting.html", lang=language, title=view.meeting.title,
                json_url=f"/api/v1/meetings/{meeting_id}", view=view)  # fmt: skip


@get("/meetings/{meeting_id:str}", summary="One meeting with its documents and files", responses=errors(400, 404),
     sync_to_thread=True)  # fmt: skip
def meeting_api(portal: Portal, meeting_id: FromPath[str]) -> MeetingBody:
    return cast(MeetingBody, queries.meeting(portal, meeting_id).to_api_dict())


PAGES = [meeting_page]
API = [meeting_api]
