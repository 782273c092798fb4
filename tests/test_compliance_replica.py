"""End to end: crawl the tiny replica, then check the report finds what the replica meant to show.

The replica's committees carry their disclosure behaviour as ground truth (`replica.model`):
prompt, late, never, closed by law, partial, viewing, and traits such as no official in notices.
The report must rediscover each from the crawled archive alone. The crawl runs as `minutes crawl`
in a subprocess (Scrapy's reactor runs once per process), the replica in this process.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from guidelines import ArchiveView, compute
from guidelines.checks import Status
from guidelines.cli import add_commands
from minutes.archive import Archive
from minutes.domain import SEOUL
from replica.generate import build_site
from replica.model import Behaviour, DocKind, Trait
from replica.model import Status as SiteStatus
from replica.server import ReplicaServer

TODAY = date(2026, 11, 28)
CRAWL = datetime(2026, 11, 28, 18, 0, tzinfo=SEOUL)  # the report's crawl time: the site's "today", evening


@pytest.fixture(scope="module")
def site():
    return build_site("tiny", seed=1, today=TODAY)


@pytest.fixture(scope="module")
def data(site, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("replica-archive")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINUTES_")}
    with ReplicaServer(site) as server:
        cmd = [sys.executable, "-m", "minutes.cli", "crawl", "--base-url", server.url, "--data", str(path),
               "--json", "--progress", "0"]  # fmt: skip
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env, check=False)
    assert out.returncode == 0, out.stderr[-3000:]
    assert json.loads(out.stdout)["errors"] == 0
    return path


@pytest.fixture(scope="module")
def view(data) -> ArchiveView:
    return ArchiveView.load(Archive(data), crawl_time=CRAWL)


@pytest.fixture(scope="module")
def report(view):
    return compute(view, period=2026)


def held_in_2026(site, committee) -> list:
    """Ground truth for `held`: not cancelled, started in 2026 before the crawl time."""
    naive = CRAWL.replace(tzinfo=None)
    return [
        m
        for m in site.meetings_of[committee.clsf_id]
        if m.status is not SiteStatus.CANCELLED and m.start.year == 2026 and m.start < naive
    ]


def by_behaviour(site, behaviour: Behaviour) -> list:
    return [c for c in site.committees if c.behaviour is behaviour]


def row(report, committee):
    found = report.committee(f"cmit-{committee.clsf_id}")
    assert found is not None, committee.name
    return found


def status(row, rule_id: str) -> Status:
    finding = row.finding(rule_id)
    assert finding is not None
    return finding.status


def test_every_committee_is_reported_and_held_matches_the_site(site, report):
    assert len(report.committees) == len(site.committees)
    for committee in site.committees:
        got = row(report, committee)
        assert got.held == len(held_in_2026(site, committee)), committee.name
        assert not got.source_unavailable
    assert report.unattributed_meetings == 0


def test_a_never_committee_fails_minutes_published(site, report):
    never = [c for c in by_behaviour(site, Behaviour.NEVER) if held_in_2026(site, c)]
    assert never
    for committee in never:
        got = row(report, committee)
        assert got.minutes_published == 0 and got.disclosure_rate == 0.0, committee.name
        assert status(got, "minutes-published") is Status.FAIL


def test_a_committee_closed_by_law_counts_as_closed_lawfully(site, view, report):
    closed = [c for c in by_behaviour(site, Behaviour.CLOSED) if held_in_2026(site, c)]
    assert closed
    for committee in closed:
        got = row(report, committee)
        assert got.minutes_published == 0, committee.name
        facts = {f.meeting_id: f for f in got.meetings}
        withheld = [m for m in held_in_2026(site, committee) if any(d.kind is not DocKind.NOTICE for d in m.documents)]
        assert withheld
        for meeting in withheld:
            f = facts[f"mtg-{meeting.key}"]
            assert f.closed_lawfully and f.closed_basis.startswith("ground"), meeting.title
        assert got.closed_lawfully >= len(withheld)
        assert status(got, "minutes-published") in {Status.PASS, Status.PARTIAL}
        assert status(got, "withholding-ground") is Status.PASS


def test_a_late_committee_has_a_large_lag_and_late_notices(site, report):
    late = [c for c in by_behaviour(site, Behaviour.LATE) if row(report, c).lag_n]
    assert late
    for committee in late:
        got = row(report, committee)
        assert got.median_publication_lag_days is not None and got.median_publication_lag_days >= 15
        assert status(got, "publication-lag") is Status.FAIL
        assert got.notice_on_time == 0 and status(got, "notice-advance") is Status.FAIL


def test_a_prompt_committee_publishes_within_five_days_and_gives_notice(site, report):
    prompt = [c for c in by_behaviour(site, Behaviour.PROMPT) if row(report, c).lag_n]
    assert prompt
    for committee in prompt:
        got = row(report, committee)
        assert status(got, "publication-lag") is Status.PASS, committee.name
        assert got.median_publication_lag_days is not None and got.median_publication_lag_days <= 5
        if Trait.UNDATED_ENTRIES not in committee.traits:  # without 등록일, first seen is the crawl: late
            assert status(got, "notice-advance") is Status.PASS, committee.name
        assert status(got, "minutes-contents") in {Status.PASS, Status.NOT_APPLICABLE}


def test_a_partial_committee_publishes_in_part_and_states_grounds(site, report):
    partial = [c for c in by_behaviour(site, Behaviour.PARTIAL) if held_in_2026(site, c)]
    assert partial
    for committee in partial:
        got = row(report, committee)
        assert got.minutes_published >= 1
        assert status(got, "withholding-ground") is Status.PASS
        assert got.withholdings_without_ground == 0


def test_notices_without_an_official_fail_notice_contents(site, report):
    no_official = [c for c in site.committees if Trait.NO_OFFICIAL in c.traits and held_in_2026(site, c)]
    assert no_official
    for committee in no_official:
        finding = row(report, committee).finding("notice-contents")
        assert finding is not None and finding.status is Status.FAIL, committee.name
        assert any("official" in m.detail for m in finding.meetings)
    others = [c for c in by_behaviour(site, Behaviour.PROMPT) if Trait.NO_OFFICIAL not in c.traits]
    assert any(status(row(report, c), "notice-contents") is Status.PASS for c in others)


def test_missing_fields_are_found_where_the_site_left_them_out(site, view):
    whole = compute(view, period=(date(2018, 1, 1), date(2026, 12, 31)), trend=False)
    for committee in site.committees:
        got = row(whole, committee)
        shown = [m for m in site.meetings_of[committee.clsf_id] if m.status is not SiteStatus.CANCELLED]
        assert got.missing_fields.get("place", 0) == sum(m.place is None for m in shown), committee.name
        assert got.missing_fields.get("agenda", 0) == sum(m.agenda is None for m in shown), committee.name
    assert any(row(whole, c).missing_fields for c in site.committees if Trait.MISSING_FIELDS in c.traits)


def test_nobody_meets_quarterly_on_a_site_of_three_meetings_a_year(site, view):
    year = compute(view, period=2018, trend=False)
    for committee in site.committees:
        assert status(row(year, committee), "meeting-quarterly") in {Status.FAIL, Status.PARTIAL}


def test_minutes_report_prints_the_api_shape(data, capsys, monkeypatch):
    monkeypatch.delenv("MINUTES_DATA_DIR", raising=False)
    parser = argparse.ArgumentParser(prog="minutes")
    add_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["report", "--data", str(data), "--year", "2026", "--format", "json"])
    assert args.func(args) == 0
    body = json.loads(capsys.readouterr().out)
    assert list(body)[:3] == ["year", "definitions", "committees"] and body["year"] == 2026
    first = body["committees"][0]
    for key in ("committee_id", "name", "category", "held", "minutes_published", "closed_lawfully",
                "disclosure_rate", "disclosure_rate_ci", "notice_on_time", "notice_rate",
                "median_publication_lag_days", "findings"):  # fmt: skip
        assert key in first
    assert {"rule_id", "status", "meetings"} <= set(first["findings"][0])

    args = parser.parse_args(["report", "--data", str(data), "--year", "2026", "--format", "csv"])
    assert args.func(args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("committee_id,name,category,held,") and len(lines) == 1 + len(body["committees"])


def test_minutes_report_refuses_bad_arguments(data, capsys):
    parser = argparse.ArgumentParser(prog="minutes")
    add_commands(parser.add_subparsers(dest="command", required=True))
    for argv in (["report", "--data", str(data)], ["report", "--data", str(data), "--from", "2026-01-01"],
                 ["report", "--data", str(data), "--year", "2026", "--category", "nonsense"]):  # fmt: skip
        args = parser.parse_args(argv)
        assert args.func(args) == 2
    assert "--year" in capsys.readouterr().err
