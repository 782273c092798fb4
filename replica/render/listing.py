"""`/proceeding/list?page=N&items_per_page=K`: every meeting, newest entry first.

Markup per SPEC.md: `.view-content li` items; in each, two `.title-category` spans (category,
then status), `.title-wrap` with a hidden "제목 : " before the link, and `.title-info` with `.date`
spans (hidden "등록일 : " / "회의일시 : " prefixes) and a `.dept` span (hidden "부서 : ").
Past the last page the list is an empty `<ul>`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from replica import urls
from replica.formats import category_label, day_text
from replica.model import Meeting, Status
from replica.render.layout import Page, esc, page

if TYPE_CHECKING:
    from replica.site import Site

DEFAULT_PER_PAGE = 10
MAX_PER_PAGE = 100
_STATUS_CLASS = {Status.HELD: "status-end", Status.SCHEDULED: "status-plan", Status.CANCELLED: "status-cancel"}


def list_page(site: Site, page_no: int, per_page: int = DEFAULT_PER_PAGE) -> Page:
    total = len(site.listing)
    pages = max(1, -(-total // per_page))
    chunk = site.listing[(page_no - 1) * per_page : page_no * per_page]
    items = "".join(_item(site, m) for m in chunk)
    body = (
        '<div class="proceeding-wrap proceeding-list"><h2 class="page-title">위원회 회의정보</h2>'
        '<div class="view view-proceeding-list">'
        f'<div class="view-header"><p class="total">전체 <strong>{total:,}</strong>건 '
        f"<span>({page_no}/{pages} 페이지)</span></p></div>"
        f'<div class="view-content"><ul class="list-board">{items}</ul></div>'
        f"{_pager(page_no, pages, per_page)}</div></div>"
    )
    return page(f"회의 목록 ({page_no} 페이지)", body)


def _item(site: Site, m: Meeting) -> str:
    committee = site.committee_by_id[m.clsf_id]
    registered = (
        f'<span class="date"><strong class="element-invisible">등록일 : </strong>'
        f"{esc(day_text(m.registered, m.registered_style))}</span> "
        if m.show_registered
        else ""
    )
    return (
        "<li>"
        f'<span class="title-category">{esc(category_label(committee.category, "plain"))}</span>'
        f'<span class="title-category {_STATUS_CLASS[m.status]}">{esc(m.status.value)}</span>'
        '<div class="title-wrap"><strong class="element-invisible">제목 : </strong>'
        f'<a href="{esc(m.path)}">{esc(m.title)}</a></div>'
        '<div class="title-info">'
        f"{registered}"
        f'<span class="date"><strong class="element-invisible">회의일시 : </strong>{esc(m.when)}</span> '
        f'<span class="dept"><strong class="element-invisible">부서 : </strong>{esc(m.department)}</span>'
        "</div></li>"
    )


def _pager(current: int, pages: int, per_page: int) -> str:
    def link(n: int, label: str, cls: str) -> str:
        return f'<li class="{cls}"><a href="{esc(urls.listing(n, per_page))}" title="{n} 페이지">{label}</a></li>'

    items = []
    if current > 1:
        items.append(link(1, "처음", "pager-first"))
        items.append(link(min(current - 1, pages), "이전", "pager-previous"))
    first = max(1, min(current, pages) - 4)
    for n in range(first, min(pages, first + 9) + 1):
        if n == current:
            items.append(f'<li class="pager-current"><strong>{n}</strong></li>')
        else:
            items.append(link(n, str(n), "pager-item"))
    if current < pages:
        items.append(link(current + 1, "다음", "pager-next"))
        items.append(link(pages, "마지막", "pager-last"))
    return '<div class="item-list"><ul class="pager">' + "".join(items) + "</ul></div>"
