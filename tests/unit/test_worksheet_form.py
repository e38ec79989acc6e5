"""The worksheet and the "Propose a scenario" issue form ask the same questions, so a team can paste one into the other.

No browser and no build: the worksheet's markup comes from `scenario_worksheet`,
the form from .github/ISSUE_TEMPLATE/propose-scenario.yml as GitHub reads it.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from glassbox_handbook.core.framework import load_framework
from glassbox_handbook.views.worksheet import ISSUE_FORM, issue_fields, scenario_worksheet

PROJECT = Path(__file__).parents[2]
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


def test_each_box_has_the_worksheet_label_type_and_choices() -> None:
    for item, field in zip(_form(), issue_fields(FW), strict=True):
        assert item["type"] == field.kind, field.id
        assert item["attributes"]["label"] == field.label, field.id
        options = item["attributes"].get("options", [])
        assert tuple(o["label"] if isinstance(o, dict) else o for o in options) == field.options, field.id


def test_the_choices_are_the_framework_names() -> None:
    fields = {f.id: f for f in issue_fields(FW)}
    assert fields["levels"].options == tuple(lv.name for lv in FW.levels.paired)
    assert fields["roles"].options == tuple(r.name for r in FW.roles)
    assert fields["trajectory"].options == tuple(t.name for t in FW.trajectories)
    assert [f.id for f in issue_fields(FW) if f.kind == "textarea"][-len(FW.components):] == [c.id for c in FW.components]


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
