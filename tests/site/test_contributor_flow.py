"""A newcomer follows CONTRIBUTING.md alone: copy the template, fill it in, check, build.

The new scenario must then show up everywhere the handbook generates from
scenarios (matrix, explorer, component backlinks, workshop PDFs) without
any other file being touched.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import pdf_pages
from corpus import copy_checkout  # benchmarks/corpus.py, on sys.path by conftest

PROJECT = Path(__file__).parents[2]


def fill_in_template(text: str) -> str:
    """What a teacher educator types into the copied template, field by field."""
    replacements = {
        'id: "my-scenario"': 'id: coaching-cycles',
        'title: "A short title that names the problem of practice"': 'title: Coaching cycles that stop at the school door',
        'felt_difficulty: "What people felt was not working, in one or two sentences."':
            "felt_difficulty: Coaching cycles started by the university ended when the semester did.",
        'collaborative_project: "The joint project that grew out of that difficulty."':
            "collaborative_project: A shared coaching calendar kept by both partners.",
        'primary_focus: "What the collaboration concentrated on."': "primary_focus: Keeping coaching going across terms.",
        'illustrative_evidence: "What people said, made or did that shows the learning."':
            "illustrative_evidence: Mentors asked for the calendar to continue.",
        "levels: []": "levels: [school-program]",
        "roles: []": "roles: [mentor-teacher, university-faculty]",
        '  - name: "Your Name"': "  - name: Rosa Example",
        "deidentified: false": "deidentified: true",
        "# A short title that names the problem of practice": "# Coaching cycles that stop at the school door",
        "One sentence that sums up how this component was at work. It appears in the glass-box matrix.":
            "Kestrelsummary: a mentor and a faculty member could convene the calendar together.",
        "A few short paragraphs on what happened.": "The calendar lived in a shared folder. (Earlier: a few short paragraphs on what happened.)",
        ":roles: \n": ":roles: mentor-teacher, university-faculty\n",
        "A question a partnership team could work on: who should do what, with which evidence, and what would be the next step?":
            "Kestrelprompt: Who keeps the coaching calendar when the semester ends, and what evidence would show it is used?",
    }
    for old, new in replacements.items():
        assert old in text, f"CONTRIBUTING's template changed: {old!r} is gone"
        text = text.replace(old, new)
    return text


def test_a_scenario_made_by_following_contributing_appears_everywhere(tmp_path):
    guide = (PROJECT / "CONTRIBUTING.md").read_text()
    assert "Copy raw file" in guide and "scenarios/_template.md" in guide and "python -m glassbox_handbook check" in guide
    root = copy_checkout(tmp_path / "fork", leave_out=("tests", "benchmarks"))  # a fork's files, as GitHub shows them
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}

    new = root / "scenarios" / "coaching-cycles.md"
    new.write_text(fill_in_template((root / "scenarios" / "_template.md").read_text()))
    check = subprocess.run([sys.executable, "-m", "glassbox_handbook", "--root", str(root), "check", "scenarios/coaching-cycles.md"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    # what the check keeps in _build/ (its cache, ignored by git) is no file of the contributor's
    kept = {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and p != new and "_build" not in p.relative_to(root).parts}
    assert kept == before, "no other file touched"

    out = tmp_path / "out"
    html = subprocess.run([sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", "-d", str(out / "d"), str(root),
                           str(out / "html")], capture_output=True, text=True)
    assert html.returncode == 0, html.stderr
    site = out / "html"

    def soup(rel: str) -> BeautifulSoup:
        return BeautifulSoup((site / rel).read_text(), "html.parser")

    matrix = soup("handbook/views/matrix.html").select_one("table.glassbox-matrix").get_text(" ")
    assert "Coaching cycles that stop at the school door" in matrix and "Kestrelsummary" in matrix
    backlinks = {a["href"] for a in soup("handbook/components/change-facilitators.html").select(".glassbox-enacted-in a")}
    assert "../../scenarios/coaching-cycles.html#change-facilitators" in backlinks
    explorer = soup("scenarios/index.html")
    data = json.loads(explorer.select_one("script[type='application/json']").string)
    assert "coaching-cycles" in json.dumps(data)
    assert explorer.find("a", href="coaching-cycles.html") is not None
    assert "Kestrelprompt" in soup("handbook/views/prompts.html").get_text()
    assert "Rosa Example" in soup("handbook/contributors.html").get_text()

    def printed(name: str) -> str:  # a PDF's words, whatever lines they were set on
        return " ".join(" ".join(pdf_pages(out / "pdf" / name)).split())

    pdf = subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "glassbox_pdf", "-d", str(out / "dp"),
                          "-D", "glassbox_pdf_scenarios=coaching-cycles", "-D", "glassbox_pdf_papers=a4",
                          str(root), str(out / "pdf")], capture_output=True, text=True)
    assert pdf.returncode == 0, pdf.stderr
    packet = printed("packet-coaching-cycles-a4.pdf")
    assert "Kestrelsummary" in packet and "Kestrelprompt" in packet
    guide = printed("guide-coaching-cycles-a4.pdf")
    assert "Kestrelsummary" in guide and "60-minute plan" in guide
    cards = printed("prompt-cards-a4.pdf")
    assert "Kestrelprompt" in cards
    handbook = printed("handbook-a4.pdf")
    assert "Coaching cycles that stop at the school door" in handbook
