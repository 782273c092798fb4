"""Error pages and the home page: the site's small fixed pages."""

from __future__ import annotations

from replica import urls
from replica.render.layout import Page, esc, page

_TITLES = {
    400: "잘못된 요청입니다",
    403: "접근 권한이 없습니다",
    404: "요청하신 페이지를 찾을 수 없습니다",
    405: "허용되지 않은 요청 방식입니다",
    500: "일시적인 오류가 발생했습니다",
}


def error_page(status: int, detail: str = "") -> Page:
    """One error shape for every status: a heading, the status, and what was wrong."""
    title = _TITLES.get(status, "오류")
    body = (
        f'<div class="error-page status-{status}"><h2 class="page-title">{esc(title)}</h2>'
        f'<p class="error-code">HTTP {status}</p>'
        + (f'<p class="error-detail">{esc(detail)}</p>' if detail else "")
        + f'<p><a href="/">처음으로</a> · <a href="{urls.CLAS_ALL}">위원회 회의정보</a></p></div>'
    )
    return page(title, body, status=status)


def home_page(committees: int, meetings: int) -> Page:
    body = (
        '<div class="front"><h2 class="page-title">서울정보소통광장</h2>'
        "<p>서울특별시 위원회의 회의 정보(개최 안내, 회의 결과, 회의록)를 공개합니다.</p>"
        f'<ul class="front-links"><li><a href="{urls.CLAS_ALL}">위원회 회의정보</a> '
        f"(위원회 {committees:,}개)</li>"
        f'<li><a href="{urls.listing(1)}">회의 목록</a> (회의 {meetings:,}건)</li></ul></div>'
    )
    return page("서울정보소통광장", body)
