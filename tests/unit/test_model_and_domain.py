"""The typed model and the domain that keeps it: parsed once, purged and merged by docname."""

from __future__ import annotations

import pickle

import pytest
from glassbox_handbook.core.model import Page, Scenario, ViewUse
from pydantic import ValidationError
from toy import domain_with, page_of, parsed  # tests/toy.py


def test_a_scenario_is_parsed_once_into_frozen_typed_records():
    scenario = parsed()
    assert isinstance(scenario, Scenario) and isinstance(scenario.sections, tuple)
    assert scenario.components == ("alpha", "beta")
    assert scenario.prompts == tuple(p for s in scenario.sections for p in s.prompts)
    with pytest.raises(ValidationError):
        scenario.meta.title = "changed"  # the front matter model is frozen
    with pytest.raises(AttributeError):
        scenario.sections[0].title = "changed"  # NamedTuple


def test_page_records_survive_the_environment_pickle():
    page = page_of(parsed())
    assert pickle.loads(pickle.dumps(page)) == page


def test_clear_doc_forgets_the_page_and_its_problems():
    domain = domain_with(first=page_of(parsed()))
    domain.problems["scenarios/first"] = ["a problem"]
    domain.clear_doc("scenarios/first")
    assert domain.pages == {} and domain.problems == {}


def test_merge_takes_only_the_documents_the_worker_read():
    main = domain_with(first=page_of(parsed()))
    worker = domain_with(second=page_of(parsed(), title="Second"), other=page_of(parsed(), title="Not mine"))
    worker.problems["scenarios/broken"] = ["problem"]
    main.merge_domaindata({"scenarios/second", "scenarios/broken"}, worker.data)
    assert set(main.pages) == {"scenarios/first", "scenarios/second"}
    assert main.problems == {"scenarios/broken": ["problem"]}


def test_scenarios_come_in_title_order_and_pages_without_a_scenario_are_left_out():
    domain = domain_with(b=page_of(parsed(), title="beta story"), a=page_of(parsed(), title="Alpha story"))
    domain.pages["handbook/intro"] = Page("Intro", None, (), (), (), (ViewUse("glassbox-matrix", ""),))
    assert [p.scenario.title for _, p in domain.scenarios()] == ["Alpha story", "beta story"]


def test_a_page_knows_its_sections_by_component():
    page = page_of(parsed())
    assert page.section_for("alpha").summary == "FIRST-ALPHA summary."
    assert page.section_for("delta") is None
