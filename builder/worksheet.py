"""The worksheet: a workshop's answers, downloaded as a scenario draft that passes `check`.

Built at build time from the framework file, so its fields are the scenario
format's: the four facts of a problem of practice, levels, roles, and for
each component a one-sentence summary, what happened and a design prompt.
`static/gb-worksheet.js` keeps the answers in the browser and writes the
Markdown file by filling in the scenario skeleton embedded with the data;
without JavaScript the form still shows what a scenario asks for, and the
template is one link away.
"""

from __future__ import annotations

from html import escape

from docutils import nodes

from .explorer import _json_script
from .framework import Framework
from .scenario import ScenarioMeta

FACTS = ("felt_difficulty", "collaborative_project", "primary_focus", "illustrative_evidence")

# replaced by builder.skeleton: the scenario file's layout, as the worksheet's script fills it in.
# {{name}} is inserted as is, {{name|yaml}} as a YAML scalar or flow list (JSON text).
_SKELETON = {
    "document": (
        "---\n"
        "id: {{id|yaml}}\n"
        "title: {{title|yaml}}\n"
        "felt_difficulty: {{felt_difficulty|yaml}}\n"
        "collaborative_project: {{collaborative_project|yaml}}\n"
        "primary_focus: {{primary_focus|yaml}}\n"
        "illustrative_evidence: {{illustrative_evidence|yaml}}\n"
        "levels: {{levels|yaml}}\n"
        "roles: {{roles|yaml}}\n"
        "trajectory: {{trajectory|yaml}}\n"
        "sources: {{sources|yaml}}\n"
        "contributors:\n"
        "  - name: {{contributor|yaml}}\n"
        "license: CC-BY-4.0\n"
        "status: draft\n"
        "privacy:\n"
        "  deidentified: {{deidentified|yaml}}\n"
        "  consent: {{consent|yaml}}\n"
        "---\n"
        "\n"
        "# {{title}}\n"
        "\n"
        "{{introduction}}\n"
        "\n"
        "{{sections}}\n"
    ),
    "section": (
        "## {{component}}\n"
        "\n"
        ":::{enactment}\n"
        ":basis: {{basis}}\n"
        "{{summary}}\n"
        ":::\n"
        "\n"
        "{{story}}\n"
        "\n"
        "{{prompts}}\n"
    ),
    "prompt": ":::{design-prompt}\n:roles: {{roles}}\n{{prompt}}\n:::\n",
}


def _field(name: str, label: str, hint: str = "", rows: int = 2) -> str:
    hint_html = f'<span class="gb-ws-hint" id="ws-{name}-hint">{escape(hint)}</span>' if hint else ""
    described = f' aria-describedby="ws-{name}-hint"' if hint else ""
    return (f'<p class="gb-ws-field"><label for="ws-{name}">{escape(label)}</label>{hint_html}'
            f'<textarea id="ws-{name}" name="{name}" rows="{rows}"{described}></textarea></p>')


def _choices(name: str, legend: str, items: list[tuple[str, str]]) -> str:
    boxes = "".join(f'<label class="gb-ws-choice"><input type="checkbox" name="{name}" value="{escape(i)}"> {escape(n)}</label>'
                    for i, n in items)
    return f'<fieldset class="gb-ws-choices"><legend>{escape(legend)}</legend>{boxes}</fieldset>'


def scenario_worksheet(fw: Framework) -> list[nodes.Node]:
    fields = ScenarioMeta.model_fields
    parts = ['<form class="gb-worksheet" id="gb-worksheet" aria-label="Scenario worksheet" novalidate>',
             '<fieldset><legend>The problem of practice</legend>',
             '<p class="gb-ws-field"><label for="ws-title">Title</label>'
             '<input id="ws-title" name="title" type="text" autocomplete="off"></p>']
    parts += [_field(f, fields[f].title or f, fields[f].description or "") for f in FACTS]
    parts.append("</fieldset>")
    parts.append(_choices("levels", "Levels where the work happened", [(lv.id, lv.name) for lv in fw.levels.srlc]))
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
    data = {"source": fw.framework.source, "trajectory": fw.trajectories[-1].id,
            "components": [{"id": c.id, "name": c.name} for c in fw.components],
            "levels": [lv.id for lv in fw.levels.srlc], "roles": [r.id for r in fw.roles],
            "skeleton": _SKELETON}
    return [nodes.raw("", "".join(parts) + _json_script("gb-worksheet-data", data), format="html")]
