"""The replica's generator: deterministic, the right committees, every behaviour at the tiny scale."""

from __future__ import annotations

import csv
import time
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from minutes.vocabulary import Category
from replica import build_site
from replica.catalog import TINY_COMMITTEES
from replica.model import Behaviour, DocKind, FileKind, Layout, Status, Trait
from replica.routes import handle

TODAY = date(2026, 11, 28)  # a frozen "today" (Seoul) for every test here
DATA = Path(__file__).resolve().parents[1] / "replica" / "data" / "real-committees.csv"


@pytest.fixture(scope="module")
def tiny():
    return build_site("tiny", seed=1, today=TODAY)


@pytest.fixture(scope="module")
def demo():
    return build_site("demo", seed=1, today=TODAY)


def _pages(site, limit: int = 400) -> dict[str, bytes]:
    return {url: handle(site, "GET", url).body for url in site.all_urls(include_previews=True)[:limit]}


def test_same_seed_same_pages_and_files(tiny):
    again = build_site("tiny", seed=1, today=TODAY)
    assert tiny.all_urls(include_previews=True) == again.all_urls(include_previews=True)
    assert _pages(tiny) == _pages(again)


def test_different_seed_differs(tiny):
    other = build_site("tiny", seed=2, today=TODAY)
    assert [c.clsf_id for c in other.committees] == [c.clsf_id for c in tiny.committees]  # ids stay put
    assert _pages(tiny, 60) != _pages(other, 60)


def test_today_moves_the_site():
    earlier = build_site("tiny", seed=1, today=date(2026, 6, 15))
    assert max(m.registered.date() for m in earlier.meetings) <= date(2026, 6, 15)


def test_demo_has_191_committees_in_eleven_categories(demo):
    assert len(demo.committees) == 191
    sizes = Counter(c.category for c in demo.committees)
    assert set(sizes) == set(Category)
    assert all(8 <= n <= 30 for n in sizes.values()), sizes
    assert len({c.clsf_id for c in demo.committees}) == 191
    assert len({c.name for c in demo.committees}) == 191


def test_real_committees_are_present_with_their_facts(demo):
    by_name = {c.name: c for c in demo.committees}
    with DATA.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        committee = by_name[row["name_ko"]]
        assert committee.real and not committee.demo
        if row["category_ko"]:
            assert committee.category.label_ko == row["category_ko"]
        if row["department_ko"] and ";" not in row["department_ko"]:
            assert committee.department == row["department_ko"].split(" (")[0]
    parks = by_name["도시공원위원회"]
    assert parks.clsf_id == 1734
    assert parks.category is Category.ENVIRONMENT
    assert parks.legal_basis == "도시공원 및 녹지 등에 관한 법률 제50조, 서울특별시 도시공원 조례 제24조"
    assert parks.phone == "02-2133-2081"
    assert "30일" in parks.minutes_note
    assert by_name["도시계획위원회"].category is Category.HOUSING_URBAN_PLANNING
    assert by_name["문화재위원회"].department == "역사문화재과"
    assert sum(1 for c in demo.committees if c.demo) == 191 - len(rows)


def test_committee_fields_are_plausible(demo):
    for c in demo.committees:
        assert c.functions and all(f for f in c.functions)
        assert "조" in c.legal_basis
        assert c.term.startswith("2년")
        assert c.phone.startswith(("02-2133-", "2133-"))
        assert c.department


def test_demo_window_and_size(demo):
    counts = demo.counts()
    assert min(m.start.date() for m in demo.meetings) >= date(2024, 1, 1)
    assert max(m.start.date() for m in demo.meetings) <= date(2027, 1, 27)
    assert 1000 <= counts["meetings"] <= 3000
    assert counts["urls"] < 20000
    assert counts["scheduled"] > 0 and counts["cancelled"] > 0
    assert 1 <= counts["encrypted_hwp"] <= 30


def test_full_scale_size_and_speed():
    started = time.perf_counter()
    full = build_site("full", seed=1, today=TODAY)
    assert time.perf_counter() - started < 15
    assert 8000 <= len(full.meetings) <= 15000
    years = Counter(m.year for m in full.meetings)
    assert set(range(2017, 2026)) <= set(years)
    assert any(m.encoding == "euc-kr" for m in full.meetings)
    # Meeting at least once a quarter is the rule; only infrequent committees (and dormant years) break it.
    for c in full.committees:
        quarters: dict[int, set[int]] = {}
        for m in full.meetings_of[c.clsf_id]:
            quarters.setdefault(m.year, set()).add((m.start.month - 1) // 3)
        for year in range(2017, 2026):
            if Trait.INFREQUENT in c.traits:
                assert len(quarters.get(year, ())) < 4
            elif Trait.DORMANT not in c.traits:
                assert quarters.get(year) == {0, 1, 2, 3}, (c.name, year)


@pytest.mark.parametrize("today", [TODAY, date(2026, 6, 15), date(2027, 3, 2)])
def test_tiny_covers_every_behaviour(today):
    site = build_site("tiny", seed=1, today=today)
    committees = site.committees
    assert [c.name for c in committees] == [n for n in [c.name for c in committees] if n in TINY_COMMITTEES]
    assert len(committees) == len(TINY_COMMITTEES)
    assert {c.behaviour for c in committees} == set(Behaviour)
    assert set().union(*(c.traits for c in committees)) == set(Trait)
    assert len({c.category for c in committees}) >= 5
    assert any(c.demo for c in committees) and any(c.real for c in committees)
    meetings = site.meetings
    assert {m.status for m in meetings} == set(Status)
    assert {m.layout for m in meetings} == set(Layout)
    assert any(m.encoding == "euc-kr" for m in meetings)
    assert any(m.place is None for m in meetings) and any(m.agenda is None for m in meetings)
    assert any(not m.show_registered for m in meetings)
    assert {m.year for m in meetings} <= {2018, today.year, today.year + 1}
    docs = [d for m in meetings for d in m.documents]
    assert {d.kind for d in docs} == set(DocKind)
    assert {d.disclosure for d in docs} == {"공개", "부분공개", "비공개"}
    atts = [a for a, _, _ in site.attachment_by_rid.values()]
    assert {a.kind for a in atts} == set(FileKind)
    assert any(a.password for a in atts) and any(a.distribution for a in atts)
    assert any(a.broken for a in atts) and any(not a.public for a in atts)
    assert len(site.all_urls()) < 420


def test_behaviours_hold_in_the_data(demo):
    """What each behaviour promises is true of the generated documents (reports rely on it)."""
    by_id = {c.clsf_id: c for c in demo.committees}
    for m in demo.meetings:
        c = by_id[m.clsf_id]
        kinds = {d.kind: d for d in m.documents}
        notice = kinds.get(DocKind.NOTICE)
        if m.status is not Status.HELD:
            assert DocKind.RESULT not in kinds and DocKind.MINUTES not in kinds
        if c.behaviour is Behaviour.PROMPT:
            assert notice is not None and 5 <= (m.start.date() - notice.produced.date()).days <= 14
            for kind in (DocKind.RESULT, DocKind.MINUTES):
                if kind in kinds:
                    assert 1 <= (kinds[kind].produced.date() - m.start.date()).days <= 5
        elif c.behaviour is Behaviour.LATE:
            if notice is not None:
                assert 0 <= (m.start.date() - notice.produced.date()).days <= 4
            if DocKind.RESULT in kinds:
                assert 15 <= (kinds[DocKind.RESULT].produced.date() - m.start.date()).days <= 120
        elif c.behaviour is Behaviour.NEVER:
            assert set(kinds) <= {DocKind.NOTICE}
        elif c.behaviour is Behaviour.VIEWING:
            assert DocKind.MINUTES not in kinds
        elif c.behaviour is Behaviour.CLOSED:
            for kind in (DocKind.RESULT, DocKind.MINUTES):
                if kind in kinds:
                    assert kinds[kind].disclosure == "비공개" and kinds[kind].ground in (1, 6)
                    assert not any(a.public for a in kinds[kind].attachments)
        for d in m.documents:
            assert d.produced.date() <= TODAY


def test_closed_committees_name_the_law(demo):
    closed = [c for c in demo.committees if c.behaviour is Behaviour.CLOSED]
    assert {"인사위원회", "소청심사위원회", "정보공개심의위원회"} <= {c.name for c in closed}
    for c in closed:
        assert c.closing_law and c.closing_law in c.minutes_note


def test_infrequent_and_dormant_in_demo(demo):
    for c in demo.committees:
        per_year = Counter(m.year for m in demo.meetings_of[c.clsf_id])
        if Trait.INFREQUENT in c.traits:
            assert all(n < 4 for n in per_year.values())
    dormant = [c for c in demo.committees if Trait.DORMANT in c.traits]
    assert any(not any(m.year == year for m in demo.meetings_of[c.clsf_id]) for c in dormant for year in (2024, 2025))


def test_ids_are_unique_and_shaped(demo):
    nids = [m.nid for m in demo.meetings] + [d.nid for m in demo.meetings for d in m.documents]
    assert len(nids) == len(set(nids))
    assert all(10_000_000 <= nid < 100_000_000 for nid in nids)
    codes = [m.code for m in demo.meetings if m.code]
    assert len(codes) == len(set(codes))
    assert all(len(code) == 20 and code.startswith("J10") for code in codes)
    rids = list(demo.attachment_by_rid)
    assert all(len(rid) == 14 and rid[0] == "F" and rid[1:].isdigit() for rid in rids)


def test_titles_follow_the_sites_patterns(tiny):
    titles = [m.title for m in tiny.meetings]
    assert any(t.startswith("2018년 제") and "문화재위원회(" in t for t in titles)
    assert any(t.startswith("제") and "좋은빛위원회" in t for t in titles)
    assert any(t.endswith("소위원회") for t in titles)
    doc_titles = [d.title for m in tiny.meetings for d in m.documents]
    assert any(t.endswith("개최 안내") for t in doc_titles)
    assert any(t.endswith(("결과 보고", "결과보고", "심의결과 통보")) for t in doc_titles)
    assert any("회의록" in t for t in doc_titles)


def test_unknown_scale_is_refused():
    with pytest.raises(ValueError, match="unknown scale"):
        build_site("huge", seed=1, today=TODAY)


def _digest_in_subprocess(hash_seed: str) -> str:
    import os
    import subprocess
    import sys

    code = (
        "import hashlib, datetime\n"
        "from replica import build_site\n"
        "from replica.routes import handle\n"
        "s = build_site('tiny', 1, datetime.date(2026, 11, 28))\n"
        "h = hashlib.sha256()\n"
        "[h.update(handle(s, 'GET', u).body) for u in s.all_urls(include_previews=True)]\n"
        "print(h.hexdigest())\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    return subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True).stdout


def test_same_site_in_another_process():
    """Nothing depends on Python's per-process string hashing."""
    assert _digest_in_subprocess("1") == _digest_in_subprocess("4242")
