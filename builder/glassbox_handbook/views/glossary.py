"""The glossary: every component and concept with its definition, linked to its page."""

from __future__ import annotations

from docutils import nodes

from glassbox_handbook.views import View, ViewContext
from glassbox_handbook.views.common import link, para
from glassbox_handbook.words import _


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    fw = ctx.fw
    out: list[nodes.Node] = []
    for key, heading, items, page in (("components", _("Components"), fw.components, fw.component_page),
                                      ("concepts", _("Concepts"), fw.concepts, fw.concept_page)):
        sec = nodes.section(ids=[f"glossary-{key}"])
        sec += nodes.title("", heading)
        dl = nodes.definition_list(classes=["glassbox-glossary"])
        for item in sorted(items, key=lambda i: i.name.casefold()):
            dl += nodes.definition_list_item(
                "", nodes.term("", "", link(ctx.uri, page(item.id), "", item.name)),
                nodes.definition("", para(item.definition)), ids=[f"term-{item.id}"])
        sec += dl
        out.append(sec)
    return out


VIEW = View("framework-glossary", render)
