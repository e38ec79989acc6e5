"""Directives: the enactment summary, design prompts and a placeholder for every generated view.

On a scenario page the file was already parsed and validated
(`glassbox_handbook.core.scenario`): the directives take each enactment and prompt from
that parse, in order, instead of reading their options a second time. On
the handbook's own pages they read their options and warn with the same
checks the scenario parse uses (`glassbox_handbook.core.body`).
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from glassbox_handbook.core.body import basis_problem, role_problems, split_roles
from glassbox_handbook.core.facts import names
from glassbox_handbook.core.model import Prompt, Scenario
from glassbox_handbook.domain import nodes as gb
from glassbox_handbook.domain.loader import framework_for
from glassbox_handbook.domain.transforms import SCENARIO_KEY
from glassbox_handbook.views import registry
from glassbox_handbook.words import _

logger = logging.getLogger(__name__)


class _FromParse(SphinxDirective):
    """A directive whose content the scenario parse already read, in document order."""

    counter: ClassVar[str]

    def parsed(self) -> Scenario | None:
        return self.env.temp_data.get(SCENARIO_KEY)

    def next_index(self) -> int:
        index = self.env.temp_data.get(self.counter, 0)
        self.env.temp_data[self.counter] = index + 1
        return index


class EnactmentDirective(_FromParse):
    """The one-sentence summary that opens a component section."""

    has_content = True
    option_spec: ClassVar = {"basis": directives.unchanged_required}
    counter = "glassbox_enactments"

    def run(self) -> list[nodes.Node]:
        fw = framework_for(self.env)
        scenario = self.parsed()
        if scenario is not None:
            enactments = [s.enactment for s in scenario.sections if s.enactment]
            basis = enactments[self.next_index()].basis
        else:
            basis = self.options.get("basis", "")
            problem = basis_problem(fw, basis)
            if problem:
                logger.warning("%s; %s", *problem, location=self.get_location())
                basis = fw.default_basis
        node = gb.enactment(basis=basis, summary=" ".join(" ".join(self.content).split()))
        self.set_source_info(node)
        label = fw.basis_by_id[basis].name
        if fw.basis_by_id[basis].credited and scenario is not None:  # a first-hand account names who told it
            told = _("{basis}: told by {names}")
            label = told.format(basis=label, names=", ".join(c.name for c in scenario.meta.contributors))
        node += nodes.paragraph("", "", nodes.inline("", label, classes=["glassbox-basis-label"]),
                                classes=["glassbox-enactment-meta"])
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class DesignPromptDirective(_FromParse):
    """A design prompt, tagged with the roles it concerns."""

    has_content = True
    option_spec: ClassVar = {"roles": directives.unchanged_required}
    counter = "glassbox_prompts"

    def run(self) -> list[nodes.Node]:
        fw = framework_for(self.env)
        scenario = self.parsed()
        if scenario is not None:
            prompt = scenario.prompts[self.next_index()]
        else:
            prompt = Prompt(" ".join(" ".join(self.content).split()), split_roles(self.options.get("roles", "")), self.lineno)
            for problem in role_problems(fw, prompt.roles):
                logger.warning("%s; %s", *problem, location=self.get_location())
        roles = [r for r in prompt.roles if r in fw.role_by_id]
        node = gb.design_prompt(roles=roles, text=prompt.text)
        self.set_source_info(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        if roles:
            line = _("For: {roles}").format(roles=names(fw.role_by_id, roles))
            node += nodes.paragraph("", "", nodes.inline("", line), classes=["glassbox-prompt-roles"])
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


def setup_directives(app: Sphinx) -> None:
    app.add_directive("enactment", EnactmentDirective)
    app.add_directive("design-prompt", DesignPromptDirective)
    for name in registry():
        app.add_directive(name, ViewDirective)
