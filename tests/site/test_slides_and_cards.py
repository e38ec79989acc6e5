"""Slides for the room and prompt cards on a grid, read back from real PDFs with pdfplumber and pypdf.

The slides must be 16:9, legible from the back of a room (20 pt at the least), follow the session plan
prompt by prompt, and carry a bookmark per slide; the cards must all be one size on a grid of cut lines,
keep their text inside, and fill their pages. A scenario with a very long title and prompt shows that
text is fitted or continued, never cut off.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pdfplumber
import pytest
import yaml
from conftest import EPOCH, ROOTS
from glassbox_handbook.core.framework import load_framework
from glassbox_handbook.core.session import plan_session
from pypdf import PdfReader
from test_pdf import outline
from toy import FW, page_of, parsed

SCENARIOS = ("first", "second")
FLOOR = 19.95  # 20 pt, as pdfplumber reports it
KEY_FLOOR = 17.95  # 18 pt: the diagram's labels and key, the smallest type of any slide
LONG_WORDS = [f"{word}{i}" for i in range(1, 61) for word in ("partners", "weigh", "evidence", "together")]
LONG_PROMPT = "Before the next meeting, " + " ".join(LONG_WORDS) + " and decide who acts first?"
LONG_TITLE = "A first scenario whose title runs on " + " ".join(f"clause{i} and more" for i in range(1, 41))
LONG_TOKEN = "https://example.org/" + "segment" * 30


def sphinx(src: Path, out: Path, *options: str) -> Path:
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-W", "-b", "glassbox_pdf", "-d", str(out / ".doctrees"),
                    *options, str(src), str(out)], check=True, env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH})
    return out


@pytest.fixture
def toy(toy_pdfs: Path) -> Path:
    return toy_pdfs


def long_scenario() -> str:
    text = (ROOTS / "test-basic" / "scenarios" / "first.md").read_text(encoding="utf-8")
    text = text.replace("title: First scenario", f"title: {LONG_TITLE}").replace("# First scenario", f"# {LONG_TITLE}")
    return text.replace("First alpha prompt?", f"{LONG_TOKEN} {LONG_PROMPT}")


@pytest.fixture(scope="module")
def long(tmp_path_factory) -> Path:
    """The toy handbook with a scenario whose title and one prompt are far too long for a slide or a card,
    and one with a single component and a single prompt."""
    import shutil

    root = tmp_path_factory.mktemp("long") / "root"
    shutil.copytree(ROOTS / "test-basic", root)
    (root / "scenarios" / "first.md").write_text(long_scenario(), encoding="utf-8")
    second = root / "scenarios" / "second.md"  # and one with a single component and a single prompt
    second.write_text(second.read_text(encoding="utf-8").split("## Gamma")[0], encoding="utf-8")
    return sphinx(root, root.parent / "out")


def plan_prompts(text: str, name: str) -> list[str]:
    return [p.text for p in plan_session(FW, page_of(parsed(text, f"scenarios/{name}.md")), 60).prompts]


def words(text: str) -> list[str]:
    return re.sub(r"\s+", " ", text.replace("\u200b", "")).split()


def in_order(needle: list[str], haystack: list[str]) -> bool:
    """Every word of `needle`, in its order, in `haystack` (other words may come between)."""
    found = iter(haystack)
    return all(any(w == h for h in found) for w in needle)


def page_texts(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [" ".join(words(page.extract_text() or "")) for page in pdf.pages]


def is_grey(colour) -> bool:
    if colour is None or isinstance(colour, (int, float)):
        return True
    values = [float(v) for v in colour if isinstance(v, (int, float))]
    if len(values) == 4:  # CMYK: grey has no colour ink
        return values[0] == values[1] == values[2] == 0
    return len(set(round(v, 3) for v in values)) <= 1


# -- slides ------------------------------------------------------------------------------------------------


def small_type(page) -> list[str]:
    """Characters under 18 pt: none, the slide's diagram included (it is drawn for the slide, its key at 18 pt)."""
    return [c["text"] for c in page.chars if c["size"] < KEY_FLOOR]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_slides_are_one_16_9_file_per_scenario_in_large_type(toy, scenario):
    path = toy / f"slides-{scenario}.pdf"
    # no paper size: one file for each room with a ready-made kit
    assert [p.name for p in toy.glob(f"slides-{scenario}-*.pdf")] == [f"slides-{scenario}-school.pdf"]
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) >= 6
        chars = []
        for page in pdf.pages:
            assert page.width / page.height == pytest.approx(16 / 9, rel=0.005)
            chars += page.chars
            assert not small_type(page)
            for c in page.chars:
                assert 0 <= c["x0"] and c["x1"] <= page.width and 0 <= c["top"] and c["bottom"] <= page.height
        large = [c for c in chars if c["size"] >= FLOOR]  # all at 18 pt or more (small_type); most at 20 or more
        assert len(large) >= 0.85 * len(chars), f"{len(large)} of {len(chars)} characters at 20 pt or more"


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_one_slide_per_prompt_of_the_60_minute_plan_in_its_order_with_component_and_time(toy, scenario):
    text = (ROOTS / "test-basic" / "scenarios" / f"{scenario}.md").read_text(encoding="utf-8")
    plan = plan_session(FW, page_of(parsed(text, f"scenarios/{scenario}.md")), 60)
    pages = page_texts(toy / f"slides-{scenario}.pdf")
    at = []
    for activity in plan.activities:
        for prompt in activity.prompts:
            holding = [i for i, t in enumerate(pages) if prompt.text in t]
            assert len(holding) == 1, (prompt.text, holding)
            slide = pages[holding[0]]
            comp = FW.component_by_id[activity.component]
            assert f"{activity.start}–{activity.end} min" in slide
            assert f"{comp.code} {comp.name}" in slide  # the mark's code, then the name
            at.append(holding[0])
    assert at and at == sorted(at)
    assert len(pages) > len(at)  # title, facts, diagram and close besides
    assert f"{scenario.capitalize()} scenario" in pages[0] and "Next steps" in pages[-1] and "Name one step and its owner." in pages[-1]
    assert "The trouble" in " ".join(pages) and "Things did not fit." in " ".join(pages)


def test_slides_have_a_bookmark_per_slide_and_the_tags_of_every_pdf(toy):
    for scenario in SCENARIOS:
        reader = PdfReader(toy / f"slides-{scenario}.pdf")
        marks = [(depth, page) for depth, _title, page in outline(reader)]
        assert marks == [(0, i) for i in range(len(reader.pages))]
        root = reader.trailer["/Root"]
        assert root["/Lang"] == "en" and bool(root["/MarkInfo"]["/Marked"]) and reader.metadata.title


def _grey(colour) -> tuple[float, ...]:
    """A colour as pdfplumber gives it (a number, a tuple, or None), as a tuple."""
    if colour is None:
        return ()
    return tuple(colour) if isinstance(colour, (tuple, list)) else (colour,)


def test_slides_and_cards_use_only_greys_and_dark_text(toy):
    for name in ("slides-first.pdf", "slides-first-school.pdf", "prompt-cards-a4.pdf"):
        with pdfplumber.open(toy / name) as pdf:
            for page in pdf.pages:
                for c in page.chars:
                    assert is_grey(c["non_stroking_color"]), (name, c["text"], c["non_stroking_color"])
                for obj in page.rects + page.lines + page.curves:
                    assert is_grey(obj.get("stroking_color")) and is_grey(obj.get("non_stroking_color")), name
                black = [r for r in page.rects if is_grey(r.get("non_stroking_color")) and r.get("fill")
                         and max(_grey(r.get("non_stroking_color"))) < 0.1]
                light = [c for c in page.chars if max(_grey(c["non_stroking_color"]), default=0) > 0.25]
                # light type only as white on black (the slide's diagram marks what the session works on so)
                stray = [c["text"] for c in light if not any(r["x0"] <= c["x0"] and c["x1"] <= r["x1"] and r["top"] <= c["top"]
                                                               and c["bottom"] <= r["bottom"] for r in black)]
                assert not stray, (name, page.page_number, "".join(stray))


def test_a_very_long_title_and_prompt_are_continued_on_slides_never_cut_off(long):
    path = long / "slides-first.pdf"
    pages = page_texts(path)
    every = words(" ".join(pages))
    assert in_order(words(LONG_TITLE), every) and in_order(words(LONG_PROMPT), every)
    assert LONG_TOKEN in "".join(" ".join(pages).split())
    holding = [i for i, t in enumerate(pages) if any(w in t.split() for w in LONG_WORDS)]
    assert len(holding) >= 2 and all("(continued)" in pages[i] for i in holding[1:])
    assert "(continued)" in pages[1]  # the title runs on to a second title slide
    prompts = plan_prompts(long_scenario(), "first")
    assert all(any(p in t for t in pages) for p in prompts if p.startswith("First beta"))
    reader = PdfReader(path)
    assert len(outline(reader)) == len(reader.pages)
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            assert page.width / page.height == pytest.approx(16 / 9, rel=0.005)
            assert not small_type(page)
            for c in page.chars:
                assert 0 <= c["x0"] and c["x1"] <= page.width and c["bottom"] <= page.height - 10


def test_a_scenario_with_one_component_and_one_prompt_still_gets_a_whole_deck(long):
    pages = page_texts(long / "slides-second.pdf")
    assert "Second scenario" in pages[0]
    assert sum("Prompt 1 of 1" in t for t in pages) == 1 and "Second alpha prompt?" in " ".join(pages)
    assert any("Enacted here" in t for t in pages) and "Next steps" in pages[-1]
    assert all(t.strip() for t in pages)  # no empty slide
    assert len(outline(PdfReader(long / "slides-second.pdf"))) == len(pages)


# -- cards -------------------------------------------------------------------------------------------------


def cut_cells(page) -> list[tuple[float, float, float, float]]:
    """The cards of a page, from its dashed cut lines: each row's vertical lines, left to right."""
    rows: dict[tuple[float, float], set[float]] = defaultdict(set)
    for line in page.lines:
        if line.get("dash") and line["dash"][0] and abs(line["x0"] - line["x1"]) < 0.01:
            rows[(round(line["top"], 1), round(line["bottom"], 1))].add(round(line["x0"], 1))
    cells = []
    for (top, bottom), xs in sorted(rows.items()):
        xs_sorted = sorted(xs)
        cells += [(a, top, b, bottom) for a, b in zip(xs_sorted, xs_sorted[1:], strict=False)]
    return cells


def check_cards(path: Path, paper_bottom: float) -> tuple[str, int]:
    """Every card of every page one size, its text inside it, every page but the last full."""
    sizes: list[tuple[float, float]] = []
    text = []
    with pdfplumber.open(path) as pdf:
        pages = pdf.pages
        for n, page in enumerate(pages, 1):
            cells = cut_cells(page)
            assert cells, (path.name, n)
            sizes += [(c[2] - c[0], c[3] - c[1]) for c in cells]
            top, bottom = min(c[1] for c in cells), max(c[3] for c in cells)
            for ch in page.chars:
                if ch["top"] >= top - 0.5 and ch["bottom"] <= bottom + 0.5 and ch["text"].strip():
                    assert any(c[0] - 0.5 <= ch["x0"] and ch["x1"] <= c[2] + 0.5 and c[1] - 0.5 <= ch["top"]
                               and ch["bottom"] <= c[3] + 0.5 for c in cells), (path.name, n, ch["text"])
                elif ch["text"].strip():  # above the grid: the running head (and on page 1 the legend)
                    assert ch["bottom"] <= top + 0.5 or ch["top"] >= bottom - 0.5, (path.name, n, ch["text"])
            for obj in page.curves + [r for r in page.rects if r["stroke"]]:
                if obj["top"] >= top:
                    assert any(c[0] - 0.5 <= obj["x0"] and obj["x1"] <= c[2] + 0.5 and obj["bottom"] <= c[3] + 0.5
                               for c in cells), (path.name, n, "a mark outside its card")
            if n < len(pages):  # full: two cards a row, and no room left for another row
                assert len(cells) % 2 == 0, (path.name, n)
                assert bottom + (cells[0][3] - cells[0][1]) > page.height - paper_bottom, (path.name, n)
            # the cards' text in reading order, card by card (two cards side by side share lines)
            text += [page.crop((c[0], c[1], c[2], c[3])).extract_text() or "" for c in cells]
    widths, heights = [w for w, _ in sizes], [h for _, h in sizes]
    assert max(widths) - min(widths) < 0.3 and max(heights) - min(heights) < 0.3, sorted(set(sizes))
    return " ".join(words(" ".join(text))), len(pages)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_cards_are_one_size_on_a_grid_of_cut_lines_with_their_text_inside(toy, paper):
    text, _pages = check_cards(toy / f"prompt-cards-{paper}.pdf", 20 / 25.4 * 72)
    for scenario in SCENARIOS:
        for prompt in plan_prompts((ROOTS / "test-basic" / "scenarios" / f"{scenario}.md").read_text(), scenario):
            assert prompt in text
    for comp in FW.components:  # the legend and the cards: each component's code beside its name
        assert f"{comp.code} {comp.name}" in text


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_very_long_prompt_is_continued_on_cards_of_the_same_size(long, paper):
    text, _pages = check_cards(long / f"prompt-cards-{paper}.pdf", 20 / 25.4 * 72)
    every = words(text)
    assert in_order(words(LONG_PROMPT), every) and in_order(words(LONG_TITLE), every)
    assert LONG_TOKEN in "".join(text.split())
    assert "(continued)" in text and "Continues on the next card" in text


def test_the_real_handbooks_cards_and_slides(site):
    """The published site: cards on one grid in both sizes, a deck per scenario, in large type."""
    text, pages = check_cards(site / "pdf" / "prompt-cards-a4.pdf", 20 / 25.4 * 72)
    assert pages >= 10 and "Change facilitators" in text
    check_cards(site / "pdf" / "prompt-cards-letter.pdf", 20 / 25.4 * 72)
    decks = sorted((site / "pdf").glob("slides-*.pdf"))
    assert len(decks) >= 9
    for deck in decks:
        with pdfplumber.open(deck) as pdf:
            chars = [c for page in pdf.pages for c in page.chars]
            assert all(page.width / page.height == pytest.approx(16 / 9, rel=0.005) for page in pdf.pages)
        assert sum(c["size"] >= FLOOR for c in chars) >= 0.85 * len(chars), deck.name


# -- the framework's marks ---------------------------------------------------------------------------------


def test_components_codes_must_differ(tmp_path):
    data = yaml.safe_load((ROOTS / "test-basic" / "framework.yaml").read_text(encoding="utf-8"))
    data["components"][1]["code"] = data["components"][0]["code"]
    (tmp_path / "framework.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(Exception, match="codes"):
        load_framework(tmp_path / "framework.yaml")

def test_a_component_without_a_code_gets_one_no_other_component_has(tmp_path):
    data = yaml.safe_load((ROOTS / "test-basic" / "framework.yaml").read_text(encoding="utf-8"))
    data["components"][1].pop("code")
    data["components"][1]["name"] = "Aardvark"  # its initial, A, is alpha's code: the default steps past it
    (tmp_path / "framework.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    marks = [c.mark for c in load_framework(tmp_path / "framework.yaml").components]
    assert marks[0] == "A" and marks[1] not in ("A", "") and len(set(marks)) == len(marks)


# -- the measure the layout rests on -----------------------------------------------------------------------


def real_text() -> list[str]:
    """Sentences from the real scenarios, without Markdown marks."""
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOTS.parent.parent / "scenarios").glob("[a-z]*.md")))
    return re.sub(r"[`{}\[\]()<>&*#:|_]", " ", text).split()


def test_the_measure_never_promises_fewer_lines_than_weasyprint_sets(tmp_path):
    """The layout is only as safe as the measure: WeasyPrint must never need more lines than `fit.wrap`
    counts, for real text at the sizes and widths of cards and slides, with hyphens and over-long runs."""
    import random

    from glassbox_handbook.pdf.fit import Para, settable, wrap
    from weasyprint import CSS, HTML

    pool = real_text()
    rng = random.Random(13)
    cases = []
    for _ in range(48):
        n = rng.randint(4, 60)
        start = rng.randint(0, len(pool) - n)
        text = " ".join(pool[start:start + n])
        if rng.random() < 0.2:
            text += " " + LONG_TOKEN
        size, width, bold = rng.choice([9, 11, 12, 20, 24, 28, 36]), rng.choice([140.0, 221.0, 296.0, 640.0]), rng.random() < 0.3
        cases.append((settable([Para(text, size, "text", bold=bold)], width)[0].text, size, width, bold))
    body = "".join(f'<p style="font: {700 if b else 400} {s}pt/1.25 \'DejaVu Sans\'; width: {w}pt; margin: 0; '
                   f'break-after: page">{t}</p>' for t, s, w, b in cases)
    HTML(string=f'<html><body style="margin: 0">{body}</body></html>').write_pdf(
        tmp_path / "m.pdf", stylesheets=[CSS(string="@page { size: 700pt 6000pt; margin: 0 }")])
    with pdfplumber.open(tmp_path / "m.pdf") as pdf:
        assert len(pdf.pages) == len(cases)
        for page, (text, size, width, bold) in zip(pdf.pages, cases, strict=True):
            set_lines = len(page.extract_text_lines())
            assert set_lines <= len(wrap(text, width, size, bold)), (text, size, width)
            wide = [ln["text"] for ln in page.extract_text_lines() if ln["x1"] > width + 0.5]
            assert not wide, (wide, size, width)  # nothing wider than its column


def test_flow_loses_nothing_and_keeps_paragraphs_whole_when_they_fit():
    from glassbox_handbook.pdf.fit import Para, flow, height_of

    pool = real_text()
    paras = [Para(" ".join(pool[i * 40:i * 40 + 10 + 7 * i]), 24, "text", before=10) for i in range(8)]
    paras.insert(3, Para("A label", 20, "label", bold=True, before=12))
    boxes = flow(paras, 300, 250, 220, keep=frozenset({"label"}))
    assert len(boxes) > 1
    assert words(" ".join(p.text for box in boxes for p in box)) == words(" ".join(p.text for p in paras))
    for i, box in enumerate(boxes):
        assert height_of(box, 300) <= (250 if i == 0 else 220) + 1e-6
        assert box[-1].kind != "label"
    whole = {p.text for p in paras if p.height(300) <= 220}
    pieces = [p.text for box in boxes for p in box]
    assert all(text in pieces for text in whole)  # each one that fits a box is in one piece
