"""Liveness: `/healthz` for operators (not rate limited) and `/api/v1/ping`, the trivial endpoint the
benchmark measures beside search (the same app, middleware and rate limiter, no work)."""

from __future__ import annotations

from typing import Any

from litestar import get

from portal.routes.common import Portal
from portal.schemas import PingBody


@get("/healthz", include_in_schema=False, sync_to_thread=False)
def healthz(portal: Portal) -> dict[str, Any]:
    model = portal.model()
    generation = portal.searcher.generation()
    return {"status": "ok", "meetings": len(model.meetings), "index": "ok" if generation[1] >= 0 else "missing"}


@get("/ping", summary="Liveness (no work)", sync_to_thread=False)
def ping() -> PingBody:
    return {"ok": True}


PAGES = [healthz]
API = [ping]
