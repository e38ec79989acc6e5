"""The session handout (one per person) and the framework's dot-voting poster, as plain data for the PDF builder.

The full participant packet (`packets`) holds every prompt of a scenario, for
self-study; a room of twenty needs only what its session uses. So each
ready-made session (`documents.session_kits`: a scenario and a room) gets a
handout of at most six pages: the framework in plain words on the first page
(the same words as the slides' opening and the guide's script, from the
framework file's `plain` keys), the scenario at a glance with the parts the
session works on, then the session's prompts, numbered as the guide, the
slides and the cards number them and worded for the room, each with room to
write, and the reader's next steps.

The poster is the framework's components and levels on one landscape page,
with a column to put dots in: the reflection's "where do the dots cluster?"
is answered on the wall, where the whole room can see it.
"""

from __future__ import annotations

from typing import Any

from glassbox_handbook.core.downloads import POSTER, handout_stem
from glassbox_handbook.core.facts import names, scenario_facts
from glassbox_handbook.core.framework import Framework
from glassbox_handbook.pdf.documents import PdfDocument, PrintInputs, SessionKit, session_kits, shape_alt, shape_uri
from glassbox_handbook.pdf.packets import link
from glassbox_handbook.words import _

# Ruled lines under a prompt: fewer when a session has many prompts, so the handout stays within six pages.
LINES = {4: 7, 6: 5}


def plain_words(fw: Framework) -> dict[str, Any]:
    """The framework in plain words, from the framework file: what the slides, the guide and the handout all say."""
    groups: dict[str, list[dict[str, str]]] = {}
    for c in fw.components:
        groups.setdefault(c.group, []).append({"name": c.name, "plain": c.plain or c.definition, "code": c.mark,
                                               "shape": shape_uri(c.shape), "shape_name": shape_alt(c.shape)})
    return {"name": fw.framework.name, "short": fw.framework.short_name, "intro": fw.plain.intro, "glass_box": fw.plain.glass_box,
            "levels": fw.plain.levels, "pairs": [fw.paired(lv) or (lv.name, "") for lv in fw.levels],
            "groups": [{"name": g, "parts": parts} for g, parts in groups.items()]}


def questions(fw: Framework, kit: SessionKit) -> list[dict[str, Any]]:
    """The session's prompts as the handout (and the guide and the cards) number and word them."""
    out = []
    for q in kit.plan.questions(fw):
        comp = fw.component_by_id.get(q.component)
        out.append({"number": q.number, "text": q.text, "where": comp.name if comp else "", "brought": q.brought,
                    "shape": shape_uri(comp.shape) if comp else "", "shape_name": shape_alt(comp.shape) if comp else "",
                    "roles": names(fw.role_by_id, q.roles)})
    return out


def writing_lines(count: int) -> int:
    return next((lines for most, lines in sorted(LINES.items()) if count <= most), 3)


def handout_context(inputs: PrintInputs, kit: SessionKit) -> dict[str, Any]:
    fw, meta, plan = inputs.fw, kit.page.scenario, kit.plan
    parts = [{"name": fw.component_by_id[a.component].name, "summary": a.read_aloud,
              "shape": shape_uri(fw.component_by_id[a.component].shape)}
             for a in plan.activities if a.kind == "component" and a.component in fw.component_by_id]
    asked = questions(fw, kit)
    return {"meta": meta, "room": kit.room, "minutes": plan.minutes, "plain": plain_words(fw),
            "facts": scenario_facts(fw, meta), "parts": parts, "prompts": asked, "lines": writing_lines(len(asked)),
            "link": link(inputs, kit.docname)}


def handouts(inputs: PrintInputs) -> list[PdfDocument]:
    """The handout of every ready-made session, and the poster."""
    out = []
    for kit in session_kits(inputs):
        meta = kit.page.scenario
        room = kit.room_title
        out.append(PdfDocument(handout_stem(meta.id, kit.tail), "handout.html",
                               {**inputs.common(_("{title}: session handout").format(title=meta.title) + room),
                                **handout_context(inputs, kit)}, ("handout.css",)))
    fw = inputs.fw
    title = _("{short}: where is our own work thinnest?").format(short=fw.framework.short_name)
    out.append(PdfDocument(POSTER, "poster.html", {**inputs.common(title), "heading": title, "plain": plain_words(fw)},
                           ("poster.css",)))
    return out


DOCUMENTS = handouts
