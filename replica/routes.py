"""Map a request (method, target) to a response, with no sockets involved.

The server only moves bytes; everything a URL means is decided here, so it can be tested directly.
Unknown URLs answer 404, malformed query values 400, a non-public file 403: always an HTML page,
never a traceback. A broken download answers 200 with the body `error`, as the real site does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, quote, urlsplit

from replica import render, urls
from replica.render.layout import Page
from replica.render.listing import DEFAULT_PER_PAGE, MAX_PER_PAGE

if TYPE_CHECKING:
    from replica.site import Site

_MEETING = re.compile(r"/proceeding/(\d{1,12})")
_INFO = re.compile(r"/proceeding/info/([A-Za-z0-9]{1,40})")
_SANCTION = re.compile(r"/sanction/(\d{1,12})")


@dataclass(slots=True)
class Response:
    status: int
    body: bytes
    headers: list[tuple[str, str]] = field(default_factory=list)


class BadRequest(Exception):
    """A query value the site cannot read (page=abc): answered 400."""


def handle(site: Site, method: str, target: str, *, crawl_delay: float | None = 0) -> Response:
    if method not in ("GET", "HEAD"):
        response = html(render.error_page(405, f"{method} 요청은 지원하지 않습니다."))
        response.headers.append(("Allow", "GET, HEAD"))
        return response
    parts = urlsplit(target)
    path = parts.path
    try:
        query = dict(parse_qsl(parts.query, keep_blank_values=True, strict_parsing=False))
        return _route(site, path, query, crawl_delay)
    except BadRequest as exc:
        return html(render.error_page(400, str(exc)))


def _route(site: Site, path: str, query: dict[str, str], crawl_delay: float | None) -> Response:
    if path == "/":
        return html(render.home_page(len(site.committees), len(site.meetings)))
    if path == "/robots.txt":
        return Response(200, robots(crawl_delay).encode("ascii"), [("Content-Type", "text/plain; charset=UTF-8")])
    if path == urls.CLAS_ALL:
        return html(render.committees_page(site))
    if path == "/proceeding/cmit_view":
        committee = site.committee(_int(query, "clsf_id", required=True))
        return html(render.committee_page(site, committee)) if committee else not_found("위원회")
    if path == urls.LIST:
        page_no = _int(query, "page", default=1)
        per_page = _int(query, "items_per_page", default=DEFAULT_PER_PAGE)
        if page_no < 1:
            raise BadRequest("page는 1 이상이어야 합니다.")
        if not 1 <= per_page <= MAX_PER_PAGE:
            raise BadRequest(f"items_per_page는 1~{MAX_PER_PAGE} 사이여야 합니다.")
        return html(render.list_page(site, page_no, per_page))
    if match := _MEETING.fullmatch(path):
        meeting = site.meeting_by_nid.get(int(match[1]))
        if meeting is None or meeting.code:
            return not_found("회의")
        return html(render.meeting_page(site, meeting))
    if match := _INFO.fullmatch(path):
        meeting = site.meeting_by_code.get(match[1])
        return html(render.meeting_page(site, meeting)) if meeting else not_found("회의")
    if match := _SANCTION.fullmatch(path):
        doc = site.document(int(match[1]))
        return html(render.sanction_page(site, doc)) if doc else not_found("결재문서")
    if path in (urls.DOWNLOAD, urls.PREVIEW):
        return _file(site, path, query)
    return not_found("페이지")


def _file(site: Site, path: str, query: dict[str, str]) -> Response:
    nid = _int(query, "nid", required=True)
    rid = query.get("rid", "")
    if not re.fullmatch(r"F\d{13}", rid):
        raise BadRequest("rid 값이 올바르지 않습니다.")
    found = site.attachment(rid)
    if found is None or found[0].owner_nid != nid:
        return not_found("파일")
    att, meeting, doc = found
    if not att.public:
        return html(render.error_page(403, "비공개 문서입니다."))
    if path == urls.PREVIEW:
        return html(render.preview_page(site, att, meeting, doc))
    if att.broken:
        return Response(200, b"error", [("Content-Type", "text/html; charset=UTF-8")])
    data = site.files.get(site, rid)
    return Response(
        200,
        data,
        [
            ("Content-Type", "application/octet-stream"),
            ("Content-Disposition", f"attachment; filename*=UTF-8''{quote(att.name, safe='')}"),
        ],
    )


def robots(crawl_delay: float | None) -> str:
    lines = ["User-agent: *"]
    if crawl_delay is not None:
        lines.append(f"Crawl-delay: {crawl_delay:g}")
    lines.append("Disallow: /admin/")
    return "\n".join(lines) + "\n"


def html(page: Page) -> Response:
    charset = "UTF-8" if page.encoding == "utf-8" else "EUC-KR"
    codec = "utf-8" if page.encoding == "utf-8" else "cp949"
    body = page.html.encode(codec, errors="xmlcharrefreplace")
    return Response(page.status, body, [("Content-Type", f"text/html; charset={charset}")])


def not_found(what: str) -> Response:
    return html(render.error_page(404, f"요청하신 {what}을(를) 찾을 수 없습니다."))


def _int(query: dict[str, str], name: str, *, default: int | None = None, required: bool = False) -> int:
    raw = query.get(name)
    if raw is None or (raw == "" and not required):
        if required or default is None:
            raise BadRequest(f"{name} 값이 필요합니다.")
        return default
    if not raw.isascii() or not raw.isdigit() or len(raw) > 12:
        raise BadRequest(f"{name} 값이 올바르지 않습니다: {raw[:40]}")
    return int(raw)
