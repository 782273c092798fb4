"""The portal in headless Chromium: search, click a facet, open a meeting, switch language, with an
axe-core accessibility check on every page visited and screenshots kept as test artefacts.

Chromium is Debian's (`/usr/bin/chromium`, installed by `.ci/run` through `just test-deps`), driven by
Playwright with `executable_path` — nothing is downloaded at run time; axe-core is installed by the
same step into `.cache/axe`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.portal_support import crawled, live_server, make_app, sample

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "artifacts" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip
BLOCKING = {"serious", "critical"}
FOCUS_STYLE = """(() => {
  const s = getComputedStyle(document.activeElement);
  return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth];
})()"""


@pytest.fixture(scope="session")
def data(tmp_path_factory):
    return crawled(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="session")
def ids(data):
    return sample(data)


@pytest.fixture(scope="module")
def base_url(data) -> Iterator[str]:
    with live_server(make_app(data)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (just test-deps)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url) -> Iterator[Any]:
    """A page in a context that may inject axe-core (`bypass_csp`), with every request kept on loopback."""
    context = browser.new_context(base_url=base_url, bypass_csp=True, viewport={"width": 1280, "height": 900},
                                  locale="ko-KR")  # fmt: skip
    offsite: list[str] = []
    context.route(re.compile(r"^(?!http://127\.0\.0\.1:).*"), lambda route: (offsite.append(route.request.url),
                                                                              route.abort()))  # fmt: skip
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not offsite, f"requests left the machine: {offsite}"
    assert not errors, errors


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def axe_check(page: Any, name: str) -> None:
    """Run axe-core on the page; fail on serious or critical violations (all are written to a file)."""
    if not AXE.exists():
        pytest.fail(f"axe-core is not installed at {AXE}: run `just test-deps`")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    violations = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["html"][:200] for n in v["nodes"][:5]]}
        for v in result["violations"]
    ]
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / f"{name}.axe.json").write_text(json.dumps(violations, ensure_ascii=False, indent=2))
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, json.dumps(blocking, ensure_ascii=False, indent=2)


def test_search_facet_meeting_and_language_switch(page, base_url):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.locator(".demo-notice").is_visible()
    axe_check(page, "01-home")
    shot(page, "01-home")

    page.get_by_label("검색어").fill("위원회")
    page.get_by_label("검색어").press("Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    count = page.locator(".result-count").inner_text()
    assert "회의" in count and "문서" in count
    assert page.locator("ol.results > li").count() > 0
    axe_check(page, "02-search")
    shot(page, "02-search")

    facet = page.locator("#facet-category").locator("xpath=..").locator("a").first
    label = facet.inner_text().split("\n")[0].strip()
    facet.click()
    page.wait_for_url(re.compile(r"category="))
    chip = page.locator(".chips a.chip").first
    assert label.split()[0] in chip.inner_text()
    axe_check(page, "03-facet")
    shot(page, "03-facet")

    first = page.locator("ol.results > li h2 a").first
    title = first.inner_text()
    first.click()
    page.wait_for_url(re.compile(r"/meetings/"))
    assert page.locator("h1").inner_text() == title
    meeting_path = page.url.removeprefix(base_url)
    readable = page.locator("details.text summary")
    if readable.count():
        readable.first.click()
        assert page.locator("details.text pre").first.is_visible()
    axe_check(page, "04-meeting")
    shot(page, "04-meeting")

    page.locator("a.lang-switch").click()
    page.wait_for_url(re.compile(r"lang=en"))
    assert page.url.removeprefix(base_url).split("?")[0] == meeting_path.split("?")[0]
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h2#details-title").inner_text() == "Meeting details"
    axe_check(page, "05-meeting-en")
    shot(page, "05-meeting-en")

    page.locator("header nav a", has_text="Committees").click()
    page.wait_for_url(re.compile(r"/committees"))
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".committee-list a").first.click()
    page.wait_for_url(re.compile(r"/committees/cmit-"))
    axe_check(page, "06-committee-en")
    shot(page, "06-committee-en")


def test_nothing_found_and_error_pages_are_accessible(page):
    page.goto("/search?q=없는낱말ZQX")
    assert page.locator("section.nothing").is_visible()
    axe_check(page, "07-nothing-found")
    shot(page, "07-nothing-found")
    response = page.goto("/meetings/nope-404")
    assert response is not None and response.status == 404
    axe_check(page, "08-not-found")
    shot(page, "08-not-found")


def test_keyboard_reaches_content_with_a_visible_focus(page):
    page.goto("/search?q=심의")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip", "the first Tab lands on the skip link"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    for _ in range(6):
        page.keyboard.press("Tab")
        style = page.evaluate(FOCUS_STYLE)
        assert style[1] != "none" and style[2] != "0px", style
    page.keyboard.press("Escape")
    page.locator("body").click(position={"x": 5, "y": 400})
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q", "'/' moves to the search box (portal.js)"
    shot(page, "09-keyboard")


def test_the_csp_blocks_injected_inline_script(browser, base_url):
    context = browser.new_context(base_url=base_url)  # the real CSP, not bypassed
    page = context.new_page()
    page.goto("/")
    with pytest.raises(Exception, match="Content Security Policy"):
        page.add_script_tag(content="window.injected = 1")
    assert page.evaluate("window.injected === undefined")
    assert page.evaluate("typeof document.addEventListener") == "function"
    context.close()


def test_without_javascript_search_and_facets_still_work(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    page.get_by_label("검색어").fill("심의")
    page.get_by_role("button", name="검색").click()
    page.wait_for_url(re.compile(r"/search\?q="))
    page.locator("#facet-year").locator("xpath=..").locator("a").first.click()
    page.wait_for_url(re.compile(r"year="))
    assert page.locator(".chips a.chip:not(.chip-clear)").count() == 1
    shot(page, "10-no-javascript")
    context.close()


def test_compliance_report_committee_and_rule_pages(page):
    page.goto("/compliance")
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.locator(".demo-notice").is_visible()
    charts = page.locator("figure.chart svg")
    assert charts.count() == 2
    for i in range(charts.count()):
        assert charts.nth(i).locator("title").count() >= 1
        assert charts.nth(i).locator("title").first.text_content().strip()
    assert page.locator("figure.chart table").count() == 2, "each chart is followed by its table"
    axe_check(page, "11-compliance")
    shot(page, "11-compliance")

    page.locator("a[data-sort='name']").click()
    page.wait_for_url(re.compile(r"sort=name"))
    assert page.locator("th[aria-sort='ascending'] a[data-sort='name']").count() == 1

    first = page.locator("#committees-table tbody th a").first
    name = first.inner_text()
    first.click()
    page.wait_for_url(re.compile(r"/compliance/cmit-"))
    assert name in page.locator("h1").inner_text()
    assert page.locator("article.finding-item").count() > 0
    axe_check(page, "12-compliance-committee")
    shot(page, "12-compliance-committee")

    rule = page.locator("article.finding-item h3 a").first
    title = rule.inner_text()
    rule.click()
    page.wait_for_url(re.compile(r"/guidelines/[a-z-]+$"))
    assert title in page.locator("h1").inner_text()
    assert page.locator("ul.checklist li").count() > 0
    assert page.locator("button[data-print]").is_visible(), "portal.js shows the print button"
    axe_check(page, "13-guideline")
    shot(page, "13-guideline")
    page.emulate_media(media="print")
    assert not page.locator("header.site-header").is_visible()
    assert page.locator("ul.checklist").is_visible()
    shot(page, "14-guideline-print")
    page.emulate_media(media="screen")

    page.goto("/guidelines/grounds?lang=en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("ol.grounds > li").count() == 8
    axe_check(page, "15-grounds-en")
    shot(page, "15-grounds-en")
