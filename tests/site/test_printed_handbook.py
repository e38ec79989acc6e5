"""The real handbook's PDF as a workshop leader reads it: cover, running heads, the landing page's paths,
the matrix of every scenario on at most two pages, with whole words and no links that do nothing on paper.

Everything is read back from the published site's PDFs (the session's `site` fixture) with pdfplumber and
pypdf; what the pages should hold is read from the sources (framework file, scenarios, index.md), so the
tests follow the content when it is rewritten.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pdfplumber
import pytest
from conftest import PROJECT
from pypdf import PdfReader
from test_pdf import flat, outline, struct_types

PAPERS = ("a4", "letter")
POPPLER = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
CAPTION = "Scenarios by component: the"  # then the framework's short name and "matrix"
SUMMARIES = "The summaries, component by component"
HEAD = 58  # points from the top: the running heads sit above the 22 mm top margin
BROKEN = re.compile(r"[^\W\d_][-\u2010\u00ad]$")  # a word that ends in a letter and a hyphen


@pytest.fixture(scope="module")
def framework():
    from glassbox_handbook.core.framework import load_framework

    return load_framework(PROJECT / "handbook" / "framework.yaml")


@pytest.fixture(scope="module")
def scenarios(framework):
    from glassbox_handbook.core.scenario import parse_scenario

    files = sorted(f for f in (PROJECT / "scenarios").glob("*.md") if f.name != "index.md" and not f.name.startswith("_"))
    return [parse_scenario(f.read_text(encoding="utf-8"), str(f), framework).scenario for f in files]


def handbook(site: Path, paper: str) -> Path:
    return site / "pdf" / f"handbook-{paper}.pdf"


@cache
def plumbed(path: Path) -> pdfplumber.PDF:
    """One pdfplumber parse of a whole book for the session: it keeps each page's objects once read,
    so the tests that look at the same pages again do not parse them again."""
    return pdfplumber.open(path)


@cache
def reader_of(path: Path) -> PdfReader:
    return PdfReader(path)


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def unpaged(text: str) -> str:
    """A cell's text without the page number the stylesheet prints after a link."""
    return re.sub(r"\s*\(page \d+\)", "", words(text))


def page_lines(path: Path) -> list[tuple[str, str]]:
    """Each page's (running head, rest of its text), read with poppler's pdftotext: fast on a whole book."""
    xml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    out = []
    for page in ET.fromstring(xml).iter("{http://www.w3.org/1999/xhtml}page"):
        found = [(float(w.get("yMin")), w.text or "") for w in page.iter("{http://www.w3.org/1999/xhtml}word")]
        out.append((" ".join(t for y, t in found if y < HEAD), " ".join(t for y, t in found if y >= HEAD)))
    return out


def matrix_page(reader: PdfReader) -> int:
    """The page the matrix's handbook page starts on."""
    return next(page for _, title, page in outline(reader) if title == "The glass-box matrix")


def matrix_tables(pdf, first: int) -> list[tuple[int, list[list[str]]]]:
    """(page index, table) for each page holding the matrix: the caption's page and the pages its rows run on."""
    start = next(i for i in range(first, len(pdf.pages)) if CAPTION in words(pdf.pages[i].extract_text() or ""))
    found = []
    for i in range(start, len(pdf.pages)):
        tables = [t for t in pdf.pages[i].extract_tables() if t and t[0] and words(t[0][0] or "") == "Scenario"]
        if not tables:
            break
        found.append((i, tables[0]))
    return found


def hyphen_breaks(page) -> list[str]:
    """Words that end a line in a letter and a hyphen while the word goes on on the next line."""
    ws = page.extract_words(use_text_flow=True, keep_blank_chars=False)
    return [f"{w['text']} / {nxt['text']}" for w, nxt in zip(ws, ws[1:], strict=False)
            if BROKEN.search(w["text"]) and nxt["top"] > w["top"] + 1]


@pytest.mark.parametrize("paper", PAPERS)
def test_matrix_of_every_scenario_fits_on_two_pages_in_whole_words(site, framework, scenarios, paper):
    assert len(scenarios) >= 9
    first = matrix_page(reader_of(handbook(site, paper)))
    pdf = plumbed(handbook(site, paper))
    pages = matrix_tables(pdf, first)
    assert 1 <= len(pages) <= 2, [i + 1 for i, _ in pages]
    header = [unpaged(c or "") for c in pages[0][1][0]]
    # every heading is a component's whole name: a word split across lines would not read back as one
    assert header == ["Scenario", *(c.name for c in framework.components)]
    rows = [row for _, table in pages for row in table[1:]]
    assert sorted(unpaged(row[0]) for row in rows) == sorted(s.meta.title for s in scenarios)
    # each cell: the basis as a symbol and a word, or a gap
    symbol = {b.id: f"{sym} {b.label}" for sym, b in zip("●○■□◆◇▲△", framework.bases, strict=False)}
    for row in rows:
        scenario = next(s for s in scenarios if s.meta.title == unpaged(row[0]))
        for comp, cell in zip(framework.components, row[1:], strict=True):
            sec = next((sec for sec in scenario.sections if sec.component == comp.id and sec.enactment), None)
            expected = symbol[sec.enactment.basis] if sec and sec.enactment else "– Gap"
            assert words(cell or "") == expected, (scenario.meta.id, comp.id)
    for i, _ in pages:
        assert hyphen_breaks(pdf.pages[i]) == [], (paper, i + 1)
        assert pdf.pages[i].width > pdf.pages[i].height  # landscape: seven columns of whole words
    # the legend says what each mark means, on the matrix's own page
    legend = words(pdf.pages[pages[-1][0]].extract_text())
    for basis in framework.bases:
        assert basis.description in legend


@pytest.mark.parametrize("paper", PAPERS)
def test_summaries_follow_the_matrix_component_by_component(site, framework, scenarios, paper):
    reader = reader_of(handbook(site, paper))
    start = matrix_page(reader)
    after = min(page for _, _, page in outline(reader) if page > start + 1)
    pdf = plumbed(handbook(site, paper))
    last = matrix_tables(pdf, start)[-1][0]
    pages = pdf.pages[last + 1:after]
    assert pages and all(p.width < p.height for p in pages)  # back to portrait
    text = flat(" ".join(p.crop((0, HEAD, p.width, p.height)).extract_text() for p in pages))
    assert text.startswith(SUMMARIES), text[:200]
    for short, long in framework.expansions.items():  # an abbreviation is spelt out at its first use in the book
        text = text.replace(flat(f"{short} ({long})"), short)
    for scenario in scenarios:
        for sec in scenario.sections:
            if sec.component and sec.enactment:
                assert flat(sec.enactment.summary) in text, (scenario.meta.id, sec.component)
    # each component's heading, in the framework's order, followed by its first entry (a mark) or its gaps
    found = [re.search(rf"{re.escape(c.name)} (?:[●○■□◆◇▲△]|Gap in:)", text) for c in framework.components]
    assert all(found), [c.id for c, m in zip(framework.components, found, strict=True) if not m]
    positions = [m.start() for m in found if m]
    assert positions == sorted(positions)


@POPPLER
@pytest.mark.parametrize("paper", PAPERS)
def test_no_dead_links_and_no_hyphenation_anywhere_in_the_handbook(site, paper):
    text = subprocess.run(["pdftotext", str(handbook(site, paper)), "-"], capture_output=True, text=True, check=True).stdout
    assert "Read the section" not in text
    # WeasyPrint marks the words it hyphenates with U+2010; the sources hold none
    assert "\u2010" not in text and "\u00ad" not in text


@pytest.mark.parametrize("paper", PAPERS)
def test_cover_has_title_diagram_edition_licence_and_citation(site, paper):
    reader = reader_of(handbook(site, paper))
    cover = words(reader.pages[0].extract_text())
    assert "The Glass-Box Handbook" in cover and "Simultaneous Renewal Learning Core" in cover
    assert re.search(r"Version \d+(\.\d+)+ · \d{1,2} [A-Z][a-z]+ \d{4}", cover), cover
    assert "Licence: Content CC BY 4.0" in cover
    assert re.search(r"How to cite: .+\(\d{4}\)\. The Glass-Box Handbook \(Version \d", cover), cover
    first = reader.pages[0].indirect_reference

    figures = []

    def walk(node) -> None:
        node = node.get_object()
        if isinstance(node, list):
            for kid in node:
                walk(kid)
        elif isinstance(node, dict):
            if node.get("/S") == "/Figure" and node.get("/Pg") == first:
                figures.append(str(node.get("/Alt") or ""))
            if "/K" in node:
                walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    assert len(figures) == 1 and figures[0].startswith("Diagram of the Simultaneous Renewal Learning Core: at each level")
    assert "highlighted" not in figures[0]
    pdf = plumbed(handbook(site, paper))
    page = pdf.pages[0]
    assert page.crop((0, 0, page.width, HEAD)).extract_text().strip() == ""  # no running head
    assert not re.search(r"Page \d+ of", page.extract_text())
    assert page.curves or page.rects  # the diagram is drawn


@POPPLER
@pytest.mark.parametrize("paper", PAPERS)
def test_running_heads_name_the_part_and_the_page(site, paper):
    reader = reader_of(handbook(site, paper))
    lines = page_lines(handbook(site, paper))
    assert len(lines) == len(reader.pages)
    assert lines[0][0] == "" and "Page 1 of" not in lines[0][1]  # the cover has neither
    heads = {}
    for i, (head, rest) in enumerate(lines[1:], start=1):
        heads[i] = head
        assert head, f"no running head on page {i + 1}"
        assert f"Page {i + 1} of {len(lines)}" in rest, (i + 1, rest[-40:])

    def cut(title: str) -> str:
        return title if len(title) <= 72 else title[:60]

    # the outline's top level holds the parts; a page under a part has the part on the left, itself on the right
    checked, part = 0, ""
    for item in reader.outline[1:]:
        if isinstance(item, list):
            for _, title, page in outline(reader, item):
                assert heads[page].startswith(part), (page + 1, heads[page], part)
                assert cut(title) in heads[page], (page + 1, heads[page], title)
                checked += 1
        else:
            part = item.title
            page = reader.get_destination_page_number(item)
            assert heads[page] == f"The Glass-Box Handbook {part}", (page + 1, heads[page])
    assert checked > 20
    change = next(page for _, title, page in outline(reader) if title == "Change facilitators")
    assert heads[change] == "The framework Change facilitators"


def landing_cards() -> list[dict[str, str]]:
    """The paths of index.md (its `gb-paths` list): title, link target and text, as its author wrote them."""
    text = (PROJECT / "index.md").read_text(encoding="utf-8")
    block = re.search(r"^:{3,}\{container\} gb-paths\n(.*?)^:{3,}$", text, re.S | re.M).group(1)
    cards = []
    for m in re.finditer(r"^- \[(?P<title>[^\]]+)\]\((?P<link>[^)]+)\.md\)\n\n(?P<body>(?:  [^\n]*\n?)+)", block, re.M):
        # the site prints an apostrophe as a typographic one (MyST's smartquotes)
        body = words(m.group("body")).replace("'", "\u2019")
        cards.append({"title": m.group("title"), "link": m.group("link"), "body": body})
    return cards


@pytest.mark.parametrize("paper", PAPERS)
def test_landing_page_paths_print_as_one_block(site, paper):
    cards = landing_cards()
    assert len(cards) >= 2 and all(c["title"] and c["link"] for c in cards)
    reader = reader_of(handbook(site, paper))
    landing = outline(reader)[0][2]
    pdf = plumbed(handbook(site, paper))
    page = pdf.pages[landing]
    spots = [page.search(c["title"]) for c in cards]
    assert all(spots), cards

    def holds(r: dict, h: dict) -> bool:
        return r["x0"] <= h["x0"] and h["x1"] <= r["x1"] and r["top"] <= h["top"] and h["bottom"] <= r["bottom"]

    # one drawn box holds every card's title
    boxes = [r for r in page.rects if all(any(holds(r, h) for h in found) for found in spots)]
    assert boxes, "the cards are not drawn as one block"
    box = min(boxes, key=lambda r: r["width"] * r["height"])
    links = [a for a in page.annots if a["data"].get("Dest") and holds(box, a)]
    # each card is a panel of the block, from its title down to the next card's: its text and its link are in it
    starts = sorted(next(h for h in found if holds(box, h))["top"] - 2 for found in spots)
    for card, found in zip(cards, spots, strict=True):
        top = next(h for h in found if holds(box, h))["top"] - 2
        bottom = next((y for y in starts if y > top), box["bottom"])
        panel = {"x0": box["x0"], "top": top, "x1": box["x1"], "bottom": bottom}
        text = flat(page.crop((box["x0"], top, box["x1"], bottom)).extract_text())
        assert text.startswith(card["title"]) and flat(card["body"]) in text, (card["title"], text)
        target = "doc-" + card["link"].strip("/").replace("/", "-")
        assert [a for a in links if a["data"]["Dest"].decode() == target and holds(panel, a)], card
        number = reader.get_page_number(reader.named_destinations[target].page.get_object()) + 1
        assert text.endswith(f"page {number}"), (card["title"], number, text)
    # nothing of the cards strays outside the block
    above = flat(page.crop((0, 0, page.width, box["top"])).extract_text())
    below = flat(page.crop((0, box["bottom"], page.width, page.height)).extract_text())
    for card in cards:
        assert flat(card["body"]) not in above and flat(card["body"]) not in below


@pytest.mark.parametrize("paper", PAPERS)
def test_real_handbook_is_tagged_in_both_sizes(site, paper):
    reader = reader_of(handbook(site, paper))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en" and bool(root["/MarkInfo"]["/Marked"])
    assert reader.metadata.title == "The Glass-Box Handbook"
    types, alts = struct_types(reader)
    for kind in ("/H1", "/H2", "/H3", "/Table", "/TH", "/TD", "/Figure", "/L", "/LI", "/Link"):
        assert types.get(kind), kind
    assert alts and all(alt and str(alt).strip() for alt in alts)

