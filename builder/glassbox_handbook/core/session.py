"""A workshop session on one scenario: which parts it works on, in what order, for how long.

One plan serves every printed and on-screen form of a session (the
facilitator guide, the participant packet, the slides, the session planner
on the workshop page), so they always agree. It is made from the scenario's
own record and the framework file's `workshop` block:

- a fixed opening, a look at the diagram, a reflection and a close, each as
  long as the framework file says for this length of session;
- the components the session works on: the ones a facilitator chose, or by
  the stated rule (sections in `focus_order` of basis first, then the
  framework's order), as many as the length allows; each gets its
  prompts (chosen, or the first ones) and an equal share of what is left;
- the reflection is a gaps activity when the scenario leaves components
  out, and otherwise asks which part is weakest in the group's own partnership;
- who is in the room (`workshop.rooms`): the step words' room names are
  filled from the room, a component's prompts that ask no absent role to act
  come first, and one that does is put to the room through the room's `bring`
  words (what it would bring to its partners), so a one-sided room never
  designs the other side's work and no contributor writes a prompt twice;
- the opening on the framework in plain words, when the file has one.

The minutes always add up to the session's length exactly, whatever the
scenario holds: fewer components mean longer, not empty, activities.
"""

from __future__ import annotations

from typing import NamedTuple

from glassbox_handbook.core.facts import names
from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.model import EnactedSection, Page, PagePrompt
from glassbox_handbook.core.workshop_model import Room, Step
from glassbox_handbook.words import _


def chosen_rule() -> str:
    """How the rule reads when the facilitator chose (`{names}`: the components), in the project's language;
    the planner's script (static/gb-planner-model.js) is given it too, so page and print say it alike."""
    return _("The facilitator chose the components: {names}.")
KIT_MINUTES = 60  # the length of the ready-made printed sessions (guide, handout, slides, cards), when offered


def kit_minutes(fw: Framework) -> int:
    return KIT_MINUTES if KIT_MINUTES in fw.workshop.lengths else fw.workshop.lengths[0]


def kit_rooms(fw: Framework) -> list[tuple[Room, str]]:
    """The rooms with a ready-made kit, each with what its files' names add ("" for the default room, the first)."""
    return [(r, "" if i == 0 else r.id) for i, r in enumerate(fw.workshop.rooms) if i == 0 or r.kit]


def open_note(component: str) -> str:
    """What the build and the guide say of a component the plan has no prompt for in this room."""
    return _("{component}: no prompt for this room, so the groups work from the summary").format(component=component)


def bring_note(number: int, absent: str) -> str:
    """What the build says of a prompt put to the room through its `bring` words."""
    return _("prompt {number} asks {absent} to act; this room is asked what it would bring to them").format(
        number=number, absent=absent)


class Activity(NamedTuple):
    start: int  # minutes from the start of the session
    minutes: int
    kind: str  # opening, diagram, component, gaps, strengths, close
    title: str
    what: str
    read_aloud: str = ""
    listen_for: str = ""
    component: str = ""  # the component it works on, for a component activity
    anchor: str = ""  # that component's section on the scenario page
    prompts: tuple[PagePrompt, ...] = ()
    brief: str = ""  # `what` in one line, for a table of the plan (the step's `brief`, else its `what`)
    bring: tuple[str, ...] = ()  # ids of its prompts that ask a role not in the room to act: put through the room's `bring`

    @property
    def end(self) -> int:
        return self.start + self.minutes


class Question(NamedTuple):
    """A prompt as this session's room sees it, numbered as the handout, the guide, the slides and the cards number it."""

    number: int
    id: str
    component: str
    text: str  # the prompt's words, or the room's `bring` words around them
    roles: tuple[str, ...]  # the ids of the prompt's roles that are in the room
    brought: bool  # put to the room as what it would bring to its partners


class SessionPlan(NamedTuple):
    minutes: int
    focus: tuple[str, ...]  # component ids the session works on, in its order
    rule: str  # how they were chosen, in words
    activities: tuple[Activity, ...]
    room: str = ""  # the id of the room it is for
    notes: tuple[str, ...] = ()  # what the plan adapted for this scenario and room (`open_note`, `bring_note`), for the build to say

    @property
    def prompts(self) -> tuple[PagePrompt, ...]:
        return tuple(p for a in self.activities for p in a.prompts)

    @property
    def open_components(self) -> tuple[str, ...]:
        """The components it works on with no prompt for its room (the groups work from the summary)."""
        return tuple(a.component for a in self.activities if a.kind == "component" and not a.prompts)


    def questions(self, fw: Framework) -> list[Question]:
        """The session's prompts, numbered from 1 in the plan's order, in the room's words."""
        room = fw.room(self.room or None)
        out: list[Question] = []
        for act in self.activities:
            for p in act.prompts:
                brought = p.id in act.bring
                text = room.bring.format(text=p.text) if brought else p.text
                present = tuple(r for r in p.roles if r not in fw.absent(room, p.roles))
                out.append(Question(len(out) + 1, p.id, p.component or "", text, present, brought))
        return out


def room(fw: Framework, minutes: int) -> int:
    """How many component activities a session has room for: each gets at least 5 of the minutes the fixed blocks leave.

    A facilitator may choose more components than the rule would, but never so
    many that one of them gets no time (seven components in 60 minutes).
    """
    left = minutes - sum(fixed_blocks(fw, minutes).values())
    return max(1, left // 5)


def fixed_blocks(fw: Framework, minutes: int) -> dict[str, int]:
    """The fixed steps' minutes in a session of that length (the framework opening only when the file words it)."""
    return {name: lengths.get(minutes, 0) for name, lengths in fw.workshop.blocks.items()
            if name != "framework" or fw.workshop.framework is not None}


def focus(fw: Framework, page: Page, minutes: int, chosen: list[str] | None = None) -> tuple[list[EnactedSection], str]:
    """The sections a session works on, and the rule that chose them, in words."""
    enacted = [s for s in page.sections if s.component in fw.component_by_id]
    if chosen:
        by_id = {s.component: s for s in enacted}
        picked = [by_id[c] for c in dict.fromkeys(chosen) if c in by_id][:room(fw, minutes)]
        if picked:
            return picked, chosen_rule().format(names=names(fw.component_by_id, (s.component for s in picked)))
    rank = {basis: i for i, basis in enumerate(fw.focus_order)}
    order = {c.id: i for i, c in enumerate(fw.components)}
    ranked = sorted(enacted, key=lambda s: (rank.get(s.basis, len(rank)), order[s.component]))
    n = min(len(ranked), fw.workshop.components[minutes], room(fw, minutes))
    return ranked[:n], fw.workshop.focus_rule.format(n=n, minutes=minutes)


def _shares(total: int, parts: int) -> list[int]:
    """`total` minutes in `parts` shares, in 5-minute steps where possible, that add up exactly."""
    steps, rest = divmod(total, 5)
    base, extra = divmod(steps, parts)
    shares = [5 * (base + (1 if i < extra else 0)) for i in range(parts)]
    shares[0] += rest
    return shares


def scenario_values(page: Page) -> dict[str, str]:
    """The scenario's facts by the names the framework file's step words use ({felt_difficulty}, {project}, {focus})."""
    meta = page.scenario
    assert meta is not None, "a session plan needs a scenario page"
    return {"felt_difficulty": meta.felt_difficulty, "project": meta.collaborative_project, "focus": meta.primary_focus}


def room_order(fw: Framework, room: Room, prompts: list[PagePrompt]) -> list[PagePrompt]:
    """A component's prompts with those that ask no role outside the room to act first (otherwise in page order)."""
    return sorted(prompts, key=lambda p: bool(fw.absent(room, p.roles)))


def _fill(step: Step, **values: str) -> dict[str, str]:
    return {"title": step.title.format(**values), "what": step.what.format(**values),
            "read_aloud": step.read_aloud.format(**values), "listen_for": step.listen_for.format(**values),
            "brief": (step.brief or step.what).format(**values)}


def plan_session(fw: Framework, page: Page, minutes: int, components: list[str] | None = None,
                 prompt_ids: list[str] | None = None, room: str | None = None) -> SessionPlan:
    """The plan of a `minutes`-long session on the scenario of `page` (a length the framework file offers),
    for the room `room` (an id of `workshop.rooms`; None: the first)."""
    words = fw.workshop
    if minutes not in words.lengths:
        raise ValueError(f"a session is {' or '.join(map(str, words.lengths))} minutes long, not {minutes}")
    who = fw.room(room)
    facts = {**who.words, **scenario_values(page)}
    sections, rule = focus(fw, page, minutes, components)
    block = fixed_blocks(fw, minutes)
    shares = _shares(minutes - sum(block.values()), len(sections))
    gaps = names(fw.component_by_id, (c.id for c in fw.components if page.section_for(c.id) is None)).lower()
    steps: list[tuple[int, str, dict[str, str], dict]] = [(block["opening"], "opening", _fill(words.opening, **facts), {})]
    if words.framework is not None and block.get("framework"):
        steps.append((block["framework"], "framework", _fill(words.framework, **facts), {}))
    steps.append((block["diagram"], "diagram", _fill(words.diagram, **facts), {}))
    notes: list[str] = []
    for share, sec in zip(shares, sections, strict=True):
        comp = fw.component_by_id[sec.component]
        own = [p for p in page.prompts if p.component == sec.component]
        if prompt_ids:
            own = [p for p in own if p.id in prompt_ids] or own
        picked = tuple(room_order(fw, who, own)[:words.prompts[minutes]])
        step = words.component if picked or words.component_open is None else words.component_open
        values = {**facts, "component": comp.name, "summary": sec.summary, "listen": comp.listen or comp.definition}
        bring = tuple(p.id for p in picked if fw.absent(who, p.roles))
        if not picked:
            notes.append(open_note(comp.name))
        steps.append((share, "component", _fill(step, **values),
                      {"component": sec.component, "anchor": sec.anchor, "prompts": picked, "bring": bring}))
    reflect = ("gaps", _fill(words.gaps, **facts, gaps=gaps)) if gaps else ("strengths", _fill(words.strengths, **facts))
    steps.append((block["reflect"], reflect[0], reflect[1], {}))
    steps.append((block["close"], "close", _fill(words.close, **facts), {}))
    activities, start = [], 0
    for length, kind, text, extra in steps:
        activities.append(Activity(start, length, kind, **text, **extra))
        start += length
    plan = SessionPlan(minutes, tuple(s.component for s in sections), rule, tuple(activities), who.id)
    for q in plan.questions(fw):
        if q.brought:
            absent = fw.absent(who, next(p.roles for p in plan.prompts if p.id == q.id))
            notes.append(bring_note(q.number, names(fw.role_by_id, absent)))
    return plan._replace(notes=tuple(notes))
