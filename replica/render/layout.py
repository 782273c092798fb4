"""The page shell every replica page shares: head, demo banner, header and navigation, footer.

It copies the shape of a Korean government portal built on Drupal 7 (region wrappers, the
`element-invisible` screen-reader class), and says on every page, visibly and in a meta tag, that
this is demo data from a replica, so no screenshot or crawl of it passes for the city's own site.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

META_REPLICA = '<meta name="x-replica" content="open-minutes-seoul">'
BANNER = (
    '<div class="replica-banner" role="note"><strong>데모 데이터</strong>: '
    "서울시 정보소통광장을 본뜬 복제 사이트입니다 / Demo data from a replica of the Seoul "
    "Information Communication Plaza</div>"
)
DISCLAIMER = "※ 회의록 등에 기재된 위원의 발언 내용은 위원 개인의 의견이며, 서울특별시의 공식 입장과 다를 수 있습니다."
_CSS = (
    "body{font-family:'Malgun Gothic','Nanum Gothic',sans-serif;margin:0;color:#222}"
    ".replica-banner{background:#fff3cd;border-bottom:2px solid #e0a800;padding:6px 16px;font-size:14px}"
    "#header{background:#0b3b8c;color:#fff;padding:12px 16px}#header a{color:#fff;text-decoration:none}"
    "#gnb ul{list-style:none;margin:8px 0 0;padding:0}#gnb li{display:inline-block;margin-right:18px}"
    "#container{max-width:1100px;margin:0 auto;padding:16px}"
    ".element-invisible{position:absolute!important;clip:rect(1px,1px,1px,1px);overflow:hidden;height:1px}"
    "table{border-collapse:collapse;width:100%;margin:12px 0}th,td{border:1px solid #ccc;padding:6px;"
    "text-align:left;vertical-align:top}caption{text-align:left;font-size:12px;color:#666}"
    ".disabled,.disabled .file-name{color:#999}.label-private{color:#999;font-size:12px}"
    ".title-category{display:inline-block;border:1px solid #0b3b8c;font-size:12px;padding:0 4px;margin-right:4px}"
    ".demo-label{color:#b00;font-weight:bold}#footer{border-top:1px solid #ccc;padding:16px;font-size:12px;color:#666}"
)


def esc(text: object) -> str:
    return escape(str(text), quote=True)


@dataclass(frozen=True, slots=True)
class Page:
    """A rendered page and the encoding it must be sent in ("utf-8" or "euc-kr")."""

    html: str
    encoding: str = "utf-8"
    status: int = 200


def page(title: str, body: str, *, encoding: str = "utf-8", status: int = 200) -> Page:
    if encoding == "utf-8":
        charset = '<meta charset="utf-8">'
    else:
        charset = '<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">'
    html = (
        "<!DOCTYPE html>\n"
        '<html lang="ko">\n<head>\n'
        f"{charset}\n{META_REPLICA}\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)} | 서울정보소통광장</title>\n"
        f"<style>{_CSS}</style>\n</head>\n"
        '<body class="html not-front">\n'
        '<div id="skip-link"><a href="#main-content" class="element-invisible">본문 바로가기</a></div>\n'
        f"{BANNER}\n"
        '<div id="page">\n'
        '<header id="header" role="banner"><div class="header-inner">'
        '<h1 class="logo"><a href="/" title="서울정보소통광장 홈">서울정보소통광장</a></h1>\n'
        '<nav id="gnb" role="navigation"><ul class="menu">'
        '<li><a href="/proceeding/clas_all">위원회 회의정보</a></li>'
        '<li><a href="/proceeding/list">회의 목록</a></li>'
        "<li><span>결재문서</span></li><li><span>시장단 일정</span></li><li><span>정보공개청구</span></li>"
        "</ul></nav></div></header>\n"
        '<div id="container"><div id="content" class="region region-content">'
        '<a id="main-content"></a>\n'
        f"{body}\n"
        "</div></div>\n"
        '<footer id="footer" role="contentinfo"><p>(04524) 서울특별시 중구 세종대로 110 서울특별시청</p>'
        "<p>이 사이트는 Open Minutes Seoul의 데모용 복제 사이트이며 서울특별시 누리집이 아닙니다. "
        "Replica for testing and demonstration; not the City's website.</p></footer>\n"
        "</div>\n</body>\n</html>\n"
    )
    return Page(html, encoding, status)


def lines_html(lines: list[str]) -> str:
    """Several lines in one cell, as the site writes numbered lists: `1. …<br>2. …`."""
    return "<br>".join(esc(line) for line in lines)


def numbered(lines: list[str]) -> list[str]:
    return [f"{i}. {line}" for i, line in enumerate(lines, 1)]
