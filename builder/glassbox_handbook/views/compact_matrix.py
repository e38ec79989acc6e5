"""The glass-box matrix on the web, compact: every scenario by every component on one laptop screen.

The full-text matrix (a summary in each cell) is 64rem wide, so a laptop
showed half of its columns and a phone a sliver. Here each cell is a mark,
one shape per basis and another for a gap, with the basis in words for
screen readers and a legend for everyone; a cell that has a summary is a
disclosure (`<details>`, no script) that opens it in a panel across the
table, by click, tap or keyboard. Cells that share a `name` close each other,
so one panel is open at a time. Header cells have `scope` and ids, and each
data cell names its two headers (`headers`), which HTML_CodeSniffer checks.
On a phone the same table reads as one block per scenario, each component
named beside its mark (CSS in glassbox.css), without sideways scrolling.

Written as HTML, not docutils nodes: docutils tables have no disclosures.
Every text is escaped here.
"""

from __future__ import annotations

from html import escape

from glassbox_handbook.views import ViewContext
from glassbox_handbook.views import paging as lists
from glassbox_handbook.words import _, language

#: The marks, by the place of the basis in the framework file; the last is for a gap.
SHAPES = ("●", "◐", "◆", "▲")
GAP_SHAPE = "○"


def _e(text: str) -> str:
    return escape(text, quote=True)


def basis_marks(basis_ids: list[str]) -> dict[str, str]:
    """One shape per basis, in the framework file's order (its later bases share the last shape)."""
    return {b: SHAPES[min(i, len(SHAPES) - 1)] for i, b in enumerate(basis_ids)}


_VOWELS = set("aeiouyáéíóúüàèìòùâêîôûäëïö")
# Two consonants that open a syllable together are not split; a break goes before them ("re-flection").
_TOGETHER = {a + b for a in "bcdfgkpt" for b in "lr"} | {"ch", "sh", "th", "ph"}
_TOGETHER_IN = {"es": {"ll", "rr"}}  # a language's own: in Spanish "ll" and "rr" are one sound ("desa-rrollo")


def breakable(name: str, longest: int = 8) -> str:
    """A heading whose long words may break with a hyphen: a soft hyphen in each word longer than
    `longest` letters, between two consonants (else after a vowel) nearest its middle. The columns are
    narrow, and browsers without a hyphenation dictionary would otherwise split a word anywhere."""
    together = _TOGETHER | _TOGETHER_IN.get(language().split("_")[0].split("-")[0], set())
    words = []
    for word in name.split(" "):
        if len(word) > longest:
            low = word.lower()
            inner = range(2, len(word) - 2)
            two = [i for i in inner if low[i - 1] not in _VOWELS and low[i] not in _VOWELS
                   and low[i - 2] in _VOWELS and low[i + 1] in _VOWELS and low[i - 1:i + 1] not in together]
            two += [i for i in inner if low[i - 1] in _VOWELS and low[i:i + 2] in together and low[i + 2] in _VOWELS]
            one = [i for i in inner if low[i - 1] in _VOWELS and low[i] not in _VOWELS and low[i + 1] in _VOWELS]
            middle = len(word) / 2
            cut = min(two or one or [0], key=lambda i: abs(i - middle))
            if cut:
                word = word[:cut] + "\u00ad" + word[cut:]
        words.append(word)
    return " ".join(words)


def _shape(shape: str) -> str:
    return f'<span class="gb-mark-shape" aria-hidden="true">{shape}</span>'


def _mark(shape: str, words: str) -> str:
    """The shape for the eye, its words for a screen reader."""
    return f'{_shape(shape)}<span class="gb-visually-hidden">{_e(words)}</span>'


def legend(ctx: ViewContext) -> str:
    """What each shape means, in the words the framework file gives each basis."""
    marks = basis_marks([b.id for b in ctx.fw.bases])
    items = "".join(f"<li>{_shape(marks[b.id])} {_e(b.name)}</li>" for b in ctx.fw.bases)
    items += f"<li>{_shape(GAP_SHAPE)} {_e(gap_words())}</li>"
    label = _("What the marks mean")
    return f'<ul class="gb-matrix-legend" aria-label="{_e(label)}">{items}</ul>'


def gap_words() -> str:
    """What a cell says when the scenario does not enact the component."""
    return _("Gap: not enacted")


def compact_matrix(ctx: ViewContext) -> str:
    """The compact table, with its legend, as HTML."""
    fw, uri = ctx.fw, ctx.uri
    marks = basis_marks([b.id for b in fw.bases])
    first = _("Scenario")
    head = f'<th scope="col" id="gb-mx-scenario">{_e(first)}</th>'
    for comp in fw.components:
        head += (f'<th scope="col" id="gb-mx-c-{_e(comp.id)}"><a href="{_e(uri(fw.component_page(comp.id), ""))}">'
                 f"{_e(breakable(comp.name))}</a></th>")
    rows = []
    gap, open_words, read_words = gap_words(), _(": open the summary"), _("Read the section")
    scenarios = list(ctx.domain.scenarios())
    for docname, page in scenarios[:lists.shown(ctx, detailed=True)]:
        meta = page.scenario
        row_id = f"gb-mx-s-{_e(meta.id)}"
        cells = [f'<th scope="row" id="{row_id}" headers="gb-mx-scenario">'
                 f'<a href="{_e(uri(docname, ""))}">{_e(meta.title)}</a></th>']
        for comp in fw.components:
            headers = f'{row_id} gb-mx-c-{_e(comp.id)}'
            name = f'<span class="gb-cell-comp">{_e(comp.name)}</span>'
            sec = page.section_for(comp.id)
            if sec is None:
                cells.append(f'<td headers="{headers}" class="gb-mx-gap">{name}{_mark(GAP_SHAPE, gap)}</td>')
                continue
            basis = fw.basis_by_id.get(sec.basis)
            said = basis.name if basis else sec.basis
            shape = marks.get(sec.basis, SHAPES[-1])
            read = uri(docname, sec.anchor)
            where = _("{component} in {scenario}").format(component=comp.name, scenario=meta.title)
            cells.append(
                f'<td headers="{headers}" class="gb-mx-{_e(sec.basis)}"><details class="gb-mx-cell" name="gb-matrix">'
                f'<summary>{name}{_mark(shape, said)}<span class="gb-visually-hidden">{_e(open_words)}</span></summary>'
                f'<div class="gb-mx-panel"><p class="gb-mx-panel-title">{_e(where)}</p>'
                f"<p>{_e(sec.summary)}</p>"
                f'<p><span class="glassbox-badge glassbox-badge-{_e(sec.basis)}">{_shape(shape)} {_e(said)}</span> '
                f'<a href="{_e(read)}">{_e(read_words)}</a></p></div></details></td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    caption = _("Scenarios by component, in brief: a mark per cell; open a cell for its summary, "
                "or a component or scenario for its page")
    return (legend(ctx) + '<div class="gb-matrix-compact-wrap"><table class="gb-matrix-compact">'
            f"<caption>{_e(caption)}</caption><thead><tr>{head}</tr></thead>"
            f'<tbody id="gb-mx-body">{"".join(rows)}</tbody></table></div>'
            + (lists.more(ctx, "matrix", "matrix-compact", len(scenarios), "#gb-mx-body", lists.scenarios_word(), columns(ctx), True)
               if len(scenarios) > len(rows) else ""))


def columns(ctx: ViewContext) -> dict:
    """What gb-lists.js needs to draw a row of either matrix: the columns, and each basis's words and mark."""
    marks = basis_marks([b.id for b in ctx.fw.bases])
    return {"components": [[c.id, c.name] for c in ctx.fw.components],
            "bases": {b.id: [b.name, marks[b.id]] for b in ctx.fw.bases}, "gap": [GAP_SHAPE, gap_words()]}


def matrix_rows(fw, domain, href, config) -> dict:
    """Each scenario as [id, title, link, a cell per component: [basis, summary, link] or null], for both matrices."""
    rows = []
    for docname, page in domain.scenarios():
        cells = []
        for comp in fw.components:
            sec = page.section_for(comp.id)
            cells.append(None if sec is None else [sec.basis, sec.summary, href(docname, sec.anchor)])
        rows.append([page.scenario.id, page.scenario.title, href(docname, ""), cells])
    size = lists.detail_size(config)
    return {"matrix": (size, rows)} if len(rows) > size else {}
