"""`/proceeding/clas_all` (every committee by category) and `/proceeding/cmit_view` (one committee).

The category is spelled differently on the two pages (주택ㆍ도시계획 here, 주택/도시계획 there), as
the real site does, so the spiders' category normaliser is exercised.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minutes.vocabulary import Category
from replica import urls
from replica.formats import category_label
from replica.model import Committee
from replica.render.layout import Page, esc, lines_html, numbered, page

if TYPE_CHECKING:
    from replica.site import Site

DEMO_LABEL = "가상 위원회(데모)"


def committees_page(site: Site) -> Page:
    sections = []
    for category in Category:
        members = sorted((c for c in site.committees if c.category is category), key=lambda c: c.name)
        if not members:
            continue
        links = "".join(
            f'<li><a href="{esc(c.path)}">{esc(c.name)}</a>'
            + ('<span class="demo-mark element-invisible"> (데모)</span>' if c.demo else "")
            + "</li>"
            for c in members
        )
        sections.append(
            f'<div class="cmit-category" id="category-{category.value}">'
            f'<h3 class="category-title">{esc(category_label(category, "dot"))}</h3>'
            f'<p class="count">{len(members)}개 위원회</p>'
            f'<ul class="cmit-list">{links}</ul></div>'
        )
    body = (
        '<div class="proceeding-wrap clas-all"><h2 class="page-title">위원회 회의정보</h2>'
        f'<p class="summary">분야별 위원회 <strong>{len(site.committees)}</strong>개</p>' + "".join(sections) + "</div>"
    )
    return page("위원회 회의정보 - 분야별 위원회", body)


def committee_page(site: Site, committee: Committee) -> Page:
    c = committee
    rows = (
        f'<tr><th scope="row">주요기능 및 역할</th><td>{lines_html(numbered(c.functions))}</td></tr>'
        f'<tr><th scope="row">설치근거/임기</th><td>{esc(c.legal_basis)} / {esc(c.term)}</td></tr>'
        f'<tr><th scope="row">위원 명단</th><td>{esc(c.members_label)}</td></tr>'
        f'<tr><th scope="row">담당부서(연락처)</th><td>{esc(c.department)} ({esc(c.phone)})</td></tr>'
    )
    note = f'<div class="minutes-note"><p>{esc(c.minutes_note)}</p></div>' if c.minutes_note else ""
    demo = f'<p class="demo-label">{DEMO_LABEL}</p>' if c.demo else ""
    body = (
        '<div class="proceeding-wrap cmit-view"><h2 class="page-title">위원회 회의정보</h2>'
        '<div class="view-header title-wrap"><h3 class="title-article">'
        f'<span class="title-category">{esc(category_label(c.category, "slash"))}</span> {esc(c.name)}</h3>'
        f"{demo}</div>"
        '<div class="section cmit-detail"><h4 class="section-title">위원회 상세</h4>'
        '<table class="table-view"><caption>위원회 상세 - 주요기능 및 역할, 설치근거/임기, 위원 명단, '
        f"담당부서(연락처)</caption><tbody>{rows}</tbody></table></div>"
        f"{note}"
        f'<div class="section cmit-meetings"><h4 class="section-title">회의 목록</h4>{_meetings(site, c)}</div>'
        f'<div class="btn-area"><a href="{urls.CLAS_ALL}" class="btn-list">목록</a></div>'
        "</div>"
    )
    return page(f"{c.name} - 위원회 회의정보", body)


def _meetings(site: Site, committee: Committee) -> str:
    meetings = site.meetings_of.get(committee.clsf_id, [])
    if not meetings:
        return '<div class="view-content"><p class="no-data">등록된 회의가 없습니다.</p></div>'
    items = "".join(
        f'<li><a href="{esc(m.path)}">{esc(m.title)}</a> '
        f'<span class="date"><strong class="element-invisible">회의일시 : </strong>{esc(m.when)}</span> '
        f'<span class="status">{esc(m.status.value)}</span></li>'
        for m in meetings
    )
    return f'<div class="view-content"><ul class="list-meeting">{items}</ul></div>'
