"""The citizens' portal: pages and a JSON API over the archive and the search index.

    create_app(settings)   - the Litestar app (one read model and one searcher per process)
    add_commands(sub)      - `minutes serve`

Layout: `queries` (the functions every page and its JSON twin call) → `views` (what they return)
→ `routes/*` (one module per area: a page handler and its API twin) → `templates/`. The portal
never imports Scrapy or the crawler, and Whoosh stays inside `index/`.

Importing the package is cheap (`minutes --help` imports `portal.cli`); `create_app` loads
Litestar and the index on first use.
"""

from __future__ import annotations

from typing import Any

__all__ = ["add_commands", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from portal.app import create_app

        return create_app
    if name == "add_commands":
        from portal.cli import add_commands

        return add_commands
    raise AttributeError(name)
