"""The workshop part of the framework file: how a session on one scenario is planned, and its words.

Beside `core/vocabulary.py` (the other parts), in the same style: frozen models that forbid unknown keys,
each field's docstring its description for the reference page and the JSON Schema.
"""

from __future__ import annotations

from pydantic import Field

from glassbox_handbook.core.vocabulary import ID, Strict
from glassbox_handbook.words import _


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

    lengths: list[int] = [60, 90]  # the session lengths offered, in minutes
    """The session lengths offered, in minutes."""
    # fixed step -> {length: minutes}: opening, diagram, reflect, close
    blocks: dict[str, dict[int, int]] = {"opening": {60: 10, 90: 10}, "diagram": {60: 5, 90: 10},
                                         "reflect": {60: 10, 90: 15}, "close": {60: 10, 90: 15}}
    """Fixed steps (opening, diagram, reflect, close) and their minutes at each length."""
    components: dict[int, int] = {60: 2, 90: 3}  # length -> how many components a session works on, at most
    """For each length, how many components a session works on at most."""
    prompts: dict[int, int] = {60: 2, 90: 3}  # length -> how many prompts per component, at most
    """For each length, how many prompts per component at most."""
    focus_order: list[str] = []  # basis ids, in the order their sections are chosen
    """Basis ids, in the order their sections are chosen for a session; default: the file's `bases`, in order."""
    focus_rule: str = Field(default_factory=lambda: _("Sections are taken in the order of their basis, then of the "
                                                      "framework's parts, as many as the time allows: {n} in {minutes} minutes."))
    """The sentence that says how sections were chosen; `{n}` and `{minutes}` are filled in."""
    opening: Step = Field(default_factory=lambda: Step(
        title=_("Open with the difficulty"), brief=_("Read the difficulty aloud; neighbours name one like it."),
        read_aloud=_("{felt_difficulty} What grew from it: {project}"),
        what=_("Read the difficulty and the project aloud. Each person tells a neighbour, in one sentence, where "
               "they meet a difficulty like it; take three or four voices from the room."),
        listen_for=_("Difficulties told as what happened, not as who was to blame.")))
    """The opening step."""
    framework: Step | None = None  # the framework in plain words, after the opening (its minutes: blocks.framework)
    """A step that explains the framework in plain words after the opening; none: no such step."""
    diagram: Step = Field(default_factory=lambda: Step(
        title=_("Find the scenario in the diagram"), brief=_("Find the levels and parts at work here."),
        read_aloud=_("The focus of the work: {focus}"),
        what=_("On the diagram: which levels are at work here, and which parts does the scenario show? The parts "
               "this session works on are marked.")))
    """The step that looks at the diagram."""
    component: Step = Field(default_factory=lambda: Step(
        title="{component}", read_aloud="{summary}", listen_for="{listen}",
        brief=_("Groups take one prompt each; one line per group, read aloud."),
        what=_("Read the summary aloud. {groups} take one prompt each and write their first move: who acts, with "
               "what, by when. Every group reads its line aloud.")))
    """The step for each component worked on."""
    component_open: Step | None = None  # a component the session has no prompt for: talk from its summary
    """The step for a component the session has no prompt for; none: the component step."""
    gaps: Step = Field(default_factory=lambda: Step(
        title=_("What is missing"), brief=_("Groups: what would the missing parts change?"),
        what=_("This scenario does not show {gaps}. In groups: what might have gone differently if it had?")))
    """The step about components the scenario does not enact."""
    strengths: Step = Field(default_factory=lambda: Step(
        title=_("Which part is weakest in our own work"), brief=_("Each person marks one part; look at where the marks cluster."),
        what=_("This scenario shows every part. Each person marks the part that is weakest in their own work; the "
               "room looks at where the marks cluster, and two or three people say why.")))
    """The step that weighs the components."""
    close: Step = Field(default_factory=lambda: Step(
        title=_("Next steps"), brief=_("Each group names a step, an owner, a date."),
        what=_("Each group names one next step, who takes it and by when."),
        read_aloud=_("Before we leave, each group names one next step: who will take it, and by when."),
        listen_for=_("Steps with a named person and a date. Turn a step that begins “we should” into one that "
                     "begins with someone's name.")))
    """The closing step."""
    moves: list[str] = Field(default_factory=lambda: [
        _("Ask for evidence: “What in the scenario tells us that?”"),
        _("Move between levels: “Who at another level would see this differently?”"),
        _("Turn talk into design: “What would we try first, with whom, by when?”")])
    """Facilitation moves the guide suggests."""
    # What the facilitator guide adds to the plan (all optional: a framework without them prints less).
    prepare: list[str] = []  # what to get ready before the session
    """What to get ready before the session."""
    # "{roles}": the roles a prompt names, so the facilitator hears from them
    listen_roles: str = Field(default_factory=lambda: _("Make sure you hear from: {roles}."))
    """The sentence naming whom to hear from; `{roles}` is filled in."""
    basis_listen: dict[str, str] = {}  # basis id -> what to listen for in a section with that basis
    """For each basis id, what to listen for in a section with that basis."""
    # the first is the default: the room a plan is for unless chosen
    rooms: list[Room] = Field(min_length=1, default_factory=lambda: [
        Room(id="everyone", name=_("Everyone"), kit=True, words={"groups": _("Small groups")})])
    """Who a session can be for; the first is the default (default: everyone, in small groups)."""
    people: int = 20  # the room the guide counts materials for
    """How many people the guide counts materials for."""
    group_size: int = 4  # people per small group
    """People per small group."""
    materials: list[str] = []  # what to bring, with counts: {people}, {groups} and the kit's files ({handout}...)
    """What to bring, with `{people}`, `{groups}` and the kit's files filled in."""
    setup: list[str] = []  # how to set the room up: {people}, {groups}
    """How to set the room up."""
    debrief: list[str] = Field(default_factory=lambda: [  # questions for the closing debrief
        _("What did the framework let you see in the scenario that you would not have named before?"),
        _("What is one question you will take back to your own work?")])
    """Questions for the closing debrief."""
    after: list[dict[str, str]] = []  # what comes next: {page: docname, text: "..."}
    """What comes next: pages to point to, each `{page: docname, text: ...}`."""
