"""The {concept} role: a concept term linked to its concept page."""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

from glassbox_handbook.domain import nodes as gb
from glassbox_handbook.domain.loader import framework_for
from glassbox_handbook.words import _

logger = logging.getLogger(__name__)


class ConceptRole(SphinxRole):
    """A concept's term, linked to the concept's page: write the term, or the words to show and then the term in angle brackets."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        fw = framework_for(self.env)
        shown, concept, hint = fw.resolve_term(self.text)
        if concept is None:
            logger.warning(_("{role} names no concept").format(role=f"{{concept}}`{self.text}`") + hint,
                           location=self.get_location())
            return [nodes.inline(shown, shown)], []
        xref = addnodes.pending_xref("", nodes.inline(shown, shown), refdomain="std", reftype="doc",
                                     reftarget="/" + fw.concept_page(concept.id), refexplicit=True,
                                     refdoc=self.env.docname, refwarn=True)
        node = gb.concept_term("", "", xref, concept=concept.id)
        self.set_source_info(node)
        return [node], []
