"""Scenarios at each level pair of the framework."""

from __future__ import annotations

from docutils import nodes

from . import View, ViewContext, every_scenario
from .common import link, para, run_in, table


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    rows = []
    scenarios = list(ctx.domain.scenarios())
    for level in ctx.fw.levels.paired:
        found = [(d, p) for d, p in scenarios if level.id in p.scenario.levels]
        links = [[link(ctx.uri, docname, "", page.scenario.title)] for docname, page in found]
        listing: nodes.Node = run_in(links, []) if ctx.options.brief else nodes.bullet_list(
            "", *(nodes.list_item("", para(*entry)) for entry in links))
        rows.append([level.name, f"{level.school_side} and {level.university_side}", str(len(found)),
                     [listing] if found else "None yet"])
    headers = ["Level pair", "Who meets there", "Scenarios", "Which"]
    return [table(headers, rows, ["glassbox-levels"], "Scenarios at each level pair",
                  row_ids=[f"level-{level.id}" for level in ctx.fw.levels.paired])]


VIEW = View("levels-view", render, depends=every_scenario)
