"""The ready-made session kit, read back from the real handbook's PDFs (the `site` fixture) and the toy's.

A facilitator runs a room of twenty from these files, so what matters is what
the paper and the projector show: every character of every slide at 18 pt or
more, the framework introduced in plain words at the start of every deck,
a handout of at most six pages holding exactly its session's prompts, and,
for a school-side room, no university-side role named to hear from or to pair
with and no prompt that asks an absent role to act.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from glassbox_handbook.core.session import kit_minutes, kit_rooms, plan_session
from test_planner import HANDBOOK, _real_pages

FLOOR = 18.0


def _text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


def _decks(folder: Path) -> list[Path]:
    decks = sorted(folder.glob("slides-*.pdf"))
    assert decks
    return decks


def test_no_character_on_any_slide_of_any_deck_is_under_18_pt(site, toy_pdfs):
    small = []
    decks = _decks(site / "pdf") + _decks(toy_pdfs)
    assert any(d.stem.endswith("-school") for d in decks)
    for deck in decks:
        with pdfplumber.open(deck) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                sizes = [c["size"] for c in page.chars if c["text"].strip()]
                assert sizes, f"{deck.name} slide {number} has no text"
                if min(sizes) < FLOOR - 0.05:
                    small.append(f"{deck.name} slide {number}: {min(sizes):.1f} pt")
    assert not small, small


def test_every_decks_opening_presents_all_seven_components_in_plain_words(site):
    decks = _decks(site / "pdf")
    assert len(decks) == 9 * len(kit_rooms(HANDBOOK))
    for deck in decks:
        pages = [_norm(p) for p in _text(deck).split("\f")[:-1]]
        diagram = next(i for i, p in enumerate(pages) if "Find the scenario in the diagram" in p)
        opening = " ".join(pages[:diagram])
        assert _norm(HANDBOOK.plain.glass_box) in opening and _norm(HANDBOOK.plain.levels) in opening, deck.name
        for comp in HANDBOOK.components:
            assert comp.plain and _norm(comp.plain) in opening, (deck.name, comp.name)


def _kits(site: Path):
    """(scenario page, room, the room's file tail, the plan) for every ready-made session of the real handbook."""
    for _, page in _real_pages(site):
        for room, tail in kit_rooms(HANDBOOK):
            yield page, room, tail, plan_session(HANDBOOK, page, kit_minutes(HANDBOOK), room=room.id)


def test_every_session_handout_has_at_most_six_pages_and_exactly_the_plans_prompts(site):
    seen = 0
    for page, _room, tail, plan in _kits(site):
        asked = plan.questions(HANDBOOK)
        for paper in ("a4", "letter"):
            path = site / "pdf" / f"handout-{page.scenario.id}{'-' + tail if tail else ''}-{paper}.pdf"
            with pdfplumber.open(path) as pdf:
                assert len(pdf.pages) <= 6, (path.name, len(pdf.pages))
            text = _norm(_text(path))
            assert sorted(int(n) for n in re.findall(r"Prompt (\d+) ·", text)) == [q.number for q in asked], path.name
            for q in asked:
                assert _norm(q.text) in text, (path.name, q.number)
            others = [p for p in page.prompts if p.id not in {q.id for q in asked}]
            assert not [p.id for p in others if _norm(p.text) in text], path.name  # no prompt the session does not use
            seen += 1
    assert seen == 9 * len(kit_rooms(HANDBOOK)) * 2


def test_a_school_side_room_is_never_told_to_hear_from_pair_with_or_hand_work_to_an_absent_role(site):
    away = [r.name for r in HANDBOOK.roles if r.side == "university"]
    for page, room, tail, plan in _kits(site):
        if room.id != "school":
            continue
        sid = page.scenario.id
        guide = _norm(_text(site / "pdf" / f"guide-{sid}-{tail}-a4.pdf"))
        deck = _norm(_text(site / "pdf" / f"slides-{sid}-{tail}.pdf"))
        handout = _norm(_text(site / "pdf" / f"handout-{sid}-{tail}-a4.pdf"))
        for name, text in (("guide", guide), ("slides", deck), ("handout", handout)):
            assert "different institutions" not in text and "the school side and the university side" not in text, name
            for said in re.findall(r"(?:hear from|For|for): ([^.()]*?)(?:\)|\.|Prompt|$)", text):
                assert not [r for r in away if r in said], (sid, name, said)
        asked = plan.questions(HANDBOOK)
        for q in asked:
            prompt = next(p for p in page.prompts if p.id == q.id)
            if {HANDBOOK.role_by_id[r].side for r in prompt.roles} & {"university"}:
                # the prompt asks faculty or supervisors to act: the room is asked what it brings them instead
                assert q.brought and _norm(room.bring.format(text=prompt.text)) in handout, (sid, q.number)
        assert "Make sure you hear from" in guide or not any(q.roles for q in asked)


def test_the_mixed_rooms_kit_keeps_the_names_it_always_had_and_the_poster_is_in_the_materials(site):
    pdf = site / "pdf"
    for _, page in _real_pages(site):
        sid = page.scenario.id
        for name in (f"guide-{sid}-a4.pdf", f"slides-{sid}.pdf", f"handout-{sid}-letter.pdf", f"cards-{sid}-a4.pdf",
                     f"guide-{sid}-school-letter.pdf", f"slides-{sid}-school.pdf", f"cards-{sid}-school-letter.pdf"):
            assert (pdf / name).is_file(), name
    guide = _norm(_text(pdf / "guide-mentoring-school-a4.pdf"))
    for item in ("20 session handouts", "handout-mentoring-school-a4.pdf", "slides-mentoring-school.pdf", "poster-a4.pdf",
                 "5 sets of this session's cards", "Debrief", "What comes next", "handbook/series"):
        assert item in guide, item
    poster = _text(pdf / "poster-a4.pdf")
    assert all(c.name in poster for c in HANDBOOK.components) and len(poster.split("\f")[:-1]) == 1


def test_session_cards_are_the_handouts_prompts_numbered_alike(site):
    for page, _room, tail, plan in _kits(site):
        path = site / "pdf" / f"cards-{page.scenario.id}{'-' + tail if tail else ''}-a4.pdf"
        text = _norm(_text(path))
        numbers = sorted({int(n) for n in re.findall(r"Prompt (\d+) ·", text)})
        assert numbers == [q.number for q in plan.questions(HANDBOOK)], path.name


@pytest.mark.parametrize("deck", ["slides-first.pdf", "slides-first-school.pdf"])
def test_the_toy_decks_show_the_diagram_for_the_slide_again_where_the_room_puts_its_dots(toy_pdfs, deck):
    pages = [_norm(p) for p in _text(toy_pdfs / deck).split("\f")[:-1]]
    boards = [i for i, p in enumerate(pages) if "Dashed: not in the scenario" in p]
    assert len(boards) == 2 and "Put your dot on the poster" in pages[boards[1]]
