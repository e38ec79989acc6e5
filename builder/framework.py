"""The framework's vocabulary, read from one YAML file.

Every term the handbook knows (components, concepts, levels, roles,
trajectories, the OLC/SRLC dimensions) comes from this file, so that the
builder holds no framework term of its own and can be pointed at another
framework's file. The model is validated with pydantic so that a mistake in
the vocabulary is reported as clearly as a mistake in a scenario.
"""

from __future__ import annotations

import difflib
import re
from functools import cached_property
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from .problems import Problem, ProblemList, pydantic_problems

_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_TERM_TARGET = re.compile(r"^(.*?)\s*<([^<>]+)>$", re.S)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Pages(_Strict):
    component: str
    concept: str
    scenario_index: str
    levels: str = ""


class FrameworkInfo(_Strict):
    id: str
    name: str
    short_name: str
    base_name: str
    base_short_name: str
    source: str
    pages: Pages


class Component(_Strict):
    id: str = Field(pattern=_ID)
    name: str
    group: str
    shape: str
    aliases: list[str] = []
    definition: str


class Concept(_Strict):
    id: str = Field(pattern=_ID)
    name: str
    terms: list[str]
    sources: list[str] = []
    definition: str


class OlcLevel(_Strict):
    id: str = Field(pattern=_ID)
    name: str


class SrlcLevel(_Strict):
    id: str = Field(pattern=_ID)
    name: str
    school_side: str
    university_side: str
    olc: str


class Levels(_Strict):
    olc: list[OlcLevel]
    srlc: list[SrlcLevel]


class Dimension(_Strict):
    id: str = Field(pattern=_ID)
    name: str
    olc: str
    srlc: str


class Role(_Strict):
    id: str = Field(pattern=_ID)
    name: str
    lens: bool = False


class Named(_Strict):
    """A trajectory or a basis: an id with a name and a description."""

    id: str = Field(pattern=_ID)
    name: str
    description: str


class Framework(_Strict):
    """The whole vocabulary file."""

    framework: FrameworkInfo
    components: list[Component]
    concepts: list[Concept]
    levels: Levels
    dimensions: list[Dimension]
    roles: list[Role]
    trajectories: list[Named]
    bases: list[Named]
    scenario_sections: list[str] = []

    @model_validator(mode="after")
    def _unique_ids(self) -> Framework:
        for kind in ("components", "concepts", "dimensions", "roles", "trajectories", "bases"):
            ids = [item.id for item in getattr(self, kind)]
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                raise ValueError(f"duplicate {kind} id(s): {', '.join(dupes)}")
        olc_ids = {level.id for level in self.levels.olc}
        for level in self.levels.srlc:
            if level.olc not in olc_ids:
                raise ValueError(f"SRLC level {level.id!r} points at unknown OLC level {level.olc!r}")
        return self

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
    def level_by_id(self) -> dict[str, SrlcLevel]:
        return {level.id: level for level in self.levels.srlc}

    @cached_property
    def trajectory_by_id(self) -> dict[str, Named]:
        return {t.id: t for t in self.trajectories}

    @cached_property
    def basis_by_id(self) -> dict[str, Named]:
        return {b.id: b for b in self.bases}

    @cached_property
    def component_by_heading(self) -> dict[str, Component]:
        """Headings that name a component: its name and aliases, any case."""
        table: dict[str, Component] = {}
        for c in self.components:
            for text in (c.name, *c.aliases):
                table[_fold(text)] = c
        return table

    def resolve_term(self, text: str) -> tuple[str, Concept | None, str]:
        """Read the {term} role's text (`words` or `shown words <target>`).

        Returns the words to show, the concept they name (or None), and a
        "did you mean" suffix for when they name none. The build's role and the
        scenario check both call this, so they accept exactly the same terms.
        """
        m = _TERM_TARGET.match(text)
        shown, target = (m.group(1), m.group(2)) if m else (text, text)
        concept = self.concept_by_term.get(_fold(target))
        return shown, concept, "" if concept else did_you_mean(_fold(target), list(self.concept_by_term))

    @cached_property
    def concept_by_term(self) -> dict[str, Concept]:
        table: dict[str, Concept] = {}
        for c in self.concepts:
            for text in (c.name, c.id, *c.terms):
                table.setdefault(_fold(text), c)
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


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("–", "-").split())


def did_you_mean(word: str, choices: list[str] | set[str] | tuple[str, ...]) -> str:
    """A ' did you mean …?' suffix for a misspelt id, or an empty string."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    if not close:
        close = difflib.get_close_matches(_fold(word), sorted(choices), n=1, cutoff=0.6)
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
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ProblemList([Problem(str(path), (mark.line + 1) if mark else 0, (mark.column + 1) if mark else 0,
                                   f"the framework file is not valid YAML ({getattr(exc, 'problem', exc)})",
                                   "check indentation and quoting on that line")]) from None
    try:
        return Framework.model_validate(data)
    except Exception as exc:  # pydantic.ValidationError
        raise ProblemList(pydantic_problems(exc, str(path), {}, "fix the framework file")) from None
