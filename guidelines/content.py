"""The guideline as content: one Markdown file per rule, the Article 9(1) grounds, the definitions.

Each rule file has front matter (id, titles, standing, sources, the check that evaluates it and its
parameters) and six sections: the rule in Korean and in English, a printable checklist in each
language, and what to do to comply in each. Thresholds are not written into the text: the text says
`{days}` and the value comes from the rule's parameters, which name a `Settings` field, so the page,
the check and the report always state the same number.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any

from guidelines.frontmatter import ContentError, split_front_matter, split_sections
from minutes.settings import Settings
from minutes.vocabulary import ARTICLE_9_GROUNDS

RULE_SECTIONS = ("한국어", "English", "점검표", "Checklist", "이행 방법", "How to comply")
RULE_KEYS = ("id", "order", "title_ko", "title_en", "standing", "check", "params", "sources")
_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_SOURCE = re.compile(r"^\[(O|R|O/R)\]\s+(.+)$")
_CHECK_ITEM = re.compile(r"^- \[ \] (.+)$")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
SETTINGS_PREFIX = "settings."


class Standing(StrEnum):
    """How binding a rule is: a law, the city's own policy, or a benchmark taken from practice."""

    LAW = "law"
    CITY_POLICY = "city-policy"
    PRACTICE_BENCHMARK = "practice-benchmark"

    @property
    def label_ko(self) -> str:
        return {"law": "법령", "city-policy": "서울시 정책", "practice-benchmark": "실무 기준(벤치마크)"}[self.value]

    @property
    def label_en(self) -> str:
        return {"law": "Law", "city-policy": "City policy", "practice-benchmark": "Practice benchmark"}[self.value]


@dataclass(frozen=True, slots=True)
class Source:
    """A source as FACTS.md tags it: [O] seen in an official text or page, [R] reported."""

    tag: str
    text: str

    @property
    def label_en(self) -> str:
        return {"O": "official text", "R": "reported", "O/R": "official text and reports"}[self.tag]

    @property
    def label_ko(self) -> str:
        return {"O": "공식 문서", "R": "보도·2차 자료", "O/R": "공식 문서 및 보도"}[self.tag]


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of the consolidated guideline, as written; `resolve()` fills in the thresholds."""

    id: str
    order: int
    title_ko: str
    title_en: str
    standing: Standing
    check: str
    params: Mapping[str, Any]  # raw: literals, or "settings.<field>" references
    sources: tuple[Source, ...]
    text_ko: str
    text_en: str
    checklist_ko: tuple[str, ...]
    checklist_en: tuple[str, ...]
    comply_ko: str
    comply_en: str
    path: str = ""

    def param_values(self, settings: Settings) -> dict[str, Any]:
        """The parameters with every `settings.<field>` reference replaced by the setting's value."""
        return {name: resolve_param(value, settings, self.path) for name, value in self.params.items()}

    def resolve(self, settings: Settings) -> Rule:
        """The rule with `{name}` placeholders in its titles and texts filled from its parameters."""
        values = self.param_values(settings)

        def fill(text: str) -> str:
            return _PLACEHOLDER.sub(lambda m: _show(values[m.group(1)]), text)

        return dataclasses.replace(
            self,
            title_ko=fill(self.title_ko),
            title_en=fill(self.title_en),
            text_ko=fill(self.text_ko),
            text_en=fill(self.text_en),
            checklist_ko=tuple(fill(item) for item in self.checklist_ko),
            checklist_en=tuple(fill(item) for item in self.checklist_en),
            comply_ko=fill(self.comply_ko),
            comply_en=fill(self.comply_en),
        )

    def placeholders(self) -> set[str]:
        """Every `{name}` the rule's texts use (each must be one of its parameters)."""
        texts = (self.title_ko, self.title_en, self.text_ko, self.text_en, self.comply_ko, self.comply_en)
        found = {
            m.group(1) for text in (*texts, *self.checklist_ko, *self.checklist_en) for m in _PLACEHOLDER.finditer(text)
        }
        return found


def resolve_param(value: Any, settings: Settings, path: str = "") -> Any:
    """A literal stays as it is; `settings.notice_days` becomes that setting's value."""
    if isinstance(value, str) and value.startswith(SETTINGS_PREFIX):
        name = value.removeprefix(SETTINGS_PREFIX)
        if name not in {f.name for f in dataclasses.fields(Settings)}:
            raise ContentError(path, None, f"parameter names an unknown setting {value!r}")
        return getattr(settings, name)
    return value


def _show(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


# -- loading --------------------------------------------------------------------------------------


def parse_rule(text: str, path: Path | str = "<rule>") -> Rule:
    """One rule file → Rule, or ContentError naming what is wrong and where."""
    meta, body, body_line = split_front_matter(text, path)
    missing = [k for k in RULE_KEYS if k not in meta]
    unknown = [k for k in meta if k not in RULE_KEYS]
    if missing:
        raise ContentError(path, None, f"front matter lacks {', '.join(missing)}")
    if unknown:
        raise ContentError(path, None, f"unknown front matter keys {', '.join(unknown)}")
    rule_id = _text(meta, "id", path)
    if not _ID.match(rule_id):
        raise ContentError(path, None, f"id {rule_id!r} must be lower-case words joined by '-'")
    order = meta["order"]
    if not isinstance(order, int):
        raise ContentError(path, None, "order must be an integer")
    try:
        standing = Standing(_text(meta, "standing", path))
    except ValueError:
        allowed = ", ".join(s.value for s in Standing)
        raise ContentError(path, None, f"standing must be one of {allowed}") from None
    params = meta["params"]
    if params == []:
        params = {}
    if not isinstance(params, dict):
        raise ContentError(path, None, "params must be an indented block of 'name: value' lines (or [])")
    raw_sources = meta["sources"]
    if not isinstance(raw_sources, list) or not raw_sources:
        raise ContentError(path, None, "sources must be a non-empty list")
    sources = []
    for item in raw_sources:
        match = _SOURCE.match(str(item))
        if not match:
            raise ContentError(path, None, f"a source must start with its tag [O], [R] or [O/R]: {item!r}")
        sources.append(Source(match.group(1), match.group(2).strip()))
    sections = split_sections(body, path, body_line)
    if tuple(sections) != RULE_SECTIONS:
        raise ContentError(
            path, None, f"sections must be, in order: {', '.join(RULE_SECTIONS)} (found {', '.join(sections)})"
        )
    for heading, content in sections.items():
        if not content:
            raise ContentError(path, None, f"section {heading!r} is empty")
    return Rule(
        id=rule_id,
        order=order,
        title_ko=_text(meta, "title_ko", path),
        title_en=_text(meta, "title_en", path),
        standing=standing,
        check=_text(meta, "check", path),
        params=params,
        sources=tuple(sources),
        text_ko=sections["한국어"],
        text_en=sections["English"],
        checklist_ko=_checklist(sections["점검표"], path),
        checklist_en=_checklist(sections["Checklist"], path),
        comply_ko=sections["이행 방법"],
        comply_en=sections["How to comply"],
        path=str(path),
    )


def _text(meta: Mapping[str, Any], key: str, path: Path | str) -> str:
    value = meta[key]
    if not isinstance(value, str) or not value.strip():
        raise ContentError(path, None, f"{key} must be a non-empty string")
    return value.strip()


def _checklist(section: str, path: Path | str) -> tuple[str, ...]:
    items = []
    for line in section.splitlines():
        if not line.strip():
            continue
        match = _CHECK_ITEM.match(line.strip())
        if not match:
            raise ContentError(path, None, f"checklist lines must read '- [ ] item', got {line.strip()!r}")
        items.append(match.group(1).strip())
    return tuple(items)


def _package_dir() -> Path:
    return Path(str(resources.files("guidelines")))


@functools.cache
def load_rules(directory: Path | None = None) -> tuple[Rule, ...]:
    """Every rule file in `guidelines/rules/`, in their `order`; ids and orders must be unique."""
    directory = directory or _package_dir() / "rules"
    rules = [parse_rule(p.read_text(encoding="utf-8"), p) for p in sorted(directory.glob("*.md"))]
    seen: dict[str, str] = {}
    orders: dict[int, str] = {}
    for rule in rules:
        if rule.id in seen:
            raise ContentError(rule.path, None, f"id {rule.id!r} is also used by {seen[rule.id]}")
        if rule.order in orders:
            raise ContentError(rule.path, None, f"order {rule.order} is also used by {orders[rule.order]}")
        seen[rule.id] = rule.path
        orders[rule.order] = rule.path
    return tuple(sorted(rules, key=lambda r: r.order))


def rule_by_id(rule_id: str) -> Rule | None:
    return next((r for r in load_rules() if r.id == rule_id), None)


# -- the grounds and the definitions ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Ground:
    """One Article 9(1) ground: the Act's label and what it means, in plain words."""

    number: int
    label_ko: str
    label_en: str
    plain_ko: str
    plain_en: str


@dataclass(frozen=True, slots=True)
class Definition:
    """One figure of the compliance report, defined in both languages (shown on the report page)."""

    term: str
    label_ko: str
    label_en: str
    text_ko: str
    text_en: str


def _bilingual(path: Path | str, body: str, first_line: int) -> dict[str, tuple[str, str, str, str]]:
    """`## key | 한국어 이름 | English name` sections, each with `### 한국어` and `### English` texts."""
    out: dict[str, tuple[str, str, str, str]] = {}
    for heading, content in split_sections(body, path, first_line).items():
        parts = [p.strip() for p in heading.split("|")]
        if len(parts) != 3 or not all(parts):
            raise ContentError(path, None, f"heading must read 'key | 한국어 | English', got {heading!r}")
        texts = split_sections(content, path, first_line, level=3)
        if tuple(texts) != ("한국어", "English") or not all(texts.values()):
            raise ContentError(path, None, f"section {parts[0]!r} needs '### 한국어' then '### English' texts")
        out[parts[0]] = (parts[1], parts[2], texts["한국어"], texts["English"])
    return out


@dataclass(frozen=True, slots=True)
class GroundsPage:
    """The page explaining the Article 9(1) grounds: its titles, sources and the eight grounds."""

    title_ko: str
    title_en: str
    sources: tuple[Source, ...]
    grounds: tuple[Ground, ...]


_PAGE_KEYS = ("title_ko", "title_en", "sources")


def _page_meta(meta: Mapping[str, Any], path: Path) -> tuple[str, str, tuple[Source, ...]]:
    if tuple(sorted(meta)) != tuple(sorted(_PAGE_KEYS)):
        raise ContentError(path, None, f"front matter must have exactly {', '.join(_PAGE_KEYS)}")
    sources = []
    for item in meta["sources"] if isinstance(meta["sources"], list) else []:
        match = _SOURCE.match(str(item))
        if not match:
            raise ContentError(path, None, f"a source must start with its tag [O], [R] or [O/R]: {item!r}")
        sources.append(Source(match.group(1), match.group(2).strip()))
    if not sources:
        raise ContentError(path, None, "sources must be a non-empty list")
    return _text(meta, "title_ko", path), _text(meta, "title_en", path), tuple(sources)


@functools.cache
def load_grounds_page(path: Path | None = None) -> GroundsPage:
    """The eight grounds from `grounds.md`, checked against the vocabulary's ARTICLE_9_GROUNDS."""
    path = path or _package_dir() / "grounds.md"
    meta, body, first = split_front_matter(path.read_text(encoding="utf-8"), path)
    title_ko, title_en, sources = _page_meta(meta, path)
    grounds = []
    for key, (label_ko, label_en, ko, en) in _bilingual(path, body, first).items():
        if not key.isdigit() or int(key) not in ARTICLE_9_GROUNDS:
            raise ContentError(path, None, f"ground {key!r} is not one of Article 9(1)'s 1-8")
        if ARTICLE_9_GROUNDS[int(key)][0] != label_ko:
            raise ContentError(path, None, f"ground {key}'s Korean label differs from the vocabulary's")
        grounds.append(Ground(int(key), label_ko, label_en, ko, en))
    if sorted(g.number for g in grounds) != sorted(ARTICLE_9_GROUNDS):
        raise ContentError(path, None, "grounds.md must explain each of the grounds 1-8 once")
    return GroundsPage(title_ko, title_en, sources, tuple(sorted(grounds, key=lambda g: g.number)))


def load_grounds() -> tuple[Ground, ...]:
    """The eight Article 9(1) grounds, 1 to 8, in plain words."""
    return load_grounds_page().grounds


@functools.cache
def load_definitions(path: Path | None = None) -> tuple[Definition, ...]:
    """The report's definitions from `definitions.md`, in the order the file gives them."""
    path = path or _package_dir() / "definitions.md"
    meta, body, first = split_front_matter(path.read_text(encoding="utf-8"), path)
    _page_meta(meta, path)
    out = []
    for term, (label_ko, label_en, ko, en) in _bilingual(path, body, first).items():
        out.append(Definition(term, label_ko, label_en, ko, en))
    return tuple(out)


def definitions_for(settings: Settings) -> tuple[Definition, ...]:
    """The definitions with `{setting_name}` placeholders filled from the settings in force."""
    values = {f.name: getattr(settings, f.name) for f in dataclasses.fields(Settings)}

    def fill(text: str) -> str:
        return _PLACEHOLDER.sub(lambda m: _show(values[m.group(1)]), text)

    return tuple(dataclasses.replace(d, text_ko=fill(d.text_ko), text_en=fill(d.text_en)) for d in load_definitions())
