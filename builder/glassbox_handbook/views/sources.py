"""A scenario's sources, each linked to its entry in the reference list (the page's last section)."""

from __future__ import annotations

from docutils import nodes

from glassbox_handbook.views import View, ViewContext
from glassbox_handbook.views.common import link, para


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    page = ctx.page
    if page is None or page.scenario is None:
        return []
    references = ctx.config.glassbox_references if ctx.config.glassbox_references in ctx.all_docs else ""
    lst = nodes.bullet_list(classes=["glassbox-sources"])
    for key in page.scenario.sources:
        entry = ctx.bibliography.get(key)
        if entry is None:
            continue
        anchor = nodes.make_id(ctx.config.bibtex_cite_id.format(key=key))
        label = link(ctx.uri, references, anchor, entry.label) if references else nodes.Text(entry.label)
        lst += nodes.list_item("", para(label, ". ", nodes.emphasis("", entry.title), "."))
    return [lst]


VIEW = View("scenario-sources", render)
