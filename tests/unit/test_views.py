"""Each generated view, rendered from a hand-made domain: web, print and brief, and what it depends on."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from docutils import nodes
from glassbox_handbook.views import PRINT, WEB, Slices, registry
from toy import BRIEF, FW, context, corpus, page_of, parsed, placeholder  # tests/toy.py


def text(result: list[nodes.Node]) -> str:
    return " ".join(n.astext() for n in result)


@pytest.mark.parametrize("name", sorted(registry()))
@pytest.mark.parametrize("options", [WEB, PRINT, BRIEF], ids=["web", "print", "brief"])
def test_every_view_renders_nodes_in_every_medium(name, options):
    view = registry()[name]
    target = {"enacted-in": "alpha", "crosswalk-table": ""}.get(name, "")
    result = view.render(context(corpus(), options, docname="scenarios/first"), placeholder(name, target))
    assert isinstance(result, list) and all(isinstance(n, nodes.Node) for n in result)


def test_matrix_marks_a_gap_and_its_brief_print_leaves_summaries_out():
    view = registry()["glassbox-matrix"]
    full = text(view.render(context(corpus()), placeholder("glassbox-matrix")))
    assert "FIRST-ALPHA summary." in full and "Gap: not enacted" in full
    brief = text(view.render(context(corpus(), BRIEF), placeholder("glassbox-matrix")))
    assert "FIRST-ALPHA summary." not in brief and "in brief" in brief


def test_backlinks_name_the_scenarios_that_enact_a_component_or_use_a_concept():
    view = registry()["enacted-in"]
    component = view.render(context(corpus()), placeholder("enacted-in", "alpha"))
    assert "FIRST-ALPHA summary." in text(component)
    links = [r["refuri"] for r in component[0].findall(nodes.reference)]
    assert "scenarios/first.html#alpha" in links
    concept = text(view.render(context(corpus()), placeholder("enacted-in", "one-idea")))
    assert "First scenario" in concept or "first" in concept.lower()
    nothing = text(view.render(context(corpus()), placeholder("enacted-in", "delta")))
    assert "No scenario in this handbook enacts this component yet" in nothing


def test_problems_table_in_brief_keeps_only_the_first_column():
    view = registry()["problems-table"]
    full = view.render(context(corpus()), placeholder("problems-table"))
    brief = view.render(context(corpus(), BRIEF), placeholder("problems-table"))
    assert len(list(full[0].findall(nodes.colspec))) == 4 and len(list(brief[0].findall(nodes.colspec))) == 1


def test_web_only_views_print_nothing():
    for name in ("scenario-downloads", "scenario-worksheet"):
        view = registry()[name]
        assert view.render(context(corpus()), placeholder(name))
        assert view.render(context(corpus(), PRINT), placeholder(name)) == []


def test_the_explorer_prints_as_the_plain_list():
    view = registry()["scenario-explorer"]
    web = view.render(context(corpus()), placeholder("scenario-explorer"))
    printed = view.render(context(corpus(), PRINT), placeholder("scenario-explorer"))
    # On the web it is kept out of the search index: each scenario is found on its own page.
    assert "no-search" in web[0]["classes"] and "gb-explorer-data" in web[0].astext()
    assert isinstance(printed[0], nodes.bullet_list)


def test_crosswalk_table_lists_items_with_their_components_and_scenarios():
    fw = type(FW).model_validate({**FW.model_dump(), "crosswalks": [{"id": "toy-walk", "name": "Toy Essentials", "source": "doe2020",
                                               "purpose": "Differs.", "items": [
                                                   {"id": "one", "label": "Essential 1", "name": "First thing",
                                                    "summary": "About the first thing.", "components": ["alpha"],
                                                    "concepts": ["one-idea"], "scenarios": ["first"]}]}]})
    result = registry()["crosswalk-table"].render(context(corpus(), fw=fw), placeholder("crosswalk-table", "toy-walk"))
    shown = text(result)
    assert "Essential 1" in shown and "Alpha" in shown and "One idea" in shown and "interpretation" in shown
    assert parsed().meta.title in shown


def test_dependencies_change_only_with_what_a_view_shows():
    views = registry()
    before = corpus()
    after = corpus()
    first = after.pages["scenarios/first"]
    changed = first._replace(sections=tuple(s._replace(summary="EDITED") if s.component == "beta" else s
                                            for s in first.sections))
    after.pages["scenarios/first"] = changed
    component_page = page_of(parsed())._replace(views=())

    def shown(domain, view, target):
        page = component_page._replace(views=(SimpleNamespace(kind=view, target=target),))
        return views[view].depends(Slices(FW, domain), "components/x", page)

    assert shown(before, "glassbox-matrix", "") != shown(after, "glassbox-matrix", "")
    assert shown(before, "enacted-in", "beta") != shown(after, "enacted-in", "beta")
    assert shown(before, "enacted-in", "alpha") == shown(after, "enacted-in", "alpha")
    assert views["framework-glossary"].depends is None  # the framework file alone
