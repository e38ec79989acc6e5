"""The sidebar past many scenarios: the scenario list left out, one tree shared by scenario pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from glassbox_handbook.web import navigation

SIDEBAR = re.compile(r'<div class="sidebar-tree">.*?</div>\s*</div>', re.S)


def _handbook_with_titles(copy_root) -> Path:
    """The basic root on Furo, past its limit, with four scenarios; two titles carry markup and symbols."""
    src = copy_root("basic")
    conf = src / "conf.py"
    conf.write_text(conf.read_text().replace('html_theme = "basic"', 'html_theme = "furo"')
                    + "\nglassbox_nav_max_scenarios = 1\nglassbox_list_max_entries = 2\n")  # two pages of "all scenarios"
    second = (src / "scenarios" / "second.md").read_text()
    for stem, title in (("third", "Third: *mentors* & \"courses\" > 2"), ("fourth", "Fourth @ `the` table")):
        text = second.replace("id: second", f"id: {stem}").replace("title: Second scenario", f"title: {title!r}")
        (src / "scenarios" / f"{stem}.md").write_text(text.replace("# Second scenario", f"# {title}"))
    return src


def _sidebars(make_app, src: Path, out: Path) -> dict[str, str]:
    app = make_app("glassbox", srcdir=src, builddir=out, freshenv=True)
    app.build()
    # (a second app in one process finds docutils' directives registered already: not the build's)
    warnings = [w for w in app.warning.getvalue().splitlines() if "while setting up extension" not in w]
    assert not warnings, warnings
    site = Path(app.outdir)
    pages = [*(site / "scenarios").glob("*.html"), *(site / "scenarios" / "all").glob("*.html"), site / "search.html"]
    return {str(p.relative_to(site)): SIDEBAR.search(p.read_text()).group(0) for p in sorted(pages)}


def test_scenario_pages_reuse_one_tree_and_match_what_furo_builds_for_each(make_app, copy_root, tmp_path, monkeypatch):
    src = _handbook_with_titles(copy_root)
    shared = _sidebars(make_app, src, tmp_path / "shared")
    assert navigation._SHARED.get("scenarios"), "the scenario pages did not share a tree"
    assert navigation._SHARED.get("scenarios/all (generated)"), "the paged list did not share a tree"

    # The same build with nothing shared: every page's tree comes from Sphinx and Furo as usual.
    monkeypatch.setattr(navigation, "shares_tree", lambda app, pagename: False)
    own = _sidebars(make_app, src, tmp_path / "own")
    assert not navigation._SHARED
    assert set(shared) == {*(f"scenarios/{p}.html" for p in ("first", "second", "third", "fourth", "index")),
                           "scenarios/all/1.html", "scenarios/all/2.html", "search.html"}
    for page in shared:
        assert shared[page] == own[page], page


@pytest.mark.parametrize("page, title", [("third", "Third: <em>mentors</em> &amp; “courses” &gt; 2"),
                                         ("fourth", "Fourth @ <code")])
def test_a_scenario_page_lists_itself_and_no_other_scenario(make_app, copy_root, tmp_path, page, title):
    sidebar = _sidebars(make_app, _handbook_with_titles(copy_root), tmp_path / "site")[f"scenarios/{page}.html"]
    own = re.findall(r'current-page"><a class="current reference internal" href="#">(.*?)</a>', sidebar, re.S)
    assert len(own) == 1 and own[0].startswith(title), own
    others = {"first", "second", "third", "fourth"} - {page}
    assert not any(f'href="{o}.html"' in sidebar for o in others)
    assert 'href="../components/alpha.html"' in sidebar  # the handbook's pages stay
