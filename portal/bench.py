"""`python -m portal.bench`: the search API under a bounded loopback load, beside its two baselines.

    (a) a trivial endpoint of the same app (`/api/v1/ping`: same middleware, rate limiter, workers)
    (b) the same searches called directly, one after another, in one process: the per-core ceiling
    (c) `/api/v1/search` served by `minutes serve --workers 2` (uvicorn, two web workers and the
        search pool they share, one search process per core), under `--clients` (16) concurrent
        keep-alive connections for `--duration` seconds each, a query mix that includes the
        commonest words (위원회, 회의, 심의 — the index benchmark's mix)

and prints requests/s, p50, p99, errors and timeouts for each, then the goals: (c) ≥ 80% of
(b) × workers, (c)'s p99 ≤ 4 × the index benchmark's p95 (read from `just bench-index`'s last
`var/bench/result-*.json`, or `--index-p95`, else (b)'s own p95), no timeouts, no errors. The
result cache is off for (c) (`--cache 0`): what is measured is search work plus the web layer;
`--cached` adds a run with the cache on, as `minutes serve` runs by default.

Load stays on 127.0.0.1, is bounded in time, and stops itself. The load generator is a small
asyncio HTTP/1.1 client in this process, so that it costs the two cores as little as possible.

Data: `--data DIR` is any data directory with an archive; it is indexed first if it has no index.
Without it, the full-scale replica is crawled into `var/bench-portal/full` and indexed, once (the
full-scale crawl took 13 minutes on two busy cores, 73k pages; its index, 41k documents, 45 s).
The index benchmark's 100k-document corpus (`var/bench/corpus-100000`) is larger still.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

QUERIES = (
    "위원회", "회의", "심의", "도시계획", "회의록을", "교통", "원안가결", "조건부 가결", '"원안대로 가결"',
    "공원 조성", "현상변경", "주차장", "보조금", "지구단위계획", "재개발 정비구역", "서울시청 본관",
)  # fmt: skip
TIMEOUT = 30.0


@dataclass
class Figures:
    name: str
    requests: int = 0
    seconds: float = 0.0
    errors: int = 0
    timeouts: int = 0
    latencies_ms: list[float] = field(default_factory=list, repr=False)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def pct(self, q: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(len(ordered) * q))]

    def summary(self) -> dict[str, Any]:
        return {"name": self.name, "requests": self.requests, "rps": round(self.rps, 1),
                "p50_ms": round(self.pct(0.50), 1), "p95_ms": round(self.pct(0.95), 1),
                "p99_ms": round(self.pct(0.99), 1), "errors": self.errors, "timeouts": self.timeouts}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m portal.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=None, help="data directory with an archive and an index")
    parser.add_argument("--scale", choices=["tiny", "demo", "full"], default="full", help="replica without --data")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of measured load per endpoint")
    parser.add_argument("--warmup", type=float, default=10.0, help="seconds of unmeasured search load first")
    parser.add_argument("--rounds", type=int, default=5, help="passes over the mix for the direct baseline")
    parser.add_argument("--cache", type=int, default=0, help="result cache entries per worker for the search run")
    parser.add_argument("--cached", action="store_true", help="also measure the search API with a 512-entry cache")
    parser.add_argument("--search-threads", type=int, default=1, help="searches computed at once per worker")
    parser.add_argument("--search-processes", type=int, default=None, help="shared search processes (serve's default)")
    parser.add_argument("--index-p95", type=float, default=None, help="the index benchmark's p95 (ms) for the goal")
    parser.add_argument("--index-result", default=None, help="the index benchmark's --json output (default: newest "
                        "var/bench/result-*.json) to read its p95 from")  # fmt: skip
    parser.add_argument("--json", default=None, help="also write the figures to this file")
    args = parser.parse_args(argv)

    data = ensure_data(Path(args.data) if args.data else Path("var/bench-portal") / args.scale, args.scale)
    report: dict[str, Any] = {"data": str(data), "corpus": corpus_size(data), "workers": args.workers,
                              "clients": args.clients, "duration_s": args.duration}  # fmt: skip
    print(f"data: {data} — {report['corpus']}", flush=True)

    direct = measure_direct(data, args.rounds)
    print(f"(b) direct: {direct.summary()}", flush=True)
    index_p95, p95_source = index_benchmark_p95(args.index_p95, args.index_result, direct)
    report["index_p95_ms"], report["index_p95_source"] = round(index_p95, 1), p95_source
    print(f"index benchmark p95: {index_p95:.0f} ms ({p95_source})", flush=True)

    runs = [direct]
    env = {"MINUTES_SEARCH_CACHE": str(args.cache), "MINUTES_SEARCH_THREADS": str(args.search_threads)}
    if args.search_processes is not None:
        env["MINUTES_SEARCH_PROCESSES"] = str(args.search_processes)
    with serve(data, args.workers, env) as (base, startup):
        report["server_startup_s"] = round(startup, 1)
        print(f"server: {args.workers} workers up in {startup:.1f} s (archive read, searcher opened)", flush=True)
        search_urls = [f"/api/v1/search?{urlencode({'q': q})}" for q in QUERIES]
        run_load(base, search_urls, args.clients, args.warmup, "warm-up")
        trivial = run_load(base, ["/api/v1/ping"], args.clients, args.duration, "(a) trivial /api/v1/ping")
        print(f"(a) trivial: {trivial.summary()}", flush=True)
        searched = run_load(base, search_urls, args.clients, args.duration, "(c) search API")
        print(f"(c) search: {searched.summary()}", flush=True)
        runs += [trivial, searched]
    if args.cached:
        env["MINUTES_SEARCH_CACHE"] = "512"
        with serve(data, args.workers, env) as (base, _):
            run_load(base, search_urls, args.clients, args.warmup, "warm-up")
            cached = run_load(base, search_urls, args.clients, args.duration, "(c') search API, cache on")
            print(f"(c') cached: {cached.summary()}", flush=True)
            runs.append(cached)

    report["runs"] = [r.summary() for r in runs]
    report["goals"] = goals(direct, searched, args.workers, index_p95)
    print_table(report, index_p95)
    if args.json:
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


def index_benchmark_p95(given: float | None, result: str | None, direct: Figures) -> tuple[float, str]:
    """The p95 the p99 goal is measured against: given, else `just bench-index`'s last result (its
    grouped+highlighted search, the API's work), else this run's direct searches."""
    if given is not None:
        return given, "--index-p95"
    candidates = [Path(result)] if result else sorted(Path("var/bench").glob("result-*.json"),
                                                      key=lambda p: p.stat().st_mtime)  # fmt: skip
    for path in reversed(candidates):
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            return float(json.loads(path.read_text())["latency"]["whoosh_full"]["p95"]), str(path)
    return direct.pct(0.95), "this run's direct searches"


# -- data --------------------------------------------------------------------------------------


def ensure_data(data: Path, scale: str) -> Path:
    """An indexed data directory: crawl the replica at `scale` into `data` when it holds no archive,
    index it when it holds no index, and reuse whatever an earlier run built."""
    if (data / "index" / "CURRENT").exists():
        return data
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINUTES_")}
    started = time.perf_counter()
    if not (data / "archive" / "meetings.jsonl").exists():
        port = _free_port()
        replica = subprocess.Popen(
            [sys.executable, "-m", "minutes.cli", "replica", "--port", str(port), "--scale", scale], env=env
        )
        try:
            _wait(f"http://127.0.0.1:{port}/robots.txt", 600)
            print(f"building {data}: crawling the {scale}-scale replica …", flush=True)
            subprocess.run([sys.executable, "-m", "minutes.cli", "crawl", "--base-url", f"http://127.0.0.1:{port}",
                            "--data", str(data), "--progress", "60"], env=env, check=True)  # fmt: skip
        finally:
            replica.terminate()
            replica.wait(30)
    crawled = time.perf_counter()
    print(f"indexing {data} …", flush=True)
    subprocess.run([sys.executable, "-m", "minutes.cli", "index", "--rebuild", "--procs", "2", "--data", str(data)],
                   env=env, check=True)  # fmt: skip
    print(f"built {data}: crawl {crawled - started:.0f} s, index {time.perf_counter() - crawled:.0f} s", flush=True)
    return data


def corpus_size(data: Path) -> dict[str, int]:
    def lines(name: str) -> int:
        path = data / "archive" / f"{name}.jsonl"
        if not path.exists():
            return 0
        with open(path, "rb") as fh:
            return sum(1 for _ in fh)

    return {"meetings": lines("meetings"), "documents": lines("documents"), "files": lines("files")}


# -- (b) direct --------------------------------------------------------------------------------


def measure_direct(data: Path, rounds: int) -> Figures:
    """The same searches as the API's, in this process, one at a time: search + the API body."""
    from index import SearcherHolder, search

    holder = SearcherHolder(data / "index")
    holder.snapshot()
    for q in QUERIES:
        search(holder, q).to_api_dict()
    figures = Figures("(b) direct search, 1 process")
    started = time.perf_counter()
    for _ in range(rounds):
        for q in QUERIES:
            t = time.perf_counter()
            json.dumps(search(holder, q).to_api_dict(), ensure_ascii=False)
            figures.latencies_ms.append((time.perf_counter() - t) * 1000)
            figures.requests += 1
    figures.seconds = time.perf_counter() - started
    holder.close()
    del holder
    gc.collect()
    return figures


# -- the server --------------------------------------------------------------------------------


@contextlib.contextmanager
def serve(data: Path, workers: int, extra_env: dict[str, str]):  # type: ignore[no-untyped-def]
    """`minutes serve --workers N` as a user runs it (its search pool included), on a free port."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINUTES_")}
    env.update(MINUTES_DATA_DIR=str(data.resolve()), MINUTES_API_RATE_LIMIT="1000000000", **extra_env)
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "minutes.cli", "serve", "--port", str(port), "--workers", str(workers)],
        env=env, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(f"{base}/healthz", 900)
        # Every worker and search process must be warm before timing starts.
        for _ in range(4 * workers):
            _wait(f"{base}/api/v1/search?q=%EC%8B%AC%EC%9D%98", 900)
        yield base, time.perf_counter() - started
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=60) as r:
                r.read()
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


# -- the load generator ------------------------------------------------------------------------


def run_load(base: str, paths: list[str], clients: int, duration: float, name: str) -> Figures:
    figures = Figures(name)
    host, port = base.removeprefix("http://").split(":")
    asyncio.run(_load(host, int(port), paths, clients, duration, figures))
    return figures


async def _load(host: str, port: int, paths: list[str], clients: int, duration: float, figures: Figures) -> None:
    started = time.perf_counter()
    deadline = started + duration
    await asyncio.gather(*(_client(host, port, paths, i, deadline, figures) for i in range(clients)))
    figures.seconds = time.perf_counter() - started


async def _client(host: str, port: int, paths: list[str], offset: int, deadline: float, figures: Figures) -> None:
    """One keep-alive connection sending requests back to back, cycling the mix from its own offset."""
    reader = writer = None
    n = offset
    while time.perf_counter() < deadline:
        if writer is None:
            reader, writer = await asyncio.open_connection(host, port)
        path = paths[n % len(paths)]
        n += 1
        request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: application/json\r\n\r\n".encode()
        t = time.perf_counter()
        try:
            writer.write(request)
            status = await asyncio.wait_for(_response(reader), TIMEOUT)  # type: ignore[arg-type]
        except TimeoutError:
            figures.timeouts += 1
            writer.close()
            reader = writer = None
            continue
        except (ConnectionError, asyncio.IncompleteReadError, ValueError):
            figures.errors += 1
            writer.close()
            reader = writer = None
            continue
        figures.latencies_ms.append((time.perf_counter() - t) * 1000)
        figures.requests += 1
        if status != 200:
            figures.errors += 1
    if writer is not None:
        writer.close()


async def _response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split(b" ", 2)[1])
    length = None
    chunked = False
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value.strip())
        elif name == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length:
        await reader.readexactly(length)
    return status


# -- report ------------------------------------------------------------------------------------


def goals(direct: Figures, searched: Figures, workers: int, index_p95: float) -> dict[str, Any]:
    ceiling = direct.rps * workers
    return {
        "throughput_ratio": round(searched.rps / ceiling, 3) if ceiling else None,
        "throughput_ok": searched.rps >= 0.8 * ceiling,
        "p99_limit_ms": round(4 * index_p95, 1),
        "p99_ok": searched.pct(0.99) <= 4 * index_p95,
        "clean": searched.errors == 0 and searched.timeouts == 0,
    }


def print_table(report: dict[str, Any], index_p95: float) -> None:
    corpus = report["corpus"]
    print()
    print(f"data: {report['data']} ({corpus['meetings']} meetings, {corpus['documents']} documents); "
          f"{report['workers']} workers, {report['clients']} clients, {report['duration_s']:.0f} s a run")  # fmt: skip
    print("| run | requests/s | p50 ms | p95 ms | p99 ms | requests | errors | timeouts |")
    print("|---|---|---|---|---|---|---|---|")
    for r in report["runs"]:
        print(f"| {r['name']} | {r['rps']} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['requests']} | "
              f"{r['errors']} | {r['timeouts']} |")  # fmt: skip
    g = report["goals"]
    mark = {True: "met", False: "NOT met"}
    print(f"search throughput = {g['throughput_ratio']:.0%} of (b) × {report['workers']} (goal ≥ 80%): "
          f"{mark[g['throughput_ok']]}")  # fmt: skip
    print(f"search p99 ≤ 4 × index p95 ({index_p95:.0f} ms, {report['index_p95_source']}) = "
          f"{g['p99_limit_ms']:.0f} ms: {mark[g['p99_ok']]}")  # fmt: skip
    print(f"no errors, no timeouts: {mark[g['clean']]}")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
