"""Touch and keyboard on the real handbook, in Debian's Chromium (issue 14).

A reader on a phone taps a glossary term and reads its definition on the
screen, without leaving the page. A keyboard user sees where focus is on
every focusable element of the page that holds the diagram, in light and
dark: each element's pixels change when it takes focus, measured by two
screenshots of its box (and a few pixels around it, where an outline is
drawn). The diagram has one tab stop per destination. The compact matrix
shows every component heading, as a link, on one laptop screen, and its
cells open their summaries from the keyboard.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageChops

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
DIAGRAM_PAGE = "index.html"  # the landing page holds the framework-diagram
MATRIX_PAGE = "handbook/views/matrix.html"


def _open(browser, site: Path, rel: str, mode: str = "light", **options):
    context = browser.new_context(color_scheme=mode, **options)
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((site / rel).as_uri())
    # Furo's toggle keeps the reader's choice on <body>; set it as the toggle does
    page.evaluate("mode => { document.body.dataset.theme = mode; }", mode)
    return context, page, errors


def test_a_tapped_glossary_term_shows_its_definition_on_the_screen(site, browser):
    context, page, errors = _open(browser, site, "scenarios/mentoring.html", viewport=PHONE, has_touch=True,
                                  is_mobile=True)
    url = page.url
    terms = page.locator(".glassbox-term[data-definition] > a")
    assert terms.count() >= 3
    # the term nearest the right edge is the one whose popup used to run off the screen
    rightmost = max(range(terms.count()), key=lambda i: terms.nth(i).evaluate(
        "a => Math.max(...[...a.getClientRects()].map(r => r.right))"))
    for i in sorted({0, 1, rightmost}):
        term = terms.nth(i)
        term.scroll_into_view_if_needed()
        term.tap()
        tip = page.locator(f"#{term.get_attribute('aria-describedby')}")
        tip.wait_for(state="visible")
        assert page.url == url, "the tap followed the link instead of showing the definition"
        box = tip.bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
        assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
        assert (term.locator("xpath=..").get_attribute("data-name") or "?") in tip.inner_text()
    # a tap elsewhere closes it; a second tap on an open term follows its link
    page.locator("h1").tap()
    assert page.locator(".gb-tip:not([hidden])").count() == 0
    first = terms.nth(0)
    first.tap()
    with page.expect_navigation():
        first.tap()
    assert "concepts" in page.url
    context.close()
    assert errors == []


_MARK_TAB_STOPS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e.dataset.gbTab) return null;
  e.dataset.gbTab = String(document.querySelectorAll('[data-gb-tab]').length);
  return e.dataset.gbTab;
}"""


def _tab_stops(page, limit: int = 600) -> list[str]:
    """Walk the page with Tab from its start, marking each element reached, until focus comes round again."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        mark = page.evaluate(_MARK_TAB_STOPS)
        if mark is None:
            break
        stops.append(mark)
    return stops


_SETTLED = "e => Promise.all(e.getAnimations({ subtree: true }).map(a => a.finished))"


def _shot(page, clip: dict) -> Image.Image:
    return Image.open(io.BytesIO(page.screenshot(clip=clip, animations="disabled", caret="hide"))).convert("RGB")


def changed_pixels(before: Image.Image, after: Image.Image, threshold: int = 40) -> int:
    """How many pixels differ by more than `threshold` in some channel: focus a reader can see."""
    red, green, blue = ImageChops.difference(before.convert("RGB"), after.convert("RGB")).split()
    strongest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    return strongest.point(lambda v: 255 if v > threshold else 0).histogram()[255]


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_every_tab_stop_shows_focus(site, browser, mode):
    context, page, errors = _open(browser, site, DIAGRAM_PAGE, mode, viewport=LAPTOP)
    stops = _tab_stops(page)
    assert len(stops) > 20
    unseen = []
    for mark in stops:
        element = page.locator(f'[data-gb-tab="{mark}"]')
        element.focus()
        element.scroll_into_view_if_needed()
        assert element.evaluate("e => e.matches(':focus-visible')"), mark
        # Furo slides the skip link in over 300 ms: measure where it comes to rest, not where it is on the way
        element.evaluate(_SETTLED)
        box = element.bounding_box()
        assert box is not None and box["width"] > 0, element.evaluate("e => e.outerHTML.slice(0, 120)")
        pad = 6
        left, top = max(0, box["x"] - pad), max(0, box["y"] - pad)
        clip = {"x": left, "y": top, "width": min(LAPTOP["width"], box["x"] + box["width"] + pad) - left,
                "height": min(LAPTOP["height"], box["y"] + box["height"] + pad) - top}
        assert clip["width"] > 0 and clip["height"] > 0, (box, element.evaluate("e => e.outerHTML.slice(0, 120)"))
        page.evaluate("document.activeElement.blur()")
        before = _shot(page, clip)
        element.evaluate("e => e.focus({ preventScroll: true })")
        after = _shot(page, clip)
        changed = changed_pixels(before, after)
        if changed < 20:
            unseen.append(element.evaluate("e => e.outerHTML.slice(0, 120)"))
    context.close()
    assert unseen == [], f"{mode}: no visible focus on {len(unseen)} of {len(stops)}: {unseen}"
    assert errors == []


def test_the_diagram_has_one_tab_stop_per_destination(site, browser):
    context, page, _ = _open(browser, site, DIAGRAM_PAGE, viewport=LAPTOP)
    svg = page.locator("svg.gb-paired").first
    destinations = set(svg.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))"))
    _tab_stops(page)
    stops = svg.locator("[data-gb-tab]").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert len(stops) == len(set(stops)) == len(destinations) == 11
    # each level's name is one link, on both sides of the drawing
    assert svg.locator("a.gb-levelname").count() == 3
    # a skip link leads past the drawing's links, to its text version, which keeps every link
    skip = page.locator("a.gb-skip").first
    target = skip.get_attribute("href")
    assert target and page.locator(target).locator("a").count() >= 3 * 3 + 4
    context.close()


def test_the_compact_matrix_fits_a_laptop_screen_with_its_component_headings_as_links(site, browser):
    context, page, _ = _open(browser, site, MATRIX_PAGE, viewport=LAPTOP)
    table = page.locator("table.gb-matrix-compact")
    table.scroll_into_view_if_needed()
    page.locator(".gb-matrix-legend").evaluate("e => e.scrollIntoView()")
    box = table.bounding_box()
    assert box is not None and box["height"] <= LAPTOP["height"] - 60, box
    heads = table.locator("thead th[scope='col'] a")
    assert heads.count() == 7
    for i in range(7):
        b = heads.nth(i).bounding_box()
        assert b and 0 <= b["x"] and b["x"] + b["width"] <= LAPTOP["width"] and 0 <= b["y"] and b["y"] + b["height"] <= LAPTOP["height"], b
        assert "/components/" in (heads.nth(i).get_attribute("href") or "")
    rows = table.locator("tbody tr")
    assert rows.count() == page.locator("table.glassbox-matrix tbody tr").count() >= 9
    last = rows.last.bounding_box()
    assert last and last["y"] + last["height"] <= LAPTOP["height"], "the last scenario is below the screen"
    # nothing scrolls sideways, and every data cell names its two headers
    assert page.evaluate("document.documentElement.scrollWidth") <= LAPTOP["width"]
    assert table.locator("td:not([headers])").count() == 0
    # every cell shows its mark as a shape, and says its basis in words
    assert table.locator("td > .gb-mark-shape, td summary > .gb-mark-shape").count() == 7 * rows.count()
    context.close()


def test_a_matrix_cell_opens_its_summary_from_the_keyboard(site, browser):
    context, page, _ = _open(browser, site, MATRIX_PAGE, viewport=LAPTOP)
    cell = page.locator("table.gb-matrix-compact details.gb-mx-cell").first
    panel = cell.locator(".gb-mx-panel")
    assert not panel.is_visible()
    cell.locator("summary").focus()
    page.keyboard.press("Enter")
    panel.wait_for(state="visible")
    assert panel.locator("a", has_text="Read the section").count() == 1
    # one open at a time: opening the next cell from the keyboard closes this one
    page.keyboard.press("Tab")
    while not page.evaluate("document.activeElement.matches('.gb-mx-cell > summary')"):
        page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert not panel.is_visible()
    assert page.locator(".gb-mx-cell[open]").count() == 1
    context.close()


def test_the_matrix_reads_by_scenario_on_a_phone(site, browser):
    context, page, _ = _open(browser, site, MATRIX_PAGE, viewport=PHONE, has_touch=True, is_mobile=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    cell = page.locator("table.gb-matrix-compact details.gb-mx-cell").first
    cell.locator("summary").tap()
    panel = cell.locator(".gb-mx-panel")
    panel.wait_for(state="visible")
    b = panel.bounding_box()
    assert b and b["x"] >= 0 and b["x"] + b["width"] <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


def test_the_lens_offers_every_role_the_page_names_and_disables_those_with_none(site, browser):
    context, page, errors = _open(browser, site, "scenarios/special-education.html", viewport=PHONE)
    named = set(" ".join(page.locator(".glassbox-prompt[data-roles]").evaluate_all(
        "els => els.map(e => e.dataset.roles)")).split())
    options = page.locator("#gb-lens-select option")
    offered = {v for v in options.evaluate_all("os => os.map(o => o.value)") if v}
    assert named <= offered, named - offered
    for text in ("Program leader", "Special education faculty", "Special education teacher"):
        assert page.locator("#gb-lens-select option", has_text=text).count() == 1, text
    # each option says how many prompts it marks; those that mark none cannot be chosen
    for option in options.all()[1:]:
        label, disabled = option.inner_text(), option.evaluate("o => o.disabled")
        assert label.endswith(")"), label
        assert disabled == label.endswith("(0)"), label
    context.close()
    assert errors == []


def test_the_explorer_has_one_role_control_and_marks_the_in_depth_scenarios(site, browser):
    context, page, errors = _open(browser, site, "scenarios/index.html", viewport=LAPTOP)
    assert page.locator("#gb-lens-select").count() == 0
    role = page.locator("#gb-filter-role")
    assert page.locator("label[for='gb-filter-role']").inner_text().startswith("Read as")
    page.select_option("#gb-filter-component", index=1)
    zero = role.locator("option:disabled")
    assert all(o.inner_text().endswith("(0)") for o in zero.all())
    # choosing a role in the explorer is choosing the lens: a scenario page reads as it
    page.select_option("#gb-filter-component", "")
    choice = role.locator("option:not([value='']):not(:disabled)").first.get_attribute("value")
    page.select_option("#gb-filter-role", choice)
    page.goto((site / "scenarios/mentoring.html").as_uri())
    assert page.locator("#gb-lens-select").input_value() == choice
    page.goto((site / "scenarios/index.html").as_uri())
    assert page.locator(".gb-in-depth").count() == 2
    context.close()
    assert errors == []


_TEXT_UNDER = """b => {
  const r = b.getBoundingClientRect();
  const hits = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    if (!n.textContent.trim() || b.contains(n)) continue;
    const style = getComputedStyle(n.parentElement);
    if (style.visibility === "hidden") continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const t of range.getClientRects()) {
      if (!(t.width && t.right > r.left && t.left < r.right && t.bottom > r.top && t.top < r.bottom)) continue;
      // text the button lies over, not text already hidden under something else (the header bar)
      const x = (Math.max(t.left, r.left) + Math.min(t.right, r.right)) / 2;
      const y = (Math.max(t.top, r.top) + Math.min(t.bottom, r.bottom)) / 2;
      const below = document.elementsFromPoint(x, y).find((e) => e !== b && !b.contains(e));
      if (below && below.contains(n)) hits.push(n.textContent.trim().slice(0, 40));
    }
  }
  return hits;
}"""


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_a_scenario_page_reads_on_a_phone_and_back_to_top_covers_no_text(site, browser, viewport):
    context, page, errors = _open(browser, site, "scenarios/special-education.html", viewport=viewport)
    # the longest title fits in three lines
    lines = page.locator("article h1").evaluate(
        "h => { const r = document.createRange(); r.selectNodeContents(h); return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }")
    assert lines <= 3
    # every section is one tap away, from a menu near the top
    menu = page.locator("nav.gb-section-menu a")
    sections = page.locator("article section > section[id]").count()
    assert menu.count() == sections > 5
    box = page.locator("nav.gb-section-menu").bounding_box()
    assert box and box["y"] < viewport["height"]
    # back to top, where the theme shows it (on scrolling back up), lies over no text
    for y in (2000, 4000, 6000):
        page.evaluate("y => window.scrollTo(0, y)", y)
        page.wait_for_timeout(150)
        page.evaluate("y => window.scrollTo(0, y - 300)", y)
        page.wait_for_function("document.documentElement.classList.contains('show-back-to-top')")
        button = page.locator(".back-to-top")
        if not button.is_visible():  # widths with no margin for it leave it out
            continue
        assert button.evaluate(_TEXT_UNDER) == [], y
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    context.close()
    assert errors == []
