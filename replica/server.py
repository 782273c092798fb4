"""The replica's HTTP server: a loopback ThreadingHTTPServer with a hit log and injectable faults.

    with ReplicaServer(build_site("tiny")) as server:
        httpx.get(server.url + "/robots.txt")
        server.hits  # [("GET", "/robots.txt", 200)]

Pages are rendered from the `Site` on every request, so a test may change the site between two
crawls. Faults make the network misbehave on purpose: a 500 a given number of times for one exact
path+query, a 500 always, or a slow answer.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

from replica import render
from replica.routes import Response, handle, html
from replica.site import Site


@dataclass
class Faults:
    """Faults keyed by path+query (`/proceeding/list?page=2`) or, for always_500 and slow, by path."""

    fail_times: dict[str, int] = field(default_factory=dict)
    always_500: set[str] = field(default_factory=set)
    slow: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()

    def take(self, target: str) -> tuple[float, bool]:
        """(seconds to wait, whether to fail) for one request; counts a fail_times use."""
        path = target.split("?", 1)[0]
        delay = self.slow.get(target, self.slow.get(path, 0.0))
        if target in self.always_500 or path in self.always_500:
            return delay, True
        with self._lock:
            left = self.fail_times.get(target, 0)
            if left > 0:
                self.fail_times[target] = left - 1
                return delay, True
        return delay, False


class HitLog:
    """(method, path_with_query, status) per request, appended before the response is sent."""

    def __init__(self) -> None:
        self._hits: list[tuple[str, str, int]] = []
        self._lock = threading.Lock()

    def append(self, hit: tuple[str, str, int]) -> None:
        with self._lock:
            self._hits.append(hit)

    def clear(self) -> None:
        with self._lock:
            self._hits.clear()

    def snapshot(self) -> list[tuple[str, str, int]]:
        with self._lock:
            return list(self._hits)

    def paths(self, status: int | None = None) -> list[str]:
        return [path for _, path, code in self.snapshot() if status is None or code == status]

    def __iter__(self) -> Iterator[tuple[str, str, int]]:
        return iter(self.snapshot())

    def __len__(self) -> int:
        with self._lock:
            return len(self._hits)

    def __getitem__(self, index: int) -> tuple[str, str, int]:
        with self._lock:
            return self._hits[index]

    def __repr__(self) -> str:
        return f"HitLog({self.snapshot()!r})"


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128
    replica: ReplicaServer

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up mid-answer (a killed crawler) is normal here: no traceback."""
        if self.replica.verbose and not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: crawlers reuse connections
    disable_nagle_algorithm = True  # else headers and body in two writes wait 40 ms for a delayed ACK
    server_version = "Apache"
    sys_version = ""
    server: _HTTPServer

    def do_GET(self) -> None:
        self._serve(head=False)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(min(length, 1 << 20))  # drain it, so the kept-alive connection stays in step
        self._serve(head=False)

    def _serve(self, *, head: bool) -> None:
        replica = self.server.replica
        target = self.path
        delay, fail = replica.faults.take(target)
        if delay:
            time.sleep(delay)
        if fail:
            response = html(render.error_page(500, "일시적인 오류입니다. 잠시 후 다시 시도해 주십시오."))
        else:
            try:
                response = handle(replica.site, self.command, target, crawl_delay=replica.crawl_delay)
            except Exception as exc:  # a bug in the replica: answer 500, never a traceback
                if replica.verbose:
                    print(f"replica: {self.command} {target}: {exc!r}", file=sys.stderr)
                response = html(render.error_page(500))
        replica.hits.append((self.command, target, response.status))
        self._send(response, head=head)

    def _send(self, response: Response, *, head: bool) -> None:
        self.send_response(response.status)
        for name, value in response.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        if not head:
            self.wfile.write(response.body)

    def log_message(self, format: str, *args: object) -> None:
        if self.server.replica.verbose:
            super().log_message(format, *args)


class ReplicaServer:
    """The replica on a loopback port; a context manager that starts and stops it."""

    def __init__(
        self,
        site: Site,
        host: str = "127.0.0.1",
        port: int = 0,
        crawl_delay: float | None = 0,
        faults: Faults | None = None,
        *,
        verbose: bool = False,
    ) -> None:
        self.site = site
        self.host = host
        self.port = port
        self.crawl_delay = crawl_delay
        self.faults = faults or Faults()
        self.verbose = verbose
        self.hits = HitLog()
        self._server: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """Base URL without a trailing slash, e.g. http://127.0.0.1:43123."""
        return f"http://{self.host}:{self.port}"

    def start(self) -> ReplicaServer:
        if self._server is not None:
            return self
        server = _HTTPServer((self.host, self.port), _Handler)
        server.replica = self
        self.port = server.server_address[1]
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="replica-server", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None
        self._thread = None

    def serve(self) -> None:
        """Serve in the calling thread until interrupted."""
        self.start()
        try:
            while self._thread is not None and self._thread.is_alive():
                self._thread.join(timeout=0.5)
        finally:
            self.stop()

    def __enter__(self) -> ReplicaServer:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()


def serve_forever(host: str, port: int, scale: str, seed: int, crawl_delay: float) -> None:
    """Build a site, print where it is and what it holds, serve until Ctrl-C."""
    from replica.generate import build_site

    started = time.perf_counter()
    site = build_site(scale, seed)
    built = time.perf_counter() - started
    server = ReplicaServer(site, host=host, port=port, crawl_delay=crawl_delay).start()
    counts = site.counts()
    print(f"Replica of the Seoul meeting site (demo data) at {server.url}/proceeding/clas_all")
    print(
        f"scale={scale} seed={seed} today={site.today} built in {built:.1f}s: "
        + ", ".join(f"{k}={v}" for k, v in counts.items())
    )
    print("Ctrl-C to stop.", flush=True)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops it as cleanly as Ctrl-C
    try:
        server.serve()
    except KeyboardInterrupt:
        print("stopped", flush=True)
    finally:
        server.stop()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
