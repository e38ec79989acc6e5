"""The one scenario skeleton: the template, `new-scenario` and the worksheet all come from it.

`templates/scenario.md` holds three parts (the document, one component
section, one design prompt) with placeholders: `{{name}}` is inserted as
it is, `{{name|yaml}}` as a YAML value (JSON-encoded, which YAML reads
back exactly, whatever quotes, colons or line breaks a value holds). The
worksheet's script (`static/gb-worksheet.js`) fills the same parts with the
same two rules, so a draft made in the browser has the layout of the
template a contributor copies. The file's comments (`{{note_…}}`) are the
builder's messages, filled in with the framework's choices by `skeleton`, in
the project's language: a Spanish project's draft explains itself in Spanish.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.frontmatter import ScenarioMeta
from glassbox_handbook.words import _

TEMPLATES = Path(__file__).parent / "templates"
_PART = re.compile(r"^%%% (\w+)\n", re.M)
_PLACEHOLDER = re.compile(r"\{\{(\w+)(\|yaml)?\}\}")
# YAML refuses DEL and the C1 controls raw (and reads U+0085 as a line break): escape them, as the script does.
_C1 = re.compile("[\x7f-\x9f]")


class Skeleton(NamedTuple):
    document: str
    section: str
    prompt: str


class Example(NamedTuple):
    """The template's example values; a scenario that still holds one is not filled in.

    `fields` are the front matter's own (id, title and every fact), by the model's field names: a
    field added to the model gets its example in scenario-example.yaml, and nowhere else."""

    fields: dict[str, str]
    contributor: str
    orcid: str
    introduction: str
    summary: str
    story: str
    prompt: str

    @property
    def title(self) -> str:
        return self.fields["title"]


def _example() -> Example:
    data = yaml.safe_load((TEMPLATES / "scenario-example.yaml").read_text(encoding="utf-8"))
    fields = {k: data.pop(k) for k in list(data) if k in ScenarioMeta.model_fields}
    return Example(fields, **data)


EXAMPLE = _example()


@cache
def raw_skeleton() -> Skeleton:
    text = (TEMPLATES / "scenario.md").read_text(encoding="utf-8")
    document, *rest = _PART.split(text)
    parts = dict(zip(rest[::2], rest[1::2], strict=True))
    return Skeleton(document, parts["section"], parts["prompt"])


def fill(template: str, values: dict[str, Any], partial: bool = False) -> str:
    """Put values in place of the placeholders; an unknown one is an error unless `partial`."""
    def value(m: re.Match) -> str:
        name, as_yaml = m.group(1), m.group(2)
        if name not in values:
            if partial:
                return m.group(0)
            raise KeyError(f"the scenario skeleton has no value for {{{{{name}}}}}")
        v = values[name]
        return _C1.sub(lambda c: f"\\u{ord(c.group(0)):04x}", json.dumps(v, ensure_ascii=False)) if as_yaml else str(v)
    return _PLACEHOLDER.sub(value, template)


def _comment(text: str, mark: str = "#") -> str:
    """A message as comment lines of the file, each line of it opened by `mark` (`#` in YAML, `%` in MyST)."""
    return "\n".join(f"{mark} {line}" if line else mark for line in text.split("\n"))


def _notes(fw: Framework) -> dict[str, str]:
    """The file's comments, in the builder's language: what each field asks for, with the framework's choices.
    Their line breaks are the messages' own, so a translation breaks its lines where it reads best."""
    names = {
        "framework": f"{fw.framework.name} ({fw.framework.short_name})", "source": fw.framework.source,
        "levels": ", ".join(level.id for level in fw.levels), "roles": ", ".join(r.id for r in fw.roles),
        "trajectories": ", ".join(t.id for t in fw.trajectories),
        "origins": ", ".join(f"{o.id} ({o.short or o.name})" for o in fw.origins),
        "components": ", ".join(c.name for c in fw.components),
        "optional": ", ".join(fw.scenario_sections) or _("none"), "licence": fw.licence.name}
    notes = {
        "file": _("A scenario, seen through the {framework}.\nLines starting with # are comments: you may delete them.\n"
                  "Every value is checked when the handbook is built, and by\n"
                  "  python -m glassbox_handbook check scenarios/<your-id>.md\n"
                  "A mistake is reported with the file, the line and how to fix it."),
        "id": _("A short id: lower case letters, digits and hyphens. It must be unique and\n"
                "match the file name (scenarios/coaching-cycles.md -> coaching-cycles)."),
        "title": _("The title readers see."),
        "facts": _("The four facts of the scenario."),
        "levels": _("Where the work happened: one or more of {levels}."),
        "roles": _("Who was involved: one or more of {roles}."),
        "trajectory": _("How the problem moved: one of {trajectories}."),
        "origin": _("Where the account comes from: {origins}.\nA partnership writing about its own work keeps the value below."),
        "sources": _("Bibliography keys (from the references file conf.py names) for the works this scenario\n"
                     "draws on. {source} is the work that introduced the framework."),
        "contributors": _("Who wrote this scenario. To be credited with your ORCID iD, add a line\n"
                          "    orcid: 0000-0002-1825-0097\n(with your own iD) under your name."),
        "licence": _("Content is shared under {licence}."),
        "status": _("draft until a maintainer has reviewed it."),
        "privacy": _("Real schools and people: the account must be de-identified (no names of\n"
                     "people, schools, districts or universities that could identify someone),\n"
                     "and consent must have been obtained where it was needed. Set deidentified\n"
                     "to true only once you have checked every line. `check` points at names it\n"
                     "finds; invented names you use on purpose go in pseudonyms, for example\n"
                     "  pseudonyms: [\"Ms. Rivera\", \"Oakview Elementary\"]"),
        "consent": _("obtained, or not-needed"),
    }
    out = {f"note_{key}": _comment(text.format(**names)) for key, text in notes.items()}
    out["note_sections"] = _comment(_("One `##` section for each component the scenario enacts. The heading is the\n"
                                      "component's name: {components}.\n"
                                      "Optional sections may come before or after them: {optional}.\n"
                                      "Lines starting with % are comments.").format(**names), "%")
    return out


def skeleton(fw: Framework) -> Skeleton:
    """The skeleton with what the framework decides (choices, names, licence) and its comments already in place."""
    known = {
        # A new account is a partnership's own (the model's default); a maintainer changes it for the paper's.
        "origin": ScenarioMeta.model_fields["origin"].default,
        "licence": fw.licence.id,
        **_notes(fw),
    }
    raw = raw_skeleton()
    return Skeleton(*(fill(part, known, partial=True) for part in raw))


class Draft(NamedTuple):
    """A component section to write: its heading, basis, summary, story and prompts (text, roles)."""

    component: str
    basis: str
    summary: str
    story: str
    prompts: tuple[tuple[str, tuple[str, ...]], ...]


def render(fw: Framework, values: dict[str, Any], sections: list[Draft]) -> str:
    """A whole scenario file from the skeleton."""
    parts = skeleton(fw)
    body = "\n".join(
        fill(parts.section, {"component": s.component, "basis": s.basis, "summary": s.summary, "story": s.story,
                             "prompts": "\n".join(fill(parts.prompt, {"roles": ", ".join(roles), "prompt": text})
                                                  for text, roles in s.prompts)})
        for s in sections)
    return fill(parts.document, {**values, "sections": body}).rstrip("\n") + "\n"


def example_values(fw: Framework, **overrides: Any) -> dict[str, Any]:
    """The document's values for the template (or a new scenario: `overrides`)."""
    concept = fw.concepts[0].name if fw.concepts else ""
    intro = fill(EXAMPLE.introduction, {"concept": concept, "source": fw.framework.source})
    values = {**EXAMPLE.fields, "contributor": EXAMPLE.contributor}
    values.update(levels=[], roles=[], trajectory=fw.default_trajectory, sources=[fw.framework.source],
                  deidentified=False, consent="not-needed", pseudonyms=[], introduction=intro)
    values.update(overrides)
    return values


def example_section(fw: Framework, component_id: str, roles: tuple[str, ...] = ()) -> Draft:
    return Draft(fw.component_by_id[component_id].name, fw.default_basis, EXAMPLE.summary, EXAMPLE.story,
                 ((EXAMPLE.prompt, roles),))


def template(fw: Framework) -> str:
    """scenarios/_template.md: the document with one example component section."""
    return render(fw, example_values(fw), [example_section(fw, c.id) for c in fw.components[:1]])
