"""Doctree edits made while a page is read: prompt ids, and what a scenario's parse already knows.

A scenario was parsed once on `source-read` (`glassbox_handbook.core.scenario`); the
parsed `Scenario` waits in the page's temporary data. Here its sections
are matched, in order, with the doctree's second-level sections, so each
enactment learns its component and its anchor and gains a link to its
component's page. Every design prompt gets a stable id from its section's
anchor. The domain (`glassbox_handbook.domain.glassbox_domain`) then only reads what is here.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from glassbox_handbook.core.model import Scenario
from glassbox_handbook.domain import nodes as gb
from glassbox_handbook.domain.loader import framework_for
from glassbox_handbook.words import _

SCENARIO_KEY = "glassbox_scenario"  # env.temp_data key of the page's parsed scenario


def sources_section() -> str:
    """The sources listed in a scenario's front matter become its page's last section, appended to the
    source as it is read (sphinx_ext/collect.py): a section of the doctree that the parse never saw."""
    return "\n\n## " + _("Sources") + "\n\n:::{scenario-sources}\n:::\n"

logger = logging.getLogger(__name__)


def enclosing_section(node: nodes.Node) -> nodes.section | None:
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.section):
        parent = parent.parent
    return parent


def section_anchor(node: nodes.Node) -> str:
    section = enclosing_section(node)
    return section["ids"][0] if section is not None and section["ids"] else ""


def doc_link(target: str, text: str, docname: str) -> addnodes.pending_xref:
    return addnodes.pending_xref("", nodes.inline(text, text), refdomain="std", reftype="doc",
                                 reftarget="/" + target, refexplicit=True, refdoc=docname, refwarn=True)


class GlassboxIds(SphinxTransform):
    """Give prompts their ids and scenario enactments their component, anchor and "About" link."""

    default_priority = 700  # before SphinxDomains (850), which calls the domains' process_doc

    def apply(self, **kwargs: object) -> None:
        scenario: Scenario | None = self.env.temp_data.get(SCENARIO_KEY)
        if scenario is not None:
            self.mark_enactments(scenario)
        counters: dict[str, int] = {}
        for node in self.document.findall(gb.design_prompt):
            base = section_anchor(node) or "prompt"
            counters[base] = counters.get(base, 0) + 1
            node["ids"] = [f"prompt-{base}-{counters[base]}"]

    def mark_enactments(self, scenario: Scenario) -> None:
        fw = framework_for(self.env)
        top = next(iter(self.document.findall(nodes.section)), None)
        if top is None:
            return
        doctree_sections = [child for child in top.children if isinstance(child, nodes.section)]
        if doctree_sections:
            doctree_sections.pop()  # sources_section(), appended to every scenario that parsed
        if len(doctree_sections) != len(scenario.sections):
            # The parse and docutils read the same headings; a difference is a bug, never silently paired.
            logger.warning("the page has %d sections where the scenario's parse found %d; its components are not "
                           "marked (please report this with the file)", len(doctree_sections), len(scenario.sections),
                           location=self.env.docname, type="glassbox", subtype="sections")
            return
        for parsed, section in zip(scenario.sections, doctree_sections, strict=True):
            if parsed.component is None:
                continue
            component = fw.component_by_id[parsed.component]
            section["glassbox_component"] = component.id
            for node in section.findall(gb.enactment):
                node["component"] = component.id
                about = _("About {component}").format(component=component.name)
                node[0] += [nodes.inline("", " · "), doc_link(fw.component_page(component.id), about, self.env.docname)]
            for node in section.findall(gb.design_prompt):
                node["component"] = component.id


def setup_transforms(app: Sphinx) -> None:
    app.add_transform(GlassboxIds)
