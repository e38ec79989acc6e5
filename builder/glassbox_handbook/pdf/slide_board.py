"""The framework's diagram drawn for a slide (slides.py), as plain data for slides.html.

The page's diagram shrunk onto a slide came out at 5 to 7 pt; this one is
drawn for the slide: the paired levels as a column, the components by group
as rows with their marks, every word at 18 pt or more. Each part is "today"
(the plan works on it: white on black), "on" (the scenario shows it: a thick
outline) or "off" (dashed), three looks that stay apart in greyscale and on a
washed-out projector; the key says so in words. The key sits under the
levels; when they leave it no room (many levels, long names, a language
longer than English), under the components, and as a last resort the
board's words are set at 18 pt: nothing runs off the slide (`place_key`).
"""

from __future__ import annotations

from typing import Any

from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.model import Page
from glassbox_handbook.core.session import SessionPlan
from glassbox_handbook.pdf.fit import wrap
from glassbox_handbook.words import _

BOARD = 20.0  # the diagram's words on a slide
KEY = 18.0  # its labels and key, the smallest type of any slide
# The board's boxes as slides.css draws them, in points, to measure it before WeasyPrint sets it.
LEVELS_W, GAP = 170.0, 20.0  # the levels' column and the space between the columns
LEVEL_PAD, LEVEL_BORDER, LEVEL_GAP, LEADING = 8.0, 3.0, 8.0, 1.15  # a level's box (3pt 8pt padding)
PART = 22.0 + 2 * 3.0 + 3.0  # a component's row: its height, its borders, the space under it
LABEL = KEY * LEADING + 3.0  # "Levels" or a group's name, and the space under it
KEY_LEADING, KEY_GAP = 1.1, 3.0
KEY_ABOVE = {"levels": 2.0, "parts": 8.0}  # the space above the key, under the levels or under the components


def _key_height(key: list[str], width: float, above: float) -> float:
    return above + sum(len(wrap(k, width, KEY)) * KEY * KEY_LEADING + KEY_GAP for k in key)


def _levels_height(levels: list[dict[str, Any]], size: float) -> float:
    inner = LEVELS_W - 2 * LEVEL_PAD - 2 * LEVEL_BORDER
    lines = sum(len(wrap(lv["top"], inner, size, bold=True)) + len(wrap(lv["bottom"], inner, size, bold=True))
                for lv in levels)
    return LABEL + lines * size * LEADING + len(levels) * (2 * 3.0 + 2 * LEVEL_BORDER + LEVEL_GAP)


def _parts_height(groups: dict[str, list[dict[str, Any]]]) -> float:
    return len(groups) * LABEL + (len(groups) - 1) * 6.0 + sum(len(g) for g in groups.values()) * PART


def place_key(levels: list[dict[str, Any]], groups: dict[str, list[dict[str, Any]]], key: list[str], room: float,
              width: float) -> tuple[str, float]:
    """Where the key goes ("levels" or "parts") and the size of the board's words, for a board `width` points
    wide with `room` points under the slide's head."""
    parts_w = width - LEVELS_W - GAP
    for size in (BOARD, KEY):
        if _levels_height(levels, size) + _key_height(key, LEVELS_W, KEY_ABOVE["levels"]) <= room:
            return "levels", size
        if _levels_height(levels, size) <= room and _parts_height(groups) + _key_height(key, parts_w, KEY_ABOVE["parts"]) <= room:
            return "parts", size
    return "parts", KEY


def board(fw: Framework, page: Page, plan: SessionPlan | None, room: float = float("inf"),
          width: float = 640.0) -> dict[str, Any]:
    """The diagram drawn for a slide: the paired levels as a column (the scenario's on), the components
    by group as rows with their marks, each "today" (the plan works on it), "on" (the scenario shows it)
    or "off" (it does not). Without a plan (the reflection), nothing is "today". `room`: the height under
    the slide's head, `width` the slide's, in points."""
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
    where, size = place_key(levels, groups, key, room, width)
    return {"levels": levels, "groups": [{"name": g, "parts": items} for g, items in groups.items()],
            "key": key, "key_under": where, "size": size, "key_size": KEY, "label": _("Levels")}
