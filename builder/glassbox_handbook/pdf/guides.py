"""The facilitator guide of every scenario, as plain data for the PDF builder.

The guide is for the person leading the session, so it opens with what they
need in the room: a 60- and a 90-minute plan (from `glassbox_handbook.core.session`, the
one plan every form of a session shares), what each session works on and
why, then each step with what to do, what to read aloud, the questions to
put and what to listen for, and a next-steps table to fill in at the close.
The concepts the scenario uses and the discussion moves follow.

The participant pages are not repeated in it: they are in the participant
packet, which the facilitator prints with everyone else's. The guide refers
to the packet's prompt numbers, so one copy of the prompts serves both and
the guide stays short enough to hold in one hand.
"""

from __future__ import annotations

from typing import Any

from glassbox_handbook.core.downloads import PAPER_NAMES, guide_stem, packet_stem, pdf_name
from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.model import Page
from glassbox_handbook.core.session import Activity, SessionPlan, plan_session
from glassbox_handbook.pdf.documents import PdfDocument, PrintInputs, per_scenario
from glassbox_handbook.pdf.packets import link, numbered_prompts, sources

NEXT_STEP_ROWS = 5  # rows of the next-steps table: about one per small group of a room of twenty


def clock(minutes: int) -> str:
    """Minutes from the start as h:mm, the way a facilitator reads a clock."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def _key(act: Activity) -> tuple[str, str]:
    return (act.kind, act.component)


def plan_rows(plan: SessionPlan, numbers: dict[str, int]) -> list[dict[str, Any]]:
    """The plan's table: one row per step, what to do in one line, and the packet's numbers of its prompts."""
    return [{"time": f"{clock(a.start)}–{clock(a.end)}", "minutes": a.minutes, "title": a.title, "what": a.brief,
             "prompts": [numbers[p.id] for p in a.prompts]} for a in plan.activities]


def _steps(fw: Framework, page: Page, plans: list[SessionPlan], numbers: dict[str, int]) -> list[dict[str, Any]]:
    """Every step of any of the plans, once, in session order, with when it runs in each plan.

    A step missing from a shorter plan (a component the time does not allow) says so; a prompt only the
    longer plan reaches is marked with the lengths that reach it."""
    order: list[tuple[str, str]] = []
    for plan in sorted(plans, key=lambda p: -p.minutes):
        for i, act in enumerate(plan.activities):
            if _key(act) not in order:
                before = [_key(a) for a in plan.activities[:i] if _key(a) in order]
                order.insert(order.index(before[-1]) + 1 if before else 0, _key(act))
    roles = {r.id: r.name for r in fw.roles}
    words = fw.workshop
    steps = []
    for key in order:
        found = [(plan, next((a for a in plan.activities if _key(a) == key), None)) for plan in plans]
        act = next(a for _, a in found if a is not None)
        when = [{"length": plan.minutes, "time": f"{clock(a.start)}–{clock(a.end)}", "minutes": a.minutes} if a else
                {"length": plan.minutes, "time": "", "minutes": 0} for plan, a in found]
        questions: dict[str, dict[str, Any]] = {}
        for plan, a in found:
            for p in a.prompts if a else ():
                questions.setdefault(p.id, {"number": numbers[p.id], "text": p.text, "roles": p.roles, "lengths": []})
                questions[p.id]["lengths"].append(plan.minutes)
        listen = [act.listen_for] if act.listen_for else []
        section = page.section_for(act.component) if act.component else None
        if section and words.basis_listen.get(section.basis):
            listen.append(words.basis_listen[section.basis])
        named = [roles.get(r, r) for r in dict.fromkeys(r for q in questions.values() for r in q["roles"])]
        if named and words.listen_roles:
            listen.append(words.listen_roles.format(roles=", ".join(named)))
        more = [numbers[p.id] for p in page.prompts if act.component and p.component == act.component
                and p.id not in questions]
        steps.append({"kind": act.kind, "title": act.title, "what": act.what, "read_aloud": act.read_aloud,
                      "listen": listen, "when": when, "questions": sorted(questions.values(), key=lambda q: q["number"]),
                      "more": more, "runs_in": [plan.minutes for plan, a in found if a is not None]})
    return steps


def guide_context(inputs: PrintInputs, docname: str, page: Page) -> dict[str, Any]:
    fw, meta = inputs.fw, page.scenario
    assert meta is not None
    plans = [plan_session(fw, page, minutes) for minutes in fw.workshop.lengths]
    prompts = numbered_prompts(fw, page)
    numbers = {p["id"]: p["number"] for p in prompts}
    sessions = [{"minutes": plan.minutes, "rows": plan_rows(plan, numbers), "rule": plan.rule,
                 "focus": [fw.component_by_id[c].name for c in plan.focus]} for plan in plans]
    concepts = [fw.concept_by_id[c] for c in dict.fromkeys(t.concept for t in page.terms) if c in fw.concept_by_id]
    return {"meta": meta, "sessions": sessions, "steps": _steps(fw, page, plans, numbers),
            "prepare": fw.workshop.prepare, "moves": fw.workshop.moves, "concepts": concepts,
            "prompt_count": len(prompts), "next_rows": NEXT_STEP_ROWS, "link": link(inputs, docname),
            "packet_files": [pdf_name(packet_stem(meta.id), paper) for paper in PAPER_NAMES],
            "sources": sources(inputs, meta)}


def guides(inputs: PrintInputs) -> list[PdfDocument]:
    """The facilitator guide of every scenario (or of those in `only`)."""
    return per_scenario(inputs, guide_stem, "guide.html", "facilitator guide", guide_context, ("guide.css",))


DOCUMENTS = guides
