"""The framework in plain words: each component's everyday sentence, what the levels are and what
"opening the glass box" means, read from the framework file's `plain` keys.

The workshop session's opening reads the same keys, so the page and the slides cannot drift apart:
there is one sentence for each thing, written once, in the framework file.
"""

from __future__ import annotations

from docutils import nodes

from glassbox_handbook.views import View, ViewContext
from glassbox_handbook.views.common import link, para, typographic


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    fw = ctx.fw
    out: list[nodes.Node] = []
    if fw.plain.glass_box:
        out.append(para(typographic(fw.plain.glass_box), classes=["gb-plain-glass-box"]))
    items = nodes.definition_list(classes=["gb-plain-components"])
    for comp in fw.components:
        if not comp.plain:
            continue
        term = nodes.term("", "", link(ctx.uri, fw.component_page(comp.id), "", comp.name))
        items += nodes.definition_list_item("", term, nodes.definition("", para(typographic(comp.plain))))
    if len(items):
        out.append(items)
    if fw.plain.levels:
        out.append(para(typographic(fw.plain.levels), classes=["gb-plain-levels"]))
    return out


VIEW = View("plain-words", render)
