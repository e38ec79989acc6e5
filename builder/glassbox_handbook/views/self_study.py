"""The self-study map: a partnership team draws its own glass box, in its own browser.

The framework's paper offers it as a heuristic a partnership can turn on its
own work; the handbook shows other partnerships' glass boxes, and
this page gives a team a place to draw its own. For each component and each
paired level the team notes what is happening, who is involved and what
evidence it has, and keeps a dated evidence log in the spirit of the
evidence column of the paper's table of cases (the fourth of the facts).

Everything the script needs comes from the build: the framework's names
(components, levels, the four facts' labels), the diagram drawn by
`glassbox_handbook.core.diagram` (the script only sets its highlight classes), the
matrix's columns and every scenario's row, and the words of the gap
questions. `static/gb-selfstudy-model.js` holds the pure part (validation of
an imported file, Markdown, gaps, the worksheet's answers) and
`static/gb-selfstudy.js` the page. Entries stay in localStorage; nothing is
sent. On paper the printed handbook says where the map is.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from docutils import nodes

from glassbox_handbook.core.diagram import diagram_svg
from glassbox_handbook.core.frontmatter import FACTS
from glassbox_handbook.views import Slices, View, ViewContext
from glassbox_handbook.views.common import json_script, para, where_online

if TYPE_CHECKING:
    from glassbox_handbook.core.model import Page

WORKSHEET_PAGE = "handbook/worksheet"
FORMAT, VERSION = "glassbox-self-study", 1
# The three notes a team makes for one component at one level, with the hint each label carries.
FIELDS = (("happening", "What is happening", "In a sentence or two: what people do, meet about or make."),
          ("who", "Who is involved", "Roles, not names: “{roles}”."),
          ("evidence", "What evidence we have", "What people said, made or did that shows it, and where it is kept."))
# The gap questions, in the handbook's words; {component}, {levels} and {level} are filled in by the script.
WORDS = {
    "none": "Nothing is recorded for {component} yet. Is it at work and unwritten, or missing? Who could tell us?",
    "levels": "{component} is recorded at {levels} only. What happens at the other levels, and who would know?",
    "evidence": "We note {component} at the {level} level but no evidence yet. What would show it to someone outside the team?",
    "ours": "Our own",
    "gap": "Gap: not enacted",
    "nothing": "Gap: nothing recorded",
    "on": "recorded by your team",
    "off": "nothing recorded yet",
}


def role_example(fw: Any) -> str:
    """An example of writing roles, not names, from the framework's own roles ("a team member and a team lead")."""
    names = [f"a {r.name[0].lower() + r.name[1:]}" for r in fw.roles[:2]]
    return " and ".join(names)


def map_data(ctx: ViewContext) -> dict[str, Any]:
    fw = ctx.fw
    core = set(fw.core)
    scenarios = []
    for docname, page in ctx.domain.scenarios():
        meta = page.scenario
        sections = {}
        for comp in fw.components:
            sec = page.section_for(comp.id)
            if sec is not None:
                basis = fw.basis_by_id.get(sec.basis)
                sections[comp.id] = {"summary": sec.summary, "basis": basis.name if basis else sec.basis,
                                     "href": ctx.uri(docname, sec.anchor)}
        scenarios.append({"id": meta.id, "title": meta.title, "href": ctx.uri(docname, ""), "levels": list(meta.levels),
                          "facts": {f: getattr(meta, f) for f in FACTS}, "sections": sections})
    return {
        "format": FORMAT, "version": VERSION,
        "components": [{"id": c.id, "name": c.name, "core": c.id in core} for c in fw.components],
        "levels": [{"id": lv.id, "name": lv.name} for lv in fw.levels],
        "facts": [{"key": f, "label": fw.fact_label(f)} for f in FACTS],
        "fields": [{"key": k, "label": label} for k, label, _ in FIELDS],
        "matrixFirst": "Scenario", "words": WORDS, "scenarios": scenarios,
        "worksheet": ctx.uri(WORKSHEET_PAGE, ""),
        "allowed": sorted(fw.words),  # the framework's own words: the privacy check never flags them
    }


def _text(name: str, label: str, hint: str = "", rows: int = 2, kind: str = "textarea") -> str:
    described = f' aria-describedby="{name}-hint"' if hint else ""
    hint_html = f'<span class="gb-ss-hint" id="{name}-hint">{escape(hint)}</span>' if hint else ""
    box = (f'<input type="{kind}" id="{name}" name="{name}"{described}>' if kind != "textarea"
           else f'<textarea id="{name}" name="{name}" rows="{rows}"{described}></textarea>')
    return f'<p class="gb-ss-field"><label for="{name}">{escape(label)}</label>{hint_html}{box}</p>'


def form(ctx: ViewContext) -> str:
    fw = ctx.fw
    parts = ['<form class="gb-ss-form" hidden aria-labelledby="gb-ss-form-heading" novalidate>',
             '<h2 id="gb-ss-form-heading">Your entries</h2>',
             '<fieldset class="gb-ss-problem-fields"><legend>What your team is working on</legend>',
             _text("ss-title", "A short name for it", "A few words your team would recognise it by.", kind="text")]
    parts += [_text(f"ss-{f}", fw.facts[f].label, fw.facts[f].hint) for f in FACTS]
    parts.append("</fieldset>")
    for comp in fw.components:
        parts.append(f'<details class="gb-ss-comp" data-component="{escape(comp.id)}"><summary>'
                     f'<span class="gb-ss-comp-name">{escape(comp.name)}</span> <span class="gb-ss-count"></span></summary>'
                     f'<p class="gb-ss-hint">{escape(comp.definition)}</p>')
        for level in fw.levels:
            parts.append(f'<fieldset class="gb-ss-cell" data-level="{escape(level.id)}">'
                         f"<legend>{escape(comp.name)} at the {escape(level.name)} level</legend>")
            parts += [_text(f"ss-{comp.id}-{level.id}-{key}", label,
                            hint.format(roles=role_example(fw)) if level == fw.levels[0] else "")
                      for key, label, hint in FIELDS]
            parts.append("</fieldset>")
        parts.append("</details>")
    options = "".join(f'<option value="{escape(c.id)}">{escape(c.name)}</option>' for c in fw.components)
    parts.append('<fieldset class="gb-ss-log-fields"><legend>Evidence log: add an entry</legend>'
                 + _text("ss-log-date", "Date", kind="date")
                 + _text("ss-log-what", "What was said, made or done", "One piece of evidence, as your team would describe it.")
                 + '<p class="gb-ss-field"><label for="ss-log-component">Component it shows</label>'
                   f'<select id="ss-log-component" name="ss-log-component"><option value="">Choose a component</option>{options}</select></p>'
                   '<p><button type="submit" class="gb-btn gb-ss-log-add">Add to the evidence log</button></p></fieldset></form>')
    return "".join(parts)


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    data = map_data(ctx)
    heads = "".join(f'<th scope="col">{escape(h)}</th>' for h in [data["matrixFirst"], *(c.name for c in ctx.fw.components)])
    scenarios = "".join(f'<option value="{escape(s["id"], quote=True)}">{escape(s["title"])}</option>' for s in data["scenarios"])
    html = (
        '<div class="gb-selfstudy" id="gb-selfstudy">'
        '<p class="gb-ss-note" role="note"><strong>Kept only in this browser.</strong> What you type here stays on this '
        "device, in this browser's own storage; nothing is sent anywhere. To continue on another device, save the map "
        "as a file and open it there. Clearing the browser's data deletes the map.</p>"
        '<p class="gb-ss-nojs">The map needs JavaScript. Without it, the paper version at the end of this page works the same way.</p>'
        + form(ctx) +
        '<div class="gb-ss-actions" hidden><p class="gb-ss-buttons">'
        '<button type="button" class="gb-btn gb-ss-md">Download as a document</button> '
        '<button type="button" class="gb-btn gb-ss-json">Save the map to continue elsewhere</button> '
        '<button type="button" class="gb-btn gb-ss-print">Print the map</button> '
        '<button type="button" class="gb-btn gb-ss-worksheet">Continue in the worksheet</button></p>'
        '<p class="gb-ss-field"><label for="gb-ss-import">Open a saved map</label>'
        '<span class="gb-ss-hint" id="gb-ss-import-hint">It replaces what is in this browser now; download that first if you need it.</span>'
        '<input type="file" id="gb-ss-import" accept=".json,application/json" aria-describedby="gb-ss-import-hint"></p></div>'
        '<p class="gb-ss-status" role="status" aria-live="polite"></p>'
        '<section class="gb-ss-map" hidden aria-labelledby="gb-ss-map-heading">'
        '<h2 id="gb-ss-map-heading">Our map</h2><p class="gb-ss-problem"></p>'
        '<div class="gb-figure gb-ss-figure"><p class="gb-caption">Highlighted, with a solid outline: where your team has '
        "recorded something. Faded, with a dashed outline: nothing recorded yet. The row of the matrix below says the same "
        "in words; on a narrow screen the drawing is laid out to fit it.</p>" + diagram_svg(ctx.fw, ctx.uri) + "</div>"
        '<h3>Our row of the matrix</h3>'
        '<p class="gb-ss-compare-field"><label for="gb-ss-compare">Side by side with a scenario of the handbook</label>'
        f'<select id="gb-ss-compare"><option value="">No scenario</option>{scenarios}</select></p>'
        '<div class="gb-ss-scroll" tabindex="0" role="region" aria-label="Our row of the matrix (scrolls sideways)">'
        f'<table class="gb-ss-row"><caption>Our work by component, in the columns of the handbook\'s matrix '
        "<span class=\"gb-ss-noprint\">(on a narrow screen, scroll the table sideways)</span></caption>"
        f"<thead><tr>{heads}</tr></thead><tbody></tbody></table></div>"
        '<div class="gb-ss-facts"></div>'
        '<h3>Gaps: questions to take up</h3><ul class="gb-ss-gaps"></ul>'
        '<h3>Evidence log</h3><p class="gb-ss-log-empty">No evidence logged yet.</p>'
        '<div class="gb-ss-scroll" tabindex="0" role="region" aria-label="Evidence log">'
        '<table class="gb-ss-log"><caption>Evidence log, by date</caption><thead><tr><th scope="col">Date</th>'
        '<th scope="col">What was said, made or done</th><th scope="col">Component</th>'
        '<th scope="col" class="gb-ss-noprint">Remove</th></tr></thead><tbody></tbody></table></div></section>'
        + json_script("gb-selfstudy-data", data) + "</div>"
    )
    return [nodes.raw("", html, format="html")]


def render_print(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    """On paper there is nothing to fill in: where the map is, and the blank table stands in for it."""
    where = where_online(ctx)
    return [para("The map works on screen and keeps its entries in the reader's browser, so this printed handbook "
                 "cannot hold it: open ", *where, " to use it.", classes=["glassbox-planner-print"])]


def depends(slices: Slices, docname: str, page: Page) -> Any:
    """Every scenario's facts and sections: the map shows any of them beside the team's own row."""
    return slices.every_scenario


VIEW = View("self-study-map", render, print=render_print, depends=depends, searchable=False)
