"""The real handbook: builds clean with -W, every link lands, every scenario is everywhere it should be."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from glassbox_handbook.core.framework import load_framework
from glassbox_handbook.core.scenario import parse_scenario

PROJECT = Path(__file__).parents[2]
FW = load_framework(PROJECT / "handbook" / "framework.yaml")
SCENARIOS = sorted(p for p in (PROJECT / "scenarios").glob("*.md") if p.name != "index.md" and not p.name.startswith("_"))


def page(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def test_every_internal_link_and_anchor_resolves(site):
    ids: dict[Path, set[str]] = {}
    broken = []
    pages = [p for p in sorted(site.rglob("*.html")) if not str(p.relative_to(site)).startswith("_static")]
    for html in pages:
        doc = page(site, str(html.relative_to(site)))
        ids[html] = {el["id"] for el in doc.find_all(id=True)} | {el["name"] for el in doc.find_all("a", attrs={"name": True})}
    for html in pages:
        doc = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for el in doc.find_all(tag, attrs={attr: True}):
                url = urlsplit(el[attr])
                if url.scheme or url.netloc or el[attr].startswith("mailto:"):
                    continue
                if url.path.startswith("/"):  # the 404 page's links: absolute under the site's path (test_crawlers.py)
                    target = (site / unquote(url.path).lstrip("/")).resolve()
                else:
                    target = (html.parent / unquote(url.path)).resolve() if url.path else html
                if not target.exists():
                    broken.append(f"{html.relative_to(site)} -> {el[attr]}")
                elif url.fragment and target.suffix == ".html" and url.fragment not in ids.get(target, set()):
                    broken.append(f"{html.relative_to(site)} -> {el[attr]} (no such anchor)")
    assert broken == []


def test_there_is_a_scenario_for_each_of_the_nine_problems_of_the_paper():
    assert len(SCENARIOS) >= 9
    ids = {p.stem for p in SCENARIOS}
    assert {"mentoring", "special-education"} <= ids


def test_every_scenario_is_valid_and_the_in_depth_ones_enact_all_components():
    keys = {line.split("{", 1)[1].split(",", 1)[0] for line in (PROJECT / "handbook" / "references.bib").read_text().splitlines()
            if line.startswith("@")}
    for path in SCENARIOS:
        parsed = parse_scenario(path.read_text(), str(path.relative_to(PROJECT)), FW, keys)
        assert parsed.problems == [], parsed.problems
        if path.stem in ("mentoring", "special-education"):
            assert parsed.scenario.components == tuple(c.id for c in FW.components)
            assert all(s.enactment.basis == "reported" for s in parsed.scenario.sections if s.component)
        else:
            assert len(parsed.scenario.components) >= 3


def test_every_component_page_links_to_every_scenario_that_enacts_it(site):
    for comp in FW.components:
        doc = page(site, f"handbook/components/{comp.id}.html")
        links = {a["href"] for a in doc.select(".glassbox-enacted-in a")}
        for path in SCENARIOS:
            parsed = parse_scenario(path.read_text(), str(path), FW)
            for section in parsed.scenario.sections:
                if section.component == comp.id:
                    assert any(link.startswith(f"../../scenarios/{path.stem}.html#") for link in links), (comp.id, path.stem)


def test_matrix_and_problems_table_list_every_scenario(site):
    titles = {parse_scenario(p.read_text(), str(p), FW).scenario.meta.title for p in SCENARIOS}
    matrix = page(site, "handbook/views/matrix.html").select_one("table.glassbox-matrix")
    assert {tr.find(["th", "td"]).get_text(" ", strip=True) for tr in matrix.select("tbody tr")} == titles
    table = page(site, "handbook/views/problems.html").select_one("table.glassbox-problems")
    assert len(table.select("tbody tr")) == len(titles)


def test_every_page_cites_a_source(site):
    uncited = []
    for html in sorted(site.rglob("*.html")):
        rel = str(html.relative_to(site))
        # the reference pages for a builder's user (the framework file, directives) are about our code, not the paper
        if rel in ("genindex.html", "search.html", "404.html", "handbook/references.html") or rel.startswith(("_", "handbook/reference/")):
            continue
        if not page(site, rel).select("a[href*='references.html#cite-']"):
            uncited.append(rel)
    assert uncited == []


@pytest.mark.skipif(not (PROJECT.parent / "shared" / "tools" / "check-paraphrase").exists(),
                    reason="the paraphrase tool lives beside the project only on the team's machines")
def test_no_sentence_repeats_the_paper():
    tool = PROJECT.parent / "shared" / "tools" / "check-paraphrase"
    result = subprocess.run([str(tool), str(PROJECT)], capture_output=True, text=True)
    assert result.stdout == "" and result.returncode == 0


def test_code_is_ruff_clean():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    result = subprocess.run([ruff, "check", str(PROJECT / "builder"), str(PROJECT / "tests"), str(PROJECT / "benchmarks"),
                             str(PROJECT / "conf.py")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_workshop_page_and_scenario_pages_link_to_every_pdf(site):
    workshop = {a["href"] for a in page(site, "handbook/workshop.html").select("a.glassbox-pdf")}
    for paper in ("a4", "letter"):
        assert f"../pdf/handbook-{paper}.pdf" in workshop and f"../pdf/prompt-cards-{paper}.pdf" in workshop
    for path in SCENARIOS:
        own = {a["href"] for a in page(site, f"scenarios/{path.stem}.html").select(".glassbox-card a.glassbox-pdf")}
        expected = {f"../pdf/{kind}-{path.stem}-{p}.pdf" for kind in ("guide", "handout", "packet") for p in ("a4", "letter")}
        expected.add(f"../pdf/slides-{path.stem}.pdf")  # slides have no paper size: one file
        assert own == expected
        assert expected <= workshop
        assert all((site / "pdf" / Path(href).name).stat().st_size > 10_000 for href in expected)
