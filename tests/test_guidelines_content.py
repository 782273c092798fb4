"""The guideline's content and the code that checks it, kept in lockstep (style.md habit 9).

Every rule names a check that exists, every check serves a rule, and the parameters a rule gives
are exactly the ones its check declares, of the declared kind, resolving against real settings.
Rule ids are stable (the portal's URLs and the API's findings carry them), both languages are
present, and every rule cites its sources with FACTS.md's tags and says how binding it is.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from guidelines import CHECKS, ContentError, Standing, load_definitions, load_grounds, load_rules, to_html
from guidelines.compliance import CommitteeCompliance, ComplianceReport
from guidelines.content import RULE_SECTIONS, SETTINGS_PREFIX, parse_rule
from guidelines.frontmatter import parse_front_matter
from guidelines.textmatch import MINUTES_ITEMS, NOTICE_ITEMS
from minutes.settings import Settings
from minutes.vocabulary import ARTICLE_9_GROUNDS

# Ids are part of the public surface (URLs, API findings, CSV columns): changing one is a breaking
# change, so the list is written out here and must be edited on purpose.
STABLE_IDS = [
    "notice-advance",
    "notice-contents",
    "meeting-fields",
    "minutes-published",
    "publication-lag",
    "minutes-contents",
    "withholding-ground",
    "meeting-quarterly",
    "profile-complete",
]


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def test_rule_ids_are_stable_and_unique(rules):
    assert [r.id for r in rules] == STABLE_IDS


def test_the_issues_rules_are_all_there(rules):
    """Advance notice and its contents; meeting fields; minutes or results published; lag; minutes
    contents; withholding states a ground; meeting quarterly; committee profile complete."""
    assert {r.check for r in rules} == {
        "notice_advance", "notice_contents", "meeting_fields", "minutes_published", "publication_lag",
        "minutes_contents", "withholding_ground", "meeting_quarterly", "profile_complete",
    }  # fmt: skip


def test_every_rule_names_an_existing_check(rules):
    for rule in rules:
        assert rule.check in CHECKS, f"{rule.path}: no check named {rule.check!r}"


def test_every_check_serves_a_rule(rules):
    served = {r.check for r in rules}
    assert set(CHECKS) <= served, f"checks serving no rule: {sorted(set(CHECKS) - served)}"


def test_params_fit_the_check(rules):
    for rule in rules:
        problems = CHECKS[rule.check].problems(rule.param_values(Settings()))
        assert not problems, f"{rule.path}: {problems}"


def test_params_name_real_settings_and_thresholds_are_settings(rules):
    fields = {f.name for f in dataclasses.fields(Settings)}
    for rule in rules:
        for name, value in rule.params.items():
            spec = CHECKS[rule.check].params[name]
            if spec.kind is int:
                # A threshold is never a constant in the content: it names a setting.
                assert isinstance(value, str) and value.startswith(SETTINGS_PREFIX), f"{rule.id}.{name}"
                assert value.removeprefix(SETTINGS_PREFIX) in fields, f"{rule.id}.{name}: {value}"


def test_the_notice_rule_and_the_notice_figure_use_the_same_setting(rules):
    notice = next(r for r in rules if r.id == "notice-advance")
    assert notice.params == {"days": "settings.notice_days"}
    lag = next(r for r in rules if r.id == "publication-lag")
    assert lag.params == {"days": "settings.publication_days", "outer_days": "settings.publication_outer_days"}


def test_text_placeholders_are_the_rules_params(rules):
    for rule in rules:
        assert rule.placeholders() <= set(rule.params), f"{rule.id}: {rule.placeholders() - set(rule.params)}"
        resolved = rule.resolve(Settings(notice_days=7, publication_days=4))
        assert "{" not in resolved.title_en + resolved.text_ko + resolved.text_en + "".join(resolved.checklist_en)
    resolved = next(r for r in rules if r.id == "notice-advance").resolve(Settings(notice_days=7))
    assert resolved.title_ko == "회의 개최 7일 전 사전 공지" and "7 days" in resolved.text_en


def test_both_languages_sources_and_standing(rules):
    for rule in rules:
        assert rule.title_ko and rule.title_en and rule.text_ko and rule.text_en, rule.id
        assert any("\uac00" <= ch <= "\ud7a3" for ch in rule.title_ko + rule.text_ko), rule.id
        assert rule.comply_ko and rule.comply_en
        assert len(rule.checklist_ko) >= 3 and len(rule.checklist_en) == len(rule.checklist_ko), rule.id
        assert rule.sources and all(s.tag in {"O", "R", "O/R"} and s.text for s in rule.sources), rule.id
        assert isinstance(rule.standing, Standing)


def test_standing_matches_the_sources(rules):
    """A rule is law only if an official text is cited; the rest say policy or benchmark."""
    by_id = {r.id: r for r in rules}
    for rule in rules:
        if rule.standing is Standing.LAW:
            assert any(s.tag == "O" for s in rule.sources), rule.id
    assert by_id["minutes-contents"].standing is Standing.LAW
    assert by_id["withholding-ground"].standing is Standing.LAW
    assert by_id["publication-lag"].standing is Standing.PRACTICE_BENCHMARK
    assert by_id["notice-advance"].standing is Standing.CITY_POLICY


def test_item_lists_name_known_patterns(rules):
    by_id = {r.id: r for r in rules}
    assert set(by_id["minutes-contents"].params["items"]) == set(MINUTES_ITEMS)
    assert set(by_id["notice-contents"].params["items"]) == set(NOTICE_ITEMS)


def test_grounds_explain_each_of_article_9s_eight():
    grounds = load_grounds()
    assert [g.number for g in grounds] == list(ARTICLE_9_GROUNDS) == [1, 2, 3, 4, 5, 6, 7, 8]
    for g in grounds:
        assert g.label_ko == ARTICLE_9_GROUNDS[g.number][0]
        assert len(g.plain_ko) > 40 and len(g.plain_en) > 60


def test_definitions_cover_every_figure_the_api_defines():
    terms = [d.term for d in load_definitions()]
    api = {"held", "minutes_published", "closed_lawfully", "disclosure_rate", "notice_on_time", "notice_rate"}
    assert api <= set(terms) and "publication_lag_days" in terms and "source_unavailable" in terms
    fields = {f.name for f in dataclasses.fields(CommitteeCompliance)}
    for term in terms:
        assert term in fields or term in {"publication_lag_days", "source_unavailable"}, term
    assert "definitions" in {f.name for f in dataclasses.fields(ComplianceReport)}


def test_rendered_text_is_escaped_html():
    assert (
        to_html("a **b** <c>\n\n- x\n- `y`")
        == "<p>a <strong>b</strong> &lt;c&gt;</p>\n<ul><li>x</li><li><code>y</code></li></ul>"
    )


# -- the front-matter reader is strict --------------------------------------------------------------

GOOD = """---
id: sample-rule
order: 1
title_ko: 제목
title_en: Title {days}
standing: law
check: notice_advance
params:
  days: settings.notice_days
sources:
  - "[O] An official text."
---
""" + "\n".join(f"## {h}\n{'- [ ] 항목' if h in ('점검표', 'Checklist') else '본문 text'}\n" for h in RULE_SECTIONS)


def test_a_well_formed_rule_parses():
    rule = parse_rule(GOOD, "sample.md")
    assert rule.id == "sample-rule" and rule.params == {"days": "settings.notice_days"}
    assert rule.checklist_ko == ("항목",)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace("---\nid", "id", 1), "must start with a '---'"),
        (lambda t: t.replace("standing: law", "standing: custom"), "standing must be one of"),
        (lambda t: t.replace("order: 1\n", "order: 1\norder: 2\n"), "duplicate key 'order'"),
        (lambda t: t.replace("  days:", "\tdays:"), "tabs are not allowed"),
        (lambda t: t.replace("id: sample-rule\n", ""), "front matter lacks id"),
        (lambda t: t.replace("id: sample-rule", "id: Sample Rule"), "lower-case words"),
        (lambda t: t.replace('"[O] An official text."', '"An official text."'), "must start with its tag"),
        (lambda t: t.replace("## English\n", "## Englisch\n"), "sections must be, in order"),
        (lambda t: t.replace("- [ ] 항목", "* 항목"), "checklist lines must read"),
        (lambda t: t.replace("order: 1", "order: 1\nextra: x"), "unknown front matter keys extra"),
        (lambda t: t.replace("title_ko: 제목", "title_ko: 'x'"), "use double quotes"),
        (lambda t: t.replace('  - "[O]', '    - "[O]'), "unexpected indentation"),
    ],
)
def test_malformed_rules_are_refused_with_the_file_and_reason(change, message):
    with pytest.raises(ContentError, match=message) as info:
        parse_rule(change(GOOD), "broken.md")
    assert "broken.md" in str(info.value)


def test_front_matter_values():
    meta = parse_front_matter(['a: "q: x"', "b: [x, y]", "c: 12", "d:", "  - one", "e:", "  k: v"], "f.md")
    assert meta == {"a": "q: x", "b": ["x", "y"], "c": 12, "d": ["one"], "e": {"k": "v"}}
    with pytest.raises(ContentError, match=r"f\.md:1"):
        parse_front_matter(["a: [x"], "f.md")


def test_every_shipped_markdown_file_is_read(rules):
    package = Path(__file__).resolve().parents[1] / "guidelines"
    assert len(list((package / "rules").glob("*.md"))) == len(rules)
    assert (package / "grounds.md").exists() and (package / "definitions.md").exists()


def test_unknown_settings_are_refused(rules):
    rule = dataclasses.replace(rules[0], params={"days": "settings.no_such_thing"})
    with pytest.raises(ContentError, match="unknown setting"):
        rule.param_values(Settings())


def test_check_param_problems_are_reported():
    check = CHECKS["minutes_contents"]
    assert check.problems({"items": ["name", "gossip"]}) == [
        f"items names unknown items ['gossip']; known: {list(MINUTES_ITEMS)}"
    ]
    assert check.problems({}) == ["check minutes_contents needs parameters ['items']"]
    assert CHECKS["notice_advance"].problems({"days": -1, "x": 1}) == [
        "check notice_advance takes no parameters ['x']",
        "days must be a non-negative integer, got -1",
    ]
