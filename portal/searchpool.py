"""Search processes shared by every web worker: searches go where a core is free.

Why: a search is CPU-bound Python, so one process searches on one core at a time. Uvicorn's
workers share one listening socket and the first awake worker accepts every pending connection
(asyncio accepts in batches), so keep-alive clients stay pinned to whichever worker took them:
measured, 16 benchmark connections all went to one of two workers and search ran at 35% of two
cores. Here the web workers hand each search to a small pool instead, over a Unix socket that
every search process `accept()`s on. Each search process takes a connection only when it is
idle, and the kernel wakes one waiting process per connection, in order, so the pool is balanced
and first-come-first-served whatever the web workers' connections look like.

Each search process keeps ONE `SearcherHolder` (a fresh searcher only when the index generation
changes). Requests and answers are length-prefixed pickles of the index's own plain dataclasses
(`SearchFilters` in, `SearchResults` or the raised `SearchIndexError` out), between processes of
one user: the socket lives in a private (0700) directory that `SearchPool` creates and removes.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import pickle
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

_HEADER = struct.Struct("!Q")
MAX_MESSAGE = 64 * 1024 * 1024
CONNECT_TIMEOUT = 300.0  # a search waits in the kernel's queue until a process is free


def _send(conn: socket.socket, value: Any) -> None:
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    conn.sendall(_HEADER.pack(len(payload)) + payload)


def _recv(conn: socket.socket) -> Any:
    (size,) = _HEADER.unpack(_read(conn, _HEADER.size))
    if size > MAX_MESSAGE:
        raise ValueError(f"message of {size} bytes")
    return pickle.loads(_read(conn, size))  # our own processes, over a 0700 socket


def _read(conn: socket.socket, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = conn.recv(min(left, 1 << 20))
        if not chunk:
            raise ConnectionError("search process closed the connection")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def remote_search(path: str, **kwargs: Any) -> Any:
    """Run `index.search(holder, **kwargs)` in the pool; raises what the search raised."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(CONNECT_TIMEOUT)
        conn.connect(path)
        _send(conn, kwargs)
        status, value = _recv(conn)
    if status == "error":
        raise value
    return value


def serve(listener: socket.socket, index_dir: Path) -> None:
    """A search process: accept one search at a time, forever (until SIGTERM)."""
    from index import SearcherHolder, SearchIndexError, search

    holder = SearcherHolder(index_dir)
    with contextlib.suppress(SearchIndexError):
        holder.snapshot()  # open the searcher before the first request, not during it
    while True:
        conn, _ = listener.accept()
        with conn:
            try:
                request = _recv(conn)
            except (OSError, ValueError, pickle.UnpicklingError, EOFError):
                continue
            try:
                answer: tuple[str, Any] = ("ok", search(holder, **request))
            except SearchIndexError as exc:
                answer = ("error", exc)
            except Exception as exc:  # reported to the web worker, which answers 500
                answer = ("error", RuntimeError(f"search failed: {type(exc).__name__}: {exc}"))
            with contextlib.suppress(OSError):
                _send(conn, answer)


class SearchPool:
    """`processes` search processes on one Unix socket, restarted if one dies; a context manager."""

    def __init__(self, index_dir: Path, processes: int) -> None:
        self.index_dir = Path(index_dir)
        self.processes = processes
        self._dir = Path(tempfile.mkdtemp(prefix="minutes-search-"))
        os.chmod(self._dir, 0o700)
        self.path = str(self._dir / "search.sock")
        self._listener: socket.socket | None = None
        self._children: list[subprocess.Popen[bytes]] = []
        self._stopping = threading.Event()
        self._watcher: threading.Thread | None = None

    def start(self) -> SearchPool:
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(self.path)
        listener.listen(1024)
        self._listener = listener
        self._children = [self._spawn() for _ in range(self.processes)]
        self._watcher = threading.Thread(target=self._watch, name="search-pool-watch", daemon=True)
        self._watcher.start()
        return self

    def _spawn(self) -> subprocess.Popen[bytes]:
        assert self._listener is not None
        fd = self._listener.fileno()
        return subprocess.Popen(
            [sys.executable, "-m", "portal.searchpool", "--fd", str(fd), "--index", str(self.index_dir)],
            pass_fds=[fd],
        )

    def _watch(self) -> None:
        while not self._stopping.wait(1.0):
            for i, child in enumerate(self._children):
                if child.poll() is not None and not self._stopping.is_set():
                    self._children[i] = self._spawn()

    def stop(self) -> None:
        self._stopping.set()
        for child in self._children:
            child.terminate()
        for child in self._children:
            try:
                child.wait(10)
            except subprocess.TimeoutExpired:
                child.kill()
        if self._listener is not None:
            self._listener.close()
        shutil.rmtree(self._dir, ignore_errors=True)

    def wait_ready(self, timeout: float = 600.0) -> None:
        """Block until every process has its searcher open (one search answered per process)."""
        deadline = time.monotonic() + timeout
        for _ in range(self.processes):
            while True:
                try:
                    remote_search(self.path, query="", per_page=1, snippets=False)
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.1)
                except Exception:  # IndexMissing: the processes are up, there is just nothing to search
                    break

    def __enter__(self) -> SearchPool:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m portal.searchpool")
    parser.add_argument("--fd", type=int, required=True, help="the listening Unix socket, inherited")
    parser.add_argument("--index", required=True, help="the index directory")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent stops us
    listener = socket.socket(fileno=args.fd)
    serve(listener, Path(args.index))
    return 0


if __name__ == "__main__":
    sys.exit(main())
