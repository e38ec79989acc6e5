"""The facilitator guide of every ready-made session, as plain data for the PDF builder.

A guide is for the person leading one session (a scenario, a length, a room:
`documents.session_kits`), so it runs the room from cold: what to bring and
how many (counted for the framework file's room of `people`), how to set the
tables, the plan minute by minute, then each step with what to do, what to
read aloud (the framework's opening as a script in plain words, from the same
keys as the slides and the handout), the prompts as the handout, the slides
and the cards number and word them, and what to listen for (the step's own
signs, then the component's own `listen` sentence, the basis of its section
and, by name, the roles in the room that the prompts concern); a closing
debrief, a next-steps table, and what comes next, with links.

Nothing here names a role the room does not have: "make sure you hear from"
lists the prompts' roles that are in the room, and a prompt that asks an
absent role to act is the room's `bring` version, as on the handout.
"""

from __future__ import annotations

from typing import Any

from sphinx.util import logging

from glassbox_handbook.core.downloads import (
    PAPER_NAMES,
    POSTER,
    guide_stem,
    handout_stem,
    packet_stem,
    pdf_name,
    session_cards_stem,
    slides_pdf,
)
from glassbox_handbook.core.facts import names
from glassbox_handbook.core.session import Activity, SessionPlan, open_note
from glassbox_handbook.pdf.documents import PdfDocument, PrintInputs, SessionKit, page_url, session_kits
from glassbox_handbook.pdf.handout import plain_words, questions
from glassbox_handbook.pdf.packets import link, sources
from glassbox_handbook.words import _, _n

logger = logging.getLogger(__name__)
NEXT_STEP_ROWS = 5  # rows of the next-steps table: one per group of a room of twenty
PLANNER = "handbook/planner"  # the session planner's page


def clock(minutes: int) -> str:
    """Minutes from the start as h:mm, the way a facilitator reads a clock."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def plan_rows(plan: SessionPlan, numbers: dict[str, int]) -> list[dict[str, Any]]:
    """The plan's table: one row per step, what to do in one line, and the handout's numbers of its prompts."""
    return [{"time": f"{clock(a.start)}–{clock(a.end)}", "minutes": a.minutes, "title": a.title, "what": a.brief,
             "prompts": [numbers[p.id] for p in a.prompts]} for a in plan.activities]


def _listen(inputs: PrintInputs, kit: SessionKit, act: Activity, asked: list[dict[str, Any]]) -> list[str]:
    """What to listen for at a step: its own signs, its section's basis, and the roles of the room its prompts concern."""
    fw, words = inputs.fw, inputs.fw.workshop
    listen = [act.listen_for] if act.listen_for else []
    section = kit.page.section_for(act.component) if act.component else None
    if section and words.basis_listen.get(section.basis):
        listen.append(words.basis_listen[section.basis])
    ids = {p.id for p in act.prompts}
    present = dict.fromkeys(r for q in kit.plan.questions(fw) if q.id in ids for r in q.roles)
    if present and words.listen_roles:
        listen.append(words.listen_roles.format(roles=names(fw.role_by_id, present)))
    return listen


def steps(inputs: PrintInputs, kit: SessionKit) -> list[dict[str, Any]]:
    asked = questions(inputs.fw, kit)
    by_id = {q.id: a for q, a in zip(kit.plan.questions(inputs.fw), asked, strict=True)}
    out = []
    for act in kit.plan.activities:
        out.append({"kind": act.kind, "title": act.title, "what": act.what, "read_aloud": act.read_aloud,
                    "time": f"{clock(act.start)}–{clock(act.end)}", "minutes": act.minutes,
                    "questions": [by_id[p.id] for p in act.prompts], "listen": _listen(inputs, kit, act, asked)})
    return out


def guide_context(inputs: PrintInputs, kit: SessionKit) -> dict[str, Any]:
    fw, meta, plan, room = inputs.fw, kit.page.scenario, kit.plan, kit.room
    words = fw.workshop
    numbers = {q.id: q.number for q in plan.questions(fw)}
    groups = -(-words.people // words.group_size)
    paper = next(iter(PAPER_NAMES))
    files = {"handout": pdf_name(handout_stem(meta.id, kit.tail), paper), "guide": pdf_name(guide_stem(meta.id, kit.tail), paper),
             "slides": slides_pdf(meta.id, kit.tail), "cards": pdf_name(session_cards_stem(meta.id, kit.tail), paper),
             "poster": pdf_name(POSTER, paper)}
    fill = {**room.words, **files, "people": words.people, "groups": groups, "group_size": words.group_size}
    concepts = [fw.concept_by_id[c] for c in dict.fromkeys(t.concept for t in kit.page.terms) if c in fw.concept_by_id]
    for note in plan.notes:
        logger.info("%s, %s: %s", meta.id, room.id, note)
    brought = [q for q in plan.questions(fw) if q.brought]
    absent = dict.fromkeys(r for q in brought for p in plan.prompts if p.id == q.id for r in fw.absent(room, p.roles))
    said = [open_note(fw.component_by_id[c].name) for c in plan.open_components if c in fw.component_by_id]
    if brought:
        said.append(_n("Reworded for this room: prompt {numbers} asks {roles} to act, who are not in the room, so the "
                       "handout asks what your groups would bring to them and ask of them.",
                       "Reworded for this room: prompts {numbers} ask {roles} to act, who are not in the room, so the "
                       "handout asks what your groups would bring to them and ask of them.", len(brought)).format(
                           numbers=", ".join(str(q.number) for q in brought), roles=names(fw.role_by_id, absent)))
    return {"meta": meta, "room": room, "minutes": plan.minutes, "rows": plan_rows(plan, numbers), "rule": plan.rule,
            "focus": names(fw.component_by_id, plan.focus), "steps": steps(inputs, kit), "plain": plain_words(fw),
            "materials": [m.format(**fill) for m in words.materials], "setup": [m.format(**fill) for m in words.setup],
            "prepare": [m.format(**fill) for m in words.prepare],
            "debrief": [q.format(**fill) for q in words.debrief], "moves": words.moves, "concepts": concepts,
            "next_rows": NEXT_STEP_ROWS, "link": link(inputs, kit.docname), "notes": said,
            "after": [{"text": a["text"], "url": page_url(inputs.baseurl, a["page"])} for a in words.after],
            "planner": page_url(inputs.baseurl, PLANNER), "other_lengths": [m for m in words.lengths if m != plan.minutes],
            "packet_files": [pdf_name(packet_stem(meta.id), p) for p in PAPER_NAMES], "sources": sources(inputs, meta)}


def guides(inputs: PrintInputs) -> list[PdfDocument]:
    """The facilitator guide of every ready-made session (each chosen scenario, each room with a kit)."""
    out = []
    for kit in session_kits(inputs):
        meta = kit.page.scenario
        room = kit.room_title
        out.append(PdfDocument(guide_stem(meta.id, kit.tail), "guide.html",
                               {**inputs.common(_("{title}: facilitator guide").format(title=meta.title) + room),
                                **guide_context(inputs, kit)},
                               ("guide.css",)))
    return out


DOCUMENTS = guides
