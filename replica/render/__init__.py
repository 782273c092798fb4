"""Server-rendered HTML for the replica, one module per kind of page (see SPEC.md for the markup)."""

from replica.render.committees import committee_page, committees_page
from replica.render.errors import error_page, home_page
from replica.render.layout import Page
from replica.render.listing import list_page
from replica.render.meeting import meeting_page
from replica.render.sanction import preview_page, sanction_page

__all__ = [
    "Page",
    "committee_page",
    "committees_page",
    "error_page",
    "home_page",
    "list_page",
    "meeting_page",
    "preview_page",
    "sanction_page",
]
