"""Server-rendered SVG charts for the compliance page: pure functions from figures to markup.

No JavaScript: each chart is an `<svg role="img">` with a `<title>` and a `<desc>` that says in words
what it shows, and each has a table twin (`ChartTable`) the page shows as the text alternative.
Every piece of text is escaped; numbers are formatted here, once.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from guidelines.compliance import Rollup

BAR = "#1f5fa8"
WHISKER = "#111111"
NOTICE = "#b3541e"
GRID = "#d0d0d0"
TEXT = "#222222"

_T = {
    "ko": {
        "by_category": "분류별 회의록 공개율 (95% 신뢰구간)",
        "trend": "연도별 회의록 공개율과 사전 공지율",
        "category": "분류",
        "year": "연도",
        "committees": "위원회",
        "held": "개최",
        "published": "회의록 공개",
        "closed": "적법한 비공개",
        "rate": "공개율",
        "ci": "95% 신뢰구간",
        "notice": "사전 공지율",
        "no_data": "자료 없음",
        "disclosure": "공개율",
    },
    "en": {
        "by_category": "Disclosure rate by category (95% interval)",
        "trend": "Disclosure rate and notice rate by year",
        "category": "Category",
        "year": "Year",
        "committees": "Committees",
        "held": "Held",
        "published": "Minutes published",
        "closed": "Closed lawfully",
        "rate": "Disclosure rate",
        "ci": "95% interval",
        "notice": "Notice rate",
        "no_data": "no data",
        "disclosure": "Disclosure rate",
    },
}


@dataclass(frozen=True, slots=True)
class ChartTable:
    """A chart's text alternative: the same figures as a table."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def to_html(self) -> str:
        head = "".join(f'<th scope="col">{_e(h)}</th>' for h in self.headers)
        body = "".join(
            "<tr>" + f'<th scope="row">{_e(row[0])}</th>' + "".join(f"<td>{_e(c)}</td>" for c in row[1:]) + "</tr>"
            for row in self.rows
        )
        return (
            f"<table><caption>{_e(self.caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def interval(ci: tuple[float, float] | None) -> str:
    return "–" if ci is None else f"{ci[0] * 100:.0f}–{ci[1] * 100:.0f}%"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _label(rollup: Rollup, lang: str) -> str:
    return rollup.label_ko if lang == "ko" else rollup.label_en


# -- the category bar chart -------------------------------------------------------------------------


def _line(x1: float, y1: float, x2: float, y2: float, stroke: str, width: float = 1, dash: str = "") -> str:
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}" '
        f'stroke-width="{width}"{dashed}/>'
    )


def _text(x: float, y: float, content: str, *, size: int = 11, anchor: str = "start") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{TEXT}">{_e(content)}</text>'


def category_chart(rollups: Sequence[Rollup], *, lang: str = "ko", id_prefix: str = "cat-chart") -> str:
    """Horizontal bars of each category's disclosure rate, with its Wilson interval as a whisker."""
    t = _T[lang]
    label_w, plot_w, row_h, top, right = 190, 380, 28, 34, 90
    width = label_w + plot_w + right
    height = top + row_h * max(1, len(rollups)) + 24
    parts = [_open(width, height, id_prefix, t["by_category"], category_desc(rollups, lang))]
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        x = label_w + tick * plot_w
        parts.append(_line(x, top - 6, x, height - 20, GRID))
        parts.append(_text(x, top - 12, f"{tick * 100:.0f}%", anchor="middle"))
    for i, r in enumerate(rollups):
        y = top + i * row_h
        mid = y + row_h / 2
        parts.append(_text(label_w - 8, mid + 4, _label(r, lang), size=12, anchor="end"))
        if r.disclosure_rate is None:
            parts.append(_text(label_w + 4, mid + 4, t["no_data"]))
            continue
        tip = f"{_label(r, lang)}: {percent(r.disclosure_rate)} ({interval(r.disclosure_rate_ci)})"
        parts.append(
            f'<rect x="{label_w}" y="{y + 5}" width="{r.disclosure_rate * plot_w:.1f}" height="{row_h - 10}" '
            f'fill="{BAR}"><title>{_e(tip)}</title></rect>'
        )
        if r.disclosure_rate_ci is not None:
            lo, hi = (label_w + v * plot_w for v in r.disclosure_rate_ci)
            parts.append(_line(lo, mid, hi, mid, WHISKER, 1.5))
            parts += [_line(x, mid - 6, x, mid + 6, WHISKER, 1.5) for x in (lo, hi)]
        n = r.held - r.closed_lawfully
        parts.append(_text(label_w + plot_w + 8, mid + 4, f"{percent(r.disclosure_rate)} (n={n})", size=12))
    parts.append("</svg>")
    return "".join(parts)


def category_desc(rollups: Sequence[Rollup], lang: str = "ko") -> str:
    items = [f"{_label(r, lang)} {percent(r.disclosure_rate)} ({interval(r.disclosure_rate_ci)})" for r in rollups]
    return "; ".join(items) if items else _T[lang]["no_data"]


def category_table(rollups: Sequence[Rollup], *, lang: str = "ko") -> ChartTable:
    t = _T[lang]
    return ChartTable(
        t["by_category"],
        (t["category"], t["committees"], t["held"], t["published"], t["closed"], t["rate"], t["ci"], t["notice"]),
        tuple(
            (
                _label(r, lang),
                str(r.committees),
                str(r.held),
                str(r.minutes_published),
                str(r.closed_lawfully),
                percent(r.disclosure_rate),
                interval(r.disclosure_rate_ci),
                percent(r.notice_rate),
            )
            for r in rollups
        ),
    )


# -- the yearly trend line chart ----------------------------------------------------------------------


def trend_chart(points: Sequence[Rollup], *, lang: str = "ko", id_prefix: str = "trend-chart") -> str:
    """Lines of the pooled disclosure rate (with its interval as a band) and notice rate by year."""
    t = _T[lang]
    left, plot_w, plot_h, top, bottom = 48, 520, 200, 30, 46
    width, height = left + plot_w + 24, top + plot_h + bottom
    parts = [_open(width, height, id_prefix, t["trend"], trend_desc(points, lang))]
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        y = top + plot_h * (1 - tick)
        parts.append(_line(left, y, left + plot_w, y, GRID))
        parts.append(_text(left - 6, y + 4, f"{tick * 100:.0f}%", anchor="end"))
    n = len(points)

    def x_of(i: int) -> float:
        return left + (plot_w / 2 if n == 1 else i * plot_w / (n - 1))

    def y_of(v: float) -> float:
        return top + plot_h * (1 - v)

    parts += [_text(x_of(i), top + plot_h + 16, p.key, anchor="middle") for i, p in enumerate(points)]
    band = [(x_of(i), p.disclosure_rate_ci) for i, p in enumerate(points) if p.disclosure_rate_ci is not None]
    if len(band) > 1:
        upper = " ".join(f"{x:.1f},{y_of(ci[1]):.1f}" for x, ci in band)
        lower = " ".join(f"{x:.1f},{y_of(ci[0]):.1f}" for x, ci in reversed(band))
        parts.append(f'<polygon points="{upper} {lower}" fill="{BAR}" fill-opacity="0.15" stroke="none"/>')
    for attr, color, dash in (("disclosure_rate", BAR, ""), ("notice_rate", NOTICE, "6 4")):
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        for segment in _segments([(x_of(i), getattr(p, attr)) for i, p in enumerate(points)]):
            if len(segment) > 1:
                pts = " ".join(f"{x:.1f},{y_of(v):.1f}" for x, v in segment)
                parts.append(f'<polyline points="{pts}" fill="none" stroke="{color}" stroke-width="2"{dashed}/>')
        for i, p in enumerate(points):
            v = getattr(p, attr)
            if v is not None:
                parts.append(
                    f'<circle cx="{x_of(i):.1f}" cy="{y_of(v):.1f}" r="3.5" fill="{color}">'
                    f"<title>{_e(p.key)}: {percent(v)}</title></circle>"
                )
    ly = height - 12
    parts.append(_line(left, ly - 4, left + 24, ly - 4, BAR, 2))
    parts.append(_text(left + 30, ly, t["disclosure"]))
    parts.append(_line(left + 170, ly - 4, left + 194, ly - 4, NOTICE, 2, "6 4"))
    parts.append(_text(left + 200, ly, t["notice"]))
    parts.append("</svg>")
    return "".join(parts)


def _segments(values: list[tuple[float, float | None]]) -> list[list[tuple[float, float]]]:
    """Runs of consecutive known values: a year without data breaks the line instead of bridging it."""
    runs: list[list[tuple[float, float]]] = [[]]
    for x, v in values:
        if v is None:
            runs.append([])
        else:
            runs[-1].append((x, v))
    return [r for r in runs if r]


def trend_desc(points: Sequence[Rollup], lang: str = "ko") -> str:
    t = _T[lang]
    items = [
        f"{p.key}: {t['disclosure']} {percent(p.disclosure_rate)}, {t['notice']} {percent(p.notice_rate)}"
        for p in points
    ]
    return "; ".join(items) if items else t["no_data"]


def trend_table(points: Sequence[Rollup], *, lang: str = "ko") -> ChartTable:
    t = _T[lang]
    return ChartTable(
        t["trend"],
        (t["year"], t["held"], t["published"], t["closed"], t["rate"], t["ci"], t["notice"]),
        tuple(
            (
                p.key,
                str(p.held),
                str(p.minutes_published),
                str(p.closed_lawfully),
                percent(p.disclosure_rate),
                interval(p.disclosure_rate_ci),
                percent(p.notice_rate),
            )
            for p in points
        ),
    )


def _open(width: int, height: float, id_prefix: str, title: str, desc: str) -> str:
    pid = _e(id_prefix)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height:.0f}" width="{width}" '
        f'height="{height:.0f}" role="img" aria-labelledby="{pid}-title {pid}-desc" font-family="sans-serif">'
        f'<title id="{pid}-title">{_e(title)}</title><desc id="{pid}-desc">{_e(desc)}</desc>'
    )
