"""The demo: start the replica, crawl it, then index and serve what was crawled.

Each stage runs as its own process, as a user would run them: the replica keeps serving while the
portal runs, so the portal's links to source pages lead somewhere.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path


def _minutes(*args: str) -> list[str]:
    return [sys.executable, "-m", "minutes.cli", *args]


def wait_for(url: str, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def run_demo(*, data_dir: Path, port: int, replica_port: int, scale: str, seed: int, serve: bool) -> int:
    env = dict(os.environ, MINUTES_DATA_DIR=str(data_dir))
    base_url = f"http://127.0.0.1:{replica_port}"
    print(f"[demo] replica ({scale} scale, seed {seed}) on {base_url} — demo data, not the city's site", flush=True)
    replica = subprocess.Popen(
        _minutes("replica", "--port", str(replica_port), "--scale", scale, "--seed", str(seed)), env=env
    )
    try:
        wait_for(f"{base_url}/robots.txt")
        print(f"[demo] crawling {base_url} into {data_dir}", flush=True)
        crawl = subprocess.run(_minutes("crawl", "--base-url", base_url, "--data", str(data_dir)), env=env)
        if crawl.returncode != 0:
            print("[demo] the crawl did not finish; run the demo again to resume it", file=sys.stderr)
            return crawl.returncode
        for stage in _later_stages(data_dir, port, serve):
            print(f"[demo] {' '.join(stage[3:])}", flush=True)
            done = subprocess.run(stage, env=env)
            if done.returncode != 0:
                return done.returncode
        return 0
    except KeyboardInterrupt:
        return 130
    finally:
        replica.terminate()
        try:
            replica.wait(timeout=10)
        except subprocess.TimeoutExpired:
            replica.kill()


def _later_stages(data_dir: Path, port: int, serve: bool) -> list[list[str]]:
    """Index and serve, once those commands exist in this installation."""
    from minutes.cli import build_parser

    known = set(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    stages = []
    if "index" in known:
        stages.append(_minutes("index", "--data", str(data_dir)))
    if serve and "serve" in known:
        stages.append(_minutes("serve", "--data", str(data_dir), "--port", str(port)))
    return stages
