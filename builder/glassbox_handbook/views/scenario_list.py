"""A list of every scenario with its felt difficulty and facts; the printed form of the explorer."""

from __future__ import annotations

from docutils import nodes

from glassbox_handbook.core.facts import names
from glassbox_handbook.views import View, ViewContext, every_fact
from glassbox_handbook.views.common import link, para, run_in
from glassbox_handbook.words import _n


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    fw, uri = ctx.fw, ctx.uri
    if ctx.options.brief:  # print, large corpus: the titles; each scenario's facts are in its packets
        return [run_in([[link(uri, d, "", p.scenario.title)] for d, p in ctx.domain.scenarios()], ["glassbox-scenario-list"])]
    lst = nodes.bullet_list(classes=["glassbox-scenario-list"])
    for docname, page in ctx.domain.scenarios():
        meta = page.scenario
        comps = [fw.component_by_id[s.component].name for s in page.sections if s.component in fw.component_by_id]
        traj = fw.trajectory_by_id.get(meta.trajectory)
        lst += nodes.list_item("", para(nodes.strong("", "", link(uri, docname, "", meta.title))),
                               para(meta.felt_difficulty),
                               para(" · ".join([_n("{n} component", "{n} components", len(comps)).format(n=len(comps)),
                                                traj.name if traj else meta.trajectory, names(fw.level_by_id, meta.levels)]),
                                    classes=["glassbox-scenario-facts"]))
    return [lst]


VIEW = View("scenario-list", render, depends=every_fact, searchable=False)
