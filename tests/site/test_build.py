"""Building real Sphinx projects: backlinks, views, bad input, incremental and parallel builds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import html_files


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_component_page_links_to_every_enacting_section(app):
    app.build()
    assert app.warning.getvalue() == ""
    alpha = soup(app.outdir / "components" / "alpha.html")
    links = {a["href"]: a.get_text() for a in alpha.select(".glassbox-enacted-in a")}
    assert links == {"../scenarios/first.html#alpha": "First scenario", "../scenarios/second.html#alpha": "Second scenario"}
    text = alpha.select_one(".glassbox-enacted-in").get_text()
    assert "FIRST-ALPHA summary." in text and "SECOND-ALPHA summary." in text
    beta = soup(app.outdir / "components" / "beta.html")
    assert [a["href"] for a in beta.select(".glassbox-enacted-in a")] == ["../scenarios/first.html#beta"]
    delta = soup(app.outdir / "components" / "delta.html")
    assert "No scenario in this handbook enacts this component yet" in delta.get_text()


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_scenario_sections_link_to_components_and_terms_to_concepts(app):
    app.build()
    first = soup(app.outdir / "scenarios" / "first.html")
    about = [a["href"] for a in first.select(".glassbox-enactment-meta a")]
    assert about == ["../components/alpha.html", "../components/beta.html"]
    terms = first.select(".glassbox-term a")
    assert {a["href"] for a in terms} == {"../concepts/one-idea.html"} and len(terms) == 2
    card = first.select_one(".glassbox-card").get_text(" ")
    assert "Things did not fit." in card and "Top pair" in card and "Moving" in card
    assert "https://orcid.org/0000-0002-1825-0097" in card and "How to cite this scenario" in card
    [source] = first.select(".glassbox-sources li")
    assert source.get_text(" ", strip=True) == "Doe (2020) . A book about partnerships ."
    assert source.a["href"] == "../refs.html#cite-doe2020"
    assert soup(app.outdir / "refs.html").find(id="cite-doe2020") is not None
    concept = soup(app.outdir / "concepts" / "one-idea.html")
    assert {a["href"] for a in concept.select(".glassbox-enacted-in a")} == {
        "../scenarios/first.html#first-scenario", "../scenarios/first.html#beta",
        "../scenarios/second.html#second-scenario", "../scenarios/second.html#gamma"}


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_matrix_shows_every_scenario_with_gaps_visible(app):
    app.build()
    views = soup(app.outdir / "views.html")
    matrix = views.select_one("table.glassbox-matrix")
    headers = [th.get_text(strip=True) for th in matrix.select("thead th")]
    assert headers == ["Scenario", "Alpha", "Beta", "Gamma", "Delta"]
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all(["td", "th"])] for tr in matrix.select("tbody tr")]
    assert rows[0][0] == "First scenario" and rows[1][0] == "Second scenario"
    assert rows[0][1].startswith("FIRST-ALPHA summary.") and "Reported" in rows[0][1]
    assert rows[0][2].startswith("FIRST-BETA summary.") and "Interpretation" in rows[0][2]
    assert rows[0][3] == "Gap: not enacted" and rows[1][2] == "Gap: not enacted" and rows[1][4] == "Gap: not enacted"
    assert matrix.select_one("tbody tr a[href='scenarios/first.html#alpha']") is not None


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_tables_levels_prompts_and_diagram_come_from_data(app):
    app.build()
    views = soup(app.outdir / "views.html")
    problems = views.select_one("table.glassbox-problems")
    assert [th.get_text(strip=True) for th in problems.select("thead th")][0] == "The trouble"  # the toy framework's own label (framework.yaml `facts`)
    assert len(problems.select("tbody tr")) == 2
    levels = {tr.find(["th", "td"]).get_text(strip=True): tr.get_text(" ", strip=True)
              for tr in views.select("table.glassbox-levels tbody tr")}
    assert "First scenario" in levels["Top pair"] and "Second scenario" in levels["Top pair"]
    assert "First scenario" not in levels["Bottom pair"] and "Second scenario" in levels["Bottom pair"]
    assert [tr.get_text(" ", strip=True) for tr in views.select("table.glassbox-dimensions tbody tr")] == ["Size Small. Large."]
    by_alpha = views.select_one("#prompts-alpha").get_text(" ")
    assert "What would Alpha look like here?" in by_alpha and "First alpha prompt?" in by_alpha
    assert "Alpha (3)" in by_alpha
    svg = views.select_one("svg.gb-paired")
    assert svg is not None and svg["aria-label"]
    labels = {a["aria-label"] for a in svg.select("a")}
    assert "Alpha at the Top pair level" in labels and "Delta" in labels
    assert views.select_one(".gb-diagram-alt a[href='components/alpha.html']") is not None
    [writer] = views.select(".glassbox-contributors li")
    assert writer.get_text(" ", strip=True).startswith("Test Writer (ORCID https://orcid.org/0000-0002-1825-0097 )")
    assert [a["href"] for a in writer.select("a")][1:] == ["scenarios/first.html", "scenarios/second.html"]


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_prompts_get_stable_ids_and_role_labels(app):
    app.build()
    first = soup(app.outdir / "scenarios" / "first.html")
    prompts = first.select(".glassbox-prompt")
    assert [p["id"] for p in prompts] == ["prompt-alpha-1", "prompt-beta-1"]
    assert prompts[1]["data-roles"] == "leader teacher" and prompts[1]["role"] == "group"
    assert "For: Leader, Teacher" in prompts[1].get_text()


def _build(make_app, srcdir: Path, **kwargs):
    app = make_app("html", srcdir=srcdir, **kwargs)
    app.build()
    return app


def test_bad_scenario_stops_build_with_file_line_and_writes_nothing(make_app, copy_root):
    src = copy_root()
    (src / "scenarios" / "first.md").write_text(
        (src / "scenarios" / "first.md").read_text().replace("levels: [top-pair]", "levels: [top-piar]"))
    (src / "scenarios" / "second.md").write_text(
        (src / "scenarios" / "second.md").read_text().replace("## Gamma", "## Gama"))
    app = make_app("html", srcdir=src, freshenv=True)
    with pytest.raises(SystemExit) as stopped:
        app.build()
    assert stopped.value.code == 1
    log = app.warning.getvalue()
    assert re.search(r"scenarios/first\.md:8:10: unknown level 'top-piar' in `levels`.*did you mean 'top-pair'\?", log)
    assert re.search(r"scenarios/second\.md:\d+:1: the section 'Gama' names no component.*did you mean 'Gamma'\?", log)
    assert re.search(r"Build stopped: \d+ problems in scenarios; nothing was written.", log)
    assert "Traceback" not in log
    assert not list(Path(app.outdir).rglob("*.html"))


def test_duplicate_scenario_id_is_refused(make_app, copy_root):
    src = copy_root()
    (src / "scenarios" / "more").mkdir()
    (src / "scenarios" / "more" / "first.md").write_text((src / "scenarios" / "first.md").read_text())
    (src / "scenarios" / "index.md").write_text((src / "scenarios" / "index.md").read_text().replace("*\n", "*\nmore/*\n"))
    app = make_app("html", srcdir=src, freshenv=True)
    with pytest.raises(SystemExit):
        app.build()
    assert "the id 'first' is already used by scenarios/first" in app.warning.getvalue()


def _clean_html(make_app, src: Path, tmp: Path) -> dict[str, bytes]:
    app = make_app("html", srcdir=src, builddir=tmp, freshenv=True)
    app.build()
    return html_files(Path(app.outdir))


def test_incremental_build_after_edit_add_delete_equals_clean_build(make_app, copy_root, tmp_path):
    src = copy_root()
    app = _build(make_app, src, freshenv=True)
    # edit: a summary changes
    first = src / "scenarios" / "first.md"
    first.write_text(first.read_text().replace("FIRST-ALPHA summary.", "EDITED summary."))
    app = _build(make_app, src)
    assert "1 changed" in app.status.getvalue() or "1 found" in app.status.getvalue() or "[100%] scenarios/first" in app.status.getvalue()
    incremental = html_files(Path(app.outdir))
    assert "EDITED summary." in incremental["components/alpha.html"].decode()
    written = set(re.findall(r"writing output\.\.\. .*?\] (?:\x1b\[\d+m)?([\w/-]+)", app.status.getvalue()))
    # the pages that show Alpha's summary are rewritten; pages showing other data are not
    assert {"scenarios/first", "components/alpha", "views", "explorer"} <= written, written
    assert not written & {"components/beta", "components/gamma", "components/delta", "concepts/one-idea"}, written
    assert incremental == _clean_html(make_app, src, tmp_path / "clean1")
    # add a scenario enacting Delta
    third = src / "scenarios" / "third.md"
    third.write_text(first.read_text().replace("id: first", "id: third").replace("First scenario", "Third scenario")
                     .replace("## Beta", "## Delta").replace("EDITED", "THIRD-ALPHA"))
    app = _build(make_app, src)
    incremental = html_files(Path(app.outdir))
    assert "Third scenario" in incremental["components/delta.html"].decode()
    assert incremental == _clean_html(make_app, src, tmp_path / "clean2")
    # delete one
    (src / "scenarios" / "second.md").unlink()
    app = _build(make_app, src)
    incremental = html_files(Path(app.outdir))
    incremental.pop("scenarios/second.html")  # Sphinx leaves the old output file of a deleted page
    assert "Second scenario" not in incremental["views.html"].decode()
    assert incremental == _clean_html(make_app, src, tmp_path / "clean3")


def _record_writers(monkeypatch) -> list[str]:
    """Which of the glassbox builder's writers ran, in order."""
    from glassbox_handbook.web.html_builder import GlassboxHTMLBuilder

    ran: list[str] = []

    def recorded(name: str):
        real = getattr(GlassboxHTMLBuilder, name)

        def write(self, docnames):
            ran.append(name)
            return real(self, docnames)
        return write

    for name in ("write_here", "write_in_workers"):
        monkeypatch.setattr(GlassboxHTMLBuilder, name, recorded(name))
    return ran


@pytest.mark.parametrize("builder", ["glassbox", "html"])
def test_parallel_build_equals_serial_build(make_app, copy_root, tmp_path, builder, monkeypatch):
    """`glassbox` (the site's builder) writes whole pages in the workers; its output must not depend on -j.
    This root is small, so the threshold below which pages stay in the main process is lowered."""
    from glassbox_handbook.web import html_builder as glassbox_builder

    monkeypatch.setattr(glassbox_builder, "SERIAL_BELOW", 2)
    ran = _record_writers(monkeypatch)
    src = copy_root()
    for n in range(3, 12):  # enough documents for Sphinx to read and write in more than one chunk
        text = (src / "scenarios" / "first.md").read_text()
        (src / "scenarios" / f"s{n}.md").write_text(text.replace("id: first", f"id: s{n}").replace("First scenario", f"Scenario {n}"))
    sphinx_search = {"glassbox_search": "sphinx"}  # Sphinx's own index, to prove the workers' parts merge
    serial = make_app(builder, srcdir=src, builddir=tmp_path / "j1", freshenv=True, parallel=1, confoverrides=sphinx_search)
    serial.build()
    parallel = make_app(builder, srcdir=src, builddir=tmp_path / "j2", freshenv=True, parallel=2, confoverrides=sphinx_search)
    parallel.build()
    # Sphinx reads in parallel only when every extension declares itself safe
    assert parallel.parallel == 2 and parallel.is_parallel_allowed("read") and parallel.is_parallel_allowed("write")
    assert html_files(Path(serial.outdir)) == html_files(Path(parallel.outdir))
    # The search index is merged from the workers' parts: it must equal the serial one too.
    index = (Path(parallel.outdir) / "searchindex.js").read_bytes()
    assert index == (Path(serial.outdir) / "searchindex.js").read_bytes()
    assert b"scenario 11" in index.lower() or b"s11" in index
    assert ran == (["write_in_workers"] if builder == "glassbox" else [])


def test_a_few_pages_at_j2_are_written_in_the_main_process(make_app, copy_root, tmp_path, monkeypatch):
    """Forking workers for a dozen pages (an incremental build's) costs more than writing them."""
    ran = _record_writers(monkeypatch)
    src = copy_root()
    sphinx_search = {"glassbox_search": "sphinx"}
    serial = make_app("glassbox", srcdir=src, builddir=tmp_path / "j1", freshenv=True, parallel=1, confoverrides=sphinx_search)
    serial.build()
    parallel = make_app("glassbox", srcdir=src, builddir=tmp_path / "j2", freshenv=True, parallel=2, confoverrides=sphinx_search)
    parallel.build()
    assert ran == ["write_here"]
    assert html_files(Path(serial.outdir)) == html_files(Path(parallel.outdir))
    assert (Path(parallel.outdir) / "searchindex.js").read_bytes() == (Path(serial.outdir) / "searchindex.js").read_bytes()


def test_with_pagefind_sphinx_indexes_nothing_and_the_search_page_stays(make_app, copy_root, tmp_path):
    """Pagefind indexes the site after the build, so Sphinx's indexer does not run: no searchindex.js,
    no stemmer scripts, and the search page (Pagefind's) is still written and linked. (A theme other than
Furo keeps its own search page, and so Sphinx's index.)"""
    app = make_app("glassbox", srcdir=copy_root(), builddir=tmp_path / "b", freshenv=True,
                   confoverrides={"html_theme": "furo"})
    app.build()
    out = Path(app.outdir)
    assert not (out / "searchindex.js").exists() and not list((out / "_static").glob("*stemmer*.js"))
    assert "gb-search.js" in (out / "search.html").read_text(encoding="utf-8")  # the page that loads Pagefind
    assert soup(out / "index.html").find("link", rel="search")["href"] == "search.html"


def test_a_project_that_loads_the_extension_keeps_sphinxs_own_term_role(make_app, copy_root, tmp_path):
    """Our concept links have a role of their own ({concept}); Sphinx's `term` still links a glossary entry."""
    src = copy_root()
    (src / "words.md").write_text("# Words\n\n```{glossary}\nrubric\n  A scoring guide.\n```\n\n"
                                  "A {term}`rubric` and a {concept}`single idea`.\n\n```{toctree}\n:hidden:\n```\n")
    index = src / "index.md"
    index.write_text(index.read_text().replace("views\n", "views\nwords\n", 1))
    app = make_app("glassbox", srcdir=src, builddir=tmp_path / "b", freshenv=True)
    app.build()
    assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
    page = soup(Path(app.outdir) / "words.html")
    assert page.find("a", href="#term-rubric"), "Sphinx's term role no longer links its glossary"
    assert page.select_one(".glassbox-term a, a.glassbox-term, [class*=concept] a") or "concepts/" in str(page)
