"""The framework's diagram drawn for a slide (slides.py), as plain data for slides.html.

The page's diagram shrunk onto a slide came out at 5 to 7 pt; this one is
drawn for the slide: the paired levels as a column, the components by group
as rows with their marks, every word at 18 pt or more. Each part is "today"
(the plan works on it: white on black), "on" (the scenario shows it: a thick
outline) or "off" (dashed), three looks that stay apart in greyscale and on a
washed-out projector; the key says so in words.
"""

from __future__ import annotations

from typing import Any

from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.model import Page
from glassbox_handbook.core.session import SessionPlan
from glassbox_handbook.words import _

BOARD = 20.0  # the diagram's words on a slide
KEY = 18.0  # its labels and key, the smallest type of any slide


def board(fw: Framework, page: Page, plan: SessionPlan | None) -> dict[str, Any]:
    """The diagram drawn for a slide: the paired levels as a column (the scenario's on), the components
    by group as rows with their marks, each "today" (the plan works on it), "on" (the scenario shows it)
    or "off" (it does not). Without a plan (the reflection), nothing is "today"."""
    meta = page.scenario
    focus = set(plan.focus) if plan else set()
    levels = [{"top": pair[0], "bottom": pair[1], "name": lv.name, "state": "on" if lv.id in meta.levels else "off"}
              for lv in fw.levels for pair in [fw.paired(lv) or (lv.name, "")]]
    groups: dict[str, list[dict[str, Any]]] = {}
    for c in fw.components:
        state = "today" if c.id in focus else "on" if page.section_for(c.id) is not None else "off"
        groups.setdefault(c.group, []).append({"id": c.id, "name": c.name, "state": state})
    shown = {c["state"] for g in groups.values() for c in g} | {lv["state"] for lv in levels}
    words = {"today": _("Black: today"), "on": _("Thick: in the scenario"), "off": _("Dashed: not in the scenario")}
    key = [words[state] for state in ("today", "on", "off") if state in shown]
    return {"levels": levels, "groups": [{"name": g, "parts": items} for g, items in groups.items()],
            "key": key, "size": BOARD, "key_size": KEY, "label": _("Levels")}
