"""A crosswalk: another framework's items beside the components, concepts and scenarios that speak to them.

The mapping is data (framework file, `crosswalks`), the handbook's own
reading of how the two relate; the table says so in its caption.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.util import logging

from glassbox_handbook.views import Slices, View, ViewContext
from glassbox_handbook.views.common import joined, link, para, table
from glassbox_handbook.words import _

logger = logging.getLogger(__name__)


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    fw, uri = ctx.fw, ctx.uri
    walk = next((w for w in fw.crosswalks if w.id == node["target"]), None)
    if walk is None:
        known = ", ".join(w.id for w in fw.crosswalks) or _("none")
        logger.warning(_("{directive} needs the id of a crosswalk in the framework file (known: {known})").format(
            directive="{crosswalk-table}", known=known), location=node)
        return []
    by_id = {p.scenario.id: (d, p) for d, p in ctx.domain.scenarios()}
    rows = []
    for item in walk.items:
        comps = [[link(uri, fw.component_page(c), "", fw.component_by_id[c].name)] for c in item.components]
        concepts = [[link(uri, fw.concept_page(c), "", fw.concept_by_id[c].name)] for c in item.concepts]
        shown = [[link(uri, by_id[s][0], "", by_id[s][1].scenario.title)] for s in item.scenarios if s in by_id]
        for missing in (s for s in item.scenarios if s not in by_id):
            logger.warning(_("crosswalk {crosswalk!r}, {item}: no scenario with the id {id!r}").format(
                crosswalk=walk.id, item=item.id, id=missing), location=node)
        speaks: list[nodes.Node] = []
        if comps:
            speaks.append(para(nodes.strong("", _("Components:")), " ", *joined(comps, ", ")))
        if concepts:
            speaks.append(para(nodes.strong("", _("Concepts:")), " ", *joined(concepts, ", ")))
        rows.append([[para(nodes.strong("", item.label)), para(item.name)], item.summary, speaks or _("None"),
                     nodes.bullet_list("", *(nodes.list_item("", para(*s)) for s in shown)) if shown else _("None yet")])
    source = ctx.bibliography.get(walk.source)
    short = fw.framework.short_name
    caption = (_("{crosswalk} and the {framework}: the handbook's mapping (an interpretation, after {source})") if source
               else _("{crosswalk} and the {framework}: the handbook's mapping (an interpretation)")).format(
        crosswalk=walk.name, framework=short, source=source.label if source else "")
    headers = [walk.name.split(" (")[0], _("In brief"), _("In the {framework}").format(framework=short),
               _("Scenarios that show it")]
    return [table(headers, rows, ["glassbox-crosswalk"], caption, row_ids=[f"{walk.id}-{i.id}" for i in walk.items])]


def depends(slices: Slices, docname: str, page: Any) -> Any:
    """The titles and ids of the scenarios, which the table links to."""
    return [(d, p.scenario.id, p.scenario.title) for d, p in slices.scenarios]


VIEW = View("crosswalk-table", render, depends=depends)
