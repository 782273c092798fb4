"""`minutes serve`: registered on the main parser by `add_commands()`; imports the portal lazily."""

from __future__ import annotations

import argparse
import os
from typing import Any


def add_commands(sub: Any) -> None:
    p = sub.add_parser("serve", help="serve the citizens' portal and its JSON API")
    p.add_argument("--data", default=None, help="data directory (default ./var, env MINUTES_DATA_DIR)")
    p.add_argument("--host", default=None, help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=None, help="port (default 8000)")
    p.add_argument("--workers", type=int, default=None, help="web worker processes (default 1)")
    p.add_argument(
        "--search-processes",
        type=int,
        default=None,
        help="search processes shared by the workers (default: one per core when --workers > 1, else 0: "
        "each worker searches in-process)",
    )
    p.set_defaults(func=cmd_serve)


def search_processes(workers: int, asked: int | None) -> int:
    if asked is not None:
        return max(0, asked)
    return (os.cpu_count() or 2) if workers > 1 else 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from minutes.settings import Settings

    settings = Settings.from_env(data_dir=args.data, host=args.host, port=args.port, workers=args.workers,
                                 search_processes=args.search_processes)  # fmt: skip
    processes = search_processes(settings.workers, settings.search_processes)
    # Worker processes build their own app from the environment: hand them what was chosen here.
    os.environ["MINUTES_DATA_DIR"] = str(settings.data_dir.resolve())
    pool = None
    if processes:
        from portal.searchpool import SearchPool

        pool = SearchPool(settings.index_dir.resolve(), processes).start()
        os.environ["MINUTES_SEARCH_SOCKET"] = pool.path
    print(
        f"[serve] portal on http://{settings.host}:{settings.port} over {settings.data_dir} "
        f"({settings.workers} worker{'s' if settings.workers > 1 else ''}, "
        f"{processes or 'no'} shared search process{'es' if processes != 1 else ''})",
        flush=True,
    )
    try:
        uvicorn.run(
            "portal.app:create_app_from_env",
            factory=True,
            host=settings.host,
            port=settings.port,
            workers=settings.workers if settings.workers > 1 else None,
            log_level="info",
            access_log=False,
        )
    finally:
        if pool is not None:
            pool.stop()
    return 0
