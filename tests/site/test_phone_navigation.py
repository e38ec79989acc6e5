"""The phone's drawers and width, on the real handbook in Debian's Chromium (issue 14).

On a narrow window Furo hides the navigation and the page's contents in
drawers, opened by icons that were labels of hidden checkboxes: a keyboard
could not reach them. They are buttons now (glassbox_handbook/web/drawers.py,
gb-drawers.js): Tab reaches them, Enter or Space opens the drawer and puts
focus in it, Escape closes it and gives focus back, aria-expanded says which,
and focus shows in light and dark. No page type scrolls sideways as a whole
at 390 px; the diagram, which keeps a legible size, scrolls inside a box the
keyboard can reach.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_touch_and_keyboard import PHONE, changed_pixels
from test_touch_and_keyboard import _open as open_page
from test_touch_and_keyboard import _shot as shot

SCENARIO = "scenarios/mentoring.html"
# one page of each type: landing, component, concept, scenario, matrix, explorer, prompt index, workshop, search
PAGE_TYPES = ("index.html", "handbook/components/index.html", "handbook/components/learning-agents.html",
              "handbook/concepts/adaptive-space.html", "handbook/glossary.html", SCENARIO,
              "handbook/views/matrix.html", "scenarios/index.html", "handbook/views/prompts.html",
              "handbook/workshop.html", "handbook/planner.html", "search.html", "genindex.html")
TOGGLES = {"navigation": ("button.nav-overlay-icon", "Open the navigation", "#gb-navigation-drawer"),
           "contents": ("button.toc-header-icon", "Open the contents of this page", "#gb-contents-drawer")}


FURO_ICONS = """<header><label class="nav-overlay-icon" for="__navigation">
  <span class="icon"><svg><use href="#svg-menu"></use></svg></span>
</label><label class="toc-overlay-icon toc-header-icon no-toc" for="__toc"><span class="icon"><svg><use href="#svg-toc"></use></svg></span></label>
</header><aside class="sidebar-drawer"></aside><label class="toc-overlay-icon toc-content-icon" for="__toc">x</label>
<aside class="toc-drawer no-toc"></aside>"""


def test_furo_s_icons_become_buttons_and_a_changed_furo_is_reported(monkeypatch):
    from glassbox_handbook.web import drawers

    warned: list[str] = []
    monkeypatch.setattr(drawers.logger, "warning", lambda msg, *args, **kw: warned.append(msg % args))
    html = drawers.with_buttons(FURO_ICONS, "page")
    assert html.count("<button type=\"button\"") == 3 and warned == []
    assert 'class="toc-overlay-icon toc-header-icon no-toc gb-drawer-toggle"' in html  # Furo's classes kept
    assert html.count("<noscript><label") == 3  # Furo's labels, for a browser without script
    assert '<aside id="gb-navigation-drawer" class="sidebar-drawer">' in html
    assert '<aside id="gb-contents-drawer" class="toc-drawer no-toc">' in html
    assert drawers.with_buttons("<p>a theme that writes its icons otherwise</p>", "page") == \
        "<p>a theme that writes its icons otherwise</p>"
    assert len(warned) == 1 and "page" in warned[0]


def _open(browser, site: Path, rel: str, mode: str = "light"):
    """The page on a touch phone, in the reader's light or dark choice."""
    return open_page(browser, site, rel, mode, viewport=PHONE, has_touch=True, is_mobile=True)


def _tab_to(page, selector: str, limit: int = 30) -> None:
    """Tab from the start of the page until `selector` has focus (a keyboard user's way there)."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def _existing(site: Path, rels: tuple[str, ...]) -> list[str]:
    found = [rel for rel in rels if (site / rel).exists()]
    assert len(found) >= 6, found
    return found


@pytest.mark.parametrize("which", TOGGLES)
@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_a_drawer_opens_and_closes_from_the_keyboard(site, browser, which, key):
    selector, name, drawer_id = TOGGLES[which]
    context, page, errors = _open(browser, site, SCENARIO)
    toggle = page.locator(selector)
    assert toggle.evaluate("b => b.tagName") == "BUTTON"
    assert toggle.get_attribute("aria-label") == name
    assert toggle.get_attribute("aria-expanded") == "false"
    drawer = page.locator(drawer_id)
    # the drawer's first link that the theme shows (it hides the page's own title in the contents)
    first = drawer.evaluate_handle("d => [...d.querySelectorAll('a[href]')].find(a => a.getClientRects().length)")
    assert not first.evaluate("a => { const r = a.getBoundingClientRect(); return r.right > 0 && r.left < innerWidth; }")
    _tab_to(page, selector)
    page.keyboard.press(key)
    assert toggle.get_attribute("aria-expanded") == "true"
    page.wait_for_function("a => { const r = a.getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth; }",
                           arg=first)
    assert drawer.evaluate("d => d.contains(document.activeElement)"), "focus did not move into the drawer"
    assert page.evaluate("() => { const r = document.activeElement.getBoundingClientRect(); "
                         "return r.width > 0 && r.left >= 0 && r.right <= innerWidth; }"), "focus is out of sight"
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert toggle.evaluate("b => document.activeElement === b"), "focus did not come back to the toggle"
    assert page.evaluate("id => !document.getElementById(id).checked", "__navigation" if which == "navigation" else "__toc")
    # a tap on the dimmed page (Furo's overlay) closes it too, and the button follows
    toggle.tap()
    assert toggle.get_attribute("aria-expanded") == "true"
    page.mouse.click(PHONE["width"] - 5 if which == "navigation" else 5, PHONE["height"] // 2)
    assert toggle.get_attribute("aria-expanded") == "false"
    context.close()
    assert errors == []


def test_a_closed_drawer_holds_no_tab_stops_on_a_phone(site, browser):
    context, page, _ = _open(browser, site, SCENARIO)
    for _selector, _name, drawer_id in TOGGLES.values():
        assert page.locator(drawer_id).evaluate("d => d.inert"), drawer_id
    context.close()


def test_without_script_the_theme_labels_still_open_the_drawers(site, browser):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto((site / SCENARIO).as_uri())
    assert not page.locator("button.nav-overlay-icon").is_visible()
    page.locator("label.nav-overlay-icon").click()
    assert page.locator("#__navigation").is_checked()
    context.close()


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_the_toggles_show_focus(site, browser, mode):
    context, page, _ = _open(browser, site, SCENARIO, mode)
    for selector, _name, _drawer in TOGGLES.values():
        toggle = page.locator(selector)
        box = toggle.bounding_box()
        assert box is not None and box["width"] >= 24 and box["height"] >= 24, box
        pad = 6
        clip = {"x": max(0, box["x"] - pad), "y": max(0, box["y"] - pad), "width": box["width"] + 2 * pad,
                "height": box["height"] + 2 * pad}
        page.evaluate("document.activeElement && document.activeElement.blur()")
        before = shot(page, clip)
        _tab_to(page, selector)
        assert toggle.evaluate("b => b.matches(':focus-visible')")
        after = shot(page, clip)
        changed = changed_pixels(before, after)
        assert changed >= 20, (mode, selector, changed)
    context.close()


def test_no_page_scrolls_sideways_on_a_phone(site, browser):
    context, page, errors = _open(browser, site, "index.html")
    wide = []
    for rel in _existing(site, PAGE_TYPES):
        page.goto((site / rel).as_uri())
        sizes = page.evaluate("[document.scrollingElement.scrollWidth, innerWidth]")
        if sizes[0] > sizes[1]:
            wide.append((rel, sizes))
    context.close()
    assert wide == []
    assert errors == []


def test_the_diagram_is_drawn_for_the_phone_with_legible_labels_and_every_link_on_the_keyboard(site, browser):
    """Issue 28: the drawing laid out for a narrow screen replaces the wide one (no box that scrolls sideways)."""
    context, page, _ = _open(browser, site, SCENARIO)
    narrow = page.locator(".gb-figure-compact .gb-diagram-narrow svg")
    assert narrow.is_visible() and not page.locator(".gb-figure-compact .gb-diagram-wide").is_visible()
    width = page.evaluate("document.documentElement.clientWidth")
    box = narrow.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    fonts = narrow.evaluate("""s => { const k = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
      return [...s.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * k); }""")
    assert min(fonts) >= 11, min(fonts)
    # every destination of the drawing is one tab stop, as in the wide drawing
    hrefs = narrow.evaluate("s => [...s.querySelectorAll('a:not([tabindex=\"-1\"])')].map(a => a.getAttribute('href'))")
    assert len(hrefs) == len(set(hrefs)) > 5
    _tab_to(page, ".gb-figure-compact .gb-diagram-narrow svg a", limit=80)
    context.close()


WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
SCROLLABLE = {"runOnly": {"type": "rule", "values": ["scrollable-region-focusable", "aria-allowed-attr",
                                                     "button-name", "nested-interactive"]}}


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_axe_finds_nothing_on_a_phone_with_each_drawer_open_or_closed(site, browser, mode):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context, page, _ = _open(browser, site, SCENARIO, mode)
    found = []
    for state, selector in (("closed", None), ("navigation open", TOGGLES["navigation"][0]),
                            ("contents open", TOGGLES["contents"][0])):
        page.goto((site / SCENARIO).as_uri())
        page.evaluate("mode => { document.body.dataset.theme = mode; }", mode)
        if selector:
            page.locator(selector).click()
            page.wait_for_timeout(300)  # the drawer's slide
        for options in (WCAG, SCROLLABLE):
            for v in axe.run(page, options=options).response["violations"]:
                found.append(f"{mode} {state}: {v['id']} at {v['nodes'][0]['target']}")
    context.close()
    assert found == []
