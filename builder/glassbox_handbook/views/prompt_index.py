"""Every design prompt on the site: by component, the rest by the page they sit on, then each scenario's count.

A prompt that belongs to no component (those on concept pages, Start here, Levels and the like) is listed
under its page, so that the index holds every prompt the site shows. The prompts' text is set with the same
curly quotes and apostrophes as the pages (Sphinx's smart quotes run before the index is filled in).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes

from glassbox_handbook.core.facts import names
from glassbox_handbook.core.model import Page, PagePrompt
from glassbox_handbook.views import Uri, View, ViewContext, every_prompt
from glassbox_handbook.views import paging as lists
from glassbox_handbook.views.common import filled, link, para, typographic
from glassbox_handbook.words import _, _n


def _entry(ctx: ViewContext, docname: str, page: Page, prompt: PagePrompt) -> nodes.list_item:
    where = _where(page, prompt)
    roles = names(ctx.fw.role_by_id, prompt.roles)
    source = (_("From {place} · For: {roles}") if roles else _("From {place}"))
    return nodes.list_item("", para(typographic(prompt.text)), para(
        *filled(source, place=link(ctx.uri, docname, prompt.id, where), roles=roles), classes=["glassbox-prompt-source"]),
        classes=["glassbox-prompt-entry", *(f"glassbox-role-{r}" for r in prompt.roles)], ids=[],
        **{"data-roles": " ".join(prompt.roles)})


def _where(page: Page, prompt: PagePrompt) -> str:
    source = page.scenario.title if page.scenario else page.title
    return source if prompt.section == page.title else _("{page}, {section}").format(page=source, section=prompt.section)


def _more(ctx: ViewContext, name: str, kind: str, total: int, list_id: str, what: str,
          detailed: bool = False) -> list[nodes.Node]:
    return [nodes.raw("", lists.more(ctx, name, kind, total, f"#{list_id}", what, detailed=detailed), format="html")]


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    """`brief` (print, large corpus) prints the handbook's own prompts and leaves the scenarios' to their packets."""
    brief, size, detail = ctx.options.brief, lists.shown(ctx), lists.shown(ctx, detailed=True)
    all_prompts = [(d, page, p) for d, page in sorted(ctx.domain.pages.items()) for p in page.prompts
                   if not (brief and page.scenario)]
    by_comp = nodes.section(ids=["prompts-by-component"])
    by_comp += nodes.title("", _("Prompts by component"))
    for comp in ctx.fw.components:
        found = [x for x in all_prompts if x[2].component == comp.id]
        sec = nodes.section(ids=[f"prompts-{comp.id}"])
        sec += nodes.title("", f"{comp.name} ({len(found)})")
        lst = nodes.bullet_list(classes=["glassbox-prompt-list"], ids=[f"gb-list-prompts-{comp.id}"])
        for d, page, p in found[:detail]:
            lst += _entry(ctx, d, page, p)
        sec += lst if found else para(_("No prompts yet."))
        if len(found) > detail:
            sec += _more(ctx, f"prompts-{comp.id}", "prompt", len(found), f"gb-list-prompts-{comp.id}", _("prompts"), True)
        if brief:
            left = sum(1 for __, page in ctx.domain.scenarios() for p in page.prompts if p.component == comp.id)
            sec += para(_n("The scenarios hold {n} more prompt on {component}; each scenario's workshop packet prints it.",
                           "The scenarios hold {n} more prompts on {component}; each scenario's workshop packet prints them.",
                           left).format(n=left, component=comp.name.lower()), classes=["glassbox-prompt-more"])
        by_comp += sec
    # The prompts that belong to no component, under the page they sit on (the handbook's own pages; few).
    loose = nodes.section(ids=["prompts-by-page"])
    loose += nodes.title("", _("Prompts not tied to one component, by page"))
    loose += para(_("Prompts on concept pages and on the handbook's general pages work across components. "
                    "Here they are, page by page."))
    for d, page in sorted(ctx.domain.pages.items(), key=lambda item: item[1].title.casefold()):
        found = [p for p in page.prompts if not p.component and not (brief and page.scenario)]
        if not found:
            continue
        sec = nodes.section(ids=[f"prompts-page-{d.replace('/', '-')}"])
        sec += nodes.title("", f"{page.scenario.title if page.scenario else page.title} ({len(found)})")
        lst = nodes.bullet_list(classes=["glassbox-prompt-list"])
        for p in found:
            lst += _entry(ctx, d, page, p)
        sec += lst
        loose += sec
    # Each scenario's prompts are printed once, above; here a scenario leads to its own page,
    # where they sit in context. (Printing them twice made this page ten megabytes at 1000 scenarios.)
    by_scen = nodes.section(ids=["prompts-by-scenario"])
    by_scen += nodes.title("", _("Prompts by scenario"))
    listing = nodes.bullet_list(classes=["glassbox-prompt-scenarios"], ids=["gb-list-prompts-by-scenario"])
    scenarios = list(ctx.domain.scenarios())
    for d, page in scenarios[:size]:
        listing += nodes.list_item("", para(link(ctx.uri, d, "", page.scenario.title), f": {_count(page)}"))
    by_scen += listing if len(listing) else para(_("No scenarios yet."))
    if len(scenarios) > size:
        by_scen += _more(ctx, "prompts-by-scenario", "prompt-count", len(scenarios), "gb-list-prompts-by-scenario",
                         lists.scenarios_word())
    return [by_comp, *([loose] if len(loose) > 2 else []), by_scen]


def _count(page: Page) -> str:
    count = len(page.prompts)
    return _n("{n} prompt", "{n} prompts", count).format(n=count)


def long_lists(fw: Any, domain: Any, href: Uri, config: Any) -> dict[str, tuple[int, list[Any]]]:
    """Each component's prompts as [text, link, where, for whom, role ids], and each scenario's
    [title, link, count], as gb-lists.js shows them."""
    everything = [(d, page, p) for d, page in sorted(domain.pages.items()) for p in page.prompts]
    size, detail = lists.page_size(config), lists.detail_size(config)
    out: dict[str, tuple[int, list[Any]]] = {}
    for comp in fw.components:
        out[f"prompts-{comp.id}"] = (detail, [
            [typographic(p.text), href(d, p.id), _where(page, p), names(fw.role_by_id, p.roles),
             list(p.roles)] for d, page, p in everything if p.component == comp.id])
    out["prompts-by-scenario"] = (size, [[page.scenario.title, href(d, ""), _count(page)] for d, page in domain.scenarios()])
    return {k: v for k, v in out.items() if len(v[1]) > v[0]}


VIEW = View("prompt-index", render, depends=every_prompt, searchable=False, lists=long_lists)
