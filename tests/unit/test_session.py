"""Session plans: from the scenario's own content, adding up exactly, for any scenario."""

from __future__ import annotations

from pathlib import Path

import pytest
from glassbox_handbook.core.framework import load_framework
from glassbox_handbook.core.session import plan_session
from toy import FW, page_of, parsed

PROJECT = Path(__file__).parents[2]
HANDBOOK = load_framework(PROJECT / "handbook" / "framework.yaml")


@pytest.mark.parametrize("minutes", [60, 90])
def test_every_plan_adds_up_to_its_length_exactly(minutes):
    plan = plan_session(FW, page_of(parsed()), minutes)
    assert sum(a.minutes for a in plan.activities) == minutes
    assert [a.start for a in plan.activities] == [0, *(a.end for a in plan.activities[:-1])]
    assert all(a.minutes > 0 for a in plan.activities)


def test_sections_from_a_source_come_first_and_the_rule_is_stated():
    page = page_of(parsed())  # alpha is reported, beta interpretation
    plan = plan_session(FW, page, 60)
    assert plan.focus[0] == "alpha" and "2 in 60 minutes" in plan.rule


def test_a_facilitator_can_choose_components_and_prompts():
    page = page_of(parsed())
    prompt = next(p for p in page.prompts if p.component == "beta")
    plan = plan_session(FW, page, 90, components=["beta"], prompt_ids=[prompt.id])
    assert plan.focus == ("beta",) and plan.prompts == (prompt,) and "chose" in plan.rule
    assert sum(a.minutes for a in plan.activities) == 90


def test_a_scenario_with_one_component_gets_fewer_longer_activities():
    page = page_of(parsed())
    one = page._replace(sections=page.sections[:1])
    plan = plan_session(FW, one, 90)
    component = [a for a in plan.activities if a.kind == "component"]
    assert len(component) == 1 and component[0].minutes == 90 - 10 - 10 - 15 - 15
    assert all(a.title and a.what for a in plan.activities)


def test_gaps_only_where_there_are_gaps():
    page = page_of(parsed())
    assert any(a.kind == "gaps" for a in plan_session(FW, page, 60).activities)  # gamma and delta are missing
    real = load_scenario("special-education")
    kinds = [a.kind for a in plan_session(HANDBOOK, real, 60).activities]
    assert "gaps" not in kinds and "strengths" in kinds  # it enacts every component


def load_scenario(name: str):
    from glassbox_handbook.core.scenario import parse_scenario
    from toy import page_of as record

    text = (PROJECT / "scenarios" / f"{name}.md").read_text()
    result = parse_scenario(text, f"scenarios/{name}.md", HANDBOOK, None)
    assert result.problems == []
    return record(result.scenario)


def test_a_length_the_framework_does_not_offer_is_refused():
    with pytest.raises(ValueError, match="60 or 90"):
        plan_session(FW, page_of(parsed()), 45)


def test_the_workshop_pages_session_outline_adds_up_at_every_length():
    from docutils import nodes
    from glassbox_handbook.domain import nodes as gb
    from glassbox_handbook.views import registry
    from toy import context, corpus

    for fw in (FW, HANDBOOK):
        [wrapper] = registry()["session-outline"].render(context(corpus(), fw=fw), gb.glassbox_view(kind="session-outline", target="", scenario=""))
        rows = [[entry.astext() for entry in row.findall(nodes.entry)] for row in wrapper.findall(nodes.row)][1:]
        for column, minutes in enumerate(fw.workshop.lengths, start=1):
            assert sum(int(row[column]) for row in rows) == minutes


@pytest.mark.parametrize("minutes", [60, 90])
def test_every_step_has_its_words_and_a_one_line_brief_for_a_plan_table(minutes):
    real = load_scenario("special-education")
    for fw, page in ((FW, page_of(parsed())), (HANDBOOK, real)):
        for act in plan_session(fw, page, minutes).activities:
            assert act.title and act.what and act.brief, act
            assert "{" not in act.what + act.brief + act.read_aloud + act.listen_for, act  # every name filled in
    words = {a.kind: a for a in plan_session(HANDBOOK, real, minutes).activities}
    assert len(words["close"].brief) < len(words["close"].what) and words["close"].read_aloud
    assert real.scenario.primary_focus in words["diagram"].read_aloud
