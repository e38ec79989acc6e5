"""The workshop page's downloads: the handbook, the cards and every scenario's packets (web only).

Past `glassbox_list_max_entries` scenarios the page lists the first ones' packets and loads the
rest on request (glassbox_handbook/web/lists.py); each scenario's page links its own packets too."""

from __future__ import annotations

from typing import Any

from docutils import nodes

from glassbox_handbook.core import downloads
from glassbox_handbook.views import Uri, View, ViewContext, every_fact
from glassbox_handbook.views import paging as lists
from glassbox_handbook.words import _


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    listed = [(p.scenario.id, p.scenario.title) for __, p in ctx.domain.scenarios()]
    size = lists.shown(ctx)
    out = downloads.all_links(ctx.root, listed[:size], list(ctx.config.glassbox_pdf_papers))
    out[-1]["ids"] = ["gb-list-downloads"]  # where "Show more" adds entries, and a place to link to
    if len(listed) > size:
        out.append(nodes.raw("", lists.more(ctx, "downloads", "downloads", len(listed), "#gb-list-downloads",
                                            _("scenarios' packets")), format="html"))
    return out


def nothing(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    """A printed page does not link to the PDFs it is printed in."""
    return []


def long_lists(fw: Any, domain: Any, href: Uri, config: Any) -> dict[str, tuple[int, list[Any]]]:
    """Each scenario as [title, [[label, [[text, link from the top folder], ...]], ...]]."""
    entries = []
    papers = list(config.glassbox_pdf_papers)
    for __, page in domain.scenarios():
        groups = [[label, [[text, f"{downloads.SITE_FOLDER}/{name}"] for text, name in names]]
                  for label, names in downloads.scenario_files(page.scenario.id, papers)]
        entries.append([page.scenario.title, groups])
    size = lists.page_size(config)
    return {"downloads": (size, entries)} if len(entries) > size else {}


VIEW = View("scenario-downloads", render, print=nothing, depends=every_fact, lists=long_lists)
