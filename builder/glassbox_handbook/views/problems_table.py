"""The problems of practice as a table: the four facts of every scenario (the shape of the paper's Table 2)."""

from __future__ import annotations

from typing import Any

from docutils import nodes

from glassbox_handbook.core.frontmatter import FACTS
from glassbox_handbook.views import Uri, View, ViewContext, every_fact
from glassbox_handbook.views import paging as lists
from glassbox_handbook.views.common import link, para, table
from glassbox_handbook.words import _


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    """`brief` (print, large corpus) keeps the first column."""
    fields = FACTS[:1] if ctx.options.brief else FACTS
    rows = []
    scenarios = list(ctx.domain.scenarios())
    for docname, page in scenarios[:lists.shown(ctx, detailed=True)]:
        meta = page.scenario
        first = [para(link(ctx.uri, docname, "", meta.title)), para(meta.felt_difficulty)]
        rows.append([first, *(getattr(meta, f) for f in fields[1:])])
    caption = (_("Every scenario, fact by fact (in brief: the other columns are on the website and in each scenario's "
                 "packets)") if ctx.options.brief else _("Every scenario, fact by fact"))
    out: list[nodes.Node] = [table([ctx.fw.fact_label(f) for f in fields], rows, ["glassbox-problems"], caption,
                                   stub=not ctx.options.brief)]
    if len(scenarios) > len(rows):
        out.append(nodes.raw("", lists.more(ctx, "problems", "problems", len(scenarios), "#table-glassbox-problems tbody",
                                            lists.scenarios_word(), detailed=True), format="html"))
    return out


def long_lists(fw: Any, domain: Any, href: Uri, config: Any) -> dict[str, tuple[int, list[Any]]]:
    """Each scenario as [title, link, its four facts]."""
    rows = [[p.scenario.title, href(d, ""), *(getattr(p.scenario, f) for f in FACTS)] for d, p in domain.scenarios()]
    size = lists.detail_size(config)
    return {"problems": (size, rows)} if len(rows) > size else {}


VIEW = View("problems-table", render, depends=every_fact, searchable=False, lists=long_lists)
