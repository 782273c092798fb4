"""Meeting pages in the site's two layouts.

Newer (`/proceeding/{nid}`): title (with "(취소)" when cancelled), the disclaimer, the table
captioned "회의상세 - …" (일시, 장소, 참석대상, 안건, 설치근거, 회의분류 `문화관광 > 문화재위원회`,
제공부서, 전화번호), sections 회의자료 and 결재문서, and the 위원회 안내 table with a "위원회 상세" link.
Older (`/proceeding/info/{code}`): under "회의 상세", the status word appended to the title, 회의분류
in three levels, and 위원회 안내 as a four-column table (위원회명 | 주요기능 및 역할 | 구성일자 | 담당부서).
A row whose value the meeting lacks (장소, 안건) is left out, as on the real site.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from replica import urls
from replica.formats import category_label, day_text, short_phone
from replica.model import Committee, Layout, Meeting, Status
from replica.render.files import attachment_list
from replica.render.layout import DISCLAIMER, Page, esc, lines_html, numbered, page

if TYPE_CHECKING:
    from replica.site import Site

DETAIL_CAPTION = "회의상세 - 일시, 장소, 참석대상, 안건, 설치근거 등의 정보"
GUIDE_CAPTION = "위원회 안내 - 위원회명, 주요기능 및 역할 등의 정보"
_ROW = ' scope="row"'


def meeting_page(site: Site, meeting: Meeting) -> Page:
    committee = site.committee_by_id[meeting.clsf_id]
    if meeting.layout is Layout.OLD:
        return _old(site, committee, meeting)
    return _new(site, committee, meeting)


def _rows(meeting: Meeting, committee: Committee, classification: str, *, scope: str) -> str:
    fields: list[tuple[str, str | None]] = [
        ("일시", meeting.when),
        ("장소", meeting.place),
        ("참석대상", meeting.attendees),
        ("안건", meeting.agenda),
        ("설치근거", committee.legal_basis),
        ("회의분류", classification),
        ("제공부서", meeting.department),
        ("전화번호", short_phone(meeting.phone)),
    ]
    return "".join(
        f"<tr><th{scope}>{label}</th><td>{esc(value)}</td></tr>" for label, value in fields if value is not None
    )


def _sanctions(meeting: Meeting) -> str:
    if not meeting.documents:
        return '<p class="no-data">등록된 결재문서가 없습니다.</p>'
    items = "".join(
        f'<li><a href="{urls.sanction(doc.nid)}">{esc(doc.title)}</a> '
        f'<span class="date">{esc(day_text(doc.produced, doc.date_style))}</span></li>'
        for doc in meeting.documents
    )
    return f'<ul class="list-sanction">{items}</ul>'


def _cancel(meeting: Meeting) -> str:
    if meeting.status is not Status.CANCELLED:
        return ""
    return f'<div class="cancel-note"><p>{esc(meeting.cancel_note or "이 회의는 취소되었습니다.")}</p></div>'


def _new(site: Site, c: Committee, m: Meeting) -> Page:
    title = f"{m.title} (취소)" if m.status is Status.CANCELLED else m.title
    classification = f"{category_label(c.category, 'dot')} > {c.name}"
    guide = (
        f'<tr><th scope="row">위원회명</th><td>{esc(c.name)} '
        f'<a href="{esc(c.path)}" class="btn-link">위원회 상세</a></td></tr>'
        f'<tr><th scope="row">주요기능 및 역할</th><td>{lines_html(numbered(c.functions))}</td></tr>'
        f'<tr><th scope="row">설치근거</th><td>{esc(c.legal_basis)}</td></tr>'
    )
    body = (
        '<div class="proceeding-wrap proceeding-view"><h2 class="page-title">위원회 회의정보</h2>'
        f'<div class="view-header title-wrap"><h3 class="title-article">{esc(title)}</h3></div>'
        f"{_cancel(m)}"
        f'<p class="disclaimer">{esc(DISCLAIMER)}</p>'
        f'<table class="table-view meeting-detail"><caption>{DETAIL_CAPTION}</caption>'
        f"<tbody>{_rows(m, c, classification, scope=_ROW)}</tbody></table>"
        '<div class="section meeting-files"><h4 class="section-title">회의자료</h4>'
        f"{attachment_list(site, m.attachments, empty='등록된 회의자료가 없습니다.')}</div>"
        f'<div class="section meeting-sanction"><h4 class="section-title">결재문서</h4>{_sanctions(m)}</div>'
        f'<table class="table-view cmit-guide"><caption>{GUIDE_CAPTION}</caption><tbody>{guide}</tbody></table>'
        f'<div class="btn-area"><a href="{urls.listing(1)}" class="btn-list">목록</a></div>'
        "</div>"
    )
    return page(title, body, encoding=m.encoding)


def _old(site: Site, c: Committee, m: Meeting) -> Page:
    classification = f"위원회회의 > {category_label(c.category, 'slash')} > {m.title}"
    guide = (
        '<thead><tr><th scope="col">위원회명</th><th scope="col">주요기능 및 역할</th>'
        '<th scope="col">구성일자</th><th scope="col">담당부서</th></tr></thead>'
        f'<tbody><tr><td><a href="{esc(c.path)}">{esc(c.name)}</a></td>'
        f"<td>{lines_html(numbered(c.functions))}</td>"
        f"<td>{c.established:%Y-%m-%d}</td>"
        f"<td>{esc(m.department)} ({esc(short_phone(m.phone))})</td></tr></tbody>"
    )
    body = (
        '<div class="proceeding-wrap proceeding-info"><h2 class="page-title">위원회 회의정보</h2>'
        '<div class="board-view"><h3 class="view-title">회의 상세</h3>'
        f'<div class="title-wrap"><h4 class="title-article">{esc(m.title)} '
        f'<span class="state">{esc(m.status.value)}</span></h4></div>'
        f"{_cancel(m)}"
        f'<p class="disclaimer">{esc(DISCLAIMER)}</p>'
        f'<table class="table-view board-detail"><caption>{DETAIL_CAPTION}</caption>'
        f"<tbody>{_rows(m, c, classification, scope='')}</tbody></table>"
        '<div class="section meeting-files"><h4 class="section-title">회의자료</h4>'
        f"{attachment_list(site, m.attachments, empty='첨부파일이 없습니다.')}</div>"
        f'<div class="section meeting-sanction"><h4 class="section-title">결재문서</h4>{_sanctions(m)}</div>'
        f'<table class="table-list cmit-guide"><caption>{GUIDE_CAPTION}</caption>{guide}</table>'
        f'<div class="btn-area"><a href="{urls.listing(1)}" class="btn-list">목록</a></div>'
        "</div></div>"
    )
    return page(f"{m.title} {m.status.value}", body, encoding=m.encoding)
