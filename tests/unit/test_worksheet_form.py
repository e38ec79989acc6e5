"""The worksheet and the "Propose a scenario" issue form ask the same questions, so a team can paste one into the other.

No browser and no build: the worksheet's markup comes from `scenario_worksheet`,
the form from .github/ISSUE_TEMPLATE/propose-scenario.yml as GitHub reads it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from glassbox_handbook import words
from glassbox_handbook.core.framework import load_framework
from glassbox_handbook.core.frontmatter import FACTS
from glassbox_handbook.core.issue_form import component_parts, form_yaml
from glassbox_handbook.core.skeleton import skeleton
from glassbox_handbook.views.worksheet import ISSUE_FORM, issue_fields, scenario_worksheet

PROJECT = Path(__file__).parents[2]
SCAFFOLD = PROJECT / "builder" / "glassbox_handbook" / "cli" / "scaffold"
LANGUAGES = sorted(d.name for d in SCAFFOLD.iterdir() if d.is_dir() and d.name != "__pycache__")
FW = load_framework(PROJECT / "handbook" / "framework.yaml")
FORM_ONLY = {"licence"}  # agreed in the form itself, when the team submits it


def _form() -> list[dict]:
    body = yaml.safe_load((PROJECT / ISSUE_FORM).read_text(encoding="utf-8"))["body"]
    return [item for item in body if item.get("id") and item["id"] not in FORM_ONLY]


def _worksheet_html() -> str:
    return scenario_worksheet(FW)[0].astext()


def test_the_issue_form_has_the_worksheet_boxes_in_the_worksheet_order() -> None:
    form = _form()
    on_page = re.findall(r'data-issue-field="([^"]+)"', _worksheet_html())
    assert [item["id"] for item in form] == on_page == [f.id for f in issue_fields(FW)]


def test_the_form_file_is_the_one_generated_from_the_framework_and_the_front_matter_model() -> None:
    assert (PROJECT / ISSUE_FORM).read_text(encoding="utf-8") == form_yaml(FW)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_new_projects_form_is_the_one_generated_from_its_framework_file_in_its_language(language):
    """Write it again, after a change to the scaffold's framework file or to the form's words, with
    `glassbox-handbook new /tmp/p --language <language> && cd /tmp/p && glassbox-handbook issue-form`."""
    words.use_language(language)
    try:
        wanted = form_yaml(load_framework(SCAFFOLD / language / "framework.yaml"))
    finally:
        words.use_language("en")
    assert (SCAFFOLD / language / "dot-github" / ISSUE_FORM.relative_to(".github")).read_text(encoding="utf-8") == wanted


def test_the_spanish_form_says_none_of_the_english_forms_words():
    """Every label, description and option the builder writes is Spanish in the Spanish project's form."""
    def texts(language: str) -> set[str]:
        form = yaml.safe_load((SCAFFOLD / language / "dot-github" / ISSUE_FORM.relative_to(".github")).read_text())
        found = {form["name"], form["description"], form["title"]}
        for item in form["body"]:
            attributes = item["attributes"]
            found |= {attributes.get("label", ""), attributes.get("description", ""), attributes.get("value", "")}
            found |= {o["label"] if isinstance(o, dict) else o for o in attributes.get("options", [])}
        return found - {""}
    english, spanish = texts("en"), texts("es")
    assert len(english) > 20 and english & spanish == set()
    words.use_language("es")
    try:
        said = " ".join(spanish)
        assert all(f"“{label}:”" in said for _key, label in component_parts())
    finally:
        words.use_language("en")


def test_the_drafts_comments_are_in_the_projects_language():
    """The scenario file the worksheet's draft, `from-issue` and `new-scenario` write explains itself in comments:
    in a Spanish project, every one but the editor's schema line and the ORCID example is Spanish."""
    fw = load_framework(SCAFFOLD / "es" / "framework.yaml")

    def comments(language: str) -> set[str]:
        words.use_language(language)
        try:
            document = skeleton(fw).document
        finally:
            words.use_language("en")
        return {line for line in document.splitlines()  # comments: not the page's heading, "# {{title}}"
                if line.startswith(("#", "%")) and re.search(r"[a-z]", line) and "{{" not in line}

    english, spanish = comments("en"), comments("es")
    assert len(english) > 30
    assert english & spanish == {"# yaml-language-server: $schema=scenario.schema.json", "#     orcid: 0000-0002-1825-0097"}


def test_each_box_has_the_worksheet_label_and_type_and_every_answer_can_be_filled_by_the_address() -> None:
    for item, field in zip(_form(), issue_fields(FW), strict=True):
        assert item["type"] == field.kind, field.id
        assert item["attributes"]["label"] == field.label, field.id
    # GitHub fills text boxes from the address, never dropdowns or checkboxes: only consent and the checklist are ticked there
    assert {f.id for f in issue_fields(FW) if not f.prefilled} == {"consent", "deidentified"}


def test_the_boxes_name_the_framework_choices_and_the_facts_of_the_model() -> None:
    fields = {f.id: f for f in issue_fields(FW)}
    assert all(lv.name in fields["levels"].description for lv in FW.levels)
    assert all(r.name in fields["roles"].description for r in FW.roles)
    assert all(t.name in fields["trajectory"].description for t in FW.trajectories)
    assert all(b.name in fields[FW.components[0].id].description for b in FW.bases if b.when)
    assert [f.id for f in issue_fields(FW)][1:1 + len(FACTS)] == list(FACTS)
    assert [f.id for f in issue_fields(FW) if f.id in FW.component_by_id] == [c.id for c in FW.components]


def test_a_first_hand_account_has_a_basis_of_its_own_distinct_from_the_paper() -> None:
    first = FW.basis_by_id["first-hand"]
    assert first.credited and not first.cited and first.name != FW.basis_by_id["reported"].name
    html = _worksheet_html()
    assert 'value="first-hand"' in html and f'id="ws-{FW.components[0].id}-source"' in html


def test_every_deidentification_box_must_be_ticked_in_the_form() -> None:
    box = next(item for item in _form() if item["id"] == "deidentified")
    assert all(o.get("required") for o in box["attributes"]["options"])


def test_nothing_is_ticked_or_chosen_for_the_team() -> None:
    html = _worksheet_html().split("<script", 1)[0]
    assert not re.search(r"<input[^>]* checked", html) and " selected" not in html
    assert re.findall(r'type="radio" name="([^"]+)"', html)  # trajectory, consent and every basis are radios, all empty


def test_the_worksheet_page_reads_as_a_document_for_the_team() -> None:
    text = (PROJECT / "handbook" / "worksheet.md").read_text(encoding="utf-8")
    words = re.sub(r"```.*?```", "", text, flags=re.S).lower()
    for jargon in ("yaml", "pull request", "python -m glassbox_handbook", "front matter", "command line", "terminal"):
        assert jargon not in words.split("## for people who use github")[0], jargon
    assert "propose a scenario" in words
