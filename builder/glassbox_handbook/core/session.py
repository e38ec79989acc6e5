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
  out, and otherwise asks which part is weakest in the group's own partnership.

The minutes always add up to the session's length exactly, whatever the
scenario holds: fewer components mean longer, not empty, activities.
"""

from __future__ import annotations

from typing import NamedTuple

from glassbox_handbook.core.facts import names
from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.model import EnactedSection, Page, PagePrompt
from glassbox_handbook.core.vocabulary import Step

# How the rule reads when the facilitator chose; the planner's script (static/gb-planner.js) embeds it too.
CHOSEN_RULE = "The facilitator chose the components: {names}."


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

    @property
    def end(self) -> int:
        return self.start + self.minutes


class SessionPlan(NamedTuple):
    minutes: int
    focus: tuple[str, ...]  # component ids the session works on, in its order
    rule: str  # how they were chosen, in words
    activities: tuple[Activity, ...]

    @property
    def prompts(self) -> tuple[PagePrompt, ...]:
        return tuple(p for a in self.activities for p in a.prompts)


def room(fw: Framework, minutes: int) -> int:
    """How many component activities a session has room for: each gets at least 5 of the minutes the fixed blocks leave.

    A facilitator may choose more components than the rule would, but never so
    many that one of them gets no time (seven components in 60 minutes).
    """
    left = minutes - sum(lengths[minutes] for lengths in fw.workshop.blocks.values())
    return max(1, left // 5)


def focus(fw: Framework, page: Page, minutes: int, chosen: list[str] | None = None) -> tuple[list[EnactedSection], str]:
    """The sections a session works on, and the rule that chose them, in words."""
    enacted = [s for s in page.sections if s.component in fw.component_by_id]
    if chosen:
        by_id = {s.component: s for s in enacted}
        picked = [by_id[c] for c in dict.fromkeys(chosen) if c in by_id][:room(fw, minutes)]
        if picked:
            return picked, CHOSEN_RULE.format(names=names(fw.component_by_id, (s.component for s in picked)))
    rank = {basis: i for i, basis in enumerate(fw.workshop.focus_order)}
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


def _fill(step: Step, **values: str) -> dict[str, str]:
    return {"title": step.title.format(**values), "what": step.what.format(**values),
            "read_aloud": step.read_aloud.format(**values), "listen_for": step.listen_for.format(**values),
            "brief": (step.brief or step.what).format(**values)}


def plan_session(fw: Framework, page: Page, minutes: int, components: list[str] | None = None,
                 prompt_ids: list[str] | None = None) -> SessionPlan:
    """The plan of a `minutes`-long session on the scenario of `page` (a length the framework file offers)."""
    words = fw.workshop
    if minutes not in words.lengths:
        raise ValueError(f"a session is {' or '.join(map(str, words.lengths))} minutes long, not {minutes}")
    facts = scenario_values(page)
    sections, rule = focus(fw, page, minutes, components)
    block = {name: lengths[minutes] for name, lengths in words.blocks.items()}
    shares = _shares(minutes - sum(block.values()), len(sections))
    gaps = [c.name.lower() for c in fw.components if page.section_for(c.id) is None]
    steps: list[tuple[int, str, dict[str, str], dict]] = [
        (block["opening"], "opening", _fill(words.opening, **facts), {}),
        (block["diagram"], "diagram", _fill(words.diagram, **facts), {}),
    ]
    for share, sec in zip(shares, sections, strict=True):
        name = fw.component_by_id[sec.component].name
        own = [p for p in page.prompts if p.component == sec.component]
        if prompt_ids:
            own = [p for p in own if p.id in prompt_ids] or own
        steps.append((share, "component", _fill(words.component, component=name, summary=sec.summary, **facts),
                      {"component": sec.component, "anchor": sec.anchor, "prompts": tuple(own[:words.prompts[minutes]])}))
    reflect = ("gaps", _fill(words.gaps, gaps=", ".join(gaps), **facts)) if gaps else ("strengths", _fill(words.strengths, **facts))
    steps.append((block["reflect"], reflect[0], reflect[1], {}))
    steps.append((block["close"], "close", _fill(words.close, **facts), {}))
    activities, start = [], 0
    for length, kind, text, extra in steps:
        activities.append(Activity(start, length, kind, **text, **extra))
        start += length
    return SessionPlan(minutes, tuple(s.component for s in sections), rule, tuple(activities))
