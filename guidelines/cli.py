"""`minutes report`: registered on the main parser by `add_commands()`.

The handler imports the reports inside itself, so `minutes --help` and the other commands do not
load them.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO


def add_commands(sub: Any) -> None:
    """Register `report` on the main parser's subparsers."""
    p = sub.add_parser("report", help="committees' disclosure compliance for a year or a date range")
    p.add_argument("--data", default=None, help="data directory (default ./var, env MINUTES_DATA_DIR)")
    p.add_argument("--year", type=int, default=None, help="calendar year (YYYY)")
    p.add_argument("--from", dest="date_from", default=None, help="first day (YYYY-MM-DD), with --to")
    p.add_argument("--to", dest="date_to", default=None, help="last day (YYYY-MM-DD), with --from")
    p.add_argument("--category", default=None, help="only committees of this category id")
    p.add_argument("--format", choices=["csv", "json"], default="json")
    p.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    from datetime import date

    from guidelines.compliance import compute
    from minutes.archive import Archive
    from minutes.settings import Settings
    from minutes.vocabulary import Category

    if (args.date_from is None) != (args.date_to is None):
        print("give both --from and --to, or --year", file=sys.stderr)
        return 2
    if args.year is None and args.date_from is None:
        print("give --year YYYY, or --from YYYY-MM-DD --to YYYY-MM-DD", file=sys.stderr)
        return 2
    if args.year is not None and args.date_from is not None:
        print("give either --year or --from/--to, not both", file=sys.stderr)
        return 2
    try:
        period: Any = (
            args.year
            if args.year is not None
            else (date.fromisoformat(args.date_from), date.fromisoformat(args.date_to))
        )
        category = Category(args.category) if args.category else None
    except ValueError as exc:
        print(f"bad argument: {exc}", file=sys.stderr)
        return 2
    settings = Settings.from_env(data_dir=args.data)
    if not (settings.archive_dir).exists():
        print(
            f"no archive at {settings.archive_dir}: run `minutes crawl --data {settings.data_dir}` first",
            file=sys.stderr,
        )
        return 2
    try:
        report = compute(Archive(settings.data_dir), period=period, settings=settings, category=category)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if args.format == "csv":
        out.write(report.to_csv())
    else:
        out.write(json.dumps(report.to_api_dict(), ensure_ascii=False, indent=2) + "\n")
    return 0
