"""Backlinks on a component or concept page: where the scenarios enact or use it."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.util import logging

from glassbox_handbook.views import Slices, Uri, View, ViewContext
from glassbox_handbook.views import paging as lists
from glassbox_handbook.views.common import badge, joined, link, para, run_in
from glassbox_handbook.words import _

logger = logging.getLogger(__name__)


def subject(ctx: ViewContext, node: nodes.Element) -> tuple[str, str] | None:
    """("component" | "concept", id): the directive's argument, else the page's own subject."""
    target = node["target"]
    if target:
        return ("component" if target in ctx.fw.component_by_id else "concept", target)
    return ctx.fw.page_subjects.get(ctx.docname)


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    found = subject(ctx, node)
    fw = ctx.fw
    if found is None or found[1] not in {**fw.component_by_id, **fw.concept_by_id}:
        logger.warning(_("{directive} needs a component or concept page, or an id argument").format(
            directive="{enacted-in}"), location=node)
        return []
    kind, item_id = found
    brief, uri = ctx.options.brief, ctx.uri
    entries: list[list[nodes.Node]] = []
    if kind == "component":
        for docname, page in ctx.domain.scenarios():
            sec = page.section_for(item_id)
            if sec is not None:
                basis = fw.basis_by_id.get(sec.basis)
                summary = [] if brief else [": ", sec.summary]
                entries.append([link(uri, docname, sec.anchor, page.scenario.title), *summary, " ",
                                badge(basis.name if basis else sec.basis, sec.basis)])
        empty = _("No scenario in this handbook enacts this component yet; see Contribute a scenario to add one.")
    else:
        for docname, page in ctx.domain.scenarios():
            seen = list(dict.fromkeys((u.anchor, u.section) for u in page.terms if u.concept == item_id))
            if seen and brief:
                entries.append([link(uri, docname, seen[0][0], page.scenario.title)])
            elif seen:
                entries.append([nodes.strong("", page.scenario.title), nodes.Text(": "),
                                *joined([[link(uri, docname, anchor, section)] for anchor, section in seen], ", ")])
        empty = _("No scenario in this handbook uses this concept yet.")
    if not entries:
        return [para(empty, classes=["glassbox-empty"])]
    if brief:
        return [run_in(entries, ["glassbox-enacted-in"])]
    size = lists.shown(ctx)
    list_id = f"gb-list-enacted-{item_id}"
    items = nodes.bullet_list(classes=["glassbox-enacted-in"], ids=[list_id])
    for entry in entries[:size]:
        items += nodes.list_item("", para(*entry))
    if len(entries) <= size:
        return [items]
    what = _("scenarios that enact it") if kind == "component" else _("scenarios that use it")
    return [items, nodes.raw("", lists.more(ctx, f"enacted-{item_id}", f"enacted-{kind}", len(entries), f"#{list_id}", what),
                             format="html")]


def long_lists(fw: Any, domain: Any, href: Uri, config: Any) -> dict[str, tuple[int, list[Any]]]:
    """Every subject's entries, as gb-lists.js shows them: a component's [title, link, summary, basis, its
    name]; a concept's [title, [[link, section], ...]]."""
    subjects = {v.target or fw.page_subjects.get(d, ("", ""))[1]
                for d, p in domain.pages.items() for v in p.views if v.kind == VIEW.name}
    scenarios, size = list(domain.scenarios()), lists.page_size(config)
    out: dict[str, tuple[int, list[Any]]] = {}
    for subject_id in sorted(subjects & set(fw.component_by_id)):
        found = []
        for docname, page in scenarios:
            sec = page.section_for(subject_id)
            if sec is not None:
                basis = fw.basis_by_id.get(sec.basis)
                found.append([page.scenario.title, href(docname, sec.anchor), sec.summary, sec.basis,
                              basis.name if basis else sec.basis])
        out[f"enacted-{subject_id}"] = (size, found)
    for subject_id in sorted(subjects & set(fw.concept_by_id)):
        found = []
        for docname, page in scenarios:
            seen = list(dict.fromkeys((u.anchor, u.section) for u in page.terms if u.concept == subject_id))
            if seen:
                found.append([page.scenario.title, [[href(docname, a), s] for a, s in seen]])
        out[f"enacted-{subject_id}"] = (size, found)
    return {k: v for k, v in out.items() if len(v[1]) > size}


def depends(slices: Slices, docname: str, page: Any) -> Any:
    """Only the sections and terms that name this page's subjects."""
    subjects = {slices.fw.page_subjects.get(docname, ("", ""))[1], *(v.target for v in page.views if v.kind == VIEW.name)}
    return [[(d, p.scenario.title, s) for s in p.sections if s.component in subjects]
            + [(d, p.scenario.title, u) for u in p.terms if u.concept in subjects]
            for d, p in slices.scenarios]


VIEW = View("enacted-in", render, depends=depends, searchable=False, lists=long_lists)
