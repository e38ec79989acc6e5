"""The items of a framework's vocabulary file, one model each (the workshop's in `core/workshop_model.py`).

`builder.framework.Framework` puts them together and validates what crosses
items (unique ids, the diagram naming real components...). Every model is
frozen and forbids unknown keys, so a mistake in the file is reported with
its place, as clearly as a mistake in a scenario.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# The shapes a component's mark can take (pdf/documents.py draws each), in the order they are given by default.
SHAPES = ("square", "circle", "triangle", "diamond", "hexagon", "pentagon", "star")


class Strict(BaseModel):
    # Each field's docstring is its description: the JSON Schema for editors and the framework file's
    # reference page (`glassbox-handbook framework-reference`) both read it.
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Pages(Strict):
    """Where the framework's own pages are (docnames, without `.md`); the defaults are where `glassbox-handbook new` puts them."""

    component: str = "components/{id}"
    """The page of each component, with `{id}` for its id."""
    concept: str = "concepts/{id}"
    """The page of each concept, with `{id}` for its id."""
    scenario_index: str = "scenarios/index"
    """The page that lists the scenarios."""
    levels: str = "levels"
    """The page about the levels, which level names link to; empty: they link nowhere."""


class FrameworkInfo(Strict):
    id: str
    """A short id for the framework (lower-case, hyphens)."""
    name: str
    """The framework's full name, used in titles, covers and the diagram's description."""
    short_name: str = ""
    """Its abbreviation, where space is short (cards, slides, table headings); default: the initials of its name's capitalised words."""
    base_name: str = ""
    """The name of the framework this one grew from (the dimensions table compares them); default: the framework's own name."""
    base_short_name: str = ""
    """That framework's abbreviation; default: the framework's own."""
    source: str
    """The bibliography key of the work that introduced the framework; scenario templates suggest it as a source."""
    pages: Pages = Pages()
    """Where the framework's own pages are, so that views can link to them."""

    @model_validator(mode="before")
    @classmethod
    def _names(cls, data: Any) -> Any:
        """Fill the names left out from those given: the abbreviation from the name, the base from the framework."""
        if isinstance(data, dict) and isinstance(data.get("name"), str):
            data = dict(data)
            data["short_name"] = data.get("short_name") or initials(data["name"])
            data["base_name"] = data.get("base_name") or data["name"]
            data["base_short_name"] = data.get("base_short_name") or (
                data["short_name"] if data["base_name"] == data["name"] else initials(data["base_name"]))
        return data


def initials(name: str) -> str:
    """"Open Practice Framework" -> "OPF": the first letters of its capitalised words (of every word when none is)."""
    words = [w for w in re.split(r"[\s–-]+", name) if w]
    capitals = [w[0] for w in words if w[0].isupper()]
    return "".join(capitals if len(capitals) > 1 else [w[0].upper() for w in words])


class Component(Strict):
    id: str = Field(pattern=ID)
    """Its id: scenarios and prompts refer to the component by it."""
    name: str
    """Its name: page titles, the matrix's column, and the heading of a scenario's section about it."""
    group: str = ""
    """A group of components, for what gathers them (the handout, the slides, the diagram's default core); default: one group, named after the framework."""
    shape: str = ""
    """The shape of its mark on cards and slides (square, circle, triangle, diamond, hexagon, pentagon, star); default: the first of these no other component has."""
    # A short label printed in the component's mark beside its shape (cards, slides), so that two shapes
    # that look alike when small (a circle and a hexagon) are still told apart; distinct per component.
    code: str = Field(default="", max_length=4)
    """A short label printed in its mark, so that marks that look alike stay apart; default: its first two initials (or, if another component has them, the first letters of its name)."""
    aliases: list[str] = []
    """Other headings a scenario may use for its section."""
    definition: str
    """One sentence: the glossary, the hover help and the matrix's header show it."""
    plain: str = ""  # the component in one everyday sentence (the plain-words page and the workshop's opening)
    """The component in one everyday sentence, for the plain-words page and a session's opening."""
    # What a facilitator hears when a group is working on this component (the guide's "what to listen for");
    # empty: the guide says what the definition says.
    listen: str = ""
    """What a facilitator hears when a group works on it (the guide's \"what to listen for\"); default: the definition."""

    @property
    def mark(self) -> str:
        """The label of its mark: `code`, or the initials of its name when the file gives none."""
        return self.code or "".join(word[0] for word in self.name.split()).upper()[:3]


class Plain(Strict):
    """The framework in plain words, beside each component's `plain` sentence: read by the plain-words
    page and by the workshop session's opening, so both say it the same way."""

    intro: str = ""
    """What the framework is, in one everyday sentence: the session handout opens with it."""
    levels: str = ""  # what the levels are
    """What the levels are, in everyday words."""
    glass_box: str = ""  # what "opening the glass box" means
    """What looking inside the framework's work means, in everyday words."""


class Abbreviation(Strict):
    """An abbreviation pages may use, spelt out at its first use on each page."""

    short: str = Field(pattern=r"^[A-Z][A-Za-z]*[A-Z][A-Za-z]*( [A-Z][A-Za-z]*)?$")  # SRLC, IEPs, CC BY
    """The abbreviation as pages write it, in capital letters."""
    long: str = Field(min_length=1)
    """What it stands for, spelt out at its first use on each page."""


class Concept(Strict):
    id: str = Field(pattern=ID)
    """Its id, for links and the diagram."""
    name: str
    """Its name: the page's title and the glossary's entry."""
    terms: list[str] = []
    """The words the {concept} role accepts for it (any case), besides its name and id."""
    sources: list[str] = []
    """Bibliography keys of the works that define it."""
    definition: str
    """One sentence: the glossary and the hover help show it."""


class Side(Strict):
    """One of the organizations a partnership joins (a school system, a university...). A framework of one
    organization declares none."""

    id: str = Field(pattern=ID)
    """Its id: levels name who takes part on it, roles and workshop rooms name it."""
    name: str
    """Its name, as pages show it."""


class BaseLevel(Strict):
    """A level of the framework this one grew from (one organization)."""

    id: str = Field(pattern=ID)
    """Its id, which a level's `base` names."""
    name: str
    """Its name."""


class Level(Strict):
    """A level of this framework: where the work happens. Scenarios list these ids under `levels`."""

    id: str = Field(pattern=ID)
    """Its id: scenarios list it under `levels`."""
    name: str
    """Its name, as the levels view, the diagram and a scenario's facts show it."""
    sides: dict[str, str] = {}
    """Who takes part at this level on each of the framework's `sides` (side id: who); empty: the level is one organization's."""
    base: str = ""  # the id of the base framework's level it extends
    """The id of the level of `base_levels` it extends; empty: none."""


class Dimension(Strict):
    id: str = Field(pattern=ID)
    """Its id."""
    name: str
    """Its name, the row's heading."""
    base: str  # the dimension in the framework this one grows from
    """How the framework it grew from sees this dimension."""
    paired: str  # the same dimension in this framework
    """How this framework sees it."""


class Role(Strict):
    id: str = Field(pattern=ID)
    """Its id: prompts and scenarios list it under `roles`."""
    name: str
    """Its name, as prompts and filters show it."""
    # Required when the framework declares `sides`: a session for one side's room must know whom it may ask to act.
    side: str = ""
    """The id of the side the role works on, or `both` for a role that spans them (it is in every room); leave it out when the framework declares no `sides`."""
    lens: bool = False
    """Whether readers can choose to view the site through this role (prompts for it are highlighted)."""


class Named(Strict):
    """A trajectory or a basis: an id with a name and a description."""

    id: str = Field(pattern=ID)
    """Its id, as scenarios write it."""
    name: str
    """Its name, as pages show it."""
    description: str
    """What it means, in a sentence (the explorer's and the worksheet's help)."""
    when: str = ""  # for a basis: when a contributor should choose it, as advice in error messages
    """For a basis: when a writer should choose it (advice in error messages)."""
    short: str = ""  # a word for tight places (the printed matrix's cells); empty: the name
    """A shorter word for tight places (the printed matrix); default: the name."""
    cited: bool = False  # for a basis: a section with this basis must cite a source (glassbox_handbook.core.scenario refuses it otherwise)
    """For a basis: a section with it must cite a source."""
    credited: bool = False
    """For a basis: the account is the contributors' own, and they are credited as its source."""

    @property
    def label(self) -> str:
        """The short word, else the name: what a cell of the printed matrix shows beside its symbol."""
        return self.short or self.name


class Licence(Strict):
    """The licence every scenario and page is published under."""

    id: str
    """Its id, as scenarios write it under `license` (a standard licence id such as `CC-BY-SA-4.0`)."""
    name: str
    """Its name, printed on covers and packets."""
    url: str
    """Where it is published, linked from every scenario page."""


class Diagram(Strict):
    """How the framework is drawn: the components at the heart of the work, drawn at every level, and what
    sits above the levels. Without a `diagram` key, the components of the first group (at most four) are
    drawn at every level and nothing above."""

    core: list[str] = Field([], max_length=4)
    """The components drawn at every level, from left to right, linked both ways (at most four; with three,
    the middle one is drawn as a triangle between two boxes); the other components form a band under the
    levels. Empty: the components of the first `group`, at most four."""
    labels: dict[str, str] = {}
    """A component's label in the drawing, with line breaks, where its name is too wide for its shape."""
    above: str = ""  # concept drawn above the levels (the paper's Figure 2 puts it there), or none
    """A concept drawn above the levels; empty: none."""


class Defaults(Strict):
    """What a new enactment or draft starts from when the contributor has not chosen yet."""

    basis: str = ""
    """The basis id a new section starts with; default: the first basis that need not cite a source."""
    trajectory: str = ""
    """The trajectory id a new draft starts with; default: the last trajectory."""


class CrosswalkItem(Strict):
    id: str = Field(pattern=ID)
    """Its id."""
    label: str
    """Its short label (a number or code)."""
    name: str
    """Its name."""
    summary: str
    """What it says, in a sentence."""
    components: list[str] = []
    """Component ids it speaks to."""
    concepts: list[str] = []
    """Concept ids it speaks to."""
    scenarios: list[str] = []
    """Scenario ids that show it."""


class Crosswalk(Strict):
    """Another framework's items mapped onto this one's components and concepts (the handbook's reading)."""

    id: str = Field(pattern=ID)
    """Its id, the crosswalk-table view's argument."""
    name: str
    """The other framework's name."""
    source: str
    """The bibliography key of the other framework's source."""
    purpose: str
    """Why the crosswalk is drawn, in a sentence."""
    items: list[CrosswalkItem]
    """The other framework's items, each mapped onto components and concepts."""


class Fact(Strict):
    """How one of a scenario's four facts is labelled for readers, and the hint a contributor sees."""

    label: str
    """The fact's label on scenario pages, cards and packets."""
    hint: str
    """What a writer is asked for (the template's comment, the worksheet's help)."""
