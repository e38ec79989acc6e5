"""The framework's vocabulary, read from one YAML file.

Every term the handbook knows (components, concepts, levels, roles,
trajectories, the dimensions beside those of the framework it grew from)
comes from this file, so that the
builder holds no framework term of its own and can be pointed at another
framework's file. The model is validated with pydantic so that a mistake in
the vocabulary is reported as clearly as a mistake in a scenario.
"""

from __future__ import annotations

import difflib
import re
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from pydantic import Field, model_validator

from glassbox_handbook.core import framework_defaults as fallback
from glassbox_handbook.core.framework_checks import check
from glassbox_handbook.core.frontmatter import YAML_LOADER, line_map
from glassbox_handbook.core.problems import Problem, ProblemList, pydantic_problems
from glassbox_handbook.core.shapes import expected_shape
from glassbox_handbook.core.vocabulary import (
    Abbreviation,
    BaseLevel,
    Component,
    Concept,
    Crosswalk,
    Defaults,
    Diagram,
    Dimension,
    Fact,
    FrameworkInfo,
    Level,
    Licence,
    Named,
    Plain,
    Role,
    Side,
    Strict,
)
from glassbox_handbook.core.workshop_model import Room, Workshop
from glassbox_handbook.words import _

_TERM_TARGET = re.compile(r"^(.*?)\s*<([^<>]+)>$", re.S)


class Framework(Strict):
    """The whole vocabulary file."""

    framework: FrameworkInfo = Field(description='Who the framework is: its names, the work that introduced it and where its pages live.')
    components: list[Component] = Field(description="The framework's parts. Each gets a page, a column of the matrix, a section heading in scenarios and a mark on cards and slides.")
    concepts: list[Concept] = Field([], description='Ideas the components rest on. Each gets a page and can be linked from any page with the {concept} role.')
    sides: list[Side] = Field([], description="The organizations a partnership joins (for example a school system and a university), each with an id and a name. Levels say who takes part on each side, roles say which side they work on, and a workshop room says which sides are present. Empty: the framework looks at one organization.")
    levels: list[Level] = Field(min_length=1, description="Where the work happens, any number, in order from the top. Scenarios name their levels; the levels view groups scenarios by them and the diagram draws one row for each (a level that names two sides is drawn as the two joined).")
    base_levels: list[BaseLevel] = Field([], description="The levels of the framework this one grew from (one organization), which a level's `base` names; the diagram then offers that framework's drawing beside this one's. Empty: no such drawing.")
    dimensions: list[Dimension] = Field([], description='Ways the framework differs from the one it grew from, shown side by side by the dimensions-table view. Empty: no such table.')
    roles: list[Role] = Field([], description="Who takes part. Design prompts and scenarios name roles; readers can view the site through a role's lens.")
    trajectories: list[Named] = Field(default_factory=fallback.trajectories, min_length=1, description="How a scenario's problem moved. Every scenario names one; the explorer filters by it. Default: moving (Moving forward) and stuck (Stuck).")
    bases: list[Named] = Field(default_factory=fallback.bases, min_length=1, description="What a scenario's section rests on. Shown beside every section and in the matrix. Default: reported (a published source, which the section must cite), interpretation (the writer's reading) and first-hand (the contributors' own account).")
    licence: Licence = Field(default_factory=fallback.licence, description='The licence every scenario and page is published under; scenarios must name it, covers and packets print it. Default: CC BY 4.0 (id `CC-BY-4.0`).')
    facts: dict[str, Fact] = Field(default_factory=fallback.facts, description="The labels of a scenario's four facts, and the hint a writer sees for each, under these four keys: felt_difficulty, collaborative_project, primary_focus, illustrative_evidence. A fact left out keeps its default label (The difficulty, The shared project, The focus, The evidence).")
    diagram: Diagram = Field(Diagram(), description="How the framework's diagram is drawn: the components drawn at every level and what sits above the levels. Left out: the first group's components at every level.")
    defaults: Defaults = Field(Defaults(), description='What a new section or draft starts from before its writer chooses.')
    workshop: Workshop = Field(default_factory=Workshop, description='How a workshop session on one scenario is planned, and the words of each step (facilitator guides, slides, the session planner). Left out, or for each key left out: a 60- or 90-minute session in general words, for everyone in small groups.')
    scenario_sections: list[str] = Field([], description='Headings a scenario may have besides component sections (for example: Background).')
    crosswalks: list[Crosswalk] = Field([], description='Other frameworks mapped onto this one; each is shown by a crosswalk-table view.')
    plain: Plain = Field(Plain(), description="The framework in everyday words, for the plain-words page and a session's opening.")
    origins: list[Named] = Field(default_factory=fallback.origins, description="Where a scenario's account comes from (a scenario's `origin`); default: the contributors' own.")
    abbreviations: list[Abbreviation] = Field([], description='Abbreviations the pages use, each explained where it first appears.')
    source_tables: dict[str, str] = Field({}, description='The source\'s tables as it names them ("Table 2"), each mapped to the handbook page that shows it (a docname).')

    @model_validator(mode="before")
    @classmethod
    def _fill_in(cls, data: Any) -> Any:
        return fallback.fill_in(data)

    @model_validator(mode="after")
    def _cross_checks(self) -> Framework:
        check(self)
        return self

    def room(self, room_id: str | None) -> Room:
        """The room of that id; None: the default (the first)."""
        for room in self.workshop.rooms:
            if room.id == room_id:
                return room
        if room_id is None:
            return self.workshop.rooms[0]
        raise ValueError(_("no room {room!r}: the rooms are {rooms}").format(
            room=room_id, rooms=", ".join(r.id for r in self.workshop.rooms)))

    def absent(self, room: Room, role_ids: list[str] | tuple[str, ...]) -> list[str]:
        """The roles of `role_ids` that are not in `room` (a role on a side the room does not have)."""
        present = set(self.room_sides(room)) | {"", "both"}
        return [r for r in role_ids if r in self.role_by_id and self.role_by_id[r].side not in present]

    def room_sides(self, room: Room) -> list[str]:
        """The ids of the sides present in `room`: those it names; every side when it names none."""
        return list(room.sides) or [s.id for s in self.sides]

    def level_sides(self, level: Level) -> list[str]:
        """Who takes part at `level` on each side it names, in the order the file declares the sides."""
        return [level.sides[s.id] for s in self.sides if s.id in level.sides]

    def paired(self, level: Level) -> tuple[str, str] | None:
        """The level's two sides' names when it names exactly two (the diagram draws it as two joined); else None."""
        names = self.level_sides(level)
        return (names[0], names[1]) if len(names) == 2 else None

    @property
    def default_basis(self) -> str:
        """`defaults.basis`, else the first basis that need not cite a source."""
        return self.defaults.basis or next((b.id for b in self.bases if not b.cited), self.bases[0].id)

    @property
    def default_trajectory(self) -> str:
        """`defaults.trajectory`, else the last trajectory."""
        return self.defaults.trajectory or self.trajectories[-1].id

    @property
    def focus_order(self) -> list[str]:
        """The basis ids in the order a session takes their sections: `workshop.focus_order`, else the file's bases."""
        return list(self.workshop.focus_order) or [b.id for b in self.bases]

    @cached_property
    def expansions(self) -> dict[str, str]:
        """Abbreviation -> what it stands for: the framework's own two names and the file's `abbreviations`."""
        table = {self.framework.short_name: self.framework.name, self.framework.base_short_name: self.framework.base_name}
        table.update({a.short: a.long for a in self.abbreviations})
        return table

    # -- lookups -----------------------------------------------------------

    @cached_property
    def component_by_id(self) -> dict[str, Component]:
        return {c.id: c for c in self.components}

    @cached_property
    def concept_by_id(self) -> dict[str, Concept]:
        return {c.id: c for c in self.concepts}

    @cached_property
    def role_by_id(self) -> dict[str, Role]:
        return {r.id: r for r in self.roles}

    @cached_property
    def level_by_id(self) -> dict[str, Level]:
        return {level.id: level for level in self.levels}

    @cached_property
    def trajectory_by_id(self) -> dict[str, Named]:
        return {t.id: t for t in self.trajectories}

    @cached_property
    def origin_by_id(self) -> dict[str, Named]:
        return {o.id: o for o in self.origins}

    @cached_property
    def basis_by_id(self) -> dict[str, Named]:
        return {b.id: b for b in self.bases}

    @cached_property
    def words(self) -> frozenset[str]:
        """The capitalised words of the vocabulary file: never taken for a person's or a school's name (glassbox_handbook.privacy.scan)."""
        out: list[str] = []

        def walk(value: object) -> None:
            if isinstance(value, str):
                out.append(value)
            elif isinstance(value, dict):
                for v in value.values():
                    walk(v)
            elif isinstance(value, (list, tuple)):
                for v in value:
                    walk(v)

        walk(self.model_dump())
        return frozenset(re.findall(r"\b[A-Z][\w'’-]*", " ".join(out)))

    def fact_label(self, field: str) -> str:
        return self.facts[field].label

    @cached_property
    def core(self) -> tuple[str, ...]:
        """The components drawn at every level, left to right: `diagram.core`, else the first group's (at most four)."""
        if self.diagram.core:
            return tuple(self.diagram.core)
        first = self.components[0].group if self.components else None
        return tuple(c.id for c in self.components if c.group == first)[:4]

    @property
    def around_core(self) -> list[Component]:
        """The components outside the core, in the file's order."""
        return [c for c in self.components if c.id not in self.core]

    @cached_property
    def component_by_heading(self) -> dict[str, Component]:
        """Headings that name a component: its name and aliases, any case."""
        table: dict[str, Component] = {}
        for c in self.components:
            for text in (c.name, *c.aliases):
                table[fold(text)] = c
        return table

    def resolve_term(self, text: str) -> tuple[str, Concept | None, str]:
        """Read the {concept} role's text (`words` or `shown words <target>`).

        Returns the words to show, the concept they name (or None), and a
        "did you mean" suffix for when they name none. The build's role and the
        scenario check both call this, so they accept exactly the same terms.
        """
        m = _TERM_TARGET.match(text)
        shown, target = (m.group(1), m.group(2)) if m else (text, text)
        concept = self.concept_by_term.get(fold(target))
        return shown, concept, "" if concept else did_you_mean(fold(target), list(self.concept_by_term))

    @cached_property
    def concept_by_term(self) -> dict[str, Concept]:
        table: dict[str, Concept] = {}
        for c in self.concepts:
            for text in (c.name, c.id, *c.terms):
                table.setdefault(fold(text), c)
        return table

    def component_page(self, component_id: str) -> str:
        return self.framework.pages.component.format(id=component_id)

    def concept_page(self, concept_id: str) -> str:
        return self.framework.pages.concept.format(id=concept_id)

    @cached_property
    def page_subjects(self) -> dict[str, tuple[str, str]]:
        """Docname -> ("component" | "concept", id) for the framework's own pages."""
        subjects = {self.component_page(c.id): ("component", c.id) for c in self.components}
        subjects.update({self.concept_page(c.id): ("concept", c.id) for c in self.concepts})
        return subjects


def fold(text: str) -> str:
    return " ".join(text.casefold().replace("–", "-").split())


def did_you_mean(word: str, choices: list[str] | set[str] | tuple[str, ...]) -> str:
    """A ' did you mean …?' suffix for a misspelt id, or an empty string."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    if not close:
        close = difflib.get_close_matches(fold(word), sorted(choices), n=1, cutoff=0.6)
    return "; " + _("did you mean {word!r}?").format(word=close[0]) if close else ""


def load_framework(path: str | Path) -> Framework:
    """Read and validate the vocabulary file; raise ProblemList on any mistake."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProblemList([Problem(str(path), 0, 0, _("cannot read the framework file ({reason})").format(reason=exc.strerror),
                                   _("set `{setting}` in {conf} to the vocabulary file").format(
                                       setting="glassbox_framework", conf="conf.py"))]) from None
    try:
        data = yaml.load(text, Loader=YAML_LOADER)  # noqa: S506 - a safe loader (libyaml's when present)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ProblemList([Problem(str(path), (mark.line + 1) if mark else 0, (mark.column + 1) if mark else 0,
                                   _("the framework file is not valid YAML ({what})").format(
                                       what=getattr(exc, "problem", exc)),
                                   _("check indentation and quoting on that line"))]) from None
    try:
        return Framework.model_validate(data)
    except Exception as exc:  # pydantic.ValidationError
        exc._glassbox_model = Framework  # lets the message list the keys that are allowed there
        node = yaml.compose(text, Loader=YAML_LOADER)  # only now: where each value sits, for the message
        lines = line_map(node, first_line=1) if node is not None else {}
        raise ProblemList(pydantic_problems(exc, str(path), lines, _("fix the framework file"),
                                            shape=lambda loc: expected_shape(Framework, loc))) from None
