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
from glassbox_handbook.core.facts import and_list
from glassbox_handbook.core.frontmatter import FACTS
from glassbox_handbook.views import Slices, View, ViewContext
from glassbox_handbook.views.common import filled, json_script, para, where_online
from glassbox_handbook.words import _

if TYPE_CHECKING:
    from glassbox_handbook.core.model import Page

WORKSHEET_PAGE = "handbook/worksheet"
FORMAT, VERSION = "glassbox-self-study", 1


def fields() -> tuple[tuple[str, str, str], ...]:
    """The three notes a team makes for one component at one level: (key, label, the hint the label carries)."""
    return (("happening", _("What is happening"), _("In a sentence or two: what people do, meet about or make.")),
            ("who", _("Who is involved"), _("Roles, not names: “{roles}”.")),
            ("evidence", _("What evidence we have"),
             _("What people said, made or did that shows it, and where it is kept.")))


def words() -> dict[str, str]:
    """The gap questions and the map's other words; {component}, {levels} and {level} are filled in by the script."""
    return {
        "none": _("Nothing is recorded for {component} yet. Is it at work and unwritten, or missing? Who could tell us?"),
        "levels": _("{component} is recorded at {levels} only. What happens at the other levels, and who would know?"),
        "evidence": _("We note {component} at the {level} level but no evidence yet. What would show it to someone "
                      "outside the team?"),
        "ours": _("Our own"),
        "gap": _("Gap: not enacted"),
        "nothing": _("Gap: nothing recorded"),
        "on": _("recorded by your team"),
        "off": _("nothing recorded yet"),
    }


def role_example(fw: Any) -> str:
    """An example of writing roles, not names, from the framework's own roles ("a team member and a team lead")."""
    names = [_("a {role}").format(role=r.name[0].lower() + r.name[1:]) for r in fw.roles[:2]]
    return and_list(names)


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
        "fields": [{"key": k, "label": label} for k, label, __ in fields()],
        "matrixFirst": _("Scenario"), "words": words(), "scenarios": scenarios,
        "worksheet": ctx.uri(WORKSHEET_PAGE, ""),
        "allowed": sorted(fw.words),  # the framework's own words: the privacy check never flags them
    }


def _text(name: str, label: str, hint: str = "", rows: int = 2, kind: str = "textarea") -> str:
    described = f' aria-describedby="{name}-hint"' if hint else ""
    hint_html = f'<span class="gb-ss-hint" id="{name}-hint">{escape(hint)}</span>' if hint else ""
    box = (f'<input type="{kind}" id="{name}" name="{name}"{described}>' if kind != "textarea"
           else f'<textarea id="{name}" name="{name}" rows="{rows}"{described}></textarea>')
    return f'<p class="gb-ss-field"><label for="{name}">{escape(label)}</label>{hint_html}{box}</p>'


def _escaped(**texts: str) -> dict[str, str]:
    return {key: escape(text, quote=True) for key, text in texts.items()}


def form(ctx: ViewContext) -> str:
    fw = ctx.fw
    w = _escaped(entries=_("Your entries"), working_on=_("What your team is working on"),
                 log=_("Evidence log: add an entry"), shows=_("Component it shows"), choose=_("Choose a component"),
                 add=_("Add to the evidence log"))
    parts = ['<form class="gb-ss-form" hidden aria-labelledby="gb-ss-form-heading" novalidate>',
             f'<h2 id="gb-ss-form-heading">{w["entries"]}</h2>',
             f'<fieldset class="gb-ss-problem-fields"><legend>{w["working_on"]}</legend>',
             _text("ss-title", _("A short name for it"), _("A few words your team would recognise it by."), kind="text")]
    parts += [_text(f"ss-{f}", fw.facts[f].label, fw.facts[f].hint) for f in FACTS]
    parts.append("</fieldset>")
    notes = fields()
    for comp in fw.components:
        parts.append(f'<details class="gb-ss-comp" data-component="{escape(comp.id)}"><summary>'
                     f'<span class="gb-ss-comp-name">{escape(comp.name)}</span> <span class="gb-ss-count"></span></summary>'
                     f'<p class="gb-ss-hint">{escape(comp.definition)}</p>')
        for level in fw.levels:
            legend = _("{component} at the {level} level").format(component=comp.name, level=level.name)
            parts.append(f'<fieldset class="gb-ss-cell" data-level="{escape(level.id)}">'
                         f"<legend>{escape(legend)}</legend>")
            parts += [_text(f"ss-{comp.id}-{level.id}-{key}", label,
                            hint.format(roles=role_example(fw)) if level == fw.levels[0] else "")
                      for key, label, hint in notes]
            parts.append("</fieldset>")
        parts.append("</details>")
    options = "".join(f'<option value="{escape(c.id)}">{escape(c.name)}</option>' for c in fw.components)
    parts.append(f'<fieldset class="gb-ss-log-fields"><legend>{w["log"]}</legend>'
                 + _text("ss-log-date", _("Date"), kind="date")
                 + _text("ss-log-what", _("What was said, made or done"),
                         _("One piece of evidence, as your team would describe it."))
                 + f'<p class="gb-ss-field"><label for="ss-log-component">{w["shows"]}</label>'
                   f'<select id="ss-log-component" name="ss-log-component"><option value="">{w["choose"]}</option>{options}'
                   f'</select></p><p><button type="submit" class="gb-btn gb-ss-log-add">{w["add"]}</button></p></fieldset></form>')
    return "".join(parts)


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    data = map_data(ctx)
    heads = "".join(f'<th scope="col">{escape(h)}</th>' for h in [data["matrixFirst"], *(c.name for c in ctx.fw.components)])
    scenarios = "".join(f'<option value="{escape(s["id"], quote=True)}">{escape(s["title"])}</option>' for s in data["scenarios"])
    w = _escaped(
        kept=_("Kept only in this browser."),
        kept_more=_("What you type here stays on this device, in this browser's own storage; nothing is sent anywhere. "
                    "To continue on another device, save the map as a file and open it there. Clearing the browser's "
                    "data deletes the map."),
        nojs=_("The map needs JavaScript. Without it, the paper version at the end of this page works the same way."),
        md=_("Download as a document"), json=_("Save the map to continue elsewhere"), print=_("Print the map"),
        worksheet=_("Continue in the worksheet"), open=_("Open a saved map"),
        open_hint=_("It replaces what is in this browser now; download that first if you need it."),
        map=_("Our map"),
        figure=_("Highlighted, with a solid outline: where your team has recorded something. Faded, with a dashed "
                 "outline: nothing recorded yet. The row of the matrix below says the same in words; on a narrow "
                 "screen the drawing is laid out to fit it."),
        row=_("Our row of the matrix"), compare=_("Side by side with a scenario of the handbook"),
        no_scenario=_("No scenario"), row_region=_("Our row of the matrix (scrolls sideways)"),
        row_caption=_("Our work by component, in the columns of the handbook's matrix"),
        row_scroll=_("(on a narrow screen, scroll the table sideways)"),
        gaps=_("Gaps: questions to take up"), log=_("Evidence log"), log_empty=_("No evidence logged yet."),
        log_caption=_("Evidence log, by date"), date=_("Date"), what=_("What was said, made or done"),
        component=_("Component"), remove=_("Remove"))
    html = (
        '<div class="gb-selfstudy" id="gb-selfstudy">'
        f'<p class="gb-ss-note" role="note"><strong>{w["kept"]}</strong> {w["kept_more"]}</p>'
        f'<p class="gb-ss-nojs">{w["nojs"]}</p>'
        + form(ctx) +
        '<div class="gb-ss-actions" hidden><p class="gb-ss-buttons">'
        f'<button type="button" class="gb-btn gb-ss-md">{w["md"]}</button> '
        f'<button type="button" class="gb-btn gb-ss-json">{w["json"]}</button> '
        f'<button type="button" class="gb-btn gb-ss-print">{w["print"]}</button> '
        f'<button type="button" class="gb-btn gb-ss-worksheet">{w["worksheet"]}</button></p>'
        f'<p class="gb-ss-field"><label for="gb-ss-import">{w["open"]}</label>'
        f'<span class="gb-ss-hint" id="gb-ss-import-hint">{w["open_hint"]}</span>'
        '<input type="file" id="gb-ss-import" accept=".json,application/json" aria-describedby="gb-ss-import-hint"></p></div>'
        '<p class="gb-ss-status" role="status" aria-live="polite"></p>'
        '<section class="gb-ss-map" hidden aria-labelledby="gb-ss-map-heading">'
        f'<h2 id="gb-ss-map-heading">{w["map"]}</h2><p class="gb-ss-problem"></p>'
        f'<div class="gb-figure gb-ss-figure"><p class="gb-caption">{w["figure"]}</p>' + diagram_svg(ctx.fw, ctx.uri) + "</div>"
        f'<h3>{w["row"]}</h3>'
        f'<p class="gb-ss-compare-field"><label for="gb-ss-compare">{w["compare"]}</label>'
        f'<select id="gb-ss-compare"><option value="">{w["no_scenario"]}</option>{scenarios}</select></p>'
        f'<div class="gb-ss-scroll" tabindex="0" role="region" aria-label="{w["row_region"]}">'
        f'<table class="gb-ss-row"><caption>{w["row_caption"]} '
        f'<span class="gb-ss-noprint">{w["row_scroll"]}</span></caption>'
        f"<thead><tr>{heads}</tr></thead><tbody></tbody></table></div>"
        '<div class="gb-ss-facts"></div>'
        f'<h3>{w["gaps"]}</h3><ul class="gb-ss-gaps"></ul>'
        f'<h3>{w["log"]}</h3><p class="gb-ss-log-empty">{w["log_empty"]}</p>'
        f'<div class="gb-ss-scroll" tabindex="0" role="region" aria-label="{w["log"]}">'
        f'<table class="gb-ss-log"><caption>{w["log_caption"]}</caption><thead><tr><th scope="col">{w["date"]}</th>'
        f'<th scope="col">{w["what"]}</th><th scope="col">{w["component"]}</th>'
        f'<th scope="col" class="gb-ss-noprint">{w["remove"]}</th></tr></thead><tbody></tbody></table></div></section>'
        + json_script("gb-selfstudy-data", data) + "</div>"
    )
    return [nodes.raw("", html, format="html")]


def render_print(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    """On paper there is nothing to fill in: where the map is, and the blank table stands in for it."""
    where = where_online(ctx)
    return [para(*filled(_("The map works on screen and keeps its entries in the reader's browser, so this printed "
                           "handbook cannot hold it: open {where} to use it."), where=where),
                 classes=["glassbox-planner-print"])]


def depends(slices: Slices, docname: str, page: Page) -> Any:
    """Every scenario's facts and sections: the map shows any of them beside the team's own row."""
    return slices.every_scenario


VIEW = View("self-study-map", render, print=render_print, depends=depends, searchable=False)
