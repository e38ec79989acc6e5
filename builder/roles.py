"""The {term} role: a concept term linked to its concept page."""

from __future__ import annotations

import re

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

from . import nodes as gb
from .framework import _fold, did_you_mean
from .loader import framework_for

logger = logging.getLogger(__name__)
_TARGET = re.compile(r"^(.*?)\s*<([^<>]+)>$", re.S)


class TermRole(SphinxRole):
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        fw = framework_for(self.env)
        m = _TARGET.match(self.text)
        shown, target = (m.group(1), m.group(2)) if m else (self.text, self.text)
        concept = fw.concept_by_term.get(_fold(target))
        if concept is None:
            logger.warning("{term}`%s` names no concept%s", self.text,
                           did_you_mean(_fold(target), list(fw.concept_by_term)), location=self.get_location())
            return [nodes.inline(shown, shown)], []
        xref = addnodes.pending_xref("", nodes.inline(shown, shown), refdomain="std", reftype="doc",
                                     reftarget="/" + fw.concept_page(concept.id), refexplicit=True,
                                     refdoc=self.env.docname, refwarn=True)
        node = gb.concept_term("", "", xref, concept=concept.id)
        self.set_source_info(node)
        return [node], []
