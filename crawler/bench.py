"""`just bench-crawl`: the crawl's speed beside the ceiling of a plain HTTP client.

The replica runs in its own process. The ceiling is every URL of the site fetched by a plain
concurrent client (threads with keep-alive connections, no parsing, same concurrency as the crawl);
the crawl is `minutes crawl` over the same site into a fresh data directory. Both runs see a warm
replica (a first pass generates and caches its files), so they measure the client, not the server's
first-time work.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from minutes.demo import wait_for


def fetch_all(base_url: str, paths: list[str], concurrency: int) -> tuple[float, int, int]:
    """Fetch every path once; return (seconds, bytes, errors)."""
    host = urlsplit(base_url)
    local = threading.local()
    totals = {"bytes": 0, "errors": 0}
    lock = threading.Lock()

    def get(path: str) -> None:
        conn = getattr(local, "conn", None)
        if conn is None:
            conn = local.conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
        try:
            conn.request("GET", path, headers={"User-Agent": "bench-ceiling"})
            body = conn.getresponse().read()
            with lock:
                totals["bytes"] += len(body)
        except (OSError, http.client.HTTPException):
            local.conn = None
            with lock:
                totals["errors"] += 1

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(get, paths, chunksize=64))
    return time.perf_counter() - started, totals["bytes"], totals["errors"]


def bare_scrapy(base_url: str, paths: list[str], concurrency: int) -> float:
    """Seconds for Scrapy alone to fetch every path with no parsing: the framework's own ceiling."""
    import scrapy
    from scrapy.crawler import CrawlerProcess

    class Bare(scrapy.Spider):
        name = "bare"

        async def start(self):  # type: ignore[override]
            for path in paths:
                yield scrapy.Request(base_url + path, callback=self.parse, dont_filter=True)

        def parse(self, response):  # type: ignore[override]
            return None

    started = time.perf_counter()
    process = CrawlerProcess(
        {
            "LOG_LEVEL": "ERROR",
            "CONCURRENT_REQUESTS": concurrency,
            "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
            "TELNETCONSOLE_ENABLED": False,
        }
    )
    process.crawl(Bare)
    process.start()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", default="full", choices=["tiny", "demo", "full"])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--port", type=int, default=8097)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args(argv)

    from replica.generate import build_site

    base_url = f"http://127.0.0.1:{args.port}"
    minutes = [sys.executable, "-m", "minutes.cli"]
    replica = subprocess.Popen(
        [*minutes, "replica", "--port", str(args.port), "--scale", args.scale, "--seed", str(args.seed)],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for(f"{base_url}/robots.txt", timeout=300)
        paths = build_site(args.scale, args.seed).all_urls()
        print(f"site: {args.scale} scale, {len(paths)} URLs; warming the replica's file cache …", flush=True)
        fetch_all(base_url, paths, args.concurrency)
        seconds, size, errors = fetch_all(base_url, paths, args.concurrency)
        ceiling = len(paths) / seconds
        print(
            f"ceiling (plain client, {args.concurrency} concurrent): {len(paths)} URLs in {seconds:.1f} s = "
            f"{ceiling:.1f} pages/s, {size / seconds / 1e6:.1f} MB/s on the wire, {errors} errors",
            flush=True,
        )
        script = _BARE.format(base=base_url, scale=args.scale, seed=args.seed, concurrency=args.concurrency)
        bare = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
        bare_rate = len(paths) / float(bare.stdout.split()[-1]) if bare.returncode == 0 else float("nan")
        print(
            f"scrapy alone (same URLs, no parsing, {args.concurrency} concurrent): {bare_rate:.1f} pages/s"
            f" = {bare_rate / ceiling:.2f} of the ceiling",
            flush=True,
        )
        with tempfile.TemporaryDirectory(prefix="bench-crawl-") as data:
            env = dict(os.environ, MINUTES_DATA_DIR=data)
            out = subprocess.run(
                [
                    *minutes,
                    "crawl",
                    "--base-url",
                    base_url,
                    "--data",
                    data,
                    "--json",
                    "--progress",
                    "15",
                    "--concurrency",
                    str(args.concurrency),
                ],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            if out.returncode != 0:
                print(out.stderr[-4000:], file=sys.stderr)
                return 1
            summary = json.loads(out.stdout)
            size_on_disk = sum(f.stat().st_size for f in Path(data).rglob("*") if f.is_file())
        crawl_rate = summary["pages"] / summary["elapsed_s"]
        print(
            f"crawl (scrapy, parse, extract, archive): {summary['pages']} pages in {summary['elapsed_s']:.1f} s = "
            f"{crawl_rate:.1f} pages/s; extracted text {summary['text_mb']:.1f} MB = "
            f"{summary['text_mb'] / summary['elapsed_s']:.2f} MB/s; {summary['errors']} errors; "
            f"archive {size_on_disk / 1e6:.0f} MB",
            flush=True,
        )
        print(f"crawl / ceiling = {crawl_rate / ceiling:.2f} (goal ≥ 0.50)")
        return 0
    finally:
        replica.terminate()
        replica.wait(timeout=10)


_BARE = """
from crawler.bench import bare_scrapy
from replica.generate import build_site
print(bare_scrapy("{base}", build_site("{scale}", {seed}).all_urls(), {concurrency}))
"""


if __name__ == "__main__":
    sys.exit(main())
