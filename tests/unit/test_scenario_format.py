"""The scenario format: every kind of bad input gets file, line, what and how to fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from glassbox_handbook.core.framework import load_framework
from glassbox_handbook.core.scenario import parse_scenario

ROOT = Path(__file__).parents[1] / "roots" / "test-basic"
FW = load_framework(ROOT / "framework.yaml")
KEYS = {"doe2020"}
GOOD = (ROOT / "scenarios" / "first.md").read_text()


def problems(text: str, name: str = "scenarios/first.md") -> list[str]:
    return [str(p) for p in parse_scenario(text, name, FW, KEYS).problems]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if needle in line)


def test_valid_scenario_parses_into_sections_prompts_and_terms():
    parsed = parse_scenario(GOOD, "scenarios/first.md", FW, KEYS)
    assert parsed.problems == []
    s = parsed.scenario
    assert s.meta.id == "first" and s.components == ("alpha", "beta")
    assert s.sections[0].enactment.summary == "FIRST-ALPHA summary." and s.sections[0].enactment.basis == "reported"
    assert [p.roles for p in s.sections[1].prompts] == [("leader", "teacher")]
    assert s.sections[1].terms == ("one-idea",)


def test_bad_yaml_reports_line_and_how_to_fix():
    text = GOOD.replace("primary_focus: Fitting things.", "primary_focus: [unclosed")
    [msg] = problems(text)
    assert msg.startswith("scenarios/first.md:") and "not valid YAML" in msg and "quotes" in msg


def test_unknown_level_says_did_you_mean():
    text = GOOD.replace("levels: [top-pair]", "levels: [top-piar]")
    [msg] = problems(text)
    assert msg.startswith(f"scenarios/first.md:{line_of(text, 'levels:')}:")
    assert "unknown level 'top-piar'" in msg and "did you mean 'top-pair'?" in msg


def test_missing_field_is_named_with_the_fix():
    text = GOOD.replace("primary_focus: Fitting things.\n", "")
    [msg] = problems(text)
    assert "required field `primary_focus` is missing" in msg and "add `primary_focus:`" in msg


def test_wrong_type_is_explained_in_plain_words():
    text = GOOD.replace("roles: [teacher, leader]", "roles: teacher")
    [msg] = problems(text)
    assert f":{line_of(text, 'roles: teacher')}:" in msg and "`roles` must be a list" in msg


def test_section_naming_no_component_says_did_you_mean():
    text = GOOD.replace("## Beta", "## Betta")
    msgs = problems(text)
    assert any(f"scenarios/first.md:{line_of(text, '## Betta')}:1: the section 'Betta' names no component" in m
               and "did you mean 'Beta'?" in m for m in msgs)


def test_component_section_needs_summary_and_prompt():
    text = GOOD.replace(":::{design-prompt}\n:roles: teacher\nFirst alpha prompt?\n:::\n", "")
    [msg] = problems(text)
    assert "'Alpha' has no design prompt" in msg
    text = GOOD.replace(":::{enactment}\n:basis: reported\nFIRST-ALPHA summary.\n:::\n", "")
    assert any("'Alpha' has no {enactment} summary" in m for m in problems(text))


def test_unknown_basis_role_term_and_citation_are_refused():
    text = (GOOD.replace(":basis: reported", ":basis: reportd").replace(":roles: teacher\n", ":roles: teachr\n")
            .replace("{concept}`single idea`", "{concept}`singel idea`").replace("{cite:p}`doe2020`", "{cite:p}`doe2021`"))
    msgs = "\n".join(problems(text))
    assert "did you mean 'reported'?" in msgs
    assert "unknown role 'teachr'" in msgs and "did you mean 'teacher'?" in msgs
    assert "names no concept" in msgs and "did you mean 'single idea'?" in msgs
    assert "unknown bibliography key 'doe2021'" in msgs and "did you mean 'doe2020'?" in msgs


def test_id_must_match_file_name():
    [msg] = problems(GOOD, "scenarios/other.md")
    assert "differs from the file name 'other'" in msg


@pytest.mark.parametrize("snippet, expected", [
    ("<script>alert(1)</script>\n", "raw HTML"),
    ("Text with <b>bold</b>.\n", "raw HTML"),
    ("```{raw} html\n<script>x</script>\n```\n", "{raw} is not allowed"),
    ("```{include} ../conf.py\n```\n", "{include} is not allowed"),
    ("```{eval-rst}\n.. raw:: html\n```\n", "{eval-rst} is not allowed"),
    (":::{note}\n```{literalinclude} /etc/passwd\n```\n:::\n", "{literalinclude} is not allowed"),
    ("[click](data:text/html;base64,PHNjcmlwdD4=)\n", "`data:`"),
    ("![x](https://example.org/x.png)\n", "not a file in scenarios/"),
    ("![x](../../conf.png)\n", "points outside scenarios/"),
])
def test_untrusted_content_is_refused(snippet, expected):
    text = GOOD.replace("Body.\n", f"Body.\n\n{snippet}")
    msgs = problems(text)
    assert any(expected in m for m in msgs), msgs
    assert all(m.startswith("scenarios/first.md:") for m in msgs)


def test_oversize_file_is_refused():
    [msg] = problems(GOOD + "x" * 300_000)
    assert "over the 195 KB limit" in msg
