"""The diagram drawn from the framework file, the bibliography read once, and the search-index merge."""

from __future__ import annotations

import re
from pathlib import Path

from glassbox_handbook.core.diagram import framework_diagram
from glassbox_handbook.domain import loader
from glassbox_handbook.web.search_merge import merge
from toy import FW, page_of, parsed

ROOT = Path(__file__).parents[1] / "roots" / "test-basic"


def svg_of(**kwargs) -> str:
    return "".join(n.astext() for n in framework_diagram(FW, lambda d, a: f"{d}#{a}", **kwargs)[0].findall()
                   if n.tagname == "raw")


def test_the_core_and_what_sits_above_come_from_the_framework_file():
    svg = svg_of()
    # Toy framework: its core is beta, gamma, alpha, drawn from left to right (gamma as the triangle between).
    assert svg.index("Beta at the Top pair level") < svg.index("Gamma at the Top pair level") < svg.index(
        "Alpha at the Top pair level")
    assert 'aria-label="One idea"' in svg  # `diagram.above`
    assert svg_of(compact=True).count('aria-label="Delta"') == 1  # outside the core: once, in the band below the levels


def test_one_link_per_component_per_level_and_the_text_alternative_has_the_same():
    figure = framework_diagram(FW, lambda d, a: f"{d}#{a}")[0]
    svg = svg_of()
    core_links = re.findall(r'aria-label="(\w+) at the (\w+ pair) level"', svg)
    assert len(core_links) == 3 * len(FW.levels)
    alt = [r["refuri"] for r in figure.findall(lambda n: n.tagname == "reference")]
    assert {"components/alpha#", "components/beta#", "components/gamma#", "components/delta#"} <= set(alt)


def test_a_scenario_highlights_what_it_enacts_and_says_so_in_words():
    page = page_of(parsed())
    svg = svg_of(highlight=page.scenario, sections=page.sections)
    assert "Alpha at the Top pair level: enacted in this scenario" in svg
    assert "Gamma at the Top pair level: not enacted here" in svg


def test_the_bibliography_is_read_once_per_build_and_formatted_for_print(monkeypatch):
    loader.forget()
    calls = []
    from pybtex import database

    real = database.parse_file
    monkeypatch.setattr(database, "parse_file", lambda *a, **k: calls.append(a) or real(*a, **k))
    first = loader.bibliography([ROOT / "refs.bib"])
    again = loader.bibliography([ROOT / "refs.bib"])
    assert first is again and len(calls) == 1
    entry = first["doe2020"]
    loader.format_references(["doe2020"])
    assert entry.label.startswith("Doe") and "2020" in entry.label and entry.title and entry.text.startswith("Jane Doe")
    loader.forget()
    loader.bibliography([ROOT / "refs.bib"])
    assert len(calls) == 2, "forget() makes the next build read the file again"


def test_search_parts_merge_by_docname_into_one_index():
    a = {"docnames": ("a", "c"), "filenames": ["a.md", "c.md"], "titles": ("A", "C"), "terms": {"x": 0, "y": [0, 1]},
         "titleterms": {"a": 0}, "alltitles": {"A": [(0, None)], "Sub": [(1, "sub")]}, "envversion": 1, "objects": {}}
    b = {"docnames": ("b",), "filenames": ["b.md"], "titles": ("B",), "terms": {"x": 0, "z": 0, "gone": []},
         "titleterms": {}, "alltitles": {"Sub": [(0, "sub")]}, "envversion": 1, "objects": {}}
    merged = merge([a, None, b])
    assert merged["docnames"] == ("a", "b", "c") and merged["titles"] == ("A", "B", "C")
    assert merged["terms"] == {"x": [0, 1], "y": [0, 2], "z": 1, "gone": []}
    assert merged["alltitles"] == {"A": [(0, None)], "Sub": [(1, "sub"), (2, "sub")]}
    assert merge([None]) is None


def test_a_mistake_in_the_framework_file_is_reported_at_its_line(tmp_path):
    from glassbox_handbook.core.framework import load_framework
    from glassbox_handbook.core.problems import ProblemList

    text = (ROOT / "framework.yaml").read_text()
    broken = tmp_path / "framework.yaml"
    original = next(row for row in text.splitlines() if row.startswith("  close: {title:"))
    broken.write_text(text.replace(original, "  close: Next steps"))
    line = next(i for i, row in enumerate(broken.read_text().splitlines(), 1) if row == "  close: Next steps")
    try:
        load_framework(broken)
    except ProblemList as exc:
        assert str(exc).startswith(f"{broken}:{line}:10: `workshop.close` must be a group of fields")
    else:
        raise AssertionError("the broken framework file was accepted")
