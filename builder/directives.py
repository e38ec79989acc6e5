"""Directives: the enactment summary, design prompts and generated views."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import nodes as gb
from .loader import framework_for

logger = logging.getLogger(__name__)

# Views the builder can generate; each name is a directive.
VIEW_KINDS = (
    "enacted-in", "glassbox-matrix", "problems-table", "levels-view", "prompt-index",
    "olc-srlc-table", "framework-glossary", "scenario-list", "framework-diagram", "scenario-downloads", "contributors-list", "scenario-worksheet", "scenario-sources",
    "scenario-explorer",
)


class EnactmentDirective(SphinxDirective):
    """The one-sentence summary that opens a component section."""

    has_content = True
    option_spec: ClassVar = {"basis": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        fw = framework_for(self.env)
        basis = self.options.get("basis", "")
        if basis not in fw.basis_by_id:
            logger.warning("{enactment} needs :basis: set to one of %s", ", ".join(fw.basis_by_id),
                           location=self.get_location())
            basis = fw.bases[-1].id
        node = gb.enactment(basis=basis, summary=" ".join(" ".join(self.content).split()))
        self.set_source_info(node)
        node += nodes.paragraph("", "", nodes.inline("", fw.basis_by_id[basis].name, classes=["glassbox-basis-label"]),
                                classes=["glassbox-enactment-meta"])
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class DesignPromptDirective(SphinxDirective):
    """A design prompt, tagged with the roles it concerns."""

    has_content = True
    option_spec: ClassVar = {"roles": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        fw = framework_for(self.env)
        roles = [r.strip() for r in self.options.get("roles", "").split(",") if r.strip()]
        for role in roles:
            if role not in fw.role_by_id:
                logger.warning("unknown role %r in design prompt", role, location=self.get_location())
        node = gb.design_prompt(roles=roles, text=" ".join(" ".join(self.content).split()))
        self.set_source_info(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        if roles:
            names = ", ".join(fw.role_by_id[r].name for r in roles if r in fw.role_by_id)
            node += nodes.paragraph("", "", nodes.inline("", "For: "), nodes.inline("", names),
                                    classes=["glassbox-prompt-roles"])
        return [node]


class ViewDirective(SphinxDirective):
    """Any generated view: a placeholder the resolver fills from domain data."""

    optional_arguments = 1
    has_content = False
    option_spec: ClassVar = {"scenario": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        node = gb.glassbox_view(kind=self.name, target=self.arguments[0] if self.arguments else "",
                                scenario=self.options.get("scenario", ""))
        self.set_source_info(node)
        return [node]


def setup_directives(app) -> None:
    app.add_directive("enactment", EnactmentDirective)
    app.add_directive("design-prompt", DesignPromptDirective)
    for kind in VIEW_KINDS:
        app.add_directive(kind, ViewDirective)
