"""The worksheet: a workshop's answers, downloaded as a scenario draft that passes `check`.

Built at build time from the framework file, so its fields are the scenario
format's: the four facts, levels, roles, and for
each component a one-sentence summary, what happened and a design prompt.
`static/gb-worksheet.js` keeps the answers in the browser and writes the
Markdown file by filling in the scenario skeleton embedded with the data;
without JavaScript the form still shows what a scenario asks for, and the
template is one link away.
"""

from __future__ import annotations

from html import escape

from docutils import nodes

from ..framework import Framework
from ..frontmatter import FACTS
from ..skeleton import skeleton
from . import View, ViewContext
from .common import json_script


def _field(name: str, label: str, hint: str = "", rows: int = 2) -> str:
    hint_html = f'<span class="gb-ws-hint" id="ws-{name}-hint">{escape(hint)}</span>' if hint else ""
    described = f' aria-describedby="ws-{name}-hint"' if hint else ""
    return (f'<p class="gb-ws-field"><label for="ws-{name}">{escape(label)}</label>{hint_html}'
            f'<textarea id="ws-{name}" name="{name}" rows="{rows}"{described}></textarea></p>')


def _choices(name: str, legend: str, items: list[tuple[str, str]]) -> str:
    boxes = "".join(f'<label class="gb-ws-choice"><input type="checkbox" name="{name}" value="{escape(i)}"> {escape(n)}</label>'
                    for i, n in items)
    return f'<fieldset class="gb-ws-choices"><legend>{escape(legend)}</legend>{boxes}</fieldset>'


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    return scenario_worksheet(ctx.fw)


def scenario_worksheet(fw: Framework) -> list[nodes.Node]:
    parts = ['<form class="gb-worksheet" id="gb-worksheet" aria-label="Scenario worksheet" novalidate>',
             '<fieldset><legend>What happened</legend>',
             '<p class="gb-ws-field"><label for="ws-title">Title</label>'
             '<input id="ws-title" name="title" type="text" autocomplete="off"></p>']
    parts += [_field(f, fw.facts[f].label, fw.facts[f].hint) for f in FACTS]
    parts.append("</fieldset>")
    parts.append(_choices("levels", "Levels where the work happened", [(lv.id, lv.name) for lv in fw.levels.paired]))
    parts.append(_choices("roles", "Roles involved", [(r.id, r.name) for r in fw.roles]))
    for comp in fw.components:
        parts.append(f'<fieldset class="gb-ws-component" data-component="{escape(comp.id)}">'
                     f"<legend>{escape(comp.name)}</legend>"
                     f'<p class="gb-ws-hint">{escape(comp.definition)} Leave these empty if it was not at work.</p>')
        parts.append(_field(f"{comp.id}-summary", f"{comp.name}: in one sentence, how was it at work?"))
        parts.append(_field(f"{comp.id}-story", f"{comp.name}: what happened? (a few sentences)", rows=4))
        parts.append(_field(f"{comp.id}-prompt", f"{comp.name}: a design prompt your team would ask next"))
        parts.append("</fieldset>")
    parts.append('<fieldset><legend>Credit and privacy</legend>'
                 '<p class="gb-ws-field"><label for="ws-name">Your name, as it should be credited</label>'
                 '<input id="ws-name" name="name" type="text" autocomplete="name"></p>'
                 '<p><label class="gb-ws-choice"><input type="checkbox" name="deidentified" value="yes"> '
                 "The account names no person, school or district that could be identified.</label></p>"
                 '<p><label class="gb-ws-choice"><input type="checkbox" name="consent" value="obtained"> '
                 "Consent was obtained from the people described (leave unticked if none was needed).</label></p>"
                 "</fieldset>")
    parts.append('<p class="gb-ws-actions"><button type="button" class="gb-btn gb-ws-download" disabled>'
                 "Download as a scenario draft</button> "
                 '<span class="gb-ws-nojs">Downloading needs JavaScript; without it, copy scenarios/_template.md instead.</span></p>'
                 '<p class="gb-ws-status" role="status" aria-live="polite"></p></form>')
    parts_of = skeleton(fw)
    data = {"source": fw.framework.source, "trajectory": fw.defaults.trajectory, "basis": fw.defaults.basis,
            "components": [{"id": c.id, "name": c.name} for c in fw.components],
            "levels": [lv.id for lv in fw.levels.paired], "roles": [r.id for r in fw.roles],
            "skeleton": {"document": parts_of.document, "section": parts_of.section, "prompt": parts_of.prompt}}
    return [nodes.raw("", "".join(parts) + json_script("gb-worksheet-data", data), format="html")]


def nothing(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    """The worksheet is a form to fill in on screen; on paper the page's own text stands."""
    return []


VIEW = View("scenario-worksheet", render, print=nothing)
