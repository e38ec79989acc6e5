"""The glass-box matrix for print: every scenario against every component on one or two pages.

On paper a cell cannot hold a summary and stay readable: nine rows of
seven summaries ran to five pages, and a link that says "Read the section"
does nothing on paper. So the printed matrix shows in each cell a short
mark (a symbol and a word for the section's basis, or a gap), with a legend
under the table, and each scenario's title carries the page it starts on.
The summaries follow, component by component, each with the page of its
section; a handbook too large to print whole (`brief`) prints the marks
alone. The page-level layout (landscape for the table, portrait for the
summaries) is asked for with two classes the PDF builder and its
stylesheet know: `gb-print-landscape` and `gb-print-portrait`.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes

from glassbox_handbook.views import ViewContext
from glassbox_handbook.views.common import filled, para, table
from glassbox_handbook.words import _

# One symbol per basis, in the framework file's order: filled and hollow shapes read in greyscale.
SYMBOLS = ("●", "○", "■", "□", "◆", "◇", "▲", "△")
GAP_SYMBOL = "–"


def gap_word() -> str:
    """A printed cell's word for a component the scenario does not enact."""
    return _("Gap")


def matrix_caption(short_name: str, brief: bool) -> str:
    """The matrix's caption, on the web and on paper (`brief`: the cells show only their basis)."""
    if brief:
        return _("Scenarios by component: the {framework} matrix (in brief: each cell shows only its basis; the "
                 "summaries are on the website and in each scenario's packets)").format(framework=short_name)
    return _("Scenarios by component: the {framework} matrix").format(framework=short_name)


def unbroken(text: str) -> list[nodes.Node]:
    """`text` with each hyphenated word kept on one line: a narrow cell breaks titles at spaces only."""
    out: list[nodes.Node] = []
    for i, word in enumerate(text.split(" ")):
        if i:
            out.append(nodes.Text(" "))
        out.append(nodes.inline(word, word, classes=["gb-nobreak"]) if "-" in word else nodes.Text(word))
    return out


def title_link(ctx: ViewContext, docname: str, anchor: str, title: str) -> nodes.reference:
    """A scenario's title linking into the book; the stylesheet prints the page it lands on."""
    return nodes.reference("", "", *unbroken(title), internal=True, refuri=ctx.uri(docname, anchor), classes=["gb-pageref"])


def marks(ctx: ViewContext) -> dict[str, tuple[str, str]]:
    """Basis id -> (symbol, word)."""
    return {b.id: (SYMBOLS[i % len(SYMBOLS)], b.label) for i, b in enumerate(ctx.fw.bases)}


def mark(symbol: str, word: str, kind: str) -> nodes.inline:
    """A cell's mark: the symbol, then the word, so it never depends on the shape alone."""
    node = nodes.inline("", "", classes=["gb-mark", f"gb-mark-{kind}"])
    node += nodes.inline(symbol, symbol, classes=["gb-mark-symbol"])
    node += nodes.Text("\u00a0" + word)  # the symbol never ends a line
    return node


def basis_mark(known: dict[str, tuple[str, str]], basis: str) -> nodes.inline:
    symbol, word = known.get(basis, ("?", basis))
    return mark(symbol, word, basis)


def legend(ctx: ViewContext, known: dict[str, tuple[str, str]]) -> nodes.container:
    """What each mark means, in the framework's own words: one line a mark."""
    box = nodes.container(classes=["gb-matrix-legend"])
    for symbol, word, kind, meaning in [(*known[b.id], b.id, b.description) for b in ctx.fw.bases] + [
            (GAP_SYMBOL, gap_word(), "gap", _("The scenario does not show this component at work: a question worth asking."))]:
        box += para(nodes.strong("", "", mark(symbol, word, kind)), nodes.Text(f": {meaning}"))
    return box


def print_matrix(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    fw, brief = ctx.fw, ctx.options.brief
    known = marks(ctx)
    scenarios = list(ctx.domain.scenarios())
    rows: list[list[Any]] = []
    for docname, page in scenarios:
        assert page.scenario is not None
        cells: list[Any] = [[para(title_link(ctx, docname, "", page.scenario.title))]]
        for comp in fw.components:
            sec = page.section_for(comp.id)
            cells.append([para(basis_mark(known, sec.basis) if sec else mark(GAP_SYMBOL, gap_word(), "gap"))])
        rows.append(cells)
    caption = matrix_caption(fw.framework.short_name, brief)
    matrix = nodes.container(classes=["gb-print-landscape", "gb-matrix-print"])
    matrix += table([_("Scenario"), *(c.name for c in fw.components)], rows, ["glassbox-matrix", "gb-matrix-table"], caption)
    key = legend(ctx, known)
    matrix += key
    if brief or not scenarios:
        return [matrix]
    summaries = by_component(ctx, scenarios, known)
    heading = summaries[0].astext()
    key += para(*filled(_("After the matrix: {summaries}, each scenario's summary with the page of its section."),
                        summaries=nodes.reference(heading, heading, internal=True, refid=summaries["ids"][0],
                                                  classes=["gb-pageref"])), classes=["gb-matrix-next"])
    return [matrix, summaries]


def by_component(ctx: ViewContext, scenarios: list, known: dict[str, tuple[str, str]]) -> nodes.section:
    """Per component, each enacting scenario with its basis, summary and page; then the scenarios with a gap."""
    fw = ctx.fw
    part = nodes.section(ids=["matrix-summaries"], classes=["gb-print-portrait", "gb-matrix-summaries"])
    part += nodes.title("", _("The summaries, component by component"))
    for comp in fw.components:
        sec_node = nodes.section(ids=[f"matrix-summaries-{comp.id}"])
        sec_node += nodes.title("", comp.name)
        items = nodes.bullet_list(classes=["gb-matrix-summary-list"])
        gaps: list[nodes.Node] = []
        for docname, page in scenarios:
            sec = page.section_for(comp.id)
            if sec is None:
                gaps.append(title_link(ctx, docname, "", page.scenario.title))
                continue
            title = title_link(ctx, docname, sec.anchor, page.scenario.title)
            title["reftitle"] = _("{component} in {scenario}").format(component=comp.name, scenario=page.scenario.title)
            item = nodes.list_item()
            item += para(basis_mark(known, sec.basis), nodes.strong("", "", title))
            item += para(sec.summary, classes=["gb-matrix-summary"])
            items += item
        if len(items):
            sec_node += items
        if gaps:
            run: list[nodes.Node] = []
            for i, gap in enumerate(gaps):
                run += ([nodes.Text("; ")] if i else []) + [gap]
            sec_node += para(*filled(_("{gap} in: {scenarios}."), gap=gap_word(), scenarios=nodes.inline("", "", *run)),
                             classes=["gb-matrix-gaps"])
        part += sec_node
    return part
