"""The pdf builder: handbook, workshop packets and prompt cards, read back with pypdf and pdfplumber."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from conftest import EPOCH, PROJECT, ROOTS, build_toy_pdfs, pdf_pages
from pypdf import PdfReader

A4, LETTER = (595.28, 841.89), (612.0, 792.0)
SLIDE = (720.0, 405.0)  # 254 mm x 142.875 mm: 16:9
SCENARIOS = ("first", "second")


@pytest.fixture
def pdfs(toy_pdfs: Path) -> Path:
    return toy_pdfs


def prompts_of(scenario: str) -> list[str]:
    text = (ROOTS / "test-basic" / "scenarios" / f"{scenario}.md").read_text(encoding="utf-8")
    return [m.group(1).strip() for m in re.finditer(r":::\{design-prompt\}\n(?::[^\n]*\n)*(.*?)\n:::", text, re.S)]


def flat(text: str) -> str:
    """Text as one line; a line break after a hyphen is no space."""
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", text))


def struct_types(reader: PdfReader) -> tuple[dict[str, int], list]:
    types: dict[str, int] = {}
    alts: list = []

    def walk(node) -> None:
        node = node.get_object()
        if isinstance(node, list):
            for kid in node:
                walk(kid)
        elif isinstance(node, dict):
            kind = node.get("/S")
            if kind:
                types[kind] = types.get(kind, 0) + 1
                if kind == "/Figure":
                    alts.append(node.get("/Alt"))
            if "/K" in node:
                walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return types, alts


def outline(reader: PdfReader, items=None, depth: int = 0) -> list[tuple[int, str, int]]:
    out = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            out += outline(reader, item, depth + 1)
        else:
            out.append((depth, item.title, reader.get_destination_page_number(item)))
    return out


def test_every_pdf_is_written_in_both_sizes(pdfs):
    """Every printed document in both paper sizes; slides, which have no paper, once each, at 16:9."""
    names = {p.name for p in pdfs.glob("*.pdf")}
    rooms = ("", "-school")  # the mixed room's ready-made session, and the school side's (the toy framework's rooms)
    slides = {f"slides-{s}{room}.pdf" for s in SCENARIOS for room in rooms}
    expected = {f"{base}-{paper}.pdf" for paper in ("a4", "letter") for base in (
        "handbook", "prompt-cards", "poster", *(f"packet-{s}" for s in SCENARIOS),
        *(f"{kind}-{s}{room}" for s in SCENARIOS for room in rooms for kind in ("guide", "handout", "cards")))}
    assert names == expected | slides
    timings = json.loads((pdfs / "timings.json").read_text(encoding="utf-8"))
    assert set(timings) == expected | slides and all(seconds > 0 for seconds in timings.values())
    for name in names:
        pages = PdfReader(pdfs / name).pages
        for page in pages if name in slides else pages[:1]:  # the handbook's matrix pages are landscape
            size = (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2))
            paper = SLIDE if name in slides else A4 if name.endswith("-a4.pdf") else LETTER
            if name.startswith("poster-"):  # the dot-voting poster is the paper turned on its side
                paper = paper[::-1]
            assert size == paper, name


@pytest.mark.parametrize("name", ["handbook-a4.pdf", "handbook-letter.pdf", "packet-first-letter.pdf",
                                  "prompt-cards-a4.pdf", "prompt-cards-letter.pdf", "slides-first.pdf", "slides-second.pdf"])
def test_pdfs_are_tagged_with_language_and_title(pdfs, name):
    reader = PdfReader(pdfs / name)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert bool(root["/MarkInfo"]["/Marked"])
    assert reader.metadata.title
    types, alts = struct_types(reader)
    assert types.get("/H1") and types.get("/Figure")
    assert all(alt and str(alt).strip() for alt in alts), alts
    if name.startswith("slides-"):  # the highlighted diagram, and the component marks beside their names
        # the diagram is drawn for the slide in text, not as a picture: every level and component, and its key in words
        text = " ".join(pdf_pages(pdfs / name))
        assert all(word in text for word in ("Alpha", "Beta", "Gamma", "Delta", "Top", "Bottom")), text
        assert "Dashed: not in the" in text and "Thick: in the" in text
        assert any(str(a).endswith(" shape") for a in alts), alts
        assert types.get("/H2") and types.get("/P")
        assert len(outline(reader)) == len(reader.pages)  # a bookmark per slide


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_handbook_structure_has_headings_tables_and_figures(pdfs, paper):
    reader = PdfReader(pdfs / f"handbook-{paper}.pdf")
    assert reader.metadata.title == "Test handbook"
    types, alts = struct_types(reader)
    for kind in ("/H1", "/H2", "/Table", "/TH", "/TD", "/Figure", "/L", "/LI", "/Link"):
        assert types.get(kind), kind
    assert any("Diagram of the" in str(a) for a in alts)


def test_outline_equals_the_contents_with_right_page_numbers(pdfs):
    reader = PdfReader(pdfs / "handbook-a4.pdf")
    marks = outline(reader)
    toc_text = reader.pages[1].extract_text()
    assert toc_text.startswith("Contents")
    toc = [(m.group(1).strip(" ."), int(m.group(2)))
           for m in re.finditer(r"^(.+?)[ .]*\s(\d+)$", toc_text, re.M) if not m.group(1).startswith("Page")]
    assert toc, toc_text
    # The root page opens the book (after cover and contents); every other bookmark is a contents entry.
    assert marks[0][1] == "Test handbook"
    assert [(title, page + 1) for _, title, page in marks[1:]] == toc


def test_internal_links_land_on_the_right_pages(pdfs):
    reader = PdfReader(pdfs / "handbook-a4.pdf")
    source = {title: page for _, title, page in outline(reader)}["Alpha"]
    landed = []
    for annot in reader.pages[source].get("/Annots", []):
        annot = annot.get_object()
        dest = annot.get("/Dest")
        if annot.get("/Subtype") == "/Link" and dest is not None:
            page = reader.named_destinations[str(dest)].page if not isinstance(dest, list) else dest[0]
            landed.append(reader.get_page_number(page.get_object()))
    texts = [reader.pages[i].extract_text() for i in landed if i != source]
    # Alpha is enacted in both scenarios: its backlinks land on those sections.
    assert any("FIRST-ALPHA summary." in t and "First alpha prompt?" in t for t in texts)
    assert any("SECOND-ALPHA summary." in t for t in texts)


def test_page_numbers_on_every_page_after_the_cover(pdfs):
    for name in ("handbook-a4.pdf", "guide-second-a4.pdf", "packet-second-letter.pdf", "prompt-cards-letter.pdf"):
        reader = PdfReader(pdfs / name)
        total = len(reader.pages)
        assert f"Page 1 of {total}" not in reader.pages[0].extract_text()
        for i, page in enumerate(reader.pages[1:], start=2):
            assert f"Page {i} of {total}" in page.extract_text(), (name, i)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_cover_has_title_diagram_date_licence_and_citation_and_no_empty_version(pdfs, paper):
    reader = PdfReader(pdfs / f"handbook-{paper}.pdf")
    cover = reader.pages[0].extract_text()
    for text in ("Test handbook", "14 November 2023", "Licence", "Toy Licence 1.0", "How to cite"):
        assert text in cover
    # the toy's conf.py sets no version: no "Version ·" on the cover, no "(Version )" in the citation
    # (the real handbook's cover, with its version: test_printed_handbook.py)
    assert "Version" not in cover
    # the toy framework's diagram, not highlighted for any scenario, with its text alternative
    assert any(str(alt).startswith("Diagram of the Toy Partnership Core: at each level (Top pair")
               for alt in struct_types(reader)[1])
    assert "Page 2 of" in reader.pages[1].extract_text()  # the cover fits on its page


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_packet_has_every_prompt_in_order_and_the_guide_the_facilitators_material(pdfs, scenario):
    expected = prompts_of(scenario)
    assert expected
    for paper in ("a4", "letter"):
        text = flat(" ".join(p.extract_text() for p in PdfReader(pdfs / f"packet-{scenario}-{paper}.pdf").pages))
        positions = [text.find(flat(prompt)) for prompt in expected]
        assert -1 not in positions and positions == sorted(positions), paper
        assert f"scenarios/{scenario}.html" in text and "Sources" in text
        assert "Discussion moves" not in text and "minute plan" not in text  # the facilitator's material is the guide's
        guide = flat(" ".join(p.extract_text() for p in PdfReader(pdfs / f"guide-{scenario}-{paper}.pdf").pages))
        # one session a guide (60 minutes, for its room); a longer one is made in the planner, as it says
        assert "The 60-minute plan" in guide and "For a 90-minute session" in guide and "planner" in guide
        assert "Discussion moves" in guide and "One idea" in guide and f"scenarios/{scenario}.html" in guide


def test_cards_hold_every_prompt_with_component_names(pdfs):
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(pdfs / "prompt-cards-a4.pdf").pages))
    for scenario in SCENARIOS:
        for prompt in prompts_of(scenario):
            assert prompt in text
    assert "Alpha" in text and "Beta" in text


def test_nothing_is_drawn_outside_the_page_margins(pdfs):
    """Text and drawings keep within the side margins (the narrowest, 14 mm, is used by the
    landscape matrix pages); only running heads and page numbers use the top and bottom margins."""
    side = 14 / 25.4 * 72 - 0.5
    for name in ("handbook-a4.pdf", "handbook-letter.pdf", "guide-first-letter.pdf", "packet-first-a4.pdf",
                 "prompt-cards-a4.pdf"):
        with pdfplumber.open(pdfs / name) as pdf:
            for page in pdf.pages:
                for obj in page.chars + page.images + page.rects + page.lines:
                    assert obj["x0"] >= side and obj["x1"] <= page.width - side, (name, page.page_number, obj.get("text"))
                    assert obj["top"] >= 0 and obj["bottom"] <= page.height, (name, page.page_number)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pages_render_to_png(pdfs, tmp_path):
    for name in ("handbook-a4", "packet-first-a4", "prompt-cards-letter"):
        subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "2", str(pdfs / f"{name}.pdf"),
                        str(tmp_path / name)], check=True)
    pngs = sorted(tmp_path.glob("*.png"))
    assert len(pngs) == 6 and all(p.stat().st_size > 1000 for p in pngs)


def test_two_builds_with_source_date_epoch_are_identical_one_written_in_two_processes(pdfs, tmp_path):
    """Reproducible, and independent of -j: the second build writes its PDFs in two processes."""
    log = build_toy_pdfs(tmp_path / "out", "-j", "2")
    assert re.search(r"writing \d+ PDFs in 2 processes", log), log
    written = sorted(p.name for p in pdfs.glob("*.pdf"))
    assert written == sorted(p.name for p in (tmp_path / "out").glob("*.pdf")) and len(written) >= 10
    for name in written:
        assert (tmp_path / "out" / name).read_bytes() == (pdfs / name).read_bytes(), name


def test_real_handbook_has_a_packet_per_scenario_with_every_prompt_in_order(site):
    """The published site (built once per session) carries every packet, with every prompt in order."""
    from glassbox_handbook.core.framework import load_framework
    from glassbox_handbook.core.scenario import parse_scenario

    fw = load_framework(PROJECT / "handbook" / "framework.yaml")
    files = sorted(f for f in (PROJECT / "scenarios").glob("*.md") if f.name != "index.md" and not f.name.startswith("_"))
    assert len(files) >= 9
    for file in files:
        scenario = parse_scenario(file.read_text(), str(file), fw).scenario
        prompts = [p.text for s in scenario.sections for p in s.prompts]
        for paper in ("a4", "letter"):
            path = site / "pdf" / f"packet-{scenario.meta.id}-{paper}.pdf"
            reader = PdfReader(path)
            assert reader.pages[0].mediabox.width == pytest.approx((A4 if paper == "a4" else LETTER)[0], abs=0.1)
            text = flat(" ".join(p.extract_text() for p in reader.pages))
            positions = [text.find(flat(p)) for p in prompts]
            assert -1 not in positions and positions == sorted(positions), path.name
            assert (site / "pdf" / f"guide-{scenario.meta.id}-{paper}.pdf").stat().st_size > 10_000


def test_packet_carries_a_qr_code_and_full_link_only_when_the_site_address_is_known(pdfs, tmp_path):
    # without an address (the test root sets none) a QR code would point nowhere: none is printed
    def qr_codes(path: Path) -> list[str]:
        return [str(alt) for alt in struct_types(PdfReader(path))[1] if alt and "QR code" in str(alt)]

    with pdfplumber.open(pdfs / "packet-first-a4.pdf") as pdf:
        assert "scenarios/first.html" in pdf.pages[0].extract_text() and "website" in pdf.pages[0].extract_text()
    assert qr_codes(pdfs / "packet-first-a4.pdf") == []
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "glassbox_pdf", "-d", str(out / ".d"),
                    "-D", "html_baseurl=https://example.org/handbook/", "-D", "glassbox_pdf_scenarios=first",
                    "-D", "glassbox_pdf_papers=a4", str(ROOTS / "test-basic"), str(out)],
                   check=True, env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH})
    reader = PdfReader(out / "packet-first-a4.pdf")
    links = [a.get_object().get("/A", {}).get("/URI") for a in reader.pages[0].get("/Annots", [])]
    assert "https://example.org/handbook/scenarios/first.html" in links
    assert qr_codes(out / "packet-first-a4.pdf") == [
        "QR code linking to the scenario's web page, https://example.org/handbook/scenarios/first.html"]


@pytest.mark.parametrize("baseurl", ["", "https://example.org/handbook/"])
def test_handbook_past_its_size_limit_leaves_scenarios_to_their_packets(tmp_path, baseurl):
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-W", "-b", "glassbox_pdf", "-d", str(out / ".d"),
                    "-D", "glassbox_pdf_handbook_max_scenarios=1", "-D", f"html_baseurl={baseurl}",
                    "-D", "glassbox_pdf_papers=a4", str(ROOTS / "test-basic"), str(out)],
                   check=True, env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH})
    reader = PdfReader(out / "handbook-a4.pdf")
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    assert "About this printed handbook" in text and "holds 2 scenarios: too many to print" in text
    # the framework's pages and views are there; the scenarios' own pages are not...
    assert "Alpha" in [title for _, title, _ in outline(reader)]
    assert "First scenario" not in [title for _, title, _ in outline(reader)]
    # the views print briefly: no scenario summaries or prompts, a count of the prompts left to the packets
    assert "FIRST-ALPHA summary." not in text and "First alpha prompt?" not in text
    assert "more prompts on alpha" in text and "in brief: each cell shows only its basis" in text
    # the brief matrix keeps the print rules: marks, no summaries list, no links that do nothing on paper
    assert "● Reported" in text and "The summaries, component by component" not in text
    assert "Read the section" not in text
    cards = flat(" ".join(p.extract_text() for p in PdfReader(out / "prompt-cards-a4.pdf").pages))
    assert "First alpha prompt?" not in cards and "printed in each scenario's workshop packet" in cards
    # ...and every scenario is in full in its packet
    packet = flat(" ".join(p.extract_text() for p in PdfReader(out / "packet-first-a4.pdf").pages))
    assert "FIRST-ALPHA summary." in packet and "First alpha prompt?" in packet
    # links to a left-out scenario open its web page, or are plain text when the address is unknown; none dangles
    uris, dests = [], []
    for page in reader.pages:
        for annot in page.get("/Annots", []):
            annot = annot.get_object()
            uris.append(annot.get("/A", {}).get("/URI"))
            if annot.get("/Dest") is not None and not isinstance(annot["/Dest"], list):
                dests.append(str(annot["/Dest"]))
    assert dests and all(d in reader.named_destinations for d in dests)
    web = [u for u in uris if u and "scenarios/first.html" in u]
    assert bool(web) == bool(baseurl)
    if baseurl:
        assert all(u.startswith("https://example.org/handbook/scenarios/first.html") for u in web)


def _pdf_messages() -> list[str]:
    """The English runs of the PDFs' own messages (the catalog's template, messages asked for in pdf/ and the
    session plan): each message cut at its placeholders, the pieces of two words or more."""
    from babel.messages.pofile import read_po

    with (PROJECT / "builder" / "glassbox_handbook" / "locale" / "glassbox_handbook.pot").open("rb") as f:
        template = read_po(f)
    pieces = set()
    for message in template:
        if message.id and any(path.startswith(("pdf/", "core/session.py")) for path, _line in message.locations):
            for text in message.id if isinstance(message.id, tuple) else (message.id,):
                runs = (p.strip(" .,:;()") for p in re.split(r"\{\w*\}", text))
                pieces |= {run for run in runs if len(run.split()) >= 2 and len(run) >= 10}  # not "at the"
    return sorted(pieces)


def test_a_spanish_project_prints_no_english_word_of_the_builders_in_its_pdfs(tmp_path):
    """With `language = "es"`, every PDF is tagged Spanish and none holds a message of the builder's in English:
    not its text, not its bookmarks, not its images' text alternatives; the page numbers are Spanish too."""
    out = tmp_path / "out"
    build_toy_pdfs(out, "-D", "language=es", "-D", "glassbox_pdf_papers=a4", "-D", "glassbox_pdf_handbook_max_scenarios=1",
                   "-D", "html_baseurl=https://example.org/handbook/")
    messages = _pdf_messages()
    assert "Continues on the next card" in messages and any("what your groups would bring to them" in m for m in messages)
    left = {}
    for path in sorted(out.glob("*.pdf")):
        reader = PdfReader(path)
        assert reader.trailer["/Root"]["/Lang"] == "es", path.name
        pages = pdf_pages(path)
        alts = [str(a) for a in struct_types(reader)[1]]
        if path.name.startswith("handbook-"):  # its pages' own words are the views' (tested with the site's):
            first = min(page for _, _, page in outline(reader))  # here its cover, its note and its contents
            pages, alts = pages[:first], alts[:1]
            assert "en cada nivel (Top pair, Bottom pair)" in alts[0]
        words = " ".join([*pages, *(t for _, t, _ in outline(reader)), *alts, reader.metadata.title])
        found = [m for m in messages if m in flat(words)]
        if found:
            left[path.name] = found
        if len(pages) > 1 and not path.name.startswith("slides-"):
            assert "Página 2 de " in pages[1] and "Page" not in pages[1], path.name
    assert left == {}
    cover = pdf_pages(out / "handbook-a4.pdf")[0]
    assert "14 de noviembre de 2023" in cover and "Cómo citar" in cover
    assert "Sobre este manual impreso" in " ".join(pdf_pages(out / "handbook-a4.pdf"))
