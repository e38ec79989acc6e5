"""The interactive glass box in a real browser (Debian's Chromium through Playwright).

One build of the test root and one browser serve the whole module; each test
gets a fresh browser context (so fresh localStorage) and checks that no
request left the site: every request must be file://, blob:, data: or the
local server on 127.0.0.1.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import ROOTS, serve


@pytest.fixture(scope="module")
def root_site(tmp_path_factory) -> Path:
    """The small test root, built once for this module."""
    out = tmp_path_factory.mktemp("site")
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-W", "-b", "html", str(ROOTS / "test-basic"), str(out)],
                   check=True)
    return out


@pytest.fixture(scope="module")
def server(root_site: Path):
    with serve(root_site) as base:
        yield base


def _local(url: str) -> bool:
    parts = urlparse(url)
    return parts.scheme in ("file", "blob", "data") or (parts.scheme == "http" and parts.hostname == "127.0.0.1")


@pytest.fixture
def context(browser):
    requests: list[str] = []
    errors: list[str] = []
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    ctx.on("request", lambda r: requests.append(r.url))
    ctx.on("page", lambda pg: pg.on("pageerror", lambda e: errors.append(str(e))))
    yield ctx
    ctx.close()
    assert requests, "no request was seen at all"
    assert [u for u in requests if not _local(u)] == [], "a request left the site"
    assert errors == [], f"JavaScript errors: {errors}"


@pytest.fixture
def page(context):
    return context.new_page()


def test_diagram_links_follow_tab_order_and_open_with_enter(page, server):
    page.goto(f"{server}/views.html")
    svg = page.locator("svg.gb-paired").first
    # Each destination is one tab stop: the core drawn again at the next level is out of the tab order.
    labels = svg.locator("a:not([tabindex='-1'])").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    assert "Alpha at the Top pair level" in labels and len(labels) >= 5
    assert "Alpha at the Bottom pair level" not in labels
    # Tab from the caption just before the diagram reaches the skip link, then walks its links in document order.
    page.locator(".gb-caption").first.evaluate("el => { el.tabIndex = -1; el.focus(); }")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "gb-skip"
    # then the drawing's box, a region the keyboard scrolls where it is wider than a phone, then its links
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "gb-svg-scroll"
    seen = []
    for _ in labels:
        page.keyboard.press("Tab")
        seen.append(page.evaluate("document.activeElement.getAttribute('aria-label')"))
    assert seen == labels
    svg.locator("a[aria-label='Alpha at the Top pair level']").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/components/alpha.html")
    assert page.locator("h1").first.inner_text().startswith("Alpha")


def test_scenario_page_highlights_what_it_enacts(page, server):
    page.goto(f"{server}/scenarios/first.html")
    fig = page.locator(".gb-figure-compact")
    assert fig.count() == 1
    # it follows the facts card
    assert page.evaluate("document.querySelector('.glassbox-card').nextElementSibling.classList.contains('gb-figure')")
    # the wide drawing and the one laid out for a phone show the same highlight, said in the same words
    for layout in (".gb-diagram-wide", ".gb-diagram-narrow"):
        drawing = fig.locator(layout)
        on = drawing.locator("a.is-on").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
        assert set(on) == {"Alpha at the Top pair level: enacted in this scenario",
                           "Beta at the Top pair level: enacted in this scenario"}
        assert drawing.locator("a.is-off[aria-label='Gamma at the Top pair level: not enacted here']").count() == 1
        assert drawing.locator("a.is-off[aria-label='Alpha at the Bottom pair level: not enacted here']").count() == 1
    # the text alternative says it in words, not colour
    assert "(enacted in this scenario)" in fig.locator(".gb-diagram-alt").text_content()
    fig.locator(".gb-diagram-wide a[aria-label^='Beta at the Top pair level']").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#beta'")
    assert page.url.endswith("/scenarios/first.html#beta")


def _shown(page) -> list[str]:
    return page.locator(".gb-explorer-item:not([hidden]) .gb-explorer-title a").all_inner_texts()


def test_explorer_filters_combine_count_and_live_in_the_url(page, server):
    page.goto(f"{server}/explorer.html")
    assert _shown(page) == ["First scenario", "Second scenario"]
    options = page.locator("#gb-filter-component option").all_inner_texts()
    assert options[0] == "Any (2)" and "Alpha (2)" in options and "Gamma (1)" in options
    page.select_option("#gb-filter-component", "alpha")
    assert _shown(page) == ["First scenario", "Second scenario"]
    page.select_option("#gb-filter-level", "bottom-pair")
    assert _shown(page) == ["Second scenario"]
    assert "Showing 1 of 2 scenarios" in page.locator(".gb-explorer-status").inner_text()
    assert "component=alpha" in page.url and "level=bottom-pair" in page.url
    # counts reflect the other filters: with level=bottom-pair only Second is left, which lacks Beta
    assert "Beta (0)" in page.locator("#gb-filter-component option").all_inner_texts()
    # a shared link opens the same view
    shared = page.url
    other = page.context.new_page()
    other.goto(shared)
    assert _shown(other) == ["Second scenario"]
    assert other.locator("#gb-filter-level").input_value() == "bottom-pair"
    other.goto(f"{server}/explorer.html#component=beta&trajectory=moving")
    assert _shown(other) == ["First scenario"]
    other.goto(f"{server}/explorer.html#trajectory=stuck")
    assert _shown(other) == [] and other.locator(".gb-explorer-none").is_visible()
    page.click(".gb-explorer-reset")
    assert _shown(page) == ["First scenario", "Second scenario"] and "level=" not in page.url


def test_compare_two_scenarios_component_by_component(page, server):
    page.goto(f"{server}/explorer.html")
    page.select_option("#gb-compare-1", "first")
    page.select_option("#gb-compare-2", "second")
    table = page.locator("table.gb-compare-table")
    rows = {r.locator("th").inner_text(): [c.inner_text() for c in r.locator("td").all()]
            for r in table.locator("tbody tr").all()}
    assert rows["Alpha"][0].startswith("FIRST-ALPHA summary.") and rows["Alpha"][1].startswith("SECOND-ALPHA")
    assert rows["Beta"][1] == "Gap: not enacted" and rows["Gamma"][0] == "Gap: not enacted"
    assert "compare=first%2Csecond" in page.url or "compare=first,second" in page.url
    page.reload()
    assert page.locator("table.gb-compare-table").count() == 1


def test_explorer_without_javascript_is_a_complete_list(browser, server):
    ctx = browser.new_context(java_script_enabled=False)
    pg = ctx.new_page()
    pg.goto(f"{server}/explorer.html#component=gamma")
    assert len(pg.locator(".gb-explorer-item").all()) == 2
    assert pg.locator(".gb-explorer-item a").first.get_attribute("href") == "scenarios/first.html"
    assert not pg.locator(".gb-explorer-filters").is_visible()
    ctx.close()


def test_explorer_works_from_file_url(page, root_site):
    page.goto((root_site / "explorer.html").as_uri() + "#component=gamma")
    assert _shown(page) == ["Second scenario"]
    page.select_option("#gb-filter-component", "beta")
    assert _shown(page) == ["First scenario"] and "component=beta" in page.url


def test_answers_survive_reload_export_and_print(page, server):
    from pypdf import PdfReader

    page.goto(f"{server}/scenarios/first.html")
    note = page.locator(".gb-answers-note").inner_text()
    assert "nothing leaves" in note
    first = page.get_by_role("textbox", name="Your answer").first
    first.fill("Our mentors would co-plan on Tuesdays.")
    page.get_by_role("textbox", name="Your answer").nth(1).fill("Ask the leader.")
    page.wait_for_timeout(400)
    page.reload()
    assert page.get_by_role("textbox", name="Your answer").first.input_value() == "Our mentors would co-plan on Tuesdays."
    with page.expect_download() as info:
        page.click("text=Export my answers")
    download = info.value
    assert download.suggested_filename == "my-answers-first-scenario.md"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith("# My answers: First scenario")
    assert "> First alpha prompt?" in text and "Our mentors would co-plan on Tuesdays." in text
    assert "> First beta prompt?" in text and "Ask the leader." in text
    assert text.index("First alpha prompt?") < text.index("Our mentors") < text.index("First beta prompt?")
    pdf = PdfReader(io.BytesIO(page.pdf()))
    printed = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert "First alpha prompt?" in printed and "Our mentors would co-plan on Tuesdays." in printed
    assert "Ask the leader." in printed and "Export my answers" not in printed
    # Clear asks first; Cancel keeps, Yes deletes (also after a reload)
    page.click("text=Clear my answers")
    assert page.locator(".gb-confirm").is_visible()
    assert page.evaluate("document.activeElement.textContent") == "Cancel"
    page.keyboard.press("Enter")
    assert page.get_by_role("textbox", name="Your answer").first.input_value() != ""
    page.click("text=Clear my answers")
    page.click("text=Yes, delete them")
    assert "deleted" in page.locator(".gb-answers-status").inner_text()
    page.reload()
    assert page.get_by_role("textbox", name="Your answer").first.input_value() == ""


def test_glossary_definition_on_focus_and_escape(page, server):
    page.goto(f"{server}/scenarios/first.html")
    link = page.locator(".glassbox-term a").first
    tip_id = link.get_attribute("aria-describedby")
    tip = page.locator(f"#{tip_id}")
    assert tip.get_attribute("role") == "tooltip" and not tip.is_visible()
    link.focus()
    assert tip.is_visible() and tip.inner_text() == "One idea: An idea."
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    page.locator(".glassbox-term").nth(1).hover()
    assert page.locator(".gb-tip:visible").count() == 1
    assert link.get_attribute("href") == "../concepts/one-idea.html"


def test_role_lens_foregrounds_prompts_and_filters_the_explorer(page, server):
    page.goto(f"{server}/scenarios/first.html")
    page.select_option("#gb-lens-select", "leader")
    hits = page.locator(".glassbox-prompt.gb-lens-hit")
    assert hits.count() == 1 and "First beta prompt?" in hits.inner_text()
    assert "Concerns you as Leader" in hits.inner_text()  # said in words, not only colour
    assert "1 prompt on this page concerns Leader" in page.locator(".gb-lens-status").inner_text()
    page.reload()
    assert page.locator("#gb-lens-select").input_value() == "leader"
    assert page.locator(".glassbox-prompt.gb-lens-hit").count() == 1
    page.goto(f"{server}/explorer.html")
    assert page.locator("#gb-filter-role").input_value() == "leader"
    # on the explorer the role filter is the lens: one control, not two
    assert page.locator("#gb-lens-select").count() == 0
    page.select_option("#gb-filter-role", "")
    page.goto(f"{server}/scenarios/first.html")
    assert page.locator("#gb-lens-select").input_value() == ""
    page.goto(f"{server}/views.html")
    page.select_option("#gb-lens-select", "leader")
    entries = page.locator(".glassbox-prompt-entry.gb-lens-hit")
    assert entries.count() >= 1 and "Concerns you as Leader" in entries.first.inner_text()
    assert page.locator(".glassbox-prompt-entry.gb-lens-miss").count() >= 1


def test_axe_finds_no_wcag_a_or_aa_violations_on_the_interactive_pages(page, server):
    """The test root uses Sphinx's basic theme, which has no dark mode; dark mode is checked on the real site."""
    from axe_playwright_python import sync_playwright as axe_module
    axe = axe_module.Axe()
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
    for path in ("scenarios/first.html", "explorer.html#compare=first,second", "views.html", "components/alpha.html"):
        page.goto(f"{server}/{path}")
        if path.startswith("scenarios/"):
            page.select_option("#gb-lens-select", "leader")
            page.locator(".glassbox-term a").first.focus()
        found = axe.run(page, options={"runOnly": {"type": "tag", "values": tags}}).response["violations"]
        assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in found] == [], path
