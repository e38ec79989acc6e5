"""The problems of practice as a table: the four facts of every scenario (the shape of the paper's Table 2)."""

from __future__ import annotations

from docutils import nodes

from ..frontmatter import FACTS
from . import View, ViewContext, every_scenario
from .common import link, para, table


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    """`brief` (print, large corpus) keeps the first column."""
    fields = FACTS[:1] if ctx.options.brief else FACTS
    rows = []
    for docname, page in ctx.domain.scenarios():
        meta = page.scenario
        first = [para(link(ctx.uri, docname, "", meta.title)), para(meta.felt_difficulty)]
        rows.append([first, *(getattr(meta, f) for f in fields[1:])])
    caption = "Every scenario, fact by fact"
    if ctx.options.brief:
        caption += " (in brief: the other columns are on the website and in each scenario's packets)"
    return [table([ctx.fw.fact_label(f) for f in fields], rows, ["glassbox-problems"], caption, stub=not ctx.options.brief)]


VIEW = View("problems-table", render, depends=every_scenario)
