"""Long lists a page at a time (glassbox_handbook/web/lists.py, static/gb-lists.js), on a root whose threshold is 3.

tests/roots/test-lists is the toy handbook with eight scenarios and
`glassbox_list_max_entries = 3`, so every view that lists scenarios is past
its threshold; one scenario's title holds markup, which must stay text.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOTS, html_files

SCENARIOS = 8


def _build(make_app, src: Path, out: Path, **kwargs):
    app = make_app("glassbox", srcdir=src, builddir=out, **kwargs)
    app.build()
    return Path(app.outdir)


def _outputs(outdir: Path) -> dict[str, bytes]:
    return {**html_files(outdir), **{str(p.relative_to(outdir)): p.read_bytes() for p in sorted((outdir / "_lists").glob("*"))}}


@pytest.fixture
def lists_root(tmp_path) -> Path:
    dest = tmp_path / "lists"
    shutil.copytree(ROOTS / "test-lists", dest)
    return dest


@pytest.fixture(scope="module")
def lists_site(tmp_path_factory) -> Path:
    """The root built once, as a reader opens it (no server)."""
    from sphinx.testing.util import SphinxTestApp

    tmp = tmp_path_factory.mktemp("lists")
    shutil.copytree(ROOTS / "test-lists", tmp / "src")
    app = SphinxTestApp("glassbox", srcdir=tmp / "src", builddir=tmp / "out", freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()
    return Path(app.outdir)


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def test_each_list_view_holds_its_first_page_and_says_how_many_there_are(lists_site):
    alpha = _soup(lists_site, "components/alpha.html")
    assert len(alpha.select("#gb-list-enacted-alpha > li")) == 3
    assert "The first 3 of 8 scenarios that enact it" in alpha.select_one(".gb-more").get_text()
    views = _soup(lists_site, "views.html")
    assert len(views.select("#gb-mx-body > tr")) == 3
    assert len(views.select("#table-glassbox-matrix tbody tr")) == 0  # the full text (the same summaries) loads when opened
    assert len(views.select("#gb-list-prompts-by-scenario > li")) == 3
    explorer = _soup(lists_site, "explorer.html")
    assert len(explorer.select(".gb-explorer-item")) == 3
    assert len(_soup(lists_site, "planner.html").select(".gb-plan-packets")) == 0  # each loads with its scenario
    workshop = _soup(lists_site, "workshop.html")
    assert len(workshop.select("#gb-list-downloads > li")) == 3 and workshop.select_one(".gb-more")
    # the compact matrix keeps every column and its legend
    assert len(views.select(".gb-matrix-compact thead th")) == 1 + 4


def test_the_rest_of_each_list_is_in_files_that_hold_data_not_html(lists_site):
    files = sorted(p.name for p in (lists_site / "_lists").glob("*.js"))
    assert {"matrix-2.js", "enacted-alpha-2.js", "explorer-2.js", "prompts-by-scenario-2.js", "planner-0.js"} <= set(files)
    every = "".join((lists_site / "_lists" / f).read_text() for f in files)
    assert "Fifth <b>bold</b> & scenario" in every  # the title as a JSON string, drawn with textContent
    assert "<li" not in every and "<a " not in every


def test_without_javascript_every_scenario_is_reached_through_the_paged_list(lists_site):
    pages = sorted((lists_site / "scenarios" / "all").glob("*.html"))
    assert [p.name for p in pages] == ["1.html", "2.html", "3.html"]
    linked = set()
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        numbered = soup.select('nav[aria-label="Pages of the list"] a:not([rel])')
        assert [a.get_text() for a in numbered] == [str(n + 1) for n in range(len(pages))]
        assert len(soup.select('a[aria-current="page"]')) == 1
        assert bool(soup.select('a[rel="next"]')) == (page != pages[-1]) and bool(soup.select('a[rel="prev"]')) == (page != pages[0])
        linked |= {a["href"] for a in soup.select(".glassbox-scenario-list a")}
    assert len(linked) == SCENARIOS
    assert all((lists_site / "scenarios" / "all" / href).resolve().exists() for href in linked)
    # each shortened view links the list, so it is one link away
    assert _soup(lists_site, "components/alpha.html").select_one('.gb-more a[href="../scenarios/all/1.html"]')


def test_a_handbook_below_the_threshold_gets_no_list_files(make_app, tmp_path):
    out = _build(make_app, ROOTS / "test-basic", tmp_path / "basic", freshenv=True)
    assert not (out / "_lists").exists() and not (out / "scenarios" / "all").exists()
    assert "gb-more" not in (out / "views.html").read_text()


def test_list_files_and_pages_are_the_same_at_j1_and_j2(make_app, lists_root, tmp_path, monkeypatch):
    from glassbox_handbook.web import html_builder as glassbox_builder

    monkeypatch.setattr(glassbox_builder, "SERIAL_BELOW", 2)  # a small root: its pages are written by the workers too
    serial = _build(make_app, lists_root, tmp_path / "j1", freshenv=True, parallel=1)
    parallel = _build(make_app, lists_root, tmp_path / "j2", freshenv=True, parallel=2)
    assert _outputs(serial) == _outputs(parallel)


def test_an_incremental_build_of_long_lists_equals_a_clean_one(make_app, lists_root, tmp_path):
    out = _build(make_app, lists_root, tmp_path / "inc", freshenv=True)
    first = lists_root / "scenarios" / "first.md"
    first.write_text(first.read_text().replace("FIRST-ALPHA summary.", "EDITED summary."))
    (lists_root / "scenarios" / "s8.md").unlink()
    (lists_root / "scenarios" / "s7.md").unlink()
    _build(make_app, lists_root, tmp_path / "inc")
    got = _outputs(out)
    for gone in ("s7", "s8"):
        got.pop(f"scenarios/{gone}.html")  # Sphinx leaves the old output file of a deleted page
    assert "EDITED summary." in "".join(v.decode() for k, v in got.items() if k.startswith("_lists/matrix"))
    assert got == _outputs(_build(make_app, lists_root, tmp_path / "clean", freshenv=True))
    assert "scenarios/all/2.html" in got and not any(re.search(r"scenarios/all/3", k) for k in got)  # six: two pages


def test_rewriting_the_list_files_touches_only_those_that_changed(tmp_path):
    from glassbox_handbook.web.lists import FOLDER, write_lists

    write_lists(tmp_path, {"a": (2, [1, 2, 3, 4, 5]), "b": (2, ["x", "y", "z"])})
    folder = tmp_path / FOLDER
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    assert sorted(before) == ["a-0.js", "a-1.js", "a-2.js", "b-0.js", "b-1.js"]
    (folder / "stray.js").write_text("old")
    write_lists(tmp_path, {"a": (2, [1, 2, 3, 40])})  # a-1 changes, a-2 and b go
    after = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    assert sorted(after) == ["a-0.js", "a-1.js"] and after["a-0.js"] == before["a-0.js"]
    assert "[3,40]" in (folder / "a-1.js").read_text()
    write_lists(tmp_path, {})
    assert not list(folder.iterdir())


@pytest.fixture
def page(browser):
    """A fresh tab of the session's Chromium at 1280 x 800, keeping the page's script errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.errors = errors
    yield tab
    context.close()


def _open(page, site: Path, path: str, query: str = "") -> None:
    page.goto((site / path).as_uri() + query)
    page.wait_for_load_state("load")


def test_show_more_from_file_url_by_keyboard_focuses_the_first_new_entry(page, lists_site):
    _open(page, lists_site, "components/alpha.html")
    button = page.locator(".gb-more button")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('#gb-list-enacted-alpha > li').length === 6")
    assert page.evaluate("document.activeElement.closest('li') === document.querySelectorAll('#gb-list-enacted-alpha > li')[3]")
    page.keyboard.press("Shift+Tab")  # the new entries sit in the tab order where the list is
    assert page.evaluate("document.activeElement.closest('li') === document.querySelectorAll('#gb-list-enacted-alpha > li')[2]")
    button.focus()
    page.keyboard.press("Space")
    page.wait_for_function("document.querySelectorAll('#gb-list-enacted-alpha > li').length === 8")
    assert button.is_hidden()
    assert page.locator(".gb-more-status").inner_text() == "Showing 8 of 8 scenarios that enact it."
    assert not page.errors


def test_show_more_by_pointer_adds_matrix_rows_that_open_their_summary(page, lists_site):
    _open(page, lists_site, "views.html")
    page.locator('.gb-more[data-gb-kind="matrix-compact"] button').click()
    page.wait_for_function("document.querySelectorAll('#gb-mx-body > tr').length === 6")
    row = page.locator("#gb-mx-body > tr").nth(4)
    row.locator("summary").first.click()
    assert row.locator(".gb-mx-panel").first.is_visible()
    assert page.locator("#gb-mx-body b").count() == 0  # a title with markup stays text
    assert page.get_by_text("Fifth <b>bold</b> & scenario").count() >= 1
    for kind, rows in (("problems", "#table-glassbox-problems tbody tr"), ("level", "#gb-list-level-top-pair > li")):
        before = page.locator(rows).count()
        page.locator(f'.gb-more[data-gb-kind="{kind}"] button').click()
        page.wait_for_function(f"document.querySelectorAll({rows!r}).length > {before}")
    _open(page, lists_site, "workshop.html")
    page.locator(".gb-more button").click()
    page.wait_for_function("document.querySelectorAll('#gb-list-downloads > li').length === 6")
    # guide, handout and packet in two sizes, and the slides: the scenario's ready-made session for the mixed room
    assert page.locator("#gb-list-downloads > li").nth(5).locator("a.glassbox-pdf").count() == 7
    _open(page, lists_site, "views.html")
    page.locator(".gb-matrix-full > summary").click()
    page.wait_for_function("document.querySelectorAll('#table-glassbox-matrix tbody tr').length === 3")
    page.locator('.gb-more[data-gb-kind="matrix-full"] button').click()
    page.wait_for_function("document.querySelectorAll('#table-glassbox-matrix tbody tr').length === 6")
    assert not page.errors


def test_explorer_filters_count_every_scenario_and_load_what_they_show(page, lists_site):
    _open(page, lists_site, "explorer.html")
    options = page.locator("#gb-filter-component option").all_inner_texts()
    assert options[0] == f"Any ({SCENARIOS})"
    page.select_option("#gb-filter-component", "gamma")
    page.wait_for_function("document.querySelector('.gb-explorer-list').children.length === 1")
    assert page.locator(".gb-explorer-item a").inner_text() == "Second scenario"
    page.select_option("#gb-filter-component", "")
    page.locator(".gb-explorer .gb-more button").click()
    page.wait_for_function("document.querySelector('.gb-explorer-list').children.length === 6")
    for menu, choice in (("#gb-compare-1", "s8"), ("#gb-compare-2", "first")):
        page.focus(menu)  # past a page, the menus get their options when first reached
        page.select_option(menu, choice)
    page.wait_for_function("document.querySelector('.gb-compare-out table') !== null")
    assert "EIGHTH-ALPHA summary." in page.locator(".gb-compare-out").inner_text()
    assert not page.errors


def test_session_planner_loads_the_scenario_chosen(page, lists_site):
    _open(page, lists_site, "planner.html", "?scenario=s7")
    page.wait_for_function("!document.querySelector('.gb-plan-output').hidden")
    assert "Seventh scenario" in page.locator(".gb-plan-output").inner_text()
    page.select_option("#gb-plan-scenario", "s4")
    page.wait_for_function("document.querySelector('.gb-plan-output').textContent.includes('Fourth scenario')")
    assert page.locator('.gb-plan-packets[data-scenario="s4"] a').count() == 6  # guide, handout, packet, two sizes each
    assert not page.errors


LIST_PAGES = ("components/alpha.html", "concepts/one-idea.html", "views.html", "explorer.html", "planner.html",
              "workshop.html", "scenarios/all/1.html", "scenarios/all/2.html", "scenarios/all/3.html")


def test_nu_html_checker_finds_no_error_on_the_shortened_lists_and_the_paged_list(lists_site):
    from test_validators import VNU

    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json",
                             *(str(lists_site / p) for p in LIST_PAGES)], capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    assert [f"{m.get('url', '')}:{m.get('lastLine')}: {m['message']}" for m in messages] == []


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_axe_finds_no_wcag_violation_once_more_entries_are_shown(browser, lists_site, mode):
    from axe_playwright_python.sync_playwright import Axe
    from test_accessibility import WCAG

    context = browser.new_context(color_scheme=mode, viewport={"width": 390, "height": 844})
    tab = context.new_page()
    found = []
    for rel in LIST_PAGES:
        tab.goto((lists_site / rel).as_uri())
        tab.evaluate("mode => { document.body.dataset.theme = mode; }", mode)
        for button in tab.locator(".gb-more button:visible").all():
            button.click()
        tab.wait_for_timeout(300)
        for v in Axe().run(tab, options=WCAG).response["violations"]:
            found.append(f"{mode} {rel}: {v['id']} at {v['nodes'][0]['target']}")
    context.close()
    assert found == []


@pytest.mark.parametrize("rel", ["scenarios/all/2.html", "components/alpha.html", "views.html", "explorer.html"])
def test_pa11y_htmlcs_finds_no_wcag2aa_error_on_the_lists(lists_site, rel):
    from conftest import serve
    from test_validators import PA11Y, PROJECT

    with serve(lists_site) as base:
        result = subprocess.run([str(PA11Y), "--config", str(PROJECT / "tests" / "pa11y.json"), "--reporter", "json",
                                 "--level", "error", f"{base}/{rel}"], capture_output=True, text=True, timeout=180)
    assert result.stdout.strip(), result.stderr
    assert [(i["code"], i["selector"]) for i in json.loads(result.stdout) if i["type"] == "error"] == []


@pytest.fixture(scope="module")
def whole_site(tmp_path_factory) -> Path:
    """The same root with room for every entry: each list as the builder writes it, whole, into the page."""
    from sphinx.testing.util import SphinxTestApp

    tmp = tmp_path_factory.mktemp("whole")
    shutil.copytree(ROOTS / "test-lists", tmp / "src")
    app = SphinxTestApp("glassbox", srcdir=tmp / "src", builddir=tmp / "out", freshenv=True,
                        confoverrides={"glassbox_list_max_entries": 100, "glassbox_list_max_details": 100})
    try:
        app.build()
    finally:
        app.cleanup()
    return Path(app.outdir)


# Each list: the page it is on, where its "Show more" puts entries (data-gb-target), and what an entry is.
PARITY = (("components/alpha.html", "#gb-list-enacted-alpha", "li"), ("views.html", "#gb-mx-body", "tr"),
          ("views.html", "#table-glassbox-matrix tbody", "tr"), ("views.html", "#gb-list-prompts-by-scenario", "li"),
          ("views.html", "#table-glassbox-problems tbody", "tr"), ("views.html", "#gb-list-level-top-pair", "li"),
          ("workshop.html", "#gb-list-downloads", "li"), ("explorer.html", ".gb-explorer-list", "li"))

_ENTRIES = """sel => [...document.querySelectorAll(sel)].map(e => {
  const c = e.cloneNode(true);
  for (const x of [c, ...c.querySelectorAll('*')]) { x.removeAttribute('data-gb-tab'); x.removeAttribute('open'); }
  return c.outerHTML.replace(/>\\s+</g, '><').replace(/\\s+/g, ' ');
})"""


def _show_everything(page, target: str, entries: str) -> None:
    """Open what holds the list and press its "Show more" until every entry is shown."""
    box = page.locator(f'.gb-more[data-gb-target="{target}"]')
    box.evaluate("b => { const d = b.closest('details'); if (d) d.open = true; }")
    button = box.locator("button")
    for _ in range(SCENARIOS):
        if page.locator(entries).count() == 0:
            page.wait_for_function(f"document.querySelectorAll({entries!r}).length > 0")  # the full matrix loads when opened
        if not button.is_visible():
            return
        before = page.locator(entries).count()
        button.evaluate("b => b.click()")  # the pointer and the keyboard are tested above; here only what is drawn
        page.wait_for_function(f"document.querySelectorAll({entries!r}).length > {before}")


@pytest.mark.parametrize(("path", "target", "tag"), PARITY, ids=[f"{p}:{t}" for p, t, _ in PARITY])
def test_entries_shown_by_show_more_are_the_entries_the_builder_writes(page, lists_site, whole_site, path, target, tag):
    """gb-lists.js draws the rest of a list from data; what it draws must be what the Python view writes
    into a page with room for every entry, tag for tag (the explorer once marked loaded rows "In depth"
    where the page marked their origin)."""
    selector = f"{target} > {tag}"
    _open(page, whole_site, path)
    expected = page.evaluate(_ENTRIES, selector)
    assert len(expected) >= SCENARIOS - 1, (path, selector, len(expected))
    _open(page, lists_site, path)
    _show_everything(page, target, selector)
    shown = page.evaluate(_ENTRIES, selector)
    assert len(shown) == len(expected)
    for number, (want, got) in enumerate(zip(expected, shown, strict=True)):
        assert got == want, f"{path} {selector}: entry {number + 1}"
    assert not page.errors


def test_a_loaded_scenarios_printed_files_are_listed_as_the_builder_lists_them(page, lists_site, whole_site):
    """Past the page size the planner loads the chosen scenario's packets; their note and links must be the
    ones the page writes when it holds every scenario (they once said another sentence)."""
    packets = '.gb-plan-packets[data-scenario="s4"]'
    _open(page, whole_site, "planner.html")
    expected = page.evaluate(_ENTRIES, packets)
    _open(page, lists_site, "planner.html", "?scenario=s4")
    page.wait_for_selector(packets, state="attached")
    page.evaluate("sel => document.querySelector(sel).hidden = true", packets)  # as the page holds it until chosen
    assert page.evaluate(_ENTRIES, packets) == expected and len(expected) == 1
    assert not page.errors
