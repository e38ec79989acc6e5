"""The items of a framework's vocabulary file, one model each.

`builder.framework.Framework` puts them together and validates what crosses
items (unique ids, the diagram naming real components...). Every model is
frozen and forbids unknown keys, so a mistake in the file is reported with
its place, as clearly as a mistake in a scenario.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Pages(Strict):
    component: str
    concept: str
    scenario_index: str
    levels: str = ""


class FrameworkInfo(Strict):
    id: str
    name: str
    short_name: str
    base_name: str
    base_short_name: str
    source: str
    pages: Pages


class Component(Strict):
    id: str = Field(pattern=ID)
    name: str
    group: str
    shape: str
    # A short label printed in the component's mark beside its shape (cards, slides), so that two shapes
    # that look alike when small (a circle and a hexagon) are still told apart; distinct per component.
    code: str = Field(default="", max_length=4)
    aliases: list[str] = []
    definition: str
    plain: str = ""  # the component in one everyday sentence (the plain-words page and the workshop's opening)
    # What a facilitator hears when a group is working on this component (the guide's "what to listen for");
    # empty: the guide says what the definition says.
    listen: str = ""

    @property
    def mark(self) -> str:
        """The label of its mark: `code`, or the initials of its name when the file gives none."""
        return self.code or "".join(word[0] for word in self.name.split()).upper()[:3]


class Plain(Strict):
    """The framework in plain words, beside each component's `plain` sentence: read by the plain-words
    page and by the workshop session's opening, so both say it the same way."""

    levels: str = ""  # what the levels are
    glass_box: str = ""  # what "opening the glass box" means


class Abbreviation(Strict):
    """An abbreviation pages may use, spelt out at its first use on each page."""

    short: str = Field(pattern=r"^[A-Z][A-Za-z]*[A-Z][A-Za-z]*( [A-Z][A-Za-z]*)?$")  # ABC, ABCs, CC BY
    long: str = Field(min_length=1)


class Concept(Strict):
    id: str = Field(pattern=ID)
    name: str
    terms: list[str]
    sources: list[str] = []
    definition: str


class BaseLevel(Strict):
    """A level of the framework this one grows from (one organization)."""

    id: str = Field(pattern=ID)
    name: str


class PairedLevel(Strict):
    """A level of this framework: a school-side level paired with a university-side one."""

    id: str = Field(pattern=ID)
    name: str
    school_side: str
    university_side: str
    base: str  # the id of the base framework's level it extends


class Levels(Strict):
    base: list[BaseLevel]
    paired: list[PairedLevel]


class Dimension(Strict):
    id: str = Field(pattern=ID)
    name: str
    base: str  # the dimension in the framework this one grows from
    paired: str  # the same dimension in this framework


# Which side of the partnership a role works on; `both` for a role that spans the two (it is in every room).
Side = Literal["school", "university", "both"]


class Role(Strict):
    id: str = Field(pattern=ID)
    name: str
    side: Side  # required: a session for one side's room must know whom it may ask to act
    lens: bool = False


class Named(Strict):
    """A trajectory or a basis: an id with a name and a description."""

    id: str = Field(pattern=ID)
    name: str
    description: str
    when: str = ""  # for a basis: when a contributor should choose it, as advice in error messages
    short: str = ""  # a word for tight places (the printed matrix's cells); empty: the name
    cited: bool = False  # for a basis: a section with this basis must cite a source (glassbox_handbook.core.scenario refuses it otherwise)
    credited: bool = False  # for a basis: the account is the contributors' own, and they are credited as its source

    @property
    def label(self) -> str:
        """The short word, else the name: what a cell of the printed matrix shows beside its symbol."""
        return self.short or self.name


class Licence(Strict):
    """The licence every scenario and page is published under."""

    id: str
    name: str
    url: str


class Diagram(Strict):
    """How the framework is drawn: the learning core at each level, and what sits above the levels."""

    facilitators: str  # component drawn as the box on the left of each level
    agents: str  # component drawn as the box on the right
    priorities: str  # component drawn as the triangle between them
    priorities_label: str = ""  # the triangle's label, with line breaks, when the name is too wide for it
    above: str = ""  # concept drawn above the levels (the paper's Figure 2 puts it there), or none


class Defaults(Strict):
    """What a new enactment or draft starts from when the contributor has not chosen yet."""

    basis: str
    trajectory: str


class Step(Strict):
    """The words of one step of a session plan; `{…}` names are filled from the scenario."""

    title: str
    what: str
    read_aloud: str = ""
    listen_for: str = ""
    brief: str = ""  # what to do in one line, for a plan's table (the whole `what` is in the step's own text)


class Room(Strict):
    """Who is in the room for a session: both sides of the partnership, or one. The step words' `{…}`
    names beyond the scenario's are filled from `words`, so one set of step words serves every room."""

    id: str = Field(pattern=ID)
    name: str  # as the planner offers it: "The whole partnership"
    sides: list[Literal["school", "university"]] = Field(min_length=1)
    words: dict[str, str] = {}  # name -> words for this room, e.g. groups: "groups of four that mix ..."
    # How a prompt that asks a role not in this room to act is put to the room: `{text}` is the prompt.
    bring: str = "{text}"
    kit: bool = False  # the PDF builder prints a ready-made kit for this room


class Workshop(Strict):
    """How a workshop session on one scenario is planned (glassbox_handbook/core/session.py), and its words."""

    lengths: list[int]  # the session lengths offered, in minutes
    blocks: dict[str, dict[int, int]]  # fixed step -> {length: minutes}: opening, diagram, reflect, close
    components: dict[int, int]  # length -> how many components a session works on, at most
    prompts: dict[int, int]  # length -> how many prompts per component, at most
    focus_order: list[str]  # basis ids, in the order their sections are chosen
    focus_rule: str
    opening: Step
    framework: Step | None = None  # the framework in plain words, after the opening (its minutes: blocks.framework)
    diagram: Step
    component: Step
    component_open: Step | None = None  # a component the session has no prompt for: talk from its summary
    gaps: Step
    strengths: Step
    close: Step
    moves: list[str]
    # What the facilitator guide adds to the plan (all optional: a framework without them prints less).
    prepare: list[str] = []  # what to get ready before the session
    listen_roles: str = ""  # "{roles}": the roles a prompt names, so the facilitator hears from them
    basis_listen: dict[str, str] = {}  # basis id -> what to listen for in a section with that basis
    rooms: list[Room] = Field(min_length=1)  # the first is the default: the room a plan is for unless chosen
    people: int = 20  # the room the guide counts materials for
    group_size: int = 4  # people per small group
    materials: list[str] = []  # what to bring, with counts: {people}, {groups} and the kit's files ({handout}...)
    setup: list[str] = []  # how to set the room up: {people}, {groups}
    debrief: list[str] = []  # questions for the closing debrief
    after: list[dict[str, str]] = []  # what comes next: {page: docname, text: "..."}


class CrosswalkItem(Strict):
    id: str = Field(pattern=ID)
    label: str
    name: str
    summary: str
    components: list[str] = []
    concepts: list[str] = []
    scenarios: list[str] = []


class Crosswalk(Strict):
    """Another framework's items mapped onto this one's components and concepts (the handbook's reading)."""

    id: str = Field(pattern=ID)
    name: str
    source: str
    purpose: str
    items: list[CrosswalkItem]


class Fact(Strict):
    """How one of a scenario's four facts is labelled for readers, and the hint a contributor sees."""

    label: str
    hint: str
