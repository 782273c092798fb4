"""`/sanction/{nid}` (an approval document) and the 문서보기 preview of one of its files.

Header: `h3.title-article` and a summary whose 공개여부 reads 대시민공개 / 부분공개(5) / 비공개(1).
"첨부된 문서": `ul.list-attachment li`, "결재문서본문.hwpx (33.94 KB)" with 문서보기 and 원문 links, or
greyed with "비공개 문서". "문서 정보": a th/td table (two pairs a row) with 기관명, 부서명, 문서번호,
생산일자, 공개구분, 보존기간, 작성자(전화번호), 관리번호, 분류정보.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from replica.formats import day_text
from replica.model import Attachment, Document, Meeting
from replica.render.files import attachment_list
from replica.render.layout import Page, esc, page

if TYPE_CHECKING:
    from replica.site import Site

INFO_CAPTION = (
    "문서 정보 - 기관명, 부서명, 문서번호, 생산일자, 공개구분, 보존기간, 작성자(전화번호), 관리번호, 분류정보"
)


def sanction_page(site: Site, doc: Document) -> Page:
    produced = day_text(doc.produced, doc.date_style)
    info = (
        '<tr><th scope="row">기관명</th><td>서울특별시</td>'
        f'<th scope="row">부서명</th><td>{esc(doc.department)}</td></tr>'
        f'<tr><th scope="row">문서번호</th><td>{esc(doc.doc_number)}</td>'
        f'<th scope="row">생산일자</th><td>{esc(produced)}</td></tr>'
        f'<tr><th scope="row">공개구분</th><td>{esc(doc.disclosure)}</td>'
        f'<th scope="row">보존기간</th><td>{esc(doc.retention)}</td></tr>'
        f'<tr><th scope="row">작성자(전화번호)</th><td>{esc(doc.author)} ({esc(doc.author_phone)})</td>'
        f'<th scope="row">관리번호</th><td>{esc(doc.management_no)}</td></tr>'
        f'<tr><th scope="row">분류정보</th><td colspan="3">{esc(doc.classification)}</td></tr>'
    )
    body = (
        '<div class="sanction-wrap sanction-view"><h2 class="page-title">결재문서</h2>'
        f'<div class="view-header"><h3 class="title-article">{esc(doc.title)}</h3>'
        '<ul class="doc-summary">'
        f'<li class="open-type"><span class="label">공개여부</span> <strong>{esc(doc.disclosure_header)}</strong></li>'
        f'<li class="date"><span class="label">생산일자</span> {esc(produced)}</li>'
        f'<li class="dept"><span class="label">부서</span> {esc(doc.department)}</li></ul></div>'
        '<div class="section doc-files"><h4 class="section-title">첨부된 문서</h4>'
        f"{attachment_list(site, doc.attachments, empty='첨부된 문서가 없습니다.')}</div>"
        '<div class="section doc-info"><h4 class="section-title">문서 정보</h4>'
        f'<table class="table-view doc-info"><caption>{INFO_CAPTION}</caption><tbody>{info}</tbody></table></div>'
        '<div class="btn-area"><a href="/proceeding/list" class="btn-list">목록</a></div>'
        "</div>"
    )
    return page(doc.title, body, encoding=doc.encoding)


def preview_page(site: Site, att: Attachment, meeting: Meeting, doc: Document | None) -> Page:
    """The 문서보기 viewer: the file's text with personal data masked as ****."""
    from replica.content import preview_text

    paragraphs = "".join(f"<p>{esc(line)}</p>" for line in preview_text(site, att, meeting, doc))
    body = (
        '<div class="doc-viewer"><h2 class="page-title">문서보기</h2>'
        f'<h3 class="title-article">{esc(att.name)}</h3>'
        '<p class="viewer-note">개인정보 보호를 위해 성명과 연락처는 ****로 표시합니다.</p>'
        f'<div class="viewer-body">{paragraphs}</div></div>'
    )
    return page(f"문서보기 - {att.name}", body, encoding=doc.encoding if doc else meeting.encoding)
