"""The matrix's print rendering on the toy framework of tests/roots/test-basic, with a hostile scenario added
(one component, a very long title with long hyphenated words): marks in every cell, a legend, the summaries
after the table, nothing cut off and no word split; and the rendering's nodes without a PDF."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from conftest import ROOTS
from test_pdf import flat
from test_printed_handbook import hyphen_breaks, matrix_tables, unpaged, words

LONG_TITLE = ("A scenario whose title runs on and on about interdisciplinary-cross-institutional-collaboration "
              "between every school and every university department that ever met, over many years, "
              "to show that a very long title still prints whole")


@pytest.fixture(scope="module")
def toy(tmp_path_factory) -> Path:
    """The toy handbook with a third scenario that enacts one component, in US Letter (the narrower landscape)."""
    work = tmp_path_factory.mktemp("printed-matrix")
    root = work / "basic"
    shutil.copytree(ROOTS / "test-basic", root)
    text = (root / "scenarios" / "second.md").read_text(encoding="utf-8")
    text = text.replace("id: second", "id: third").replace("title: Second scenario", f"title: {LONG_TITLE}")
    text = text.replace("# Second scenario", f"# {LONG_TITLE}").split("## Gamma")[0]
    (root / "scenarios" / "third.md").write_text(text.replace("SECOND-ALPHA", "THIRD-ALPHA"), encoding="utf-8")
    out = work / "out"
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-W", "-b", "glassbox_pdf", "-d", str(out / ".d"),
                    "-D", "glassbox_pdf_papers=letter", "-D", "glassbox_pdf_scenarios=third", str(root), str(out)],
                   check=True, env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})
    return out / "handbook-letter.pdf"


def test_every_cell_is_a_mark_with_a_legend_and_the_summaries_follow(toy):
    with pdfplumber.open(toy) as pdf:
        pages = matrix_tables(pdf, 0)
        assert len(pages) == 1 and pdf.pages[pages[0][0]].width > pdf.pages[pages[0][0]].height  # one landscape page
        header, *body = pages[0][1]
        assert header == ["Scenario", "Alpha", "Beta", "Gamma", "Delta"]
        # the toy's bases are named with one word already: the mark is a symbol and the name
        assert {unpaged(row[0]): [words(c) for c in row[1:]] for row in body} == {
            "First scenario": ["● Reported", "○ Interpretation", "– Gap", "– Gap"],
            "Second scenario": ["● Reported", "– Gap", "○ Interpretation", "– Gap"],
            LONG_TITLE: ["● Reported", "– Gap", "– Gap", "– Gap"]}
        legend = flat(pdf.pages[pages[0][0]].extract_text())
        assert "● Reported: From a source." in legend and "○ Interpretation: Our reading." in legend
        after = flat(pdf.pages[pages[0][0] + 1].extract_text())
        text = " ".join(p.extract_text() for p in pdf.pages)
    assert "The summaries, component by component" in after
    alpha = after[after.index("Alpha"):after.index("Beta")]
    for summary in ("FIRST-ALPHA summary.", "SECOND-ALPHA summary.", "THIRD-ALPHA summary."):
        assert summary in alpha
    assert "First scenario (page" in alpha and f"{LONG_TITLE} (page" in alpha
    # a component no scenario enacts lists its gaps, never an empty list
    assert re.search(r"Delta Gap in: .+ \(page \d+\); First scenario \(page \d+\); Second scenario \(page \d+\)\.", after)
    assert "Read the section" not in text


def test_a_very_long_title_prints_whole_inside_the_margins(toy):
    side = 14 / 25.4 * 72 - 0.5
    with pdfplumber.open(toy) as pdf:
        index = matrix_tables(pdf, 0)[0][0]
        for page in (pdf.pages[index], pdf.pages[index + 1]):
            assert hyphen_breaks(page) == []
            assert all(c["x0"] >= side and c["x1"] <= page.width - side for c in page.chars), page.page_number


def test_print_rendering_of_the_matrix_marks_cells_and_lists_summaries_after_it():
    """The nodes of the print rendering (no PDF): marks in cells, summaries after the table, none in brief."""
    from docutils import nodes
    from glassbox_handbook.views import PRINT, registry
    from toy import BRIEF, context, corpus, placeholder

    view = registry()["glassbox-matrix"]
    full = view.render(context(corpus(), PRINT), placeholder("glassbox-matrix"))
    table, summaries = full
    assert "gb-print-landscape" in table["classes"] and "gb-print-portrait" in summaries["classes"]
    cells = [entry.astext() for entry in table.findall(nodes.entry)]
    assert "Read the section" not in " ".join(cells) and "FIRST-ALPHA summary." not in " ".join(cells)
    assert "●\u00a0Reported" in cells and "○\u00a0Interpretation" in cells and "–\u00a0Gap" in cells
    listed = summaries.astext()
    assert "FIRST-ALPHA summary." in listed and "SECOND-ALPHA summary." in listed
    # every internal link of the print rendering prints the page it lands on
    refs = [r for n in full for r in n.findall(nodes.reference)]
    assert refs and all("gb-pageref" in r["classes"] for r in refs)
    brief = view.render(context(corpus(), BRIEF), placeholder("glassbox-matrix"))
    assert len(brief) == 1 and "FIRST-ALPHA summary." not in brief[0].astext()
    assert "in brief" in brief[0].astext() and "●\u00a0Reported" in brief[0].astext()
