"""The framework's dimensions beside those of the framework it grew from (the paper's Table 1)."""

from __future__ import annotations

from docutils import nodes

from glassbox_handbook.views import View, ViewContext
from glassbox_handbook.views.common import table
from glassbox_handbook.words import _


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    info = ctx.fw.framework
    rows = [[d.name, d.base, d.paired] for d in ctx.fw.dimensions]
    headers = [_("Dimension"), f"{info.base_name} ({info.base_short_name})", f"{info.name} ({info.short_name})"]
    caption = _("The same learning constructs under different conditions: {base} and {framework}").format(
        base=info.base_short_name, framework=info.short_name)
    return [table(headers, rows, ["glassbox-dimensions"], caption)]


VIEW = View("dimensions-table", render)
