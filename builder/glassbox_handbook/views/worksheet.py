"""The worksheet: a team's account of its own partnership, written as a document, shareable without code.

It is built from the framework file, so its questions are the scenario
format's: the four facts, levels, roles, how far the work went, and for
each component what was at work, where the account comes from (and its
source, for a cited basis). Nothing is chosen for the team: roles, the
trajectory, each section's basis and consent start empty, so a draft says
only what the team said. The draft says `deidentified: true` only once every
box of the checklist is ticked and the privacy check (`static/gb-privacy.js`,
the rules of `check`) finds nothing.

Two ways to share it, neither needing a command line: the "Propose a
scenario" issue form (its boxes are `core/issue_form.py`'s, and
`tests/unit/test_worksheet_form.py` keeps the page's questions equal to
them), opened with its text boxes filled in once no box holds anything
identifying; or the scenario draft, filled in by `static/gb-worksheet-model.js`
from the skeleton embedded here (`glassbox_handbook/core/skeleton.py` is its one
source), sent to the contact `glassbox_contact` names. With the repository
unknown (`glassbox_repository`), the page links to no form and says so.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from docutils import nodes

from glassbox_handbook.core.facts import or_list
from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.frontmatter import FACTS, PROSE_FIELDS, ScenarioMeta
from glassbox_handbook.core.issue_form import (
    FORM_FILE,
    FORM_TEMPLATE,
    component_parts,
    consent_answers,
    deidentify,
    issue_fields,
)
from glassbox_handbook.core.repository import github_url
from glassbox_handbook.core.skeleton import skeleton
from glassbox_handbook.core.vocabulary import Component
from glassbox_handbook.settings import Settings
from glassbox_handbook.views import View, ViewContext
from glassbox_handbook.views.common import json_script
from glassbox_handbook.words import _

ISSUE_FORM = Path(FORM_FILE)


def _field(name: str, label: str, hint: str = "", rows: int = 2) -> str:
    hint_html = f'<span class="gb-ws-hint" id="ws-{name}-hint">{escape(hint)}</span>' if hint else ""
    described = f' aria-describedby="ws-{name}-hint"' if hint else ""
    return (f'<p class="gb-ws-field"><label for="ws-{name}">{escape(label)}</label>{hint_html}'
            f'<textarea id="ws-{name}" name="{name}" rows="{rows}"{described}></textarea></p>')


def _choices(name: str, legend: str, items: list[tuple[str, str]], kind: str = "checkbox", hint: str = "",
             issue: bool = True) -> str:
    """A group of boxes (or radio buttons), none ticked: only the team makes these claims."""
    boxes = "".join(f'<label class="gb-ws-choice"><input type="{kind}" name="{escape(name)}" value="{escape(i)}"> {escape(n)}</label>'
                    for i, n in items)
    hint_html = f'<p class="gb-ws-hint">{escape(hint)}</p>' if hint else ""
    marker = f' data-issue-field="{escape(name)}"' if issue else ""
    return (f'<fieldset class="gb-ws-choices"{marker}><legend>{escape(legend)}</legend>'
            f"{hint_html}{boxes}</fieldset>")


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    settings = Settings.of(ctx.config)
    return scenario_worksheet(ctx.fw, settings.repository, settings.contact)


def form_address(repository: str) -> str:
    """Where the "Propose a scenario" form opens, "" when the repository is not known."""
    url = github_url(repository)
    return f"{url}/issues/new?template={FORM_TEMPLATE}" if url else ""


def worksheet_data(fw: Framework, repository: str = "", contact: str = "") -> dict[str, Any]:
    """What the script needs to write the draft and the form's text; the self-study map embeds it too."""
    parts_of = skeleton(fw)
    return {"source": fw.framework.source, "form": form_address(repository), "contact": contact,
            "components": [{"id": c.id, "name": c.name} for c in fw.components],
            "levels": [lv.id for lv in fw.levels], "roles": [r.id for r in fw.roles],
            "names": {x.id: x.name for x in (*fw.levels, *fw.roles, *fw.trajectories, *fw.bases)},
            "privacyChecks": [k for k, _words in deidentify(fw)], "consent": dict(consent_answers()),
            # The model's field names, so the script writes every field the skeleton has (none retyped there).
            "facts": list(FACTS),
            "otherProse": {f: ScenarioMeta.model_fields[f].default or "" for f in sorted(PROSE_FIELDS - {"title", *FACTS})},
            "issue": [{"id": f.id, "label": f.label, "kind": f.kind, "prefilled": f.prefilled} for f in issue_fields(fw)],
            "parts": dict(component_parts()),
            "cited": [b.id for b in fw.bases if b.cited],
            "allowed": sorted(fw.words),
            "skeleton": {"document": parts_of.document, "section": parts_of.section, "prompt": parts_of.prompt}}


def _either(names: list[str]) -> str:
    """Names in quotation marks, joined for "if you chose this or that"."""
    return or_list([f"“{name}”" for name in names])


def _in_box(field: str, html: str) -> str:
    """The question's paragraph marked with the box of the issue form it is the answer for."""
    return html.replace('<p class="gb-ws-field">', f'<p class="gb-ws-field" data-issue-field="{field}">', 1)


def _credit_and_privacy(labels: dict[str, str]) -> str:
    legend, hint = _("Credit and privacy"), _("Names you made up to tell the story, one a line: the privacy check leaves them alone.")
    draft = _("The form's box for the scenario draft is filled with the draft this page writes from your answers.")
    return (f'<fieldset><legend>{escape(legend)}</legend>'
            f'<p class="gb-ws-field" data-issue-field="name"><label for="ws-name">{escape(labels["name"])}</label>'
            '<input id="ws-name" name="name" type="text" autocomplete="name"></p>'
            + _in_box("pseudonyms", _field("pseudonyms", labels["pseudonyms"], hint))
            + f'<p class="gb-ws-hint" data-issue-field="draft">{escape(draft)}</p></fieldset>')


def _actions(repository: str, contact: str) -> str:
    """The two buttons, and the section that shows the text for the form once the team asks for it."""
    form = _("Propose a scenario")
    show = _("Show the text for the “{form}” form").format(form=form)
    download = _("Download the scenario draft (optional)")
    nojs = _("These buttons need JavaScript; without it, copy your answers into the form by hand.")
    heading = _("Text for the “{form}” form").format(form=form)
    if repository:
        open_it = _("Open the form, filled in (on GitHub, in a new tab)")
        tick = _("The form opens with every text box filled in. Tick consent and the five de-identification boxes "
                 "there yourself: GitHub does not let a link tick them. If a box arrives empty (very long accounts do), "
                 "copy it from below with its button.")
        where = (f'<p><a class="gb-btn gb-ws-open" hidden target="_blank" rel="noopener" href="{escape(form_address(repository))}">'
                 f"{escape(open_it)}</a></p><p>{escape(tick)}</p>")
    else:
        nowhere = _("This copy of the handbook does not know where its repository is, so there is no form to open "
                    "from here. Download the draft and send it to whoever pointed you to the handbook.")
        where = f"<p>{escape(nowhere)}</p>"
    if contact:
        send = _("No GitHub account? Download the draft and send it to {contact}.").format(contact=contact)
        where += f"<p>{escape(send)}</p>"
    boxes = _("Each box below matches a box of the form, in the same order: copy it and paste it there.")
    return ('<div class="gb-ws-actions"><p><button type="submit" class="gb-btn gb-ws-issue" disabled>'
            f'{escape(show)}</button> <button type="button" class="gb-btn gb-ws-download" disabled>{escape(download)}</button></p>'
            f'<p class="gb-ws-nojs">{escape(nojs)}</p></div>'
            '<p class="gb-ws-status" role="status" aria-live="polite"></p>'
            '<section class="gb-ws-issue-text" hidden aria-labelledby="gb-ws-issue-heading">'
            f'<h2 id="gb-ws-issue-heading">{escape(heading)}</h2>{where}<p>{escape(boxes)}</p>'
            '<div class="gb-ws-issue-boxes"></div></section>')


def _component(fw: Framework, comp: Component) -> list[str]:
    """A component's questions: what was at work, where the account comes from, and the source of a cited one."""
    hint = _("{definition} Leave these empty if you did not see it at work.").format(definition=comp.definition)
    when = "; ".join(f"{b.name}: {b.when}" for b in fw.bases if b.when) + "."
    cited_bases = [b.name for b in fw.bases if b.cited]
    cited = (_("If you chose {bases}: the publication, in words (authors, year, title).").format(bases=_either(cited_bases))
             if cited_bases else _("The publication, in words (authors, year, title)."))
    return [f'<fieldset class="gb-ws-component" data-component="{escape(comp.id)}" data-issue-field="{escape(comp.id)}">'
            f'<legend>{escape(comp.name)}</legend><p class="gb-ws-hint">{escape(hint)}</p>',
            _field(f"{comp.id}-summary", _("In one sentence, how was it at work?")),
            _field(f"{comp.id}-story", _("What happened? (a few sentences)"), rows=4),
            _field(f"{comp.id}-prompt", _("A question your team would take up next")),
            _choices(f"{comp.id}-basis", _("Where does this account come from?"), [(b.id, b.name) for b in fw.bases],
                     kind="radio", hint=when, issue=False),
            _field(f"{comp.id}-source", _("Source (for a cited account)"), cited, rows=1),
            "</fieldset>"]


def scenario_worksheet(fw: Framework, repository: str = "", contact: str = "") -> list[nodes.Node]:
    labels = {f.id: f.label for f in issue_fields(fw)}
    form_label, happened = _("Worksheet: our team's account"), _("1. What happened")
    title_hint = _("A few words a colleague would recognise the story by.")
    parts = [f'<form class="gb-worksheet" id="gb-worksheet" aria-label="{escape(form_label)}" novalidate>',
             f'<fieldset><legend>{escape(happened)}</legend>',
             f'<p class="gb-ws-field" data-issue-field="title"><label for="ws-title">{escape(labels["title"])}</label>'
             f'<span class="gb-ws-hint" id="ws-title-hint">{escape(title_hint)}</span>'
             '<input id="ws-title" name="title" type="text" autocomplete="off" aria-describedby="ws-title-hint"></p>']
    parts += [_in_box(f, _field(f, fw.facts[f].label, fw.facts[f].hint)) for f in FACTS]
    parts.append("</fieldset>")
    parts.append(_choices("levels", labels["levels"], [(lv.id, lv.name) for lv in fw.levels]))
    parts.append(_choices("roles", labels["roles"], [(r.id, r.name) for r in fw.roles], hint=_("Tick every role that took part.")))
    parts.append(_choices("trajectory", labels["trajectory"], [(t.id, f"{t.name}: {t.description}") for t in fw.trajectories],
                          kind="radio", hint=_("Choose the one that fits; nothing is chosen for you.")))
    for comp in fw.components:
        parts += _component(fw, comp)
    parts.append(_credit_and_privacy(labels))
    parts.append(_choices("consent", labels["consent"], list(consent_answers()), kind="radio"))
    all_true = _("Tick each one only when it is true of every line. Until all five are ticked, the draft says it is "
                 "not yet de-identified and the handbook will not publish it.")
    parts.append(_choices("deidentified", labels["deidentified"], list(deidentify(fw)), hint=all_true))
    parts.append(_actions(repository, contact) + "</form>")
    return [nodes.raw("", "".join(parts) + json_script("gb-worksheet-data", worksheet_data(fw, repository, contact)), format="html")]


def nothing(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    """The worksheet is a form to fill in on screen; on paper the page's own text stands."""
    return []


VIEW = View("scenario-worksheet", render, print=nothing)
