"""The report's charts: well-formed SVG, named and described for screen readers, text escaped,
and a table twin with the same figures."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from guidelines import category_chart, category_table, trend_chart, trend_table
from guidelines.compliance import Rollup

NS = {"svg": "http://www.w3.org/2000/svg"}


def rollup(key: str, held: int, published: int, closed: int = 0, on_time: int = 0) -> Rollup:
    from guidelines.stats import rate, wilson

    n = held - closed
    return Rollup(
        key, 3, 0, held, published, closed, rate(published, n), wilson(published, n), on_time,
        rate(on_time, held), wilson(on_time, held), None,
    )  # fmt: skip


CATEGORIES = [rollup("health", 10, 3, 3, 6), rollup("economy", 0, 0), rollup("", 4, 4)]
YEARS = [rollup("2022", 5, 1), rollup("2023", 0, 0), rollup("2024", 10, 9, 0, 7), rollup("2025", 8, 8)]


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return root


def test_the_category_chart_is_named_described_and_has_whiskers():
    root = parse(category_chart(CATEGORIES, lang="en", id_prefix="c1"))
    assert root.get("role") == "img" and root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find("svg:title", NS).get("id") == "c1-title"  # type: ignore[union-attr]
    assert root.find("svg:title", NS).text == "Disclosure rate by category (95% interval)"  # type: ignore[union-attr]
    desc = root.find("svg:desc", NS).text  # type: ignore[union-attr]
    assert desc == "Health 43% (16–75%); Economy – (–); Uncategorised 100% (51–100%)"
    bars = root.findall("svg:rect", NS)
    assert len(bars) == 2  # economy has no rate: no bar, a "no data" label
    assert "no data" in "".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert float(bars[0].get("width")) == round(3 / 7 * 380, 1)  # type: ignore[arg-type]
    whiskers = [line for line in root.findall("svg:line", NS) if line.get("stroke-width") == "1.5"]
    assert len(whiskers) == 2 * 3  # a line and two caps per category with a rate


def test_text_is_escaped():
    nasty = [rollup("<script>&", 2, 1)]
    svg = category_chart(nasty, lang="en")
    assert "<script>" not in svg and "&lt;script&gt;&amp;" in svg
    parse(svg)
    html = category_table(nasty, lang="en").to_html()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_the_trend_breaks_at_years_without_data():
    root = parse(trend_chart(YEARS, lang="ko", id_prefix="t1"))
    assert root.find("svg:title", NS).text == "연도별 회의록 공개율과 사전 공지율"  # type: ignore[union-attr]
    lines = root.findall("svg:polyline", NS)
    disclosure = [p for p in lines if not p.get("stroke-dasharray")]
    assert len(disclosure) == 1 and len(disclosure[0].get("points", "").split()) == 2  # 2024-2025; 2022 alone
    assert len(root.findall("svg:circle", NS)) == 3 + 3  # disclosure and notice points where known
    labels = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert {"2022", "2023", "2024", "2025"} <= set(labels)


def test_tables_carry_the_same_figures():
    table = category_table(CATEGORIES, lang="en")
    assert table.headers[0] == "Category"
    assert table.rows[0] == ("Health", "3", "10", "3", "3", "43%", "16–75%", "60%")
    html = trend_table(YEARS, lang="ko").to_html()
    assert html.startswith("<table><caption>연도별") and '<th scope="row">2023</th>' in html


def test_empty_inputs_still_render():
    parse(category_chart([], lang="en"))
    parse(trend_chart([], lang="en"))
