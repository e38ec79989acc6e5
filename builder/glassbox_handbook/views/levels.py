"""Scenarios at each level of the framework, with who takes part there on each side when the levels name sides."""

from __future__ import annotations

from typing import Any

from docutils import nodes

from glassbox_handbook.core.facts import and_list
from glassbox_handbook.views import Uri, View, ViewContext, every_fact
from glassbox_handbook.views import paging as lists
from glassbox_handbook.views.common import link, para, run_in, table
from glassbox_handbook.words import _


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    rows = []
    scenarios, size = list(ctx.domain.scenarios()), lists.shown(ctx)
    fw = ctx.fw
    # A framework whose levels name who takes part on each side shows who meets there; one of one organization does not.
    sided = any(fw.level_sides(level) for level in fw.levels)
    paired = sided and all(fw.paired(level) for level in fw.levels)
    for level in fw.levels:
        found = [(d, p) for d, p in scenarios if level.id in p.scenario.levels]
        links = [[link(ctx.uri, docname, "", page.scenario.title)] for docname, page in found]
        listing: nodes.Node = run_in(links, []) if ctx.options.brief else nodes.bullet_list(
            "", *(nodes.list_item("", para(*entry)) for entry in links[:size]), ids=[f"gb-list-level-{level.id}"])
        cell: list[Any] = [listing]
        if len(links) > size and not ctx.options.brief:
            cell.append(nodes.container("", nodes.raw("", lists.more(  # a block, not run into a paragraph
                ctx, f"level-{level.id}", "level", len(links), f"#gb-list-level-{level.id}", _("scenarios")), format="html")))
        who = [and_list(fw.level_sides(level))] if sided else []
        rows.append([level.name, *who, str(len(found)), cell if found else _("None yet")])
    headers = [_("Level pair") if paired else _("Level"), *([_("Who meets there")] if sided else []), _("Scenarios"), _("Which")]
    caption = _("Scenarios at each level pair") if paired else _("Scenarios at each level")
    return [table(headers, rows, ["glassbox-levels"], caption, row_ids=[f"level-{level.id}" for level in fw.levels])]


def long_lists(fw: Any, domain: Any, href: Uri, config: Any) -> dict[str, tuple[int, list[Any]]]:
    """Each level's scenarios as [title, link]."""
    size, scenarios = lists.page_size(config), list(domain.scenarios())
    out = {f"level-{level.id}": (size, [[p.scenario.title, href(d, "")] for d, p in scenarios if level.id in p.scenario.levels])
           for level in fw.levels}
    return {k: v for k, v in out.items() if len(v[1]) > size}


VIEW = View("levels-view", render, depends=every_fact, searchable=False, lists=long_lists)
