"""The workshop kit: a facilitator guide and a participant packet per scenario, read back from the PDFs.

Plans are read from the guide's tables as printed; writing space is measured on the packet's pages with
pdfplumber, from the bottom of each prompt's text to whatever is printed next; the QR code is decoded from a
rendered page with zbarimg.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from conftest import EPOCH, PROJECT, ROOTS
from pdf_layout import MM, assert_plan_adds_up, packet_layout, plans
from pypdf import PdfReader
from test_pdf import flat, outline, prompts_of, struct_types

BASE = "https://example.org/handbook/"
PAPERS = ("a4", "letter")

SOLO_TITLE = ("A scenario with a single component and a single prompt, and a title long enough to run over "
              "several lines of the page without being cut off anywhere")
SOLO_PROMPT = ("Who on each side would carry this one part of the work through a whole year, what would they "
               "need from the others to keep it going when the people who started it move on, and how would "
               "the group know, at the end of that year, that it had changed anything that matters?")
SOLO = f"""---
id: solo
title: {SOLO_TITLE}
felt_difficulty: Only one thing was tried.
collaborative_project: A single small project.
primary_focus: One part of the work.
illustrative_evidence: One account.
levels: [bottom-pair]
roles: [teacher]
trajectory: stuck
sources: [doe2020]
contributors:
  - name: Test Writer
license: TOY-1.0
status: reviewed
privacy: {{deidentified: true, consent: not-needed}}
---

# {SOLO_TITLE}

Opening.

## Gamma

:::{{enactment}}
:basis: interpretation
SOLO-GAMMA summary.
:::

Body.

:::{{design-prompt}}
:roles: teacher
{SOLO_PROMPT}
:::
"""


@pytest.fixture(scope="module")
def kit(tmp_path_factory) -> Path:
    """The toy handbook plus a one-component, one-prompt scenario, built as published: GLASSBOX_BASEURL set."""
    root = tmp_path_factory.mktemp("kit") / "src"
    shutil.copytree(ROOTS / "test-basic", root)
    (root / "scenarios" / "solo.md").write_text(SOLO, encoding="utf-8")
    with (root / "conf.py").open("a", encoding="utf-8") as conf:  # as the real conf.py reads it
        conf.write('\nimport os\nhtml_baseurl = os.environ.get("GLASSBOX_BASEURL", "")\n')
    out = root.parent / "pdf"
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "GLASSBOX_BASEURL": BASE}
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-W", "-b", "glassbox_pdf", "-d", str(root.parent / "d"), str(root),
                    str(out)], check=True, env=env)
    return out


def text_of(path: Path) -> str:
    return flat(" ".join(page.extract_text() for page in PdfReader(path).pages))


def real_scenarios() -> list[tuple[str, list[str]]]:
    from glassbox_handbook.core.framework import load_framework
    from glassbox_handbook.core.scenario import parse_scenario

    fw = load_framework(PROJECT / "handbook" / "framework.yaml")
    files = sorted(f for f in (PROJECT / "scenarios").glob("*.md") if f.name != "index.md" and not f.name.startswith("_"))
    out = []
    for file in files:
        scenario = parse_scenario(file.read_text(encoding="utf-8"), str(file), fw).scenario
        out.append((scenario.meta.id, [p.text for s in scenario.sections for p in s.prompts]))
    return out


# -- the facilitator guide ----------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("scenario", ["first", "second", "solo", "first-school"])
def test_every_guides_plan_adds_up_to_its_60_minutes(kit, scenario, paper):
    found = plans(kit / f"guide-{scenario}-{paper}.pdf")
    assert sorted(found) == [60]  # one guide, one session: the 90-minute plan is the planner's
    for total, rows in found.items():
        assert_plan_adds_up(total, rows)


def test_the_real_guides_plans_add_up_with_the_strengths_activity_only_where_nothing_is_missing(site):
    for scenario_id, _ in real_scenarios():
        for tail in ("", "-school"):
            for paper in PAPERS:
                path = site / "pdf" / f"guide-{scenario_id}{tail}-{paper}.pdf"
                found = plans(path)
                assert sorted(found) == [60], path.name
                for total, rows in found.items():
                    assert_plan_adds_up(total, rows)
    special = plans(site / "pdf" / "guide-special-education-letter.pdf")
    steps = [row[2] for row in special[60]]
    assert "Which part is weakest in our own work" in steps and "What is missing" not in steps
    assert steps[:3] == ["Open with the felt difficulty", "The framework in plain words", "Find the scenario in the diagram"]


def test_a_guide_opens_with_the_facilitators_material_and_points_to_the_packet_for_the_rest(kit):
    path = kit / "guide-first-a4.pdf"
    reader = PdfReader(path)
    first = flat(reader.pages[0].extract_text())
    assert "The 60-minute plan" in first and "The 90-minute plan" not in first  # the plan on the first page
    assert "Works on Alpha, Beta. First what a source says: 2 in 60 minutes." in first  # its focus and rule
    assert "What to bring" in first and "For a 90-minute session, or another room" in first
    text = text_of(path)
    for words in ("Step by step", "Read aloud", "The prompts (handout, slides and cards)", "What to listen for", "Prompt 1",
                  "First alpha prompt?", "Ask what the source says.", "Hear from: Teacher.", "Evidence to bring",
                  "Concepts this scenario uses", "One idea", "An idea.", "Discussion moves", "Ask a toy question.",
                  "Print a toy packet for each person.", "packet-first-a4.pdf"):
        assert words.lower() in text.lower(), words  # labels are printed in capitals
    assert "What is missing" in text and "Which part is weakest" not in text  # gamma and delta are not enacted
    assert text.index("The 60-minute plan") < text.index("What to bring") < text.index("Step by step") < text.index("Discussion moves")
    assert text.index("Discussion moves") < text.index("Concepts this scenario uses") < text.index("For self-study")
    assert "Prompts to work on" not in text  # the participant pages are the handout's
    marks = [title for _, title, _ in outline(reader)]
    assert marks[0] == "First scenario" and {"The 60-minute plan", "Step by step"} <= set(marks)


def test_a_scenario_with_one_component_and_one_prompt_gets_complete_documents(kit):
    guide, packet = text_of(kit / "guide-solo-letter.pdf"), text_of(kit / "packet-solo-letter.pdf")
    for text in (guide, packet):
        assert flat(SOLO_PROMPT) in text and flat(SOLO_TITLE) in text
    assert "SOLO-GAMMA summary." in guide and "What is missing" in guide and "Prompt 1" in guide
    rows = plans(kit / "guide-solo-letter.pdf")
    assert [len(r) for _, r in sorted(rows.items())] == [5]  # opening, diagram, the one component, gaps, close
    side = 18 * MM - 0.5
    for name in ("guide-solo-letter.pdf", "packet-solo-a4.pdf"):
        with pdfplumber.open(kit / name) as pdf:
            for page in pdf.pages:
                for obj in page.chars + page.images + page.rects + page.lines:
                    assert side <= obj["x0"] and obj["x1"] <= page.width - side, (name, page.page_number)


# -- the participant packet ---------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", PAPERS)
def test_every_prompt_of_a_packet_has_70_mm_to_write_in_and_no_page_is_half_empty(kit, paper):
    for scenario in ("first", "second", "solo"):
        path = kit / f"packet-{scenario}-{paper}.pdf"
        prompts = [SOLO_PROMPT] if scenario == "solo" else prompts_of(scenario)
        space, half_empty = packet_layout(path, prompts)
        assert len(space) == len(prompts) and min(space) >= 70, (path.name, space)
        assert half_empty == [], path.name


def test_every_prompt_of_every_real_packet_has_70_mm_to_write_in_and_no_page_is_half_empty(site):
    checked, real = 0, real_scenarios()
    for scenario_id, prompts in real:
        for paper in PAPERS:
            path = site / "pdf" / f"packet-{scenario_id}-{paper}.pdf"
            space, half_empty = packet_layout(path, prompts)
            assert len(space) == len(prompts) and min(space) >= 70, (path.name, [round(s) for s in space])
            assert half_empty == [], path.name
            checked += len(space)
    assert checked == 2 * sum(len(prompts) for _, prompts in real) > 100  # every prompt, in both paper sizes


def _dark(color) -> bool:
    """A fill colour (grey level, RGB or CMYK as pdfplumber reads it) close to black."""
    if not isinstance(color, (tuple, list)) or not color:
        return False
    if len(color) == 4:  # CMYK
        return color[3] > 0.8 or min(color[:3]) > 0.8
    return max(color) < 0.2


def test_a_packet_opens_with_the_large_diagram_then_the_brief_and_closes_with_next_steps(kit):
    with pdfplumber.open(kit / "packet-first-letter.pdf") as pdf:
        page = pdf.pages[0]
        lines = page.extract_text_lines()
        heading = next(line["bottom"] for line in lines if line["text"].startswith("Where this scenario sits"))
        key = next(line["top"] for line in lines if line["text"].startswith("Enacted in this scenario"))
        drawn = [o for o in page.curves + page.lines + page.rects if o["top"] > heading and o["bottom"] < key]
        height = (max(o["bottom"] for o in drawn) - min(o["top"] for o in drawn)) / MM
        width = (max(o["x1"] for o in drawn) - min(o["x0"] for o in drawn)) / MM
        assert width >= 170 or height >= 150, (width, height)  # the text width (two levels), or most of the page
        # nothing of it is a dark blot: only arrowheads are filled dark (a level name's screen-only focus box once was)
        blots = [o for o in drawn if o.get("fill") and _dark(o.get("non_stroking_color"))
                 and (o["x1"] - o["x0"]) * (o["bottom"] - o["top"]) > 100]
        assert not blots, [(round(o["x0"]), round(o["top"]), round(o["x1"] - o["x0"]), round(o["bottom"] - o["top"])) for o in blots]
        first = flat(page.extract_text())
        assert "Enacted in this scenario" in first and "Not enacted here" in first  # the key, in words
        second = flat(pdf.pages[1].extract_text())
        assert "The trouble" in second and "FIRST-ALPHA summary." in second and "(Reported)" in second
    text = text_of(kit / "packet-first-letter.pdf")
    assert text.index("Prompt 1") < text.index("Prompt 2") < text.index("My next steps")
    for words in ("What I will do", "With whom", "By when", "Sources"):
        assert words in text


@pytest.mark.skipif(shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
                    reason="zbar-tools or poppler-utils not installed (scripts/setup.sh installs them)")
@pytest.mark.parametrize("paper", PAPERS)
def test_the_qr_code_of_a_packet_decodes_to_its_scenario_page(kit, paper, tmp_path):
    for scenario in ("first", "solo"):
        png = tmp_path / f"{scenario}-{paper}"
        subprocess.run(["pdftoppm", "-r", "200", "-f", "1", "-l", "1", "-png", str(kit / f"packet-{scenario}-{paper}.pdf"),
                        str(png)], check=True)
        decoded = subprocess.run(["zbarimg", "-q", "--raw", *map(str, tmp_path.glob(f"{scenario}-{paper}*.png"))],
                                 capture_output=True, text=True, check=True).stdout.split()
        assert decoded == [f"{BASE}scenarios/{scenario}.html"]
        printed = PdfReader(kit / f"packet-{scenario}-{paper}.pdf").pages[0].extract_text()
        assert f"{BASE}scenarios/{scenario}.html" in re.sub(r"\s+", "", printed)  # in full, broken only at slashes


def test_every_label_of_the_printed_diagram_fits_inside_its_shape():
    """Measured with the print style's font sizes, in bold (as the enacted parts are printed): the priorities'
    label sits inside its triangle, line by line, and every box's and band's label inside its shape."""
    from html import unescape

    from docutils import nodes
    from glassbox_handbook.core.diagram import framework_diagram
    from glassbox_handbook.core.framework import load_framework
    from glassbox_handbook.pdf.render import SVG_STYLE
    from PIL import ImageFont

    sizes = {name: float(px) for name, px in re.findall(r"\.gb-(small|band)\{font-size:([\d.]+)px\}", SVG_STYLE)}
    sizes["label"] = float(re.search(r"text\{[^}]*font-size:([\d.]+)px", SVG_STYLE).group(1))
    font = ImageFont.truetype("DejaVuSans-Bold.ttf", 1000)
    for framework in (PROJECT / "handbook" / "framework.yaml", ROOTS / "test-basic" / "framework.yaml"):
        fw = load_framework(framework)
        svg = "".join(n.astext() for n in framework_diagram(fw, lambda target, anchor: "#")[0].findall(nodes.raw))
        # each shape, then its label's lines: one <text> each, at its own baseline
        shapes = re.findall(r'<(polygon|rect) ([^>]*)class="gb-shape"/>((?: ?<text [^>]*>[^<]*</text>)+)', svg)
        assert len(shapes) >= 3 * len(fw.levels), framework
        for kind, attrs, lines in shapes:
            for y, cls, text in re.findall(r'<text x="[^"]+" y="([\d.]+)"[^>]*class="gb-label ?([a-z-]*)">([^<]*)</text>',
                                           lines):
                size = sizes.get(cls.removeprefix("gb-"), sizes["label"])
                y = float(y)
                width = font.getlength(unescape(text)) / 1000 * size
                if kind == "rect":
                    box = dict(re.findall(r'(\w+)="([\d.]+)"', attrs))
                    assert width <= float(box["width"]) - 4, (text, width, box)
                    assert float(box["y"]) < y - 0.75 * size and y + 0.25 * size < float(box["y"]) + float(box["height"])
                else:
                    (ax, ay), (lx, base), (rx, _) = (tuple(map(float, p.split(","))) for p in
                                                     re.search(r'points="([^"]+)"', attrs).group(1).split())
                    top = y - 0.75 * size  # the top of the line's capitals: the triangle is narrowest there
                    assert top > ay and y + 0.25 * size < base, text
                    assert width <= (rx - lx) * (top - ay) / (base - ay), (text, width)


# -- both documents: tagged PDF -----------------------------------------------------------------------------


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("kind", ["guide", "packet"])
def test_guides_and_packets_are_tagged_in_every_size(kit, kind, paper):
    reader = PdfReader(kit / f"{kind}-first-{paper}.pdf")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en" and bool(root["/MarkInfo"]["/Marked"])
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == f"First scenario: {'facilitator guide' if kind == 'guide' else 'participant packet'}"
    types, alts = struct_types(reader)
    assert types.get("/H1") and types.get("/H2") and types.get("/L") and types.get("/Table")
    assert all(alt and str(alt).strip() for alt in alts), alts
    marks = [title for _, title, _ in outline(reader)]
    assert marks[0] == "First scenario" and "Sources" in marks
    if kind == "packet":
        assert any(str(a).startswith("Diagram of the") and "highlighted are Alpha, Beta" in str(a) for a in alts)
        assert f"QR code linking to the scenario's web page, {BASE}scenarios/first.html" in map(str, alts)
        assert {"Prompts to work on", "My next steps"} <= set(marks)


# -- the website and the site build -------------------------------------------------------------------------


def test_the_site_build_says_once_how_to_set_the_address_when_it_is_unknown(tmp_path):
    root = tmp_path / "src"
    shutil.copytree(ROOTS / "test-basic", root)
    env = {k: v for k, v in os.environ.items() if k != "GLASSBOX_BASEURL"}
    cmd = [sys.executable, "-m", "glassbox_handbook", "--root", str(root), "site", "--no-pdf", "--out", str(tmp_path / "html")]
    unset = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert unset.returncode == 0, unset.stderr
    said = [line for line in unset.stderr.splitlines() if "GLASSBOX_BASEURL" in line]
    assert len(said) == 1 and "GLASSBOX_BASEURL=https://" in said[0], unset.stderr
    known = subprocess.run(cmd, capture_output=True, text=True, env={**env, "GLASSBOX_BASEURL": BASE})
    assert known.returncode == 0 and "GLASSBOX_BASEURL" not in known.stderr
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    printable = readme[readme.index("### Printable material"):readme.index("### In the browser")]
    assert said[0].strip() in printable  # the README says the same, where the printable material is described
