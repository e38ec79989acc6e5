"""The framework diagram as a view: the figure, highlighted for a scenario when given one."""

from __future__ import annotations

from docutils import nodes

from glassbox_handbook.core.diagram import framework_diagram
from glassbox_handbook.core.model import Page
from glassbox_handbook.views import Slices, View, ViewContext


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    own = ctx.page
    shown = ctx.domain.page(node["scenario"]) if node["scenario"] else own
    return framework_diagram(ctx.fw, ctx.uri, highlight=shown.scenario if shown else None,
                             current=ctx.fw.page_subjects.get(ctx.docname), sections=shown.sections if shown else (),
                             skip=ctx.options.medium == "web")


def depends(slices: Slices, docname: str, page: Page) -> object:
    """A diagram highlighted for another page's scenario shows that page's data."""
    return [(v.target, slices.domain.page(v.target)) for v in page.views if v.kind == VIEW.name and v.target]


VIEW = View("framework-diagram", render, depends=depends)
