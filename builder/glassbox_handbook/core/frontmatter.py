"""A scenario's YAML front matter: its model, and reading it with a line for every value.

The model is the one definition of what the front matter holds: the build
validates against it, `python -m glassbox_handbook schema` turns it into the JSON
Schema that editors use, and the worksheet's labels come from its field
titles. Values that name framework vocabulary (levels, roles, trajectory,
licence) are plain strings here and are checked against the framework file
by `glassbox_handbook.core.scenario`, so the model itself knows no framework.
"""

from __future__ import annotations

from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from glassbox_handbook.core.problems import Problem, pydantic_problems
from glassbox_handbook.words import _

_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_ORCID = r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$"
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same results, much faster


class Mark(str):
    """A field's role beyond its type, kept in its `Annotated` metadata (never in the JSON Schema)."""


PROSE = Mark("prose")  # free text: the privacy check reads it
FACT = Mark("fact")  # one of the four facts of a problem of practice, labelled by the framework file


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Contributor(_Strict):
    name: str = Field(min_length=1, description="How the contributor wants to be credited.")
    orcid: str | None = Field(default=None, pattern=_ORCID, description="Optional ORCID iD, e.g. 0000-0002-1825-0097.")


class Privacy(_Strict):
    deidentified: bool = Field(description="The account names no person, school or district that could be identified.")
    consent: str = Field(description="Whether consent was obtained from the people described: obtained or not-needed.",
                         pattern=r"^(obtained|not-needed)$")
    pseudonyms: tuple[str, ...] = Field(default=(), description="Invented names the account uses on purpose "
                                        "(\"Ms. Rivera\", \"Oakview Elementary\"); the privacy check does not flag them.")


class ScenarioMeta(_Strict):
    """The YAML front matter of a scenario file."""

    id: str = Field(pattern=_ID, description="Unique id; lower case, digits and hyphens; same as the file name.")
    title: Annotated[str, PROSE] = Field(min_length=1)
    # The four facts; how readers see them labelled is the framework file's (`facts`).
    felt_difficulty: Annotated[str, FACT, PROSE] = Field(min_length=1, description="What people felt was not working, in their own terms.")
    collaborative_project: Annotated[str, FACT, PROSE] = Field(min_length=1, description="The joint project that grew out of the difficulty.")
    primary_focus: Annotated[str, FACT, PROSE] = Field(min_length=1, description="What the collaboration concentrated on.")
    illustrative_evidence: Annotated[str, FACT, PROSE] = Field(min_length=1, description="What people said, made or did that shows the learning.")
    # At least one of each (checked against the framework file, with the choices in the message).
    levels: tuple[str, ...] = Field(description="Level ids from the framework file; at least one.")
    roles: tuple[str, ...] = Field(description="Role ids from the framework file; at least one.")
    trajectory: str = Field(description="Trajectory id from the framework file.")
    origin: str = Field(default="contributed", description="Where the account comes from: an origin id from the "
                        "framework file (`origins`), e.g. contributed for a partnership's own account.")
    sources: tuple[str, ...] = Field(min_length=1, description="Bibliography keys from references.bib.")
    contributors: tuple[Contributor, ...] = Field(min_length=1)
    license: str = Field(description="Content licence id; it must be the handbook's licence (framework file, `licence`).")
    status: str = Field(default="draft", pattern=r"^(draft|reviewed)$", description="draft until a maintainer has reviewed it.")
    privacy: Privacy


def split_front_matter(text: str) -> tuple[str | None, int]:
    """Return the YAML text between the leading `---` lines and the line after it."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, 1
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return "\n".join(lines[1:i]), i + 2
    return "\n".join(lines[1:]), len(lines) + 1


def _marked(mark: Mark) -> tuple[str, ...]:
    return tuple(name for name, f in ScenarioMeta.model_fields.items() if mark in f.metadata)


# The four facts in the order the paper's Table 2 gives them (the model's order), and every field of prose.
FACTS = _marked("fact")
PROSE_FIELDS = frozenset(_marked("prose"))


def _closed(text: str) -> bool:
    return any(line.strip() in ("---", "...") for line in text.split("\n")[1:])


def line_map(node: yaml.Node, loc: tuple = (), first_line: int = 2) -> dict[tuple, tuple[int, int]]:
    """Map each value's location to its (line, col), 1-based, in the file.

    `first_line` is the file's line of the YAML's first line: 2 in front matter (after `---`).
    """
    out = {loc: (node.start_mark.line + first_line, node.start_mark.column + 1)}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            out.update(line_map(value, (*loc, key.value), first_line))
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            out.update(line_map(value, (*loc, i), first_line))
    return out


def parse_front_matter(text: str, path: str) -> tuple[ScenarioMeta | None, dict, list[Problem]]:
    fm, _start = split_front_matter(text)
    if fm is None:
        return None, {}, [Problem(path, 1, 1, _("the file does not start with front matter"),
                                  _("begin the file with a line `---`, the fields of {template}, and `---`").format(
                                      template="scenarios/_template.md"))]
    if not _closed(text):
        return None, {}, [Problem(path, 1, 1, _("the front matter is never closed"),
                                  _("add a line `---` after the last field, before the `# Title`"))]
    tabbed = next((i for i, line in enumerate(fm.split("\n"), 2) if line.startswith("\t") or line.lstrip(" ").startswith("\t")), 0)
    if tabbed:
        return None, {}, [Problem(path, tabbed, 1, _("the front matter is indented with a tab"),
                                  _("indent with spaces, not tabs (YAML does not allow tabs)"))]
    try:
        # Anchors and aliases could make validation explode (a "billion laughs"); a
        # cheap look for & or * comes first, the exact token scan only when needed.
        for token in yaml.scan(fm, Loader=YAML_LOADER) if ("&" in fm or "*" in fm) else ():
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                return None, {}, [Problem(path, token.start_mark.line + 2, token.start_mark.column + 1,
                                          _("the front matter uses a YAML anchor or alias (& or *)"),
                                          _("write each value out in full; put quotes around text that starts with & or *"))]
        loader = YAML_LOADER(fm)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = ((mark.line + 2), (mark.column + 1)) if mark else (1, 1)
        what = getattr(exc, "problem", None) or _("cannot be read")  # YAML's own words, when it has some
        return None, {}, [Problem(path, line, col, _("the front matter is not valid YAML ({what})").format(what=what),
                                  _("check indentation, and put quotes around a value that contains a colon"))]
    if not isinstance(data, dict) or node is None:
        return None, {}, [Problem(path, 2, 1, _("the front matter must be a list of `field: value` lines"),
                                  _("copy the fields from {template}").format(template="scenarios/_template.md"))]
    lines = line_map(node)
    try:
        return ScenarioMeta.model_validate(data), lines, []
    except ValidationError as exc:
        exc._glassbox_model = ScenarioMeta  # lets the message list the fields that are allowed there
        return None, lines, pydantic_problems(exc, path, lines, _("see {template} for the expected form").format(
            template="scenarios/_template.md"))


