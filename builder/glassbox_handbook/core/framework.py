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
import string
from functools import cached_property
from pathlib import Path

import yaml
from pydantic import model_validator

from glassbox_handbook.core.frontmatter import FACTS, YAML_LOADER, line_map
from glassbox_handbook.core.problems import Problem, ProblemList, pydantic_problems
from glassbox_handbook.core.vocabulary import (
    Abbreviation,
    Component,
    Concept,
    Crosswalk,
    Defaults,
    Diagram,
    Dimension,
    Fact,
    FrameworkInfo,
    Levels,
    Licence,
    Named,
    PairedLevel,
    Plain,
    Role,
    Room,
    Strict,
    Workshop,
)

# The names a step's words may use besides a room's words (glassbox_handbook/core/session.py fills them).
STEP_FIELDS = ("felt_difficulty", "project", "focus", "component", "summary", "listen", "gaps", "n", "minutes")

_TERM_TARGET = re.compile(r"^(.*?)\s*<([^<>]+)>$", re.S)


class Framework(Strict):
    """The whole vocabulary file."""

    framework: FrameworkInfo
    components: list[Component]
    concepts: list[Concept]
    levels: Levels
    dimensions: list[Dimension]
    roles: list[Role]
    trajectories: list[Named]
    bases: list[Named]
    licence: Licence
    facts: dict[str, Fact]
    diagram: Diagram
    defaults: Defaults
    workshop: Workshop
    scenario_sections: list[str] = []
    crosswalks: list[Crosswalk] = []
    plain: Plain = Plain()
    origins: list[Named] = [Named(id="contributed", name="Contributed", description="A partnership's own account.")]
    abbreviations: list[Abbreviation] = []
    # The source's tables as it names them ("Table 2") -> the handbook page that shows each (a docname).
    source_tables: dict[str, str] = {}

    @model_validator(mode="after")
    def _unique_ids(self) -> Framework:
        for kind in ("components", "concepts", "dimensions", "roles", "trajectories", "bases", "origins"):
            ids = [item.id for item in getattr(self, kind)]
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                raise ValueError(f"duplicate {kind} id(s): {', '.join(dupes)}")
        marks = [c.mark for c in self.components]
        if len(set(marks)) < len(marks):
            raise ValueError("components' codes (or, without one, their initials) must differ: "
                             + ", ".join(sorted({m for m in marks if marks.count(m) > 1})))
        if set(self.facts) != set(FACTS):
            raise ValueError("facts must label exactly: " + ", ".join(FACTS))
        components = {c.id for c in self.components}
        for role in ("facilitators", "agents", "priorities"):
            if getattr(self.diagram, role) not in components:
                raise ValueError(f"diagram.{role} names unknown component {getattr(self.diagram, role)!r}")
        if self.diagram.above and self.diagram.above not in {c.id for c in self.concepts}:
            raise ValueError(f"diagram.above names unknown concept {self.diagram.above!r}")
        if self.defaults.basis not in {b.id for b in self.bases}:
            raise ValueError(f"defaults.basis names unknown basis {self.defaults.basis!r}")
        if self.defaults.trajectory not in {t.id for t in self.trajectories}:
            raise ValueError(f"defaults.trajectory names unknown trajectory {self.defaults.trajectory!r}")
        for walk in self.crosswalks:
            for item in walk.items:
                for cid in item.components:
                    if cid not in components:
                        raise ValueError(f"crosswalk {walk.id!r}, {item.id}: unknown component {cid!r}")
                for cid in item.concepts:
                    if cid not in {c.id for c in self.concepts}:
                        raise ValueError(f"crosswalk {walk.id!r}, {item.id}: unknown concept {cid!r}")
        for length in self.workshop.lengths:
            fixed = sum(block.get(length, 0) for block in self.workshop.blocks.values())
            if length not in self.workshop.components or length not in self.workshop.prompts or fixed >= length:
                raise ValueError(f"workshop: a {length}-minute session needs `components`, `prompts` and fixed "
                                 f"blocks that leave time for the components")
        self._check_rooms()
        base_ids = {level.id for level in self.levels.base}
        for level in self.levels.paired:
            if level.base not in base_ids:
                raise ValueError(f"paired level {level.id!r} points at unknown base level {level.base!r}")
        return self

    def _check_rooms(self) -> None:
        """Rooms have distinct ids, the same word names (a step's `{…}` is filled in every room), and the
        step words name nothing that neither the scenario nor the rooms fill."""
        rooms = self.workshop.rooms
        ids = [r.id for r in rooms]
        if len(set(ids)) < len(ids):
            raise ValueError("workshop.rooms: two rooms have the same id")
        first = set(rooms[0].words)
        for room in rooms[1:]:
            if set(room.words) != first:
                raise ValueError(f"workshop.rooms: room {room.id!r} must name the same words as room {rooms[0].id!r} "
                                 f"({', '.join(sorted(first)) or 'none'})")
        known = set(STEP_FIELDS) | first
        words = self.workshop
        for name in ("opening", "framework", "diagram", "component", "component_open", "gaps", "strengths", "close"):
            step = getattr(words, name)
            if step is None:
                continue
            for field in ("title", "what", "read_aloud", "listen_for", "brief"):
                for _, field_name, _, _ in string.Formatter().parse(getattr(step, field) or ""):
                    if field_name is not None and field_name not in known:
                        raise ValueError(f"workshop.{name}.{field}: {{{field_name}}} is neither a scenario's fact "
                                         f"nor a room's word (known: {', '.join(sorted(known))})")

    def room(self, room_id: str | None) -> Room:
        """The room of that id; None: the default (the first)."""
        for room in self.workshop.rooms:
            if room.id == room_id:
                return room
        if room_id is None:
            return self.workshop.rooms[0]
        raise ValueError(f"no room {room_id!r}: the rooms are {', '.join(r.id for r in self.workshop.rooms)}")

    def absent(self, room: Room, role_ids: list[str] | tuple[str, ...]) -> list[str]:
        """The roles of `role_ids` that are not in `room` (a role on a side the room does not have)."""
        return [r for r in role_ids if r in self.role_by_id and self.role_by_id[r].side != "both"
                and self.role_by_id[r].side not in room.sides]
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
    def level_by_id(self) -> dict[str, PairedLevel]:
        return {level.id: level for level in self.levels.paired}

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

    @property
    def core(self) -> tuple[str, str, str]:
        """The learning core's components: facilitators, agents, priorities (drawn at every level)."""
        return (self.diagram.facilitators, self.diagram.agents, self.diagram.priorities)

    @property
    def around_core(self) -> list[Component]:
        """The components outside the learning core, in the file's order."""
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
    return f"; did you mean {close[0]!r}?" if close else ""


def load_framework(path: str | Path) -> Framework:
    """Read and validate the vocabulary file; raise ProblemList on any mistake."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProblemList([Problem(str(path), 0, 0, f"cannot read the framework file ({exc.strerror})",
                                   "set `glassbox_framework` in conf.py to the vocabulary file")]) from None
    try:
        data = yaml.load(text, Loader=YAML_LOADER)  # noqa: S506 - a safe loader (libyaml's when present)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ProblemList([Problem(str(path), (mark.line + 1) if mark else 0, (mark.column + 1) if mark else 0,
                                   f"the framework file is not valid YAML ({getattr(exc, 'problem', exc)})",
                                   "check indentation and quoting on that line")]) from None
    try:
        return Framework.model_validate(data)
    except Exception as exc:  # pydantic.ValidationError
        node = yaml.compose(text, Loader=YAML_LOADER)  # only now: where each value sits, for the message
        lines = line_map(node, first_line=1) if node is not None else {}
        raise ProblemList(pydantic_problems(exc, str(path), lines, "fix the framework file")) from None
