"""Two frameworks unlike the SRLC, written as test roots, built for the web and for print: one organization
with three levels, four components and no sides (tests/roots/test-hospital), and two partners with two levels
that name who takes part on each side (tests/roots/test-two-partners). Their sites and PDFs hold no word of
the SRLC, and their diagrams draw what their files describe."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import EPOCH, pdf_pages, srlc_output_words
from glassbox_handbook.core.framework import Framework, load_framework

ROOTS = Path(__file__).parents[1] / "roots"


def sphinx(builder: str, root: Path, out: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    done = subprocess.run([sys.executable, "-m", "sphinx", "-W", "-q", "-b", builder, "-d", str(out.parent / f"{builder}-d"),
                           str(root), str(out)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    """A root's site and PDFs by the root's name, each built once for this module when a test first asks."""
    cache: dict[str, dict] = {}

    def get(name: str) -> dict:
        if name not in cache:
            root, out = ROOTS / name, tmp_path_factory.mktemp(name)
            sphinx("glassbox", root, out / "html")
            sphinx("glassbox_pdf", root, out / "pdf")
            cache[name] = {"root": root, "html": out / "html", "pdf": out / "pdf", "fw": load_framework(root / "framework.yaml")}
        return cache[name]

    return get


BOTH = pytest.mark.parametrize("name", ["test-hospital", "test-two-partners"])


def soup(built: dict, page: str) -> BeautifulSoup:
    return BeautifulSoup((built["html"] / page).read_text(encoding="utf-8"), "html.parser")


def pdf_text(built: dict, name: str) -> str:
    return " ".join(" ".join(pdf_pages(built["pdf"] / name)).split())


@BOTH
def test_an_unlike_frameworks_pages_and_pdfs_hold_no_word_of_the_srlc(build, name):
    built = build(name)
    texts = {str(p.relative_to(built["html"])): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").get_text(" ")
             for p in built["html"].rglob("*.html")}
    pdfs = sorted(built["pdf"].glob("*.pdf"))
    texts |= {p.name: " ".join(pdf_pages(p)) for p in pdfs}
    assert len(pdfs) >= 20 and len(texts) >= 40  # every kind of page and printed file was read
    found = sorted({(name, word) for name, body in texts.items() for word in srlc_output_words()
                    if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", body, re.I)})
    assert found == []


def level_label(fw: Framework, level) -> str:
    return " – ".join(fw.level_sides(level) if fw.paired(level) else [level.name]) + " level"


@BOTH
def test_the_diagram_draws_one_group_per_level_with_the_files_names(build, name):
    built = build(name)
    fw = built["fw"]
    drawings = soup(built, "index.html").select("svg.gb-diagram.gb-paired")
    assert len(drawings) == 2  # the wide drawing and the one laid out for a phone
    for svg in drawings:
        assert [g["data-level"] for g in svg.select("g.gb-level")] == [lv.id for lv in fw.levels]
        assert [a["aria-label"] for a in svg.select("a.gb-levelname")] == [level_label(fw, lv) for lv in fw.levels]
        # each level is one organization, or two joined when the file names two sides there
        assert len(svg.select("g.gb-level .gb-org")) == sum(2 if fw.paired(lv) else 1 for lv in fw.levels)
        for comp in fw.components:
            at_levels = [a for a in svg.select("a") if a.get("aria-label", "").startswith(f"{comp.name} at the ")]
            if comp.id in fw.core:
                assert [a["aria-label"] for a in at_levels] == [f"{comp.name} at the {lv.name} level" for lv in fw.levels]
            else:
                assert at_levels == [] and len(svg.select(f'a[aria-label="{comp.name}"]')) == 1
    assert not soup(built, "index.html").select(".gb-base-figure")  # no framework it grew from, so no second drawing


@BOTH
def test_the_levels_view_says_who_meets_there_only_where_the_file_names_sides(build, name):
    built = build(name)
    fw = built["fw"]
    table = soup(built, "levels.html").select_one("table.glassbox-levels")
    headers = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    rows = [[td.get_text(" ", strip=True) for td in tr.select("th, td")] for tr in table.select("tbody tr")]
    assert [row[0] for row in rows] == [lv.name for lv in fw.levels]
    if fw.sides:
        assert headers[:2] == ["Level pair", "Who meets there"]
        assert [row[1] for row in rows] == [" and ".join(fw.level_sides(lv)) for lv in fw.levels]
    else:
        assert headers == ["Level", "Scenarios", "Which"]


@BOTH
def test_the_sidebar_shows_the_projects_title_and_logo_never_the_handbooks_mark(build, name):
    built = build(name)
    page = soup(built, "index.html")
    brand = page.select_one("a.sidebar-brand")
    conf = (built["root"] / "conf.py").read_text()
    assert brand.get_text(strip=True) == re.search(r'^project = "(.+)"$', conf, re.M).group(1)
    assert not page.select("svg.gb-mark")
    icon = page.find("link", rel="icon") or page.find("link", rel="shortcut icon")
    if "html_logo" in conf:
        assert brand.select_one("img.gb-logo")["src"] == "_static/logo.svg" and icon["href"] == "_static/logo.svg"
    else:
        assert not brand.select("img") and icon["href"].endswith("gb-favicon-plain.svg")


@BOTH
def test_the_worksheets_checklist_gives_the_files_roles_and_places_as_examples(build, name):
    built = build(name)
    fw = built["fw"]
    boxes = " ".join(box.parent.get_text(" ", strip=True) for box in soup(built, "worksheet.html").select("input[name=deidentified]"))
    roles = ", ".join(r.name[0].lower() + r.name[1:] for r in fw.roles[:2])
    assert f"everyone appears by their role ({roles})" in boxes
    places = [name[0].lower() + name[1:] for lv in fw.levels for name in (fw.level_sides(lv) or [lv.name])]
    assert f"No place is named ({', '.join(places)})" in boxes


def test_a_framework_that_leaves_the_workshop_out_gets_a_session_in_general_words(build):
    built = build("test-hospital")
    guide = pdf_text(built, "guide-night-handover-a4.pdf")
    assert "Open with the difficulty" in guide and "Next steps" in guide
    assert "Small groups take one prompt each" in guide  # the default room's words fill the step's `{groups}`
    handout = pdf_text(built, "handout-night-handover-a4.pdf")
    assert "The difficulty" in handout  # the default label of the scenario's first fact


def test_a_room_of_one_side_puts_a_prompt_for_the_other_side_through_its_own_words(build):
    built = build("test-two-partners")
    both = pdf_text(built, "handout-travelling-case-a4.pdf")
    library = pdf_text(built, "handout-travelling-case-library-a4.pdf")
    prompt = "Which objects would your branch ask for?"  # asked of the curator, who works on the museum's side
    assert prompt in both and "Your museum colleagues would do this" not in both
    assert f"Your museum colleagues would do this: “{prompt}” What would the library bring to them?" in library
