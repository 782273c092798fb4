"""The app factory: `create_app(settings)` builds one portal over one data directory.

Tests build a fresh app per test (the rate limiter's counters live on the app); `minutes serve`
and the benchmark start uvicorn on `create_app_from_env`, called once in each worker process, so
each process holds one read model and one searcher.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from litestar import Litestar, Router
from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import Tag
from litestar.static_files import create_static_files_router

from minutes.settings import Settings
from portal import errors
from portal.apidocs import render_plugins
from portal.rendering import template_config
from portal.routes import (
    categories,
    committees,
    compliance,
    downloads,
    guidelines,
    home,
    meetings,
    search,
    system,
)
from portal.routes.common import DEPENDENCIES
from portal.security import rate_limit, response_headers, with_security_headers
from portal.state import PortalState

STATIC = Path(__file__).parent / "static"
AREAS = (home, search, meetings, committees, categories, compliance, guidelines, downloads, system)


def create_app(settings: Settings | None = None, *, clock: Callable[[], datetime] | None = None) -> Litestar:
    """The portal over `settings.data_dir`; `clock` (Seoul "now", for upcoming meetings) is for tests."""
    settings = settings or Settings.from_env()
    state = PortalState.build(settings)
    if clock is not None:
        state.clock = clock
    limit = rate_limit(settings.api_rate_limit)
    api = Router(
        path="/api/v1",
        route_handlers=[handler for area in AREAS for handler in area.API],
        middleware=[limit.middleware] if limit else [],
        tags=["api"],
    )
    pages = [handler for area in AREAS for handler in area.PAGES]
    static = create_static_files_router(
        path="/static", directories=[STATIC], include_in_schema=False, middleware=[with_security_headers]
    )

    def load_archive() -> None:
        state.model()  # read the archive before the first request, not during it

    return Litestar(
        route_handlers=[*pages, api, static],
        dependencies=DEPENDENCIES,
        exception_handlers={Exception: errors.handle},
        response_headers=response_headers(),
        template_config=template_config(),
        openapi_config=OpenAPIConfig(
            title="Open Minutes Seoul API",
            version="1",
            description="Seoul city committee meetings, documents and minutes. Errors share one shape: "
            '`{"error": {"status", "code", "message", "message_ko", "parameter"?}}`. '
            f"Rate limit: {settings.api_rate_limit or 'no'} requests per minute per client.",
            path="/schema",
            render_plugins=render_plugins(),
            tags=[Tag(name="api")],
        ),
        state=_state(state),
        on_startup=[load_archive],
        debug=False,
    )


def _state(portal: PortalState) -> object:
    from litestar.datastructures import State

    return State({"portal": portal})


def create_app_from_env() -> Litestar:
    """For uvicorn's `--factory`: settings from `MINUTES_*` (the CLI sets `MINUTES_DATA_DIR`)."""
    return create_app(Settings.from_env())
