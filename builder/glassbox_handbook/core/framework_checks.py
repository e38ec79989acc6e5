"""What the framework file's parts must agree on across parts: ids unique, every id named where it is
known (the diagram's components, the defaults' basis, the sides of levels, roles and rooms...), and the
workshop's words filled by something.

Each problem is a `Located` error: the message of the framework file's check then points at the line
of the value at fault (`roles.1.side`), not at the top of the file.
"""

from __future__ import annotations

import string
from typing import TYPE_CHECKING

from glassbox_handbook.core.frontmatter import FACTS
from glassbox_handbook.core.problems import Located

if TYPE_CHECKING:
    from glassbox_handbook.core.framework import Framework

# The names a step's words may use besides a room's words (glassbox_handbook/core/session.py fills them).
STEP_FIELDS = ("felt_difficulty", "project", "focus", "component", "summary", "listen", "gaps", "n", "minutes")


def check(fw: Framework) -> None:
    """Raise a `Located` error for the first thing the parts of the file disagree on."""
    _ids(fw)
    _references(fw)
    _sides(fw)
    _rooms(fw)


def _ids(fw: Framework) -> None:
    for kind in ("components", "concepts", "sides", "levels", "base_levels", "dimensions", "roles", "trajectories",
                 "bases", "origins"):
        ids = [item.id for item in getattr(fw, kind)]
        for i, item in enumerate(ids):
            if item in ids[:i]:
                raise Located(f"duplicate {kind} id {item!r}", (kind, i, "id"))
    marks = [c.mark for c in fw.components]
    for i, mark in enumerate(marks):
        if mark in marks[:i]:
            raise Located(f"components' codes (or, without one, their initials) must differ: {mark!r} is used twice",
                          ("components", i))


def _references(fw: Framework) -> None:
    if set(fw.facts) != set(FACTS):
        raise Located("facts must label exactly: " + ", ".join(FACTS), ("facts",))
    components = {c.id for c in fw.components}
    concepts = {c.id for c in fw.concepts}
    for i, cid in enumerate(fw.diagram.core):
        if cid not in components:
            raise Located(f"diagram.core names unknown component {cid!r}", ("diagram", "core", i))
        if cid in fw.diagram.core[:i]:
            raise Located(f"diagram.core names the component {cid!r} twice", ("diagram", "core", i))
    for cid in fw.diagram.labels:
        if cid not in components:
            raise Located(f"diagram.labels names unknown component {cid!r}", ("diagram", "labels", cid))
    if fw.diagram.above and fw.diagram.above not in concepts:
        raise Located(f"diagram.above names unknown concept {fw.diagram.above!r}", ("diagram", "above"))
    if fw.defaults.basis and fw.defaults.basis not in {b.id for b in fw.bases}:
        raise Located(f"defaults.basis names unknown basis {fw.defaults.basis!r}", ("defaults", "basis"))
    if fw.defaults.trajectory and fw.defaults.trajectory not in {t.id for t in fw.trajectories}:
        raise Located(f"defaults.trajectory names unknown trajectory {fw.defaults.trajectory!r}", ("defaults", "trajectory"))
    for i, basis in enumerate(fw.workshop.focus_order):
        if basis not in {b.id for b in fw.bases}:
            raise Located(f"workshop.focus_order names unknown basis {basis!r}", ("workshop", "focus_order", i))
    for w, walk in enumerate(fw.crosswalks):
        for i, item in enumerate(walk.items):
            for cid in item.components:
                if cid not in components:
                    raise Located(f"crosswalk {walk.id!r}, {item.id}: unknown component {cid!r}",
                                  ("crosswalks", w, "items", i, "components"))
            for cid in item.concepts:
                if cid not in concepts:
                    raise Located(f"crosswalk {walk.id!r}, {item.id}: unknown concept {cid!r}",
                                  ("crosswalks", w, "items", i, "concepts"))
    for length in fw.workshop.lengths:
        fixed = sum(block.get(length, 0) for block in fw.workshop.blocks.values())
        if length not in fw.workshop.components or length not in fw.workshop.prompts or fixed >= length:
            raise Located(f"workshop: a {length}-minute session needs `components`, `prompts` and fixed "
                          f"blocks that leave time for the components", ("workshop", "lengths"))


def _sides(fw: Framework) -> None:
    """Levels, roles and rooms name only the sides the file declares; with sides, every role says its own."""
    sides = [s.id for s in fw.sides]
    if "both" in sides:
        raise Located("`both` is kept for a role that spans the sides; give the side another id",
                      ("sides", sides.index("both"), "id"))
    known = ", ".join(sides) if sides else "none: the file declares no `sides`"
    base_ids = {level.id for level in fw.base_levels}
    for i, level in enumerate(fw.levels):
        for side in level.sides:
            if side not in sides:
                raise Located(f"level {level.id!r} names unknown side {side!r} (the sides: {known})",
                              ("levels", i, "sides", side))
        if level.base and level.base not in base_ids:
            raise Located(f"level {level.id!r} points at unknown base level {level.base!r} "
                          f"(base_levels: {', '.join(sorted(base_ids)) or 'none'})", ("levels", i, "base"))
    for i, role in enumerate(fw.roles):
        if sides and not role.side:
            raise Located(f"role {role.id!r} needs a `side`: one of {', '.join(sides)}, or both", ("roles", i, "side"))
        if role.side and role.side != "both" and role.side not in sides:
            raise Located(f"role {role.id!r} names unknown side {role.side!r} (the sides: {known}, or both)",
                          ("roles", i, "side"))
    for i, room in enumerate(fw.workshop.rooms):
        for side in room.sides:
            if side not in sides:
                raise Located(f"workshop room {room.id!r} names unknown side {side!r} (the sides: {known})",
                              ("workshop", "rooms", i, "sides"))


def _rooms(fw: Framework) -> None:
    """Rooms have distinct ids, the same word names (a step's `{…}` is filled in every room), and the
    step words name nothing that neither the scenario nor the rooms fill."""
    rooms = fw.workshop.rooms
    ids = [r.id for r in rooms]
    for i, room_id in enumerate(ids):
        if room_id in ids[:i]:
            raise Located("workshop.rooms: two rooms have the same id", ("workshop", "rooms", i, "id"))
    first = set(rooms[0].words)
    for i, room in enumerate(rooms[1:], 1):
        if set(room.words) != first:
            raise Located(f"workshop.rooms: room {room.id!r} must name the same words as room {rooms[0].id!r} "
                          f"({', '.join(sorted(first)) or 'none'})", ("workshop", "rooms", i, "words"))
    known = set(STEP_FIELDS) | first
    words = fw.workshop
    for name in ("opening", "framework", "diagram", "component", "component_open", "gaps", "strengths", "close"):
        step = getattr(words, name)
        if step is None:
            continue
        for field in ("title", "what", "read_aloud", "listen_for", "brief"):
            for _text, field_name, _spec, _conv in string.Formatter().parse(getattr(step, field) or ""):
                if field_name is not None and field_name not in known:
                    raise Located(f"workshop.{name}.{field}: {{{field_name}}} is neither a scenario's fact "
                                  f"nor a room's word (known: {', '.join(sorted(known))})", ("workshop", name, field))
