"""Levels as a free list, sides declared once (or not at all), and a diagram that draws what the file says:
any number of levels, a level with two sides drawn as two organizations joined, one without as one, and a
core of one to four components (no build here)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from glassbox_handbook.core.diagram import _svg, framework_diagram
from glassbox_handbook.core.diagram_narrow import svg_narrow
from glassbox_handbook.core.framework import Framework, load_framework
from glassbox_handbook.core.problems import ProblemList

ROOT = Path(__file__).parents[1] / "roots" / "test-basic"
TOY = yaml.safe_load((ROOT / "framework.yaml").read_text())


def uri(doc: str, anchor: str) -> str:
    return f"{doc}#{anchor}"


def one_organization(levels: int = 3, core: int | None = None) -> Framework:
    """The toy framework as one organization: no sides, roles without one, `levels` levels, no base framework."""
    data = yaml.safe_load((ROOT / "framework.yaml").read_text())
    del data["sides"], data["base_levels"]
    data["levels"] = [{"id": f"level-{i}", "name": f"Tier {i}"} for i in range(levels)]
    data["roles"] = [{k: v for k, v in r.items() if k != "side"} for r in data["roles"]]
    for room in data["workshop"]["rooms"]:
        room.pop("sides", None)
    if core is None:
        data.pop("diagram")
    else:
        data["diagram"] = {"core": [c["id"] for c in data["components"]][:core]}
    return Framework.model_validate(data)


def write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "framework.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return path


def test_a_framework_of_one_organization_needs_no_sides_and_its_roles_are_in_every_room():
    fw = one_organization()
    assert [lv.name for lv in fw.levels] == ["Tier 0", "Tier 1", "Tier 2"]
    assert fw.absent(fw.workshop.rooms[1], ["teacher", "leader"]) == []
    assert all(fw.paired(lv) is None for lv in fw.levels)


def test_a_room_of_one_side_leaves_out_the_roles_of_the_other():
    fw = load_framework(ROOT / "framework.yaml")
    assert fw.absent(fw.room("school"), ["teacher", "leader"]) == ["leader"]
    assert fw.room_sides(fw.room("mixed")) == ["school", "university"]
    assert fw.paired(fw.levels[0]) == ("Top", "Upper")


@pytest.mark.parametrize("edit, where, words", [
    (lambda d: d["levels"][1]["sides"].update(middle="Someone"), "levels.1.sides.middle", "unknown side 'middle'"),
    (lambda d: d["levels"][0].update(base="nowhere"), "levels.0.base", "unknown base level 'nowhere'"),
    (lambda d: d["roles"][1].pop("side"), "roles.1.side", "needs a `side`: one of school, university, or both"),
    (lambda d: d["workshop"]["rooms"][1].update(sides=["museum"]), "workshop.rooms.1.sides", "unknown side 'museum'"),
    (lambda d: d["diagram"].update(core=["beta", "omega"]), "diagram.core.1", "unknown component 'omega'"),
])
def test_a_part_that_names_what_the_file_does_not_declare_is_reported_at_its_own_line(tmp_path, edit, where, words):
    data = yaml.safe_load((ROOT / "framework.yaml").read_text())
    edit(data)
    path = write(tmp_path, data)
    with pytest.raises(ProblemList) as caught:
        load_framework(path)
    [problem] = caught.value.problems
    assert f"`{where}`" in problem.message and words in problem.message, problem
    assert problem.line > 1  # the line of the value at fault, not the top of the file


def test_levels_are_a_list_and_the_old_shape_is_refused(tmp_path):
    data = yaml.safe_load((ROOT / "framework.yaml").read_text())
    data["levels"] = {"paired": data["levels"], "base": data.pop("base_levels")}
    with pytest.raises(ProblemList, match="`levels` must be a list"):
        load_framework(write(tmp_path, data))


def test_each_level_is_drawn_once_as_one_organization_or_two_joined():
    sided = load_framework(ROOT / "framework.yaml")
    wide = _svg(sided, uri, True, None, {}, None)
    assert wide.count('class="gb-org"') == 2 * len(sided.levels)  # two organizations joined at every level
    assert 'aria-label="Top – Upper level"' in wide
    single = one_organization(levels=3)
    for svg in (_svg(single, uri, True, None, {}, None), svg_narrow(single, uri, True, None, {}, None)):
        assert len(re.findall(r'<g class="gb-level" data-level="level-\d">', svg)) == 3
        assert svg.count('class="gb-org"') == 3
        assert [f"Tier {i} level" for i in range(3)] == re.findall(r'aria-label="(Tier \d level)"', svg)


@pytest.mark.parametrize("core", [1, 2, 3, 4])
def test_every_component_of_the_core_is_drawn_at_every_level_and_the_rest_once_below(core):
    fw = one_organization(levels=2, core=core)
    names = {c.id: c.name for c in fw.components}
    for svg in (_svg(fw, uri, True, None, {}, None), svg_narrow(fw, uri, True, None, {}, None)):
        for cid in fw.core:
            assert len(re.findall(rf'aria-label="{names[cid]} at the Tier \d level"', svg)) == 2, (core, cid)
        for comp in fw.around_core:
            assert svg.count(f'aria-label="{comp.name}"') == 1
        assert svg.count("stroke-dasharray") == 1  # one dashed link between the two levels


def test_without_a_diagram_key_the_first_groups_components_are_the_core():
    fw = one_organization(core=None)
    first = fw.components[0].group
    assert fw.core == tuple(c.id for c in fw.components if c.group == first)


def test_the_caption_and_text_version_say_what_the_file_describes():
    fw = one_organization(levels=3, core=2)
    figure = framework_diagram(fw, uri)[0]
    text = figure.astext()
    assert "3 levels, each with Alpha and Beta." in text
    assert "Tier 0: Alpha and Beta, linked both ways" in text
    assert "gb-base-figure" not in str(figure)  # no framework it grew from: no second drawing
    assert "gb-base-figure" in str(framework_diagram(load_framework(ROOT / "framework.yaml"), uri)[0])
