"""The glass-box domain: everything the builder learns while reading, keyed by docname.

As in `sphinx.ext.todo`, the data lives in the build environment keyed by
docname, so purging a document and merging results from parallel readers
are one-liners, and every generated view is computed from this data alone.
Each page's record is a typed `builder.model.Page`; the scenario's own
parse and the doctree edits of `glassbox_handbook.domain.transforms` are all it reads.
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from typing import Any

from docutils import nodes
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from glassbox_handbook.core.model import EnactedSection, Page, PagePrompt, Scenario, TermUse, ViewUse, records_version
from glassbox_handbook.core.problems import Problem
from glassbox_handbook.domain import nodes as gb
from glassbox_handbook.domain.loader import framework_for
from glassbox_handbook.domain.transforms import SCENARIO_KEY, enclosing_section


class GlassboxDomain(Domain):
    name = "glassbox"
    label = "Glass box"
    data_version = records_version()  # the shape of the records (core/model.py)
    initial_data: dict[str, Any] = {"pages": {}, "problems": {}, "digests": {}}

    @property
    def pages(self) -> dict[str, Page]:
        return self.data["pages"]

    @property
    def problems(self) -> dict[str, list[Problem]]:
        return self.data["problems"]

    @property
    def digests(self) -> dict[str, str]:
        """What each view page last showed (a hash), for the incremental build (`glassbox_handbook.sphinx_ext.collect`)."""
        return self.data["digests"]

    def clear_doc(self, docname: str) -> None:
        self.pages.pop(docname, None)
        self.problems.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in ("pages", "problems"):
            for docname in docnames:
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Collect the page's record from its parsed scenario and its (already edited) doctree."""
        fw = framework_for(env)
        scenario: Scenario | None = env.temp_data.get(SCENARIO_KEY)
        title_node = next(iter(document.findall(nodes.title)), None)
        title = title_node.astext() if title_node else docname
        kind, subject = fw.page_subjects.get(docname, ("", ""))
        sections: list[EnactedSection] = []
        if scenario is not None:
            anchors = {s["glassbox_component"]: s["ids"][0] for s in document.findall(nodes.section)
                       if "glassbox_component" in s and s["ids"]}
            sections = [EnactedSection(s.component, anchors.get(s.component, ""), s.title, s.enactment.summary, s.enactment.basis)
                        for s in scenario.sections if s.component and s.enactment]
        prompts, terms, views = [], [], []
        for node in document.findall(lambda n: isinstance(n, (gb.design_prompt, gb.concept_term, gb.glassbox_view))):
            if isinstance(node, gb.glassbox_view):
                views.append(ViewUse(node["kind"], node["target"] or node["scenario"]))
                continue
            section = enclosing_section(node)
            anchor = section["ids"][0] if section is not None and section["ids"] else ""
            where = section[0].astext() if section is not None else title
            if isinstance(node, gb.design_prompt):
                component = node.get("component") or (subject if kind == "component" else "")
                prompts.append(PagePrompt(node["ids"][0], node["text"], tuple(node["roles"]), component,
                                          subject if kind == "concept" else "", where))
            else:
                terms.append(TermUse(node["concept"], anchor, where))
        self.pages[docname] = Page(title, scenario.meta if scenario else None, tuple(sections), tuple(prompts),
                                   tuple(terms), tuple(views))

    # -- queries used by the views -----------------------------------------

    def scenarios(self) -> Iterator[tuple[str, Page]]:
        """(docname, page) of every valid scenario, in title order."""
        found = [(d, p) for d, p in self.pages.items() if p.scenario is not None]
        yield from sorted(found, key=lambda item: (item[1].scenario.title.casefold(), item[0]))  # type: ignore[union-attr]

    def page(self, docname: str) -> Page | None:
        return self.pages.get(docname)
