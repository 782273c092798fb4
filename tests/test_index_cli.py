"""`minutes index` and `minutes search`, through the parser `add_commands()` registers."""

from __future__ import annotations

import argparse
import json

from index import SearcherHolder, SearchFilters, search
from index.cli import add_commands
from tests.index_corpus import write_archive


def run(argv):
    parser = argparse.ArgumentParser(prog="minutes")
    add_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


def test_index_then_search_json_is_the_api_body(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("MINUTES_DATA_DIR", raising=False)
    write_archive(tmp_path)
    assert run(["index", "--data", str(tmp_path)]) == 0
    assert "rebuild" in capsys.readouterr().out
    assert run(["index", "--data", str(tmp_path)]) == 0
    assert "update: 0 added, 0 updated, 0 deleted" in capsys.readouterr().out

    assert run(["search", "위원회", "--data", str(tmp_path), "--year", "2024", "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    expected = search(SearcherHolder(tmp_path / "index"), "위원회", SearchFilters(year=(2024,))).to_api_dict()
    assert body == expected

    assert run(["search", "교통", "--data", str(tmp_path), "--category", "transport-construction"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 meetings") and "**교통**" in out


def test_search_without_an_index_says_what_to_run(tmp_path, capsys):
    assert run(["search", "위원회", "--data", str(tmp_path)]) == 2
    assert "minutes index" in capsys.readouterr().err
