"""Reading the real handbook on a phone, in Debian's Chromium (issue 28): the "Read as" lens folds away the
prompts for other roles, says how many, and comes back from the address; no page scrolls sideways at 320 or
390 px; the diagram's labels stay at least 11 px; long pages have section navigation and foldable sections.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import serve

PHONES = [{"width": 320, "height": 700}, {"width": 390, "height": 844}]
LONG_PAGE = "scenarios/mentoring.html"


def _open(browser, site: Path, rel: str, viewport: dict, mode: str = "light"):
    context = browser.new_context(viewport=viewport, color_scheme=mode)
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((site / rel).as_uri())
    return context, page, errors


def test_read_as_folds_the_other_roles_prompts_says_how_many_and_comes_back_from_the_address(site, browser):
    context, page, errors = _open(browser, site, LONG_PAGE, PHONES[1])
    prompts = page.locator(".glassbox-prompt[data-roles]")
    total = prompts.count()
    choice = page.locator("#gb-lens-select option:not([value='']):not(:disabled)").first.get_attribute("value")
    page.select_option("#gb-lens-select", choice)
    hits = page.locator(".glassbox-prompt.gb-lens-hit").count()
    folded = page.locator(".glassbox-prompt.gb-lens-folded")
    for_everyone = page.locator(".glassbox-prompt[data-roles='']").count()  # a prompt naming no role stays
    expected = total - hits - for_everyone
    assert 0 < hits < total and expected > 0 and folded.count() == expected
    assert all(not folded.nth(i).is_visible() for i in range(folded.count()))
    note = page.locator(".gb-lens-fold-note")
    assert note.is_visible() and note.inner_text().startswith(f"{folded.count()} prompt")
    assert f"read-as={choice}" in page.url
    # the address brings the lens back, in a fresh browser with nothing remembered
    address = page.url
    context.close()
    context, page, errors2 = _open(browser, site, LONG_PAGE, PHONES[1])
    page.goto(address)
    assert page.locator("#gb-lens-select").input_value() == choice
    assert page.locator(".glassbox-prompt.gb-lens-folded").count() == expected
    assert page.locator(".gb-lens-fold-note").inner_text().startswith(f"{expected} prompt")
    # a way to show them all, kept in the address too
    page.locator(".gb-lens-fold-button").click()
    assert page.locator(".glassbox-prompt.gb-lens-folded").count() == 0
    assert page.locator(".glassbox-prompt[data-roles]:visible").count() == total
    assert "prompts=all" in page.url
    page.reload()
    assert page.locator(".glassbox-prompt.gb-lens-folded").count() == 0
    page.select_option("#gb-lens-select", "")
    assert "read-as" not in page.url and page.locator(".glassbox-prompt:visible").count() >= total
    context.close()
    assert errors == errors2 == []


# What sticks out of the page's width, if anything: elements past the right edge, the diagram's drawing
# included (it must fit, not scroll in a box); tables that must stay wide scroll inside their own labelled,
# focusable box (a region in the tab order), code inside its own block;
# the theme's navigation drawers wait off the screen until opened.
_WIDER = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const e of document.querySelectorAll("body *")) {
    const r = e.getBoundingClientRect();
    if (r.width && r.right > width + 1 && !e.closest('[role=region][tabindex="0"], pre, [hidden], details:not([open]), .toc-drawer, .sidebar-drawer')) {
      out.push(`${e.tagName.toLowerCase()}.${[...e.classList].join(".")} ${Math.round(r.right)}`);
    }
  }
  return { scroll: document.documentElement.scrollWidth, width, out: out.slice(0, 5) };
}"""


@pytest.mark.parametrize("viewport", PHONES, ids=["320", "390"])
def test_no_page_scrolls_sideways_on_a_phone_and_the_diagram_labels_stay_readable(site, browser, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    wide, small = [], []
    # served over HTTP as a reader gets them (the 404 page links its files from the site's root)
    with serve(site) as base:
        for path in sorted(site.rglob("*.html")):
            rel = path.relative_to(site).as_posix()
            if rel.startswith(("_", "search", "genindex")):
                continue
            page.goto(f"{base}/{rel}")
            found = page.evaluate(_WIDER)
            if found["scroll"] > found["width"] or found["out"]:
                wide.append((rel, found))
            smallest = page.evaluate("""() => Math.min(99, ...[...document.querySelectorAll('svg.gb-diagram')]
              .filter((s) => s.getClientRects().length && s.checkVisibility())
              .flatMap((s) => [...s.querySelectorAll('text')].map((t) =>
                parseFloat(getComputedStyle(t).fontSize) * s.getBoundingClientRect().width / s.viewBox.baseVal.width)))""")
            if smallest < 11:
                small.append((rel, round(smallest, 1)))
    context.close()
    assert wide == [], wide[:6]
    assert small == []


def test_a_table_that_must_stay_wide_scrolls_in_a_labelled_box_a_keyboard_can_reach(site, browser):
    context, page, errors = _open(browser, site, "handbook/start-here.html", PHONES[0])
    boxes = page.locator(".gb-table-scroll")
    assert boxes.count() >= 1
    for i in range(boxes.count()):
        box = boxes.nth(i)
        assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
        assert box.get_attribute("aria-label")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()
    assert errors == []


def test_a_long_page_has_section_navigation_from_anywhere_and_sections_that_fold(site, browser):
    context, page, errors = _open(browser, site, LONG_PAGE, PHONES[1])
    sections = page.locator("section.gb-foldable")
    assert sections.count() >= 5
    # from the bottom of the page, the sticky header's contents button opens the list of sections
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    contents = page.get_by_role("button", name="Open the contents of this page")
    assert contents.is_visible()
    contents.click()
    drawer = page.locator(".toc-drawer")
    assert drawer.is_visible() and drawer.locator("a").count() >= sections.count()
    page.keyboard.press("Escape")
    # a section folds to its heading and unfolds again, announced as a disclosure
    page.evaluate("window.scrollTo(0, 0)")
    second = sections.nth(1)
    button = second.locator(".gb-fold-button")
    height = second.bounding_box()["height"]
    button.click()
    assert button.get_attribute("aria-expanded") == "false"
    assert second.bounding_box()["height"] < height / 3
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    # fold everything; a link into a folded section unfolds it
    page.get_by_role("button", name="Fold every section", exact=True).click()
    target = second.get_attribute("id")
    page.evaluate("id => { location.hash = id; }", target)
    assert second.locator(".gb-fold-button").get_attribute("aria-expanded") == "true"
    context.close()
    assert errors == []


_SHIFTS = """
window.__gbShifts = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__gbShifts.push({ value: e.value,
    moved: (e.sources || []).map((s) => s.node ? `${s.node.nodeName}.${s.node.className || ""}` : "?") });
}).observe({ type: "layout-shift", buffered: true });
"""


@pytest.mark.parametrize("rel", ["handbook/components/change-facilitators.html", "scenarios/mentoring.html",
                                 "handbook/views/prompts.html", "handbook/workshop.html"])
def test_nothing_the_scripts_add_moves_the_text_a_reader_has_started_on(site, browser, rel):
    """On a slow phone the page paints before its scripts run; the role lens, the fold buttons and their like
    then appear in room kept for them, so the text does not jump (Lighthouse measured a layout shift of 0.08
    on component and scenario pages, from the lens and the fold buttons pushing the text down)."""
    context = browser.new_context(viewport=PHONES[1], is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})  # Lighthouse's mobile setting: the first paint comes first
    page.add_init_script(_SHIFTS)
    with serve(site) as base:
        page.goto(f"{base}/{rel}")
        page.wait_for_load_state("load")
        page.wait_for_timeout(1500)
        shifts = page.evaluate("window.__gbShifts")
    context.close()
    # Furo's header settles its two parts in the first frames (0.0007); anything the page's own scripts move is more
    assert sum(s["value"] for s in shifts) < 0.005, shifts
