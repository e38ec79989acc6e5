"""Every design prompt by component, then each scenario's count."""

from __future__ import annotations

from docutils import nodes

from ..model import Page, PagePrompt
from . import View, ViewContext, every_prompt
from .common import link, para


def _entry(ctx: ViewContext, docname: str, page: Page, prompt: PagePrompt) -> nodes.list_item:
    source = page.scenario.title if page.scenario else page.title
    where = source if prompt.section == page.title else f"{source}, {prompt.section}"
    roles = ", ".join(ctx.fw.role_by_id[r].name for r in prompt.roles if r in ctx.fw.role_by_id)
    return nodes.list_item("", para(prompt.text), para(
        "From ", link(ctx.uri, docname, prompt.id, where), f" · For: {roles}" if roles else "",
        classes=["glassbox-prompt-source"]),
        classes=["glassbox-prompt-entry", *(f"glassbox-role-{r}" for r in prompt.roles)], ids=[],
        **{"data-roles": " ".join(prompt.roles)})


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    """`brief` (print, large corpus) prints the handbook's own prompts and leaves the scenarios' to their packets."""
    brief = ctx.options.brief
    all_prompts = [(d, page, p) for d, page in sorted(ctx.domain.pages.items()) for p in page.prompts
                   if not (brief and page.scenario)]
    by_comp = nodes.section(ids=["prompts-by-component"])
    by_comp += nodes.title("", "Prompts by component")
    for comp in ctx.fw.components:
        found = [x for x in all_prompts if x[2].component == comp.id]
        sec = nodes.section(ids=[f"prompts-{comp.id}"])
        sec += nodes.title("", f"{comp.name} ({len(found)})")
        lst = nodes.bullet_list(classes=["glassbox-prompt-list"])
        for d, page, p in found:
            lst += _entry(ctx, d, page, p)
        sec += lst if found else para("No prompts yet.")
        if brief:
            left = sum(1 for _, page in ctx.domain.scenarios() for p in page.prompts if p.component == comp.id)
            sec += para(f"The scenarios hold {left} more prompts on {comp.name.lower()}; each scenario's "
                        "workshop packet prints them.", classes=["glassbox-prompt-more"])
        by_comp += sec
    # Each scenario's prompts are printed once, above; here a scenario leads to its own page,
    # where they sit in context. (Printing them twice made this page ten megabytes at 1000 scenarios.)
    by_scen = nodes.section(ids=["prompts-by-scenario"])
    by_scen += nodes.title("", "Prompts by scenario")
    listing = nodes.bullet_list(classes=["glassbox-prompt-scenarios"])
    for d, page in ctx.domain.scenarios():
        count = len(page.prompts)
        listing += nodes.list_item("", para(link(ctx.uri, d, "", page.scenario.title),
                                            f": {count} prompt{'s' if count != 1 else ''}"))
    by_scen += listing if len(listing) else para("No scenarios yet.")
    return [by_comp, by_scen]


VIEW = View("prompt-index", render, depends=every_prompt)
