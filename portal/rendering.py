"""Rendering a view as a page: the Jinja environment, the `ui` helper every template gets, the chrome.

Templates see one helper object, `ui`, bound to the request's language: `ui.t(key)` for interface
strings, `ui.label(enum)` for vocabulary labels, `ui.when(dt)` for Seoul dates, `ui.url(...)` and
`ui.search_url(params)` for links that keep `lang=en`, and `ui.marked(snippet)`, the one place
HTML from elsewhere enters a page: a snippet is re-escaped piece by piece around our own
`<mark>` tags, so even a snippet that arrived unescaped cannot carry markup. Everything else is
autoescaped by Jinja.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from litestar import MediaType, Request
from litestar.datastructures import Cookie
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.response import Template
from litestar.template.config import TemplateConfig
from markupsafe import Markup, escape

from guidelines import to_html
from minutes.vocabulary import ARTICLE_9_GROUNDS, Category, Disclosure, DocType, FileStatus, MeetingStatus
from portal import i18n
from portal.params import SearchParams, query_string
from portal.queries import freshness

if TYPE_CHECKING:
    from portal.errors import ErrorBody

TEMPLATES = Path(__file__).parent / "templates"
_MARK = re.compile(r"(</?mark>)")
_VOCAB = {"category": Category, "doc_type": DocType, "disclosure": Disclosure, "status": MeetingStatus,
          "file": FileStatus}  # fmt: skip


@functools.cache
def environment() -> Environment:
    """One Jinja environment per process: autoescaping on for every template, undefined names fail."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def template_config() -> TemplateConfig:
    return TemplateConfig(engine=JinjaTemplateEngine.from_environment(environment()))


class UI:
    """Per-request helpers for templates, bound to one language."""

    def __init__(self, lang: i18n.Lang, path: str = "/", query: Iterable[tuple[str, str]] = ()) -> None:
        self.lang = lang
        self.path = path
        self.query = [(k, v) for k, v in query if k != "lang"]

    def t(self, key: str, **args: Any) -> str:
        return i18n.t(self.lang, key, **args)

    def label(self, value: Any, kind: str | None = None) -> str:
        """The label of a vocabulary value; `kind` names the vocabulary when `value` is a plain string."""
        if kind and isinstance(value, str) and value:
            try:
                value = _VOCAB[kind](value)
            except ValueError:
                return value
        return i18n.label(self.lang, value)

    def when(self, moment: datetime | date | str | None, with_time: bool = True) -> str:
        if isinstance(moment, str):
            try:
                moment = datetime.fromisoformat(moment)
            except ValueError:
                return moment
        return i18n.when(self.lang, moment, with_time=with_time)

    def iso(self, moment: datetime | str | None) -> str:
        if isinstance(moment, datetime):
            return moment.isoformat()
        return moment or ""

    def ground(self, number: int | None) -> str:
        if not number or number not in ARTICLE_9_GROUNDS:
            return ""
        ko, en = ARTICLE_9_GROUNDS[number]
        return self.t("doc.ground.value", n=number, label=ko if self.lang == "ko" else en)

    def url(self, path: str, params: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> str:
        return path + query_string(params, self.lang)

    def search_url(self, params: SearchParams) -> str:
        return "/search" + query_string(params.pairs(), self.lang)

    def switch_url(self) -> str:
        """This page in the other language (explicit, so it also overrides the cookie)."""
        other = "en" if self.lang == "ko" else "ko"
        return self.path + "?" + "&".join([*(f"{_q(k)}={_q(v)}" for k, v in self.query), f"lang={other}"])

    @property
    def other_lang(self) -> str:
        return "en" if self.lang == "ko" else "ko"

    @staticmethod
    def marked(snippet: str) -> Markup:
        """A snippet with only `<mark>` kept: every other piece is unescaped once and escaped again."""
        pieces = _MARK.split(snippet or "")
        return Markup("".join(p if p in ("<mark>", "</mark>") else str(escape(html.unescape(p))) for p in pieces))

    def pick(self, ko: Any, en: Any) -> Any:
        """The Korean or the English of a pair, by the page's language."""
        return ko if self.lang == "ko" else en

    @staticmethod
    def md(text: str) -> Markup:
        """The guideline's own little Markdown as HTML: escaped first, then a few marks become tags."""
        return Markup(to_html(text))

    @staticmethod
    def number(n: int) -> str:
        return f"{n:,}"


def _q(value: str) -> str:
    return quote(str(value), safe="")


def chrome(request: Request, lang: i18n.Lang) -> dict[str, Any]:
    """What every page shows around its content: the demo notice, the data's freshness, the helpers."""
    state = getattr(request.app.state, "portal", None)
    fresh = None
    try:
        fresh = freshness(state.model()) if state is not None else None
    except Exception:  # the error page must render even when the archive cannot be read
        fresh = None
    return {
        "lang": lang,
        "ui": UI(lang, request.url.path, request.query_params.multi_items()),
        "freshness": fresh,
        "demo": bool(fresh and fresh.demo),
    }


def page(
    request: Request,
    template: str,
    *,
    lang: i18n.Lang,
    title: str,
    json_url: str | None,
    status: int = 200,
    **context: Any,
) -> Template:
    """A page response: the template, the chrome, the JSON twin's URL, the language cookie."""
    cookies = []
    asked = request.query_params.get("lang")
    if asked in i18n.LANGS and request.cookies.get(i18n.COOKIE) != asked:
        cookies.append(Cookie(key=i18n.COOKIE, value=asked, max_age=365 * 86400, path="/", samesite="lax",
                              httponly=True))  # fmt: skip
    return Template(
        template_name=template,
        context={**chrome(request, lang), "title": title, "json_url": json_url, **context},
        status_code=status,
        media_type=MediaType.HTML,
        cookies=cookies,
        headers={"Vary": "Cookie"},
    )


def error_context(request: Request, lang: i18n.Lang, body: ErrorBody) -> dict[str, Any]:
    return {
        **chrome(request, lang),
        "title": i18n.t(lang, f"error.{body.status}")
        if f"error.{body.status}" in i18n.STRINGS
        else i18n.t(lang, "error.400"),
        "json_url": None,
        "error": body,
        "message": body.message_ko if lang == "ko" else body.message,
    }
