"""Everyone credited in a scenario's front matter, with the scenarios they wrote."""

from __future__ import annotations

from typing import Any

from docutils import nodes

from glassbox_handbook.views import Slices, View, ViewContext
from glassbox_handbook.views.common import link, orcid_link, para


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    people: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for docname, page in ctx.domain.scenarios():
        for person in page.scenario.contributors:
            people.setdefault((person.name, person.orcid or ""), []).append((docname, page.scenario.title))
    lst = nodes.bullet_list(classes=["glassbox-contributors"])
    for (name, orcid), written in sorted(people.items(), key=lambda item: item[0][0].casefold()):
        kids: list[nodes.Node | str] = [nodes.strong("", name), *orcid_link(orcid), ": "]
        for i, (docname, title) in enumerate(written):
            kids += ([", "] if i else []) + [link(ctx.uri, docname, "", title)]
        lst += nodes.list_item("", para(*kids))
    return [lst]


def depends(slices: Slices, docname: str, page: Any) -> Any:
    return [(d, p.scenario.title, p.scenario.contributors) for d, p in slices.scenarios]


VIEW = View("contributors-list", render, depends=depends)
