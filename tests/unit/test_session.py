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


# -- who is in the room -----------------------------------------------------------------------------


def _university_roles(fw):
    return {r.id for r in fw.roles if r.side == "university"}


@pytest.mark.parametrize("room", ["mixed", "school", "university"])
@pytest.mark.parametrize("minutes", [60, 90])
def test_every_room_gets_a_plan_that_adds_up_with_the_framework_opening(room, minutes):
    page = load_scenario("mentoring")
    plan = plan_session(HANDBOOK, page, minutes, room=room)
    assert plan.room == room and sum(a.minutes for a in plan.activities) == minutes
    assert [a.kind for a in plan.activities][:3] == ["opening", "framework", "diagram"]
    assert all("{" not in a.what + a.brief + a.listen_for for a in plan.activities)


def test_a_school_side_room_is_asked_to_act_only_through_its_own_roles():
    page = load_scenario("mentoring")
    mixed, school = (plan_session(HANDBOOK, page, 60, room=r) for r in ("mixed", "school"))
    away = _university_roles(HANDBOOK)
    asked = school.questions(HANDBOOK)
    assert asked and [q.number for q in asked] == list(range(1, len(asked) + 1))
    for q in asked:
        assert not set(q.roles) & away, q  # "For:" names only roles in the room
        prompt = next(p for p in page.prompts if p.id == q.id)
        if set(prompt.roles) & away:  # a prompt that asks faculty or supervisors to act is put as what the room brings
            assert q.brought and q.text.startswith("Your university partners") and prompt.text in q.text
        else:
            assert not q.brought and q.text == prompt.text
    # the room's words, not the mixed room's: no pairing across institutions in a one-sided room
    words = " ".join(a.what + a.listen_for for a in school.activities)
    assert "school side and the university side" not in words and "different institutions" not in words
    assert "school side and the university side" in " ".join(a.what for a in mixed.activities)
    assert all(not q.brought for q in mixed.questions(HANDBOOK))


def test_a_room_prefers_the_prompts_its_own_people_can_act_on():
    page = load_scenario("mentoring")
    away = _university_roles(HANDBOOK)
    school = plan_session(HANDBOOK, page, 60, room="school")
    for act in school.activities:
        own = [p for p in page.prompts if p.component == act.component]
        fit = [p for p in own if not set(p.roles) & away]
        if act.kind == "component" and len(fit) >= len(act.prompts):
            assert not act.bring, act.title  # enough prompts for the room: none needs reframing


def test_a_component_without_prompts_gets_a_complete_activity_and_a_note():
    page = load_scenario("mentoring")
    bare = page._replace(prompts=tuple(p for p in page.prompts if p.component != "change-facilitators"))
    plan = plan_session(HANDBOOK, bare, 60, components=["change-facilitators"], room="school")
    act = next(a for a in plan.activities if a.component == "change-facilitators")
    assert not act.prompts and act.what == HANDBOOK.workshop.component_open.what.format(
        groups=HANDBOOK.room("school").words["groups"])
    assert any("Change facilitators: no prompt" in n for n in plan.notes)
    assert plan.open_components == ("change-facilitators",)  # the guide says so in the project's language


def test_component_activities_listen_for_that_components_own_signs():
    page = load_scenario("special-education")
    plan = plan_session(HANDBOOK, page, 90)
    for act in (a for a in plan.activities if a.kind == "component"):
        assert act.listen_for == HANDBOOK.component_by_id[act.component].listen
    assert len({a.listen_for for a in plan.activities}) == len(plan.activities)  # no sentence repeats step to step


@pytest.mark.parametrize("edit, message", [
    ("{id: principal, name: Principal, side: school, lens: true}", "roles.1.side"),  # no side at all
    ("{id: principal, name: Principal, side: district, lens: true}", "roles.1.side"),  # a side nobody knows
])
def test_a_role_without_a_known_side_is_a_located_error_in_the_framework_file(tmp_path, edit, message):
    from glassbox_handbook.core.problems import ProblemList

    text = (PROJECT / "handbook" / "framework.yaml").read_text(encoding="utf-8")
    line = "{id: principal, name: Principal, side: school, lens: true}"
    bad = edit if "district" in edit else "{id: principal, name: Principal, lens: true}"
    (tmp_path / "framework.yaml").write_text(text.replace(line, bad), encoding="utf-8")
    with pytest.raises(ProblemList) as caught:
        load_framework(tmp_path / "framework.yaml")
    [problem] = caught.value.problems
    where = text.splitlines().index(next(row for row in text.splitlines() if line in row)) + 1
    assert problem.line == where and message in problem.message, problem


def test_step_words_that_name_nothing_a_room_fills_are_refused(tmp_path):
    from glassbox_handbook.core.problems import ProblemList

    text = (PROJECT / "handbook" / "framework.yaml").read_text(encoding="utf-8")
    (tmp_path / "framework.yaml").write_text(text.replace("{groups} take one prompt each", "{teams} take one prompt each"),
                                             encoding="utf-8")
    with pytest.raises(ProblemList) as caught:
        load_framework(tmp_path / "framework.yaml")
    assert "{teams}" in str(caught.value)
