"""The `minutes` command: the only place that knows every part, importing each inside its command."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from minutes.settings import Settings


def _settings(args: argparse.Namespace, **extra: object) -> Settings:
    return Settings.from_env(data_dir=getattr(args, "data", None), **extra)


def cmd_replica(args: argparse.Namespace) -> int:
    from replica.server import serve_forever

    serve_forever(host=args.host, port=args.port, scale=args.scale, seed=args.seed, crawl_delay=args.crawl_delay)
    return 0


def cmd_crawl(args: argparse.Namespace) -> int:
    from crawler.runner import run_crawl

    settings = _settings(args, base_url=args.base_url, crawl_concurrency=args.concurrency)
    summary = run_crawl(settings, explicit_delay=args.delay, fresh=args.fresh, progress_interval=args.progress)
    print_crawl_summary(summary, as_json=args.json)
    return 0 if summary.get("status") == "finished" else 130


def print_crawl_summary(summary: dict, *, as_json: bool = False, out=sys.stdout) -> None:
    if as_json:
        json.dump(summary, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    w = out.write
    w(
        f"crawl {summary.get('run_id', '')}: {summary.get('status')}"
        f"{' (resumed)' if summary.get('resumed_times') else ''}\n"
    )
    w(
        f"  pages {summary['pages']} ({summary['pages_resumed']} from the archive)  items {summary['items']}"
        f"  files {summary['files']}  text {summary['text_mb']} MB  errors {summary['errors']}"
        f"  in {summary['elapsed_s']} s ({summary['pages_per_s']} pages/s)\n"
    )
    w(f"  delay {summary['delay_s']} s ({summary['delay_reason']})\n")
    if summary.get("changes"):
        w("  changes: " + ", ".join(f"{k} {v}" for k, v in summary["changes"].items()) + "\n")
    if summary.get("vanished"):
        w("  vanished: " + ", ".join(f"{k} {v}" for k, v in summary["vanished"].items()) + "\n")
    elif summary.get("status") == "finished":
        w("  vanished: not marked (the crawl had errors)\n")
    if summary.get("failures"):
        w("  failures by reason:\n")
        for reason, n in summary["failures"].items():
            w(f"    {n:6d}  {reason}\n")
    if summary.get("missing_fields"):
        w("  missing fields: " + ", ".join(f"{k} {v}" for k, v in summary["missing_fields"].items()) + "\n")
    per = summary.get("per_committee", {})
    if per:
        w(f"  per committee ({len(per)}): meetings / documents\n")
        for committee, counts in per.items():
            w(f"    {committee:24s} {counts.get('meetings', 0):5d} {counts.get('documents', 0):6d}\n")


def cmd_demo(args: argparse.Namespace) -> int:
    from minutes.demo import run_demo

    return run_demo(
        data_dir=Path(args.data or "var/demo"),
        port=args.port,
        replica_port=args.replica_port,
        scale=args.scale,
        seed=args.seed,
        serve=not args.no_serve,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="minutes", description="Seoul committee meetings: crawl, index, serve.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("replica", help="serve the local replica of the city's meeting-information site")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8001)
    p.add_argument("--scale", choices=["tiny", "demo", "full"], default="demo")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--crawl-delay", type=float, default=0.0, help="Crawl-delay its robots.txt announces")
    p.set_defaults(func=cmd_replica)

    p = sub.add_parser("crawl", help="crawl the site into the archive (resumes an interrupted crawl)")
    p.add_argument("--base-url", default=None, help="site to crawl (default: the city's site)")
    p.add_argument("--data", default=None, help="data directory (default ./var, env MINUTES_DATA_DIR)")
    p.add_argument(
        "--delay",
        type=float,
        default=None,
        help="seconds between requests (default: robots.txt Crawl-delay, else 10 remote, 0 loopback)",
    )
    p.add_argument("--concurrency", type=int, default=None)
    p.add_argument("--fresh", action="store_true", help="start a new run instead of resuming an interrupted one")
    p.add_argument("--progress", type=float, default=5.0, help="seconds between progress lines (0: none)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=cmd_crawl)

    p = sub.add_parser("demo", help="replica → crawl → index → portal, all local")
    p.add_argument("--data", default=None, help="data directory (default ./var/demo)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--replica-port", type=int, default=8001)
    p.add_argument("--scale", choices=["tiny", "demo", "full"], default="demo")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--no-serve", action="store_true", help="stop after the crawl and index")
    p.set_defaults(func=cmd_demo)

    # Each part registers its own commands; their handlers import the heavy modules lazily.
    from index.cli import add_commands as index_commands

    index_commands(sub)
    from portal.cli import add_commands as portal_commands

    portal_commands(sub)
    from guidelines.cli import add_commands as report_commands

    report_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
