"""A local replica of the Seoul Information Communication Plaza's committee-meeting pages.

It serves the real site's URLs and markup (see SPEC.md) from a seeded, deterministic generator,
marked as demo data on every page: the demo crawls it, and the spiders are tested against it.

    from replica import build_site, ReplicaServer, Faults
    site = build_site("tiny", seed=1)
    with ReplicaServer(site) as server:
        ...  # crawl server.url

Modules: `catalog` and `committees` (the 191 committees), `scales` (tiny / demo / full),
`generate` (meetings, documents, files), `coverage` (every behaviour present at the tiny scale),
`prose` and `lexicon` (the Korean text), `content` and `sheet` (attachment bytes; HWPX, HWP and PDF
writers live in `files/`), `render/` (HTML), `routes` (URL → response), `server` (HTTP), `site`
(the built site and its indexes), `urls`, `formats`, `model`. README.md records the markup choices.
"""

from replica.generate import build_site
from replica.server import Faults, ReplicaServer, serve_forever
from replica.site import Site

__all__ = ["Faults", "ReplicaServer", "Site", "build_site", "serve_forever"]
