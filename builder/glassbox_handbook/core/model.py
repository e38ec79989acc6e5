"""What the build knows about each page, as typed records.

A scenario file is parsed once (`glassbox_handbook.core.scenario.parse_scenario`) into a
`Scenario`; while Sphinx reads the page, the transform in
`glassbox_handbook.domain.transforms` adds what only the doctree knows (the anchor of each
section, the id of each prompt) and stores a `Page` in the domain under the
page's docname. Everything after that (directives, views, the PDF builder)
reads these records and nothing else. They are NamedTuples of plain values:
cheap to pickle with the environment and to merge from parallel readers,
and impossible to change by accident once stored.
"""

from __future__ import annotations

from typing import NamedTuple

from glassbox_handbook.core.frontmatter import ScenarioMeta


class Prompt(NamedTuple):
    """A design prompt as written: its text, the roles it concerns and its source line."""

    text: str
    roles: tuple[str, ...]
    line: int


class Enactment(NamedTuple):
    """The one-sentence summary that opens a component section, and its basis."""

    summary: str
    basis: str
    line: int


class Section(NamedTuple):
    """A `##` section of a scenario file: a component's, or one of the framework's other sections."""

    title: str
    line: int
    component: str | None
    enactment: Enactment | None
    prompts: tuple[Prompt, ...]
    terms: tuple[str, ...]


class Scenario(NamedTuple):
    """A valid scenario file: its front matter and its sections, in order."""

    path: str
    meta: ScenarioMeta
    sections: tuple[Section, ...]

    @property
    def prompts(self) -> tuple[Prompt, ...]:
        return tuple(p for s in self.sections for p in s.prompts)

    @property
    def components(self) -> tuple[str, ...]:
        return tuple(s.component for s in self.sections if s.component)


# -- what a page holds once read ---------------------------------------------------


class EnactedSection(NamedTuple):
    """A component section of a scenario page, with the anchor that links to it."""

    component: str
    anchor: str
    title: str
    summary: str
    basis: str


class PagePrompt(NamedTuple):
    """A design prompt on any page, with its anchor and what it belongs to."""

    id: str
    text: str
    roles: tuple[str, ...]
    component: str  # "" when it belongs to no component
    concept: str  # the concept of the concept page it sits on, or ""
    section: str  # the title of the section it sits in


class TermUse(NamedTuple):
    """A {concept} on a page: the concept it names and the section it sits in."""

    concept: str
    anchor: str
    section: str


class ViewUse(NamedTuple):
    """A generated view placed on a page, with its argument (a component or concept id, or "")."""

    kind: str
    target: str


class Page(NamedTuple):
    """Everything the views need to know about one page."""

    title: str
    scenario: ScenarioMeta | None
    sections: tuple[EnactedSection, ...]
    prompts: tuple[PagePrompt, ...]
    terms: tuple[TermUse, ...]
    views: tuple[ViewUse, ...]

    @property
    def view_kinds(self) -> frozenset[str]:
        return frozenset(v.kind for v in self.views)

    def section_for(self, component: str) -> EnactedSection | None:
        return next((s for s in self.sections if s.component == component), None)


def records_version() -> int:
    """A number that changes whenever the shape of what the environment stores changes: the front-matter
    model or a record's fields. Sphinx reads a saved environment again only when its `env_version` and
    the domain's `data_version` match, so adding a field can never leave records of the old shape behind
    (there is no number to remember to raise)."""
    import hashlib
    import json

    records = (Page, EnactedSection, PagePrompt, TermUse, ViewUse)
    shape = json.dumps([ScenarioMeta.model_json_schema(), [(r.__name__, r._fields) for r in records]], sort_keys=True)
    return int.from_bytes(hashlib.blake2b(shape.encode(), digest_size=4).digest(), "big")
