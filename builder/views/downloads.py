"""The workshop page's downloads: the handbook, the cards and every scenario's packets (web only)."""

from __future__ import annotations

from docutils import nodes

from .. import downloads
from . import View, ViewContext, every_scenario


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    listed = [(p.scenario.id, p.scenario.title) for _, p in ctx.domain.scenarios()]
    return downloads.all_links(ctx.root, listed, list(ctx.config.glassbox_pdf_papers))


def nothing(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    """A printed page does not link to the PDFs it is printed in."""
    return []


VIEW = View("scenario-downloads", render, print=nothing, depends=every_scenario)
