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
from glassbox_handbook.words import _

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
                raise Located(_("duplicate {kind} id {id!r}").format(kind=kind, id=item), (kind, i, "id"))
    marks = [c.mark for c in fw.components]
    for i, mark in enumerate(marks):
        if mark in marks[:i]:
            raise Located(_("components' codes (or, without one, their initials) must differ: {mark!r} is used twice").format(mark=mark),
                          ("components", i))


def _references(fw: Framework) -> None:
    if set(fw.facts) != set(FACTS):
        raise Located(_("`{key}` must label exactly: {names}").format(key="facts", names=", ".join(FACTS)), ("facts",))
    components = {c.id for c in fw.components}
    concepts = {c.id for c in fw.concepts}
    for i, cid in enumerate(fw.diagram.core):
        if cid not in components:
            raise Located(_("`{key}` names unknown component {id!r}").format(key="diagram.core", id=cid), ("diagram", "core", i))
        if cid in fw.diagram.core[:i]:
            raise Located(_("`{key}` names the component {id!r} twice").format(key="diagram.core", id=cid), ("diagram", "core", i))
    for cid in fw.diagram.labels:
        if cid not in components:
            raise Located(_("`{key}` names unknown component {id!r}").format(key="diagram.labels", id=cid), ("diagram", "labels", cid))
    if fw.diagram.above and fw.diagram.above not in concepts:
        raise Located(_("`{key}` names unknown concept {id!r}").format(key="diagram.above", id=fw.diagram.above),
                      ("diagram", "above"))
    if fw.defaults.basis and fw.defaults.basis not in {b.id for b in fw.bases}:
        raise Located(_("`{key}` names unknown basis {id!r}").format(key="defaults.basis", id=fw.defaults.basis),
                      ("defaults", "basis"))
    if fw.defaults.trajectory and fw.defaults.trajectory not in {t.id for t in fw.trajectories}:
        raise Located(_("`{key}` names unknown trajectory {id!r}").format(key="defaults.trajectory", id=fw.defaults.trajectory),
                      ("defaults", "trajectory"))
    for i, basis in enumerate(fw.workshop.focus_order):
        if basis not in {b.id for b in fw.bases}:
            raise Located(_("`{key}` names unknown basis {id!r}").format(key="workshop.focus_order", id=basis),
                          ("workshop", "focus_order", i))
    for w, walk in enumerate(fw.crosswalks):
        for i, item in enumerate(walk.items):
            for cid in item.components:
                if cid not in components:
                    raise Located(_("crosswalk {crosswalk!r}, {item}: unknown component {id!r}").format(crosswalk=walk.id, item=item.id, id=cid),
                                  ("crosswalks", w, "items", i, "components"))
            for cid in item.concepts:
                if cid not in concepts:
                    raise Located(_("crosswalk {crosswalk!r}, {item}: unknown concept {id!r}").format(crosswalk=walk.id, item=item.id, id=cid),
                                  ("crosswalks", w, "items", i, "concepts"))
    for length in fw.workshop.lengths:
        fixed = sum(block.get(length, 0) for block in fw.workshop.blocks.values())
        if length not in fw.workshop.components or length not in fw.workshop.prompts or fixed >= length:
            raise Located(_("`{key}`: a {n}-minute session needs `components`, `prompts` and fixed blocks that leave "
                            "time for the components").format(key="workshop", n=length), ("workshop", "lengths"))


def _sides(fw: Framework) -> None:
    """Levels, roles and rooms name only the sides the file declares; with sides, every role says its own."""
    sides = [s.id for s in fw.sides]
    if "both" in sides:
        raise Located(_("`{word}` is kept for a role that spans the sides; give the side another id").format(word="both"),
                      ("sides", sides.index("both"), "id"))
    known = ", ".join(sides) if sides else _("none: the file declares no `{key}`").format(key="sides")
    base_ids = {level.id for level in fw.base_levels}
    for i, level in enumerate(fw.levels):
        for side in level.sides:
            if side not in sides:
                raise Located(_("level {level!r} names unknown side {side!r} (the sides: {known})").format(
                    level=level.id, side=side, known=known),
                              ("levels", i, "sides", side))
        if level.base and level.base not in base_ids:
            raise Located(_("level {level!r} points at unknown base level {base!r} ({key}: {known})").format(
                level=level.id, base=level.base, key="base_levels", known=", ".join(sorted(base_ids)) or _("none")),
                ("levels", i, "base"))
    for i, role in enumerate(fw.roles):
        if sides and not role.side:
            raise Located(_("role {role!r} needs a `{key}`: one of {sides}, or {both}").format(
                role=role.id, key="side", sides=", ".join(sides), both="both"), ("roles", i, "side"))
        if role.side and role.side != "both" and role.side not in sides:
            raise Located(_("role {role!r} names unknown side {side!r} (the sides: {known}, or {both})").format(
                role=role.id, side=role.side, known=known, both="both"),
                          ("roles", i, "side"))
    for i, room in enumerate(fw.workshop.rooms):
        for side in room.sides:
            if side not in sides:
                raise Located(_("workshop room {room!r} names unknown side {side!r} (the sides: {known})").format(
                    room=room.id, side=side, known=known),
                              ("workshop", "rooms", i, "sides"))


def _rooms(fw: Framework) -> None:
    """Rooms have distinct ids, the same word names (a step's `{…}` is filled in every room), and the
    step words name nothing that neither the scenario nor the rooms fill."""
    rooms = fw.workshop.rooms
    ids = [r.id for r in rooms]
    for i, room_id in enumerate(ids):
        if room_id in ids[:i]:
            raise Located(_("`{key}`: two rooms have the same id").format(key="workshop.rooms"), ("workshop", "rooms", i, "id"))
    first = set(rooms[0].words)
    for i, room in enumerate(rooms[1:], 1):
        if set(room.words) != first:
            raise Located(_("`{key}`: room {room!r} must name the same words as room {first!r} ({words})").format(
                key="workshop.rooms", room=room.id, first=rooms[0].id, words=", ".join(sorted(first)) or _("none")),
                ("workshop", "rooms", i, "words"))
    known = set(STEP_FIELDS) | first
    words = fw.workshop
    for name in ("opening", "framework", "diagram", "component", "component_open", "gaps", "strengths", "close"):
        step = getattr(words, name)
        if step is None:
            continue
        for field in ("title", "what", "read_aloud", "listen_for", "brief"):
            for _text, field_name, _spec, _conv in string.Formatter().parse(getattr(step, field) or ""):
                if field_name is not None and field_name not in known:
                    raise Located(_("`{key}`: {{{name}}} is neither a scenario's fact nor a room's word (known: {known})").format(
                        key=f"workshop.{name}.{field}", name=field_name, known=", ".join(sorted(known))),
                        ("workshop", name, field))
