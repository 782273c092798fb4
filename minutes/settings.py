"""One settings object for every part, with defaults documented here.

The environment is read in one place, `Settings.from_env()`, under the prefix `MINUTES_`; command-line
flags override it. Nothing reads settings at import time, so tests build their own.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ENV_PREFIX = "MINUTES_"
REAL_SITE = "https://opengov.seoul.go.kr"


@dataclass(frozen=True, slots=True)
class Settings:
    # Where the archive, blobs, extracted text, crawl state and index live.
    data_dir: Path = Path("var")
    # The site to crawl. The real city site by default; the demo points it at the replica.
    base_url: str = REAL_SITE
    # Seconds between requests. None means: 10 s for a remote host (the city's data repository asks
    # for that), 0 for a loopback host, and a robots.txt Crawl-delay wins unless set explicitly.
    crawl_delay: float | None = None
    crawl_concurrency: int = 16
    crawl_timeout: float = 30.0
    crawl_retries: int = 3
    user_agent: str = "OpenMinutesSeoul/0.1 (+https://github.com/open-minutes-seoul; civic archive)"
    # Largest response body the crawler accepts (huge pages are refused, and recorded, not loaded).
    max_download_bytes: int = 64 * 1024 * 1024
    # Largest uncompressed member read from an HWPX zip (zip-bomb guard).
    max_unzipped_bytes: int = 128 * 1024 * 1024
    # Portal.
    host: str = "127.0.0.1"
    port: int = 8000
    # Worker processes `minutes serve` starts (each holds one searcher and one read model).
    workers: int = 1
    # API requests per minute per client address (0: no limit). Counters live in each worker.
    api_rate_limit: int = 300
    # Search results kept per worker for repeated searches, keyed by the index generation (0: off).
    search_cache: int = 512
    # Searches computed at once per worker: Python's lock runs one at a time, so more threads only
    # add latency (tech-notes); 1 makes waiting requests queue in order instead of sharing the CPU.
    search_threads: int = 1
    # Search processes shared by all workers of `minutes serve` (a search goes to whichever is free;
    # see portal/searchpool.py). None: as many as cores when workers > 1, else none (search in-process).
    search_processes: int | None = None
    # Set by `minutes serve` for its workers: the search pool's Unix socket ("" searches in-process).
    search_socket: str = ""
    # Disclosure rules' thresholds (days), read by the compliance checks.
    notice_days: int = 5
    # Publication of results and minutes: the practice benchmark (Geumcheon-gu posts within 5 days)
    # and the outer limit seen for viewing-only committees and a national committee (30 days / a month).
    publication_days: int = 5
    publication_outer_days: int = 30
    # A committee's rates are ranked only when they rest on at least this many meetings
    # (held − closed lawfully), so that two meetings are not ranked as if they were forty.
    compliance_min_n: int = 5
    # The operating rule's floor: held meetings in each calendar quarter.
    meetings_per_quarter: int = 1

    @property
    def archive_dir(self) -> Path:
        return self.data_dir / "archive"

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    @property
    def text_dir(self) -> Path:
        return self.data_dir / "text"

    @property
    def state_dir(self) -> Path:
        return self.data_dir / "state"

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then `MINUTES_*` variables, then explicit overrides (None values ignored)."""
        environ = dict(os.environ if environ is None else environ)
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            raw = environ.get(ENV_PREFIX + f.name.upper())
            if raw is not None and raw != "":
                values[f.name] = _parse(f.type, raw)
        if "MINUTES_DATA_DIR" not in environ and "MINUTES_DATA" in environ:
            values["data_dir"] = Path(environ["MINUTES_DATA"])
        values.update({k: v for k, v in overrides.items() if v is not None})
        if "data_dir" in values:
            values["data_dir"] = Path(values["data_dir"])
        return cls(**values)


def _parse(type_name: Any, raw: str) -> Any:
    name = str(type_name)
    if "Path" in name:
        return Path(raw)
    if "float" in name:
        return float(raw)
    if "int" in name:
        return int(raw)
    if "bool" in name:
        return raw.lower() in {"1", "true", "yes", "on"}
    return raw
