"""One error shape, rendered per audience: an HTML page for people, a JSON body for the API.

    PortalError                 status  code
     ├── BadRequest             400     invalid_parameter / unknown_parameter / malformed_id / …
     ├── NotFound               404     not_found
     └── Unavailable            503     index_missing / index_outdated

Every failure, ours or Litestar's (validation, unknown route, wrong method, rate limit) and any
unexpected exception, goes through `handle()`, which maps it to an `ErrorBody` once and renders
it for the audience of the path: `/api/…` gets `{"error": {...}}`, anything else the error page.
Both carry the security headers (app-level `response_headers` do not reach exception responses).
Messages exist in Korean and English; user input echoed in them is cut short (and escaped by the
template or the JSON encoder).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from litestar import MediaType, Request, Response
from litestar.exceptions import (
    HTTPException,
    MethodNotAllowedException,
    NotFoundException,
    TooManyRequestsException,
    ValidationException,
)
from litestar.response import Template

from index.errors import IndexMissing, SchemaMismatch
from portal import i18n
from portal.security import SECURITY_HEADERS

log = logging.getLogger(__name__)

_MESSAGES: dict[str, tuple[str, str]] = {
    "invalid_parameter": (
        "‘{parameter}’ 값이 올바르지 않습니다: {detail}",
        "Invalid value for ‘{parameter}’: {detail}",
    ),
    "unknown_parameter": (
        "알 수 없는 매개변수 ‘{parameter}’입니다. 쓸 수 있는 것: {choices}",
        "Unknown parameter ‘{parameter}’; known: {choices}",
    ),
    "unknown_value": ("‘{parameter}’에 ‘{value}’ 값은 없습니다", "There is no {parameter} ‘{value}’"),
    "too_deep": (
        "검색 결과는 앞의 {limit}건까지만 볼 수 있습니다. 검색 조건을 좁혀 보세요.",
        "Only the first {limit} results can be paged through; narrow the search.",
    ),
    "malformed_id": ("‘{value}’은(는) 올바른 식별자가 아닙니다", "‘{value}’ is not a valid identifier"),
    "no_meeting": ("회의 ‘{value}’을(를) 찾을 수 없습니다", "There is no meeting ‘{value}’"),
    "no_committee": ("위원회 ‘{value}’을(를) 찾을 수 없습니다", "There is no committee ‘{value}’"),
    "no_category": ("분야 ‘{value}’은(는) 없습니다", "There is no category ‘{value}’"),
    "no_rule": ("지침 항목 ‘{value}’은(는) 없습니다", "There is no guideline rule ‘{value}’"),
    "no_report_committee": (
        "{year}년 보고서에 위원회 ‘{value}’은(는) 없습니다",
        "There is no committee ‘{value}’ in the {year} report",
    ),
    "no_file": ("파일 ‘{value}’이(가) 없거나 공개되지 않았습니다", "There is no public file ‘{value}’"),
    "no_page": ("{page}쪽은 없습니다 (모두 {pages}쪽)", "There is no page {page} (there are {pages})"),
    "not_found": ("이 주소에는 페이지가 없습니다", "There is nothing at this address"),
    "method_not_allowed": ("{method} 요청은 받지 않습니다", "{method} is not accepted here"),
    "rate_limited": (
        "API 요청이 너무 많습니다. {retry}초 뒤 다시 시도하세요",
        "Too many API requests; try again in {retry} s",
    ),
    "index_missing": (
        "검색 색인이 아직 만들어지지 않았습니다 (`minutes index`를 실행하세요)",
        "The search index has not been built yet (run `minutes index`)",
    ),
    "index_outdated": (
        "검색 색인을 다시 만들어야 합니다 (`minutes index --rebuild`)",
        "The search index must be rebuilt (run `minutes index --rebuild`)",
    ),
    "bad_request": ("요청을 처리할 수 없습니다", "The request could not be processed"),
    "internal": (
        "예상하지 못한 오류가 생겼습니다. 문제가 계속되면 알려 주세요.",
        "An unexpected error occurred. If it keeps happening, please tell us.",
    ),
}
ECHO_LIMIT = 60


class PortalError(Exception):
    """An error the portal answers on purpose, with a code and the values its message needs."""

    status = 500
    code = "internal"

    def __init__(self, code: str | None = None, *, parameter: str | None = None, **args: Any) -> None:
        self.code = code or type(self).code
        self.parameter = parameter
        self.args_ = {k: v if k == "choices" else _echo(v) for k, v in args.items()}
        super().__init__(self.message("en"))

    def message(self, lang: i18n.Lang) -> str:
        return _message(self.code, lang, parameter=self.parameter or "", **self.args_)


class BadRequest(PortalError):
    status = 400
    code = "bad_request"


class NotFound(PortalError):
    status = 404
    code = "not_found"


class Unavailable(PortalError):
    status = 503
    code = "index_missing"


@dataclass(frozen=True, slots=True)
class ErrorBody:
    """The one error shape. `to_api_dict()` is the API's error body."""

    status: int
    code: str
    message: str  # English
    message_ko: str
    parameter: str | None = None
    headers: dict[str, str] = field(default_factory=dict)

    def to_api_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {"status": self.status, "code": self.code, "message": self.message,
                                "message_ko": self.message_ko}  # fmt: skip
        if self.parameter:
            body["parameter"] = self.parameter
        return {"error": body}


def _echo(value: Any) -> Any:
    if isinstance(value, str) and len(value) > ECHO_LIMIT:
        return value[:ECHO_LIMIT] + "…"
    return value


def _message(code: str, lang: i18n.Lang, **args: Any) -> str:
    pair = _MESSAGES.get(code, _MESSAGES["bad_request"])
    try:
        return pair[0 if lang == "ko" else 1].format(**args)
    except (KeyError, IndexError):
        return pair[0 if lang == "ko" else 1]


def body_of(exc: Exception, request: Request) -> ErrorBody:
    """Map any exception to the error shape (the one place that knows every kind)."""
    if isinstance(exc, PortalError):
        return _body(exc.status, exc.code, exc.parameter, **exc.args_)
    if isinstance(exc, ValidationException):
        extra = exc.extra[0] if isinstance(exc.extra, list) and exc.extra else {}
        parameter = str(extra.get("key", "")) if isinstance(extra, dict) else ""
        detail = str(extra.get("message", "")) if isinstance(extra, dict) else ""
        return _body(400, "invalid_parameter", parameter or None, detail=detail)
    if isinstance(exc, IndexMissing):
        return _body(503, "index_missing")
    if isinstance(exc, SchemaMismatch):
        return _body(503, "index_outdated")
    if isinstance(exc, NotFoundException):
        return _body(404, "not_found")
    if isinstance(exc, MethodNotAllowedException):
        allow = (exc.headers or {}).get("allow", "")
        return _body(405, "method_not_allowed", headers={"Allow": allow} if allow else {}, method=request.method)
    if isinstance(exc, TooManyRequestsException):
        headers = dict(exc.headers or {})
        retry = headers.get("RateLimit-Reset", "60")
        headers["Retry-After"] = retry
        return _body(429, "rate_limited", headers=headers, retry=retry)
    if isinstance(exc, HTTPException) and 400 <= exc.status_code < 500:
        return _body(exc.status_code, "bad_request", headers=dict(exc.headers or {}))
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return _body(500, "internal")


def _body(status: int, code: str, parameter: str | None = None, *, headers: dict[str, str] | None = None,
          **args: Any) -> ErrorBody:  # fmt: skip
    return ErrorBody(
        status=status,
        code=code,
        message=_message(code, "en", parameter=parameter or "", **args),
        message_ko=_message(code, "ko", parameter=parameter or "", **args),
        parameter=parameter,
        headers=headers or {},
    )


def wants_json(request: Request) -> bool:
    path = request.scope.get("path", "")
    return path.startswith("/api/") or path == "/api"


def handle(request: Request, exc: Exception) -> Response:
    """The app's exception handler for every exception type."""
    body = body_of(exc, request)
    headers = {**SECURITY_HEADERS, **body.headers}
    if wants_json(request):
        return Response(body.to_api_dict(), status_code=body.status, media_type=MediaType.JSON, headers=headers)
    lang = i18n.choose(request.query_params.get("lang"), request.cookies.get(i18n.COOKIE)) or i18n.DEFAULT_LANG
    from portal.rendering import error_context  # rendering imports queries, which import this module

    return Template(
        template_name="error.html",
        context=error_context(request, lang, body),
        status_code=body.status,
        headers=headers,
        media_type=MediaType.HTML,
    )
