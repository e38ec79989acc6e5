"""The workshop part of the framework file: how a session on one scenario is planned, and its words.

Beside `core/vocabulary.py` (the other parts), in the same style: frozen models that forbid unknown keys,
each field's docstring its description for the reference page and the JSON Schema.
"""

from __future__ import annotations

from pydantic import Field

from glassbox_handbook.core.vocabulary import ID, Strict


class Step(Strict):
    """The words of one step of a session plan; `{…}` names are filled from the scenario."""

    title: str
    """The step's title in plans, guides and slides; `{…}` names are filled from the scenario."""
    what: str
    """What the facilitator does."""
    read_aloud: str = ""
    """What the facilitator reads to the room."""
    listen_for: str = ""
    """What to listen for while groups work."""
    brief: str = ""  # what to do in one line, for a plan's table (the whole `what` is in the step's own text)
    """The step in one line, for a plan's table."""


class Room(Strict):
    """Who is in the room for a session: every side of the partnership, or some. The step words' `{…}`
    names beyond the scenario's are filled from `words`, so one set of step words serves every room."""

    id: str = Field(pattern=ID)
    """Its id, as the planner's choice."""
    name: str  # as the planner offers it: "The whole partnership"
    """Its name, as the planner offers it."""
    sides: list[str] = []
    """The ids of the framework's `sides` present in the room; empty: all of them (and, without sides, everyone)."""
    words: dict[str, str] = {}  # name -> words for this room, e.g. groups: "groups of four that mix ..."
    """Words a step's `{…}` names take in this room (for example `groups`)."""
    # How a prompt that asks a role not in this room to act is put to the room: `{text}` is the prompt.
    bring: str = "{text}"
    """How a prompt for a role not in the room is put to it; `{text}` is the prompt."""
    kit: bool = False  # the PDF builder prints a ready-made kit for this room
    """Whether the PDF builder prints a ready-made kit for this room."""


class Workshop(Strict):
    """How a workshop session on one scenario is planned (glassbox_handbook/core/session.py), and its words."""

    lengths: list[int]  # the session lengths offered, in minutes
    """The session lengths offered, in minutes."""
    blocks: dict[str, dict[int, int]]  # fixed step -> {length: minutes}: opening, diagram, reflect, close
    """Fixed steps (opening, diagram, reflect, close) and their minutes at each length."""
    components: dict[int, int]  # length -> how many components a session works on, at most
    """For each length, how many components a session works on at most."""
    prompts: dict[int, int]  # length -> how many prompts per component, at most
    """For each length, how many prompts per component at most."""
    focus_order: list[str]  # basis ids, in the order their sections are chosen
    """Basis ids, in the order their sections are chosen for a session."""
    focus_rule: str
    """The sentence that says how sections were chosen; `{n}` and `{minutes}` are filled in."""
    opening: Step
    """The opening step."""
    framework: Step | None = None  # the framework in plain words, after the opening (its minutes: blocks.framework)
    """A step that explains the framework in plain words after the opening; none: no such step."""
    diagram: Step
    """The step that looks at the diagram."""
    component: Step
    """The step for each component worked on."""
    component_open: Step | None = None  # a component the session has no prompt for: talk from its summary
    """The step for a component the session has no prompt for; none: the component step."""
    gaps: Step
    """The step about components the scenario does not enact."""
    strengths: Step
    """The step that weighs the components."""
    close: Step
    """The closing step."""
    moves: list[str]
    """Facilitation moves the guide suggests."""
    # What the facilitator guide adds to the plan (all optional: a framework without them prints less).
    prepare: list[str] = []  # what to get ready before the session
    """What to get ready before the session."""
    listen_roles: str = ""  # "{roles}": the roles a prompt names, so the facilitator hears from them
    """The sentence naming whom to hear from; `{roles}` is filled in."""
    basis_listen: dict[str, str] = {}  # basis id -> what to listen for in a section with that basis
    """For each basis id, what to listen for in a section with that basis."""
    rooms: list[Room] = Field(min_length=1)  # the first is the default: the room a plan is for unless chosen
    """Who a session can be for; the first is the default."""
    people: int = 20  # the room the guide counts materials for
    """How many people the guide counts materials for."""
    group_size: int = 4  # people per small group
    """People per small group."""
    materials: list[str] = []  # what to bring, with counts: {people}, {groups} and the kit's files ({handout}...)
    """What to bring, with `{people}`, `{groups}` and the kit's files filled in."""
    setup: list[str] = []  # how to set the room up: {people}, {groups}
    """How to set the room up."""
    debrief: list[str] = []  # questions for the closing debrief
    """Questions for the closing debrief."""
    after: list[dict[str, str]] = []  # what comes next: {page: docname, text: "..."}
    """What comes next: pages to point to, each `{page: docname, text: ...}`."""
