"""The scenario explorer: filters and a side-by-side comparison, from data embedded at build time.

The page gets a plain, complete list of scenarios (what a reader without
JavaScript, or a PDF, sees) and the same data as JSON in a
`<script type="application/json">` element, so `static/glassbox.js` can
filter and compare without any `fetch()`: it works from `file://` and offline.
"""

from __future__ import annotations

from html import escape
from typing import Any

from docutils import nodes

from glassbox_handbook.core.framework import Framework
from glassbox_handbook.domain.glassbox_domain import GlassboxDomain
from glassbox_handbook.views import Uri, View, ViewContext, every_scenario
from glassbox_handbook.views import paging as lists
from glassbox_handbook.views.common import json_script
from glassbox_handbook.views.scenario_list import render as scenario_list
from glassbox_handbook.words import _, _n


def explorer_data(fw: Framework, domain: GlassboxDomain, uri: Uri) -> dict[str, Any]:
    scenarios = []
    for docname, page in domain.scenarios():
        meta = page.scenario
        sections = [{"component": s.component, "summary": s.summary, "basis": s.basis, "href": uri(docname, s.anchor)}
                    for s in page.sections if s.component in fw.component_by_id]
        scenarios.append({
            "id": meta.id, "title": meta.title, "href": uri(docname, ""), "difficulty": meta.felt_difficulty,
            "levels": [x for x in meta.levels if x in fw.level_by_id],
            "roles": [x for x in meta.roles if x in fw.role_by_id],
            "trajectory": meta.trajectory, "origin": meta.origin, "components": [s["component"] for s in sections],
            "sections": sections,
        })
    used_roles = {r for s in scenarios for r in s["roles"]}
    return {
        "components": [{"id": c.id, "name": c.name} for c in fw.components],
        "levels": [{"id": lv.id, "name": lv.name} for lv in fw.levels],
        "roles": [{"id": r.id, "name": r.name, "lens": r.lens} for r in fw.roles if r.id in used_roles or r.lens],
        "trajectories": [{"id": t.id, "name": t.name} for t in fw.trajectories],
        "bases": [{"id": b.id, "name": b.name} for b in fw.bases],
        "origins": [{"id": o.id, "name": o.short or o.name} for o in fw.origins],
        "scenarios": scenarios,
    }


def lens_roles_script(fw: Framework) -> nodes.raw:
    """Every role, for the role lens of pages that carry prompts or the explorer. The lens offers those
    the framework marks `lens` and, beyond them, every role the page's own prompts name (gb-lens.js), so a
    prompt "for special education faculty" can be read as its own role."""
    roles = [{"id": r.id, "name": r.name, "lens": r.lens} for r in fw.roles]
    return nodes.raw("", json_script("gb-lens-roles", roles), format="html")


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    data = explorer_data(ctx.fw, ctx.domain, ctx.uri)
    names = {
        "component": {c["id"]: c["name"] for c in data["components"]},
        "level": {x["id"]: x["name"] for x in data["levels"]},
        "role": {x["id"]: x["name"] for x in data["roles"]},
        "trajectory": {x["id"]: x["name"] for x in data["trajectories"]},
    }
    items = []
    origins = {o["id"]: o["name"] for o in data["origins"]}
    total, size = len(data["scenarios"]), lists.shown(ctx, detailed=True)
    for s in data["scenarios"][:size]:
        # Where each comes from: the paper's in-depth illustrations (the ones to start a reader with) are marked
        # apart from those drawn from one row of its table, which are mostly the handbook's interpretation.
        # gb-lists.js draws the same badge for the entries it loads.
        origin = origins.get(s["origin"])
        kind = "gb-in-depth" if s["origin"] == "in-depth" else f"gb-origin gb-origin-{s['origin']}"
        deep = f' <span class="glassbox-badge {escape(kind, quote=True)}">{escape(origin)}</span>' if origin else ""
        facts = " · ".join(filter(None, [
            names["trajectory"].get(s["trajectory"], s["trajectory"]),
            ", ".join(names["level"][x] for x in s["levels"]),
        ]))
        comps = ", ".join(names["component"][c] for c in s["components"])
        roles = ", ".join(names["role"][r] for r in s["roles"])
        comps_label, roles_label = _("Components:"), _("Roles:")
        items.append(
            f'<li class="gb-explorer-item" data-scenario="{escape(s["id"], quote=True)}">'
            f'<p class="gb-explorer-title"><a href="{escape(s["href"], quote=True)}">{escape(s["title"])}</a>{deep}</p>'
            f'<p>{escape(s["difficulty"])}</p>'
            f'<p class="glassbox-scenario-facts">{escape(facts)}</p>'
            f'<p class="glassbox-scenario-facts"><span class="gb-k">{escape(comps_label)}</span> {escape(comps)}</p>'
            f'<p class="glassbox-scenario-facts"><span class="gb-k">{escape(roles_label)}</span> {escape(roles)}</p></li>')
    more = ""
    if total > size:  # the first page of items; the rest of the data loads when a filter or "Show more" asks for it
        more = lists.more(ctx, "explorer", "explorer", total, ".gb-explorer-list", lists.scenarios_word(), detailed=True)
        # every scenario's facets are a file of their own (explorer-index-0.js), off the way of the first paint
        data = {**data, "scenarios": [], "more": {"name": "explorer", "size": size, "root": ctx.root}}
    show_all = escape(_("Show all"))
    words = {"filter": _("Filter scenarios"), "copy": _("Copy link to this view"),
             "count": _n("{n} scenario.", "{n} scenarios.", total).format(n=total),
             "none": _("No scenario matches all these filters. Remove one to see more."),
             "compare": _("Compare two scenarios")}
    e = {key: escape(text) for key, text in words.items()}
    html = (
        '<div class="gb-explorer" id="scenario-explorer">'
        # a search landmark, not a form: the filters apply as they change, there is nothing to submit (HTML_CodeSniffer H32.2)
        '<div class="gb-explorer-filters" hidden aria-labelledby="gb-explorer-heading" role="search">'
        f'<h2 id="gb-explorer-heading" class="gb-explorer-heading">{e["filter"]}</h2>'
        '<div class="gb-filter-grid"></div>'
        f'<p class="gb-explorer-actions"><button type="button" class="gb-btn gb-explorer-reset">{show_all}</button> '
        f'<button type="button" class="gb-btn gb-explorer-copy">{e["copy"]}</button></p>'
        '</div>'
        f'<p class="gb-explorer-status" role="status" aria-live="polite">{e["count"]}</p>'
        f'<ul class="gb-explorer-list">{"".join(items)}</ul>{more}'
        f'<p class="gb-explorer-none" hidden>{e["none"]}</p>'
        '<section class="gb-compare" hidden aria-labelledby="gb-compare-heading">'
        f'<h2 id="gb-compare-heading">{e["compare"]}</h2>'
        '<div class="gb-compare-pick"></div><div class="gb-compare-out" aria-live="polite"></div>'
        '</section>'
        + json_script("gb-explorer-data", data)
        + "</div>"
    )
    return [nodes.raw("", html, format="html")]


def index(data: dict[str, Any]) -> list[list[Any]]:
    """Every scenario as [id, title, level, role, trajectory and component numbers]: what the filters count and
    match on, in a tenth of the bytes; gb-lists.js takes the rest from the list files as it shows them."""
    where = {key: {x["id"]: i for i, x in enumerate(data[key])} for key in ("levels", "roles", "trajectories", "components")}
    return [[s["id"], s["title"], [where["levels"][x] for x in s["levels"] if x in where["levels"]],
             [where["roles"][x] for x in s["roles"] if x in where["roles"]], where["trajectories"].get(s["trajectory"], -1),
             [where["components"][x] for x in s["components"]]] for s in data["scenarios"]]


def long_lists(fw: Framework, domain: GlassboxDomain, href: Uri, config: Any) -> dict[str, tuple[int, list[Any]]]:
    size, data = lists.detail_size(config), explorer_data(fw, domain, href)
    entries = data["scenarios"]
    return {"explorer": (size, entries), "explorer-index": (len(entries), index(data))} if len(entries) > size else {}


def render_print(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    """On paper the explorer is the plain list of scenarios."""
    return scenario_list(ctx, node)


VIEW = View("scenario-explorer", render, print=render_print, depends=every_scenario, searchable=False, lists=long_lists)
