"""`glassbox-handbook new` gives a project that builds (site, search, PDFs) and checks clean at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import pdf_pages


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "glassbox_handbook", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=900)


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict:
    where = tmp_path_factory.mktemp("new")
    result = cli("new", "starter", cwd=where)
    assert result.returncode == 0, result.stderr
    root = where / "starter"
    html = cli("build", "--no-pdf", "--out", str(where / "html-only"), cwd=root)
    assert html.returncode == 0, html.stderr
    full = cli("build", cwd=root)
    assert full.returncode == 0, full.stderr
    return {"root": root, "site": root / "_build" / "html", "stderr": html.stderr + full.stderr}


def test_a_new_project_builds_its_site_without_a_warning(made):
    """(The first build's time is a benchmark's: benchmarks/RESULTS.md.)"""
    # The build runs with -W: any warning would have failed it; only the note about the site's address is printed.
    assert "WARNING" not in made["stderr"] and "ERROR" not in made["stderr"]
    site = made["site"]
    for page in ("index.html", "matrix.html", "prompts.html", "explorer.html", "levels.html", "workshop.html",
                 "planner.html", "worksheet.html", "self-study.html", "contributors.html", "references.html",
                 "scenarios/weekly-notes.html", "scenarios/two-offices.html", "components/purpose.html"):
        assert (site / page).is_file(), page
    assert (site / "pagefind" / "pagefind.js").is_file()
    index = (site / "index.html").read_text()
    assert "Starter" in index and "<svg" in index  # the title from conf.py, the framework's diagram


def test_a_new_project_prints_its_pdfs_with_the_example_framework_in_them(made):
    pdfs = sorted(p.name for p in (made["site"] / "pdf").glob("*.pdf"))
    for name in ("handbook-a4.pdf", "packet-weekly-notes-a4.pdf", "guide-two-offices-letter.pdf",
                 "prompt-cards-a4.pdf", "slides-weekly-notes.pdf"):
        assert name in pdfs, pdfs
    packet = "\n".join(pdf_pages(made["site"] / "pdf" / "packet-weekly-notes-a4.pdf"))
    assert "Weekly notes nobody read" in packet and "Reflection" in packet


def test_a_new_project_checks_clean(made):
    result = cli("check", cwd=made["root"])
    assert result.returncode == 0 and "2 scenario files checked: no problems." in result.stdout, result.stderr
