"""Scenarios at each level pair of the framework."""

from __future__ import annotations

from typing import Any

from docutils import nodes

from glassbox_handbook.views import Uri, View, ViewContext, every_fact
from glassbox_handbook.views import paging as lists
from glassbox_handbook.views.common import link, para, run_in, table


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    rows = []
    scenarios, size = list(ctx.domain.scenarios()), lists.shown(ctx)
    for level in ctx.fw.levels.paired:
        found = [(d, p) for d, p in scenarios if level.id in p.scenario.levels]
        links = [[link(ctx.uri, docname, "", page.scenario.title)] for docname, page in found]
        listing: nodes.Node = run_in(links, []) if ctx.options.brief else nodes.bullet_list(
            "", *(nodes.list_item("", para(*entry)) for entry in links[:size]), ids=[f"gb-list-level-{level.id}"])
        cell: list[Any] = [listing]
        if len(links) > size and not ctx.options.brief:
            cell.append(nodes.container("", nodes.raw("", lists.more(  # a block, not run into a paragraph
                ctx, f"level-{level.id}", "level", len(links), f"#gb-list-level-{level.id}", "scenarios"), format="html")))
        rows.append([level.name, f"{level.school_side} and {level.university_side}", str(len(found)),
                     cell if found else "None yet"])
    headers = ["Level pair", "Who meets there", "Scenarios", "Which"]
    return [table(headers, rows, ["glassbox-levels"], "Scenarios at each level pair",
                  row_ids=[f"level-{level.id}" for level in ctx.fw.levels.paired])]


def long_lists(fw: Any, domain: Any, href: Uri, config: Any) -> dict[str, tuple[int, list[Any]]]:
    """Each level pair's scenarios as [title, link]."""
    size, scenarios = lists.page_size(config), list(domain.scenarios())
    out = {f"level-{level.id}": (size, [[p.scenario.title, href(d, "")] for d, p in scenarios if level.id in p.scenario.levels])
           for level in fw.levels.paired}
    return {k: v for k, v in out.items() if len(v[1]) > size}


VIEW = View("levels-view", render, depends=every_fact, searchable=False, lists=long_lists)
