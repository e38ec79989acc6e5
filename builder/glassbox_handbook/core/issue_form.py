"""The "Propose a scenario" issue form: its boxes, the YAML GitHub reads, and reading a filed issue back.

One list of boxes (`issue_fields`) serves three readers: the worksheet
(`views/worksheet.py`, which asks the same questions and writes the text for
each box, or opens the form with the boxes filled in), the form's YAML
(`form_yaml`, written to `.github/ISSUE_TEMPLATE/propose-scenario.yml` by
`python -m glassbox_handbook issue-form`), and `python -m glassbox_handbook from-issue`,
which reads an issue body as GitHub renders it (`### Label`, then the
answer; `_No response_` for an empty box) back into a scenario file
(`glassbox_handbook.core.from_issue`). The questions derive from the front-matter
model (`FACTS`) and the framework file (levels, roles, trajectories, bases,
components), so none is typed here twice.

GitHub fills a form's `input` and `textarea` boxes from the address
(`?template=…&<box id>=<text>`), but not its dropdowns or checkboxes. So
every answer a team writes in the worksheet goes in a text box (levels,
roles and how far the work went as names, one a line); only consent, the
de-identification checklist and the licence are ticked in the form itself,
by the person submitting it.

Every word the form adds to the framework's is the builder's, looked up when
the form is written, in the project's language: `issue-form` and
`from-issue` speak conf.py's `language`, so a Spanish project's form is
Spanish and its issues are read back by their Spanish labels and parts. A
new project starts with the form of its scaffold's framework file
(`cli/scaffold/<language>/dot-github/ISSUE_TEMPLATE/`; a test keeps it current).
"""

from __future__ import annotations

from typing import NamedTuple

import yaml

from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.frontmatter import FACTS
from glassbox_handbook.words import _

FORM_FILE = ".github/ISSUE_TEMPLATE/propose-scenario.yml"
FORM_TEMPLATE = "propose-scenario.yml"
LABEL = "scenario-proposal"


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def _example_roles(fw: Framework) -> str:
    """The framework's first two roles, as the checklist and the form's intro give them: "team member, team lead"."""
    return ", ".join(_lower_first(r.name) for r in fw.roles[:2])


def deidentify(fw: Framework) -> tuple[tuple[str, str], ...]:
    """What a team confirms before it shares an account, (key, words), with the framework's own roles and the
    places its levels name as examples; a draft is de-identified only when all are ticked."""
    roles = _example_roles(fw)
    places = ", ".join(dict.fromkeys(_lower_first(name) for level in fw.levels for name in fw.level_sides(level) or [level.name]))
    people = (_("No person is named: everyone appears by their role ({roles}).").format(roles=roles) if roles
              else _("No person is named: everyone appears by their role."))
    where = (_("No place is named ({places}), and none could be recognised from its details.").format(places=places)
             if places else _("No place is named, and none could be recognised from its details."))
    return (("people", people), ("places", where),
            ("details", _("Dates, places and numbers are general enough that no reader could work out who is meant.")),
            ("quotes", _("Any quotation is short and cannot be traced back to one person.")),
            ("reread", _("We have read the whole account again, line by line, with these four points in mind.")))


def consent_answers() -> tuple[tuple[str, str], ...]:
    """The answers to the consent question, (key, words): the form's dropdown, the worksheet's radio buttons."""
    return (("obtained", _("We asked the people described, and they agreed.")),
            ("not-needed", _("No consent was needed (for example, no one could be recognised and nothing private is told).")))


def component_parts() -> tuple[tuple[str, str], ...]:
    """The parts of a component's box, in order: (key, the words that open the part in the box)."""
    return (("summary", _("In one sentence")), ("story", _("What happened")), ("prompt", _("A question to take up next")),
            ("basis", _("Where the account comes from")), ("source", _("Source")))


class IssueField(NamedTuple):
    """One box of the issue form, and the worksheet question it takes its answer from."""

    id: str
    label: str
    kind: str  # input, textarea, dropdown or checkboxes (the issue form's types)
    description: str = ""
    options: tuple[str, ...] = ()
    required: bool = False

    @property
    def prefilled(self) -> bool:
        """Whether GitHub fills this box from the form's address (it does for text boxes only)."""
        return self.kind in ("input", "textarea")


def issue_fields(fw: Framework) -> list[IssueField]:
    """The issue form's boxes in order: the worksheet's questions, one box per component, in the builder's language."""
    bases = "; ".join(f"“{b.name}” {b.when}" for b in fw.bases if b.when)
    labels = dict(component_parts())
    parts = ", ".join(f"“{label}:”" for label in labels.values())
    component = _("{definition} Leave empty if you did not see it at work. Parts, each on its own: {parts}. For where the "
                  "account comes from, write {bases}; a cited source goes after “{source}:”.")
    fields = [IssueField("title", _("Title"), "input", _("A few words a colleague would recognise the story by."), required=True)]
    fields += [IssueField(f, fw.facts[f].label, "textarea", fw.facts[f].hint, required=i < 2) for i, f in enumerate(FACTS)]
    fields += [
        IssueField("levels", _("Levels where the work happened"), "textarea",
                   _("One a line, from: {names}.").format(names=", ".join(lv.name for lv in fw.levels))),
        IssueField("roles", _("Roles involved"), "textarea",
                   _("One a line, from: {names}.").format(names=", ".join(r.name for r in fw.roles))),
        IssueField("trajectory", _("How far the work has gone"), "input",
                   _("One of: {names}.").format(names=", ".join(t.name for t in fw.trajectories))),
    ]
    fields += [IssueField(c.id, c.name, "textarea",
                          component.format(definition=c.definition, parts=parts, bases=bases, source=labels["source"]))
               for c in fw.components]
    fields += [
        IssueField("name", _("Your name, as it should be credited"), "input",
                   _("As it should appear on the scenario and the contributors' page.")),
        IssueField("pseudonyms", _("Invented names in the account"), "textarea",
                   _("Names you made up to tell the story (pseudonyms), one a line: the privacy check leaves them alone.")),
        IssueField("draft", _("The scenario draft (optional)"), "textarea",
                   _("If you downloaded the draft from the worksheet, paste its text here; otherwise leave this empty.")),
        IssueField("consent", _("Consent"), "dropdown", options=tuple(text for _key, text in consent_answers()), required=True),
        IssueField("deidentified", _("Before you share: de-identification"), "checkboxes",
                   options=tuple(t for _k, t in deidentify(fw)), required=True),
    ]
    return fields


def licence_label() -> str:
    """The label of the form's licence box, which only the form has (the person submitting ticks it there)."""
    return _("Licence")


def form_yaml(fw: Framework) -> str:
    """The issue form as GitHub reads it, from `issue_fields` (and the licence box, ticked in the form only)."""
    roles = _example_roles(fw)
    intro = (_("Thank you for sharing your team's account. If you used the handbook's worksheet, its button “Open the "
               "form” has filled in the text boxes for you; otherwise its “Show the text for the form” gives each box's "
               "text to copy. Please write roles ({roles}), never names of people or places: this issue is public.")
             .format(roles=roles) if roles else
             _("Thank you for sharing your team's account. If you used the handbook's worksheet, its button “Open the "
               "form” has filled in the text boxes for you; otherwise its “Show the text for the form” gives each box's "
               "text to copy. Please write roles, never names of people or places: this issue is public."))
    body: list[dict] = [{"type": "markdown", "attributes": {"value": intro}}]
    for f in issue_fields(fw):
        attributes: dict = {"label": f.label}
        if f.description:
            attributes["description"] = f.description
        if f.kind == "dropdown":
            attributes["options"] = list(f.options)
        elif f.kind == "checkboxes":
            attributes["options"] = [{"label": o, "required": f.required} for o in f.options]
        item: dict = {"type": f.kind, "id": f.id, "attributes": attributes}
        if f.required and f.kind != "checkboxes":
            item["validations"] = {"required": True}
        body.append(item)
    agree = _("I agree to publish this account under {licence}.").format(licence=fw.licence.name)
    body.append({"type": "checkboxes", "id": "licence", "attributes": {"label": licence_label(), "options": [
        {"label": agree, "required": True}]}})
    form = {"name": _("Propose a scenario"),
            "description": _("Share your team's account; a maintainer will help turn it into a scenario page. No code needed."),
            "title": _("Scenario:") + " ", "labels": [LABEL], "body": body}
    header = "# Generated by `python -m glassbox_handbook issue-form` from the framework file and the front-matter model.\n"
    return header + yaml.safe_dump(form, sort_keys=False, allow_unicode=True, width=100)
