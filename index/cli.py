"""`minutes index` and `minutes search`: registered on the main parser by `add_commands()`.

Handlers import the index inside themselves, so `minutes --help` and the other commands never
load Whoosh.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO


def add_commands(sub: Any) -> None:
    """Register `index` and `search` on the main parser's subparsers."""
    p = sub.add_parser("index", help="build or update the search index from the archive")
    p.add_argument("--data", default=None, help="data directory (default ./var, env MINUTES_DATA_DIR)")
    p.add_argument("--rebuild", action="store_true", help="rebuild everything beside the live index, then swap")
    p.add_argument("--procs", type=int, default=1, help="indexing processes for a rebuild (2 on two cores)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("search", help="search the index from the command line")
    p.add_argument("query", nargs="?", default="", help='words, "quoted phrases", -excluded, OR')
    p.add_argument("--data", default=None, help="data directory (default ./var, env MINUTES_DATA_DIR)")
    p.add_argument("--category", action="append", default=[], help="category id (repeatable)")
    p.add_argument("--committee", action="append", default=[], help="committee id (repeatable)")
    p.add_argument("--year", action="append", type=int, default=[], help="meeting year (repeatable)")
    p.add_argument("--from", dest="date_from", default=None, help="meetings from this day (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", default=None, help="meetings up to this day (YYYY-MM-DD)")
    p.add_argument("--type", dest="doc_type", action="append", default=[], help="document type (repeatable)")
    p.add_argument("--disclosure", action="append", default=[], help="public, partial or closed (repeatable)")
    p.add_argument("--sort", choices=["relevance", "date"], default="relevance")
    p.add_argument("--page", type=int, default=1)
    p.add_argument("--per-page", type=int, default=10)
    p.add_argument("--json", action="store_true", help="print the portal's search API body")
    p.set_defaults(func=cmd_search)


def _settings(args: argparse.Namespace) -> Any:
    from minutes.settings import Settings

    return Settings.from_env(data_dir=args.data)


def cmd_index(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    from index.errors import IndexMissing, SchemaMismatch
    from index.store import open_current
    from index.writer import rebuild, update
    from minutes.archive import Archive

    settings = _settings(args)
    archive = Archive(settings.data_dir)
    rebuilding = args.rebuild
    if not rebuilding:
        try:
            open_current(settings.index_dir)
        except SchemaMismatch as exc:
            print(str(exc), file=sys.stderr)
            return 2
        except IndexMissing:
            rebuilding = True
    if rebuilding:
        report = rebuild(archive, settings.index_dir, procs=args.procs)
    else:
        report = update(archive, settings.index_dir)
    if args.json:
        from dataclasses import asdict

        json.dump(asdict(report), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(
            f"index {report.kind}: {report.added} added, {report.updated} updated, {report.deleted} deleted, "
            f"{report.unchanged} unchanged in {report.seconds:.1f} s → {report.path}\n"
        )
    return 0


def cmd_search(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    from datetime import date

    from index.errors import SearchIndexError
    from index.results import SearchFilters
    from index.search import search
    from index.searcher import SearcherHolder

    settings = _settings(args)
    filters = SearchFilters(
        category=tuple(args.category),
        committee=tuple(args.committee),
        year=tuple(args.year),
        date_from=date.fromisoformat(args.date_from) if args.date_from else None,
        date_to=date.fromisoformat(args.date_to) if args.date_to else None,
        doc_type=tuple(args.doc_type),
        disclosure=tuple(args.disclosure),
    )
    try:
        results = search(
            SearcherHolder(settings.index_dir), args.query, filters, sort=args.sort, page=args.page,
            per_page=args.per_page,
        )  # fmt: skip
    except SearchIndexError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if args.json:
        json.dump(results.to_api_dict(), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    print_results(results, out)
    return 0


def print_results(results: Any, out: TextIO) -> None:
    import html
    import re

    def plain(snippet: str) -> str:
        return html.unescape(re.sub(r"</?mark>", "**", snippet))

    w = out.write
    w(f"{results.total_meetings} meetings, {results.total_documents} documents "
      f"(page {results.page} of {results.pages}, {results.seconds * 1000:.0f} ms)\n")  # fmt: skip
    for meeting in results.meetings:
        start = (meeting.start or "")[:16].replace("T", " ")
        w(f"\n{start}  {meeting.title}  [{meeting.committee}] {meeting.source_url}\n")
        for doc in meeting.documents:
            w(f"  - {doc.doc_type}: {doc.title}\n")
            if doc.snippet:
                w(f"      {plain(doc.snippet)}\n")
    for name, values in results.facets.items():
        if values:
            w(f"\n{name}: " + ", ".join(f"{v.label} {v.count}" for v in values[:12]) + "\n")
