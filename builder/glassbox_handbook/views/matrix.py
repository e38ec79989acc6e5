"""The glass-box matrix: scenarios by components, each cell a section's summary and basis."""

from __future__ import annotations

from html import escape
from typing import Any

from docutils import nodes

from glassbox_handbook.views import View, ViewContext, every_scenario
from glassbox_handbook.views import paging as lists
from glassbox_handbook.views.common import badge, link, para, table
from glassbox_handbook.views.compact_matrix import columns, compact_matrix, gap_words, matrix_rows
from glassbox_handbook.views.printed_matrix import matrix_caption, print_matrix
from glassbox_handbook.words import _


def render(ctx: ViewContext, node: nodes.Element, first: int | None = None) -> list[nodes.Node]:
    """`brief` (print, large corpus) shows each cell's basis without the summary; `first`: how many rows."""
    fw, uri, brief = ctx.fw, ctx.uri, ctx.options.brief
    rows = []
    gap, read_words = gap_words(), _("Read the section")
    scenarios = list(ctx.domain.scenarios())
    for docname, page in scenarios[:lists.shown(ctx, detailed=True) if first is None else first]:
        cells: list[Any] = [[link(uri, docname, "", page.scenario.title)]]
        for comp in fw.components:
            sec = page.section_for(comp.id)
            if sec is None:
                cells.append([para(badge(gap, "gap"), classes=["glassbox-gap"])])
                continue
            basis = fw.basis_by_id.get(sec.basis)
            mark = badge(basis.name if basis else sec.basis, sec.basis)
            if brief:
                cells.append([para(mark)])
                continue
            read = link(uri, docname, sec.anchor, read_words, classes=["glassbox-cell-link"])
            read["reftitle"] = _("{component} in {scenario}").format(component=comp.name, scenario=page.scenario.title)
            cells.append([para(sec.summary), para(mark, " ", read)])
        rows.append(cells)
    headers = [_("Scenario"), *(c.name for c in fw.components)]
    caption = matrix_caption(fw.framework.short_name, brief)
    out: list[nodes.Node] = [table(headers, rows, ["glassbox-matrix"], caption)]
    if len(scenarios) > len(rows):
        note = (_("Its rows load when it is opened. Without JavaScript, each cell of the matrix above opens its "
                  "summary, and each scenario's page holds its sections.") if first == 0 else "")
        out.append(nodes.raw("", lists.more(ctx, "matrix", "matrix-full", len(scenarios), "#table-glassbox-matrix tbody",
                                            lists.scenarios_word(), columns(ctx), True, first, note), format="html"))
    return out


def web(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    """On the web: the compact matrix, which fits a laptop screen, and the full text one toggle away."""
    # Past a page of rows, the full text (the compact cells' summaries again) loads when it is opened.
    full = render(ctx, node, 0 if sum(1 for __ in ctx.domain.scenarios()) > lists.shown(ctx, detailed=True) else None)
    summary = escape(_("Show the full-text matrix: every summary in its cell"))
    return [nodes.raw("", compact_matrix(ctx), format="html"),
            nodes.raw("", f'<details class="gb-matrix-full"><summary>{summary}</summary>', format="html"),
            *full, nodes.raw("", "</details>", format="html")]


VIEW = View("glassbox-matrix", web, print=print_matrix, depends=every_scenario, searchable=False, lists=matrix_rows)
