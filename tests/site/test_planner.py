"""The session planner plans as glassbox_handbook/core/session.py does, and the build places it where leaders find it.

The script (static/gb-planner.js) has its own copy of the algorithm, so these
tests run both on the real handbook, every scenario at both lengths with
awkward choices, and on hostile input, and compare every field of every
activity. tests/test_planner_in_browser.py uses the page itself.
"""

from __future__ import annotations

import json
import pickle
import re
import shutil
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup
from glassbox_handbook.core.framework import load_framework
from glassbox_handbook.core.model import EnactedSection, Page, PagePrompt
from glassbox_handbook.core.session import Activity, SessionPlan, plan_session
from glassbox_handbook.views import Slices, registry
from glassbox_handbook.views.session_planner import planner_data
from toy import FW, domain_with, page_of, parsed

PROJECT = Path(__file__).parents[2]
HANDBOOK = load_framework(PROJECT / "handbook" / "framework.yaml")
PLANNER = "handbook/planner.html"
RUNNER = """
const { readFileSync } = require("node:fs");
require("./builder/glassbox_handbook/web/static/gb-core.js");
const planner = require("./builder/glassbox_handbook/web/static/gb-planner-model.js");
const { data, cases } = JSON.parse(readFileSync(0, "utf8"));
const plans = cases.map(([id, minutes, components, prompts, room]) =>
  planner.planSession(data, data.scenarios.find((s) => s.id === id), minutes, components, prompts, room));
process.stdout.write(JSON.stringify(plans));
"""


def _python(plan: SessionPlan) -> dict:
    """A plan as plain values, every field of every activity; prompts by id."""
    return {"minutes": plan.minutes, "focus": list(plan.focus), "rule": plan.rule, "room": plan.room,
            "activities": [{f: [p.id for p in a.prompts] if f == "prompts" else list(a.bring) if f == "bring" else getattr(a, f)
                            for f in a._fields} for a in plan.activities]}


def _script(plan: dict) -> dict:
    """The script's plan in the same shape: Python's fields, no others, the prompts by id."""
    names = Activity._fields
    return {"minutes": plan["minutes"], "focus": plan["focus"], "rule": plan["rule"], "room": plan["room"],
            "activities": [{f: [p["id"] for p in a["prompts"]] if f == "prompts" else a.get(f) for f in names}
                           for a in plan["activities"]]}


def _run_script(data: dict, cases: list) -> list[dict]:
    assert shutil.which("node"), "Node.js 20 or later is needed: run ./scripts/setup.sh"
    result = subprocess.run(["node", "-e", RUNNER], cwd=PROJECT, input=json.dumps({"data": data, "cases": cases}),
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _cases(page: Page) -> list[tuple[list[str] | None, list[str] | None]]:
    """Choices a facilitator might make, awkward ones included."""
    comps = [s.component for s in page.sections]
    last = [p for p in page.prompts if p.component == comps[-1]]
    other = [p.id for p in page.prompts if p.component == comps[0]][-1:]
    return [
        (None, None),
        (comps[:2], None),
        (comps[:2][::-1], None),
        (comps, None),  # every component: more than 60 minutes have room for, in the scenarios that enact all
        (comps[-1:], [p.id for p in last][-1:]),
        (["no-such-component", comps[0]], [p.id for p in page.prompts if p.component != comps[0]][:1]),
        (None, other + [p.id for p in page.prompts][-2:]),
    ]


def _compare(fw, pages: list[tuple[str, Page]], data: dict) -> int:
    cases, expected = [], []
    for _, page in pages:
        for minutes in fw.workshop.lengths:
            for components, prompts in _cases(page):
                for room in fw.workshop.rooms:  # every room: the prompts' order and wording depend on it
                    cases.append([page.scenario.id, minutes, components or [], prompts or [], room.id])
                    expected.append(_python(plan_session(fw, page, minutes, components, prompts, room.id)))
    got = [_script(p) for p in _run_script(data, cases)]
    for case, want, have in zip(cases, expected, got, strict=True):
        assert have == want, f"the script plans {case} differently"
    return len(cases)


def _real_pages(site: Path) -> list[tuple[str, Page]]:
    """The real build's page records: `python -m glassbox_handbook site` keeps its environment in .work beside the site."""
    with (site.parent / ".work" / "doctrees" / "environment.pickle").open("rb") as f:
        pages = pickle.load(f).domaindata["glassbox"]["pages"]
    found = [(d, p) for d, p in pages.items() if p.scenario is not None]
    return sorted(found, key=lambda item: (item[1].scenario.title.casefold(), item[0]))


def _embedded(site: Path) -> dict:
    soup = BeautifulSoup((site / PLANNER).read_text(encoding="utf-8"), "html.parser")
    return json.loads(soup.find("script", id="gb-planner-data").string)


def test_the_script_plans_every_real_scenario_as_python_does(site):
    pages = _real_pages(site)
    data = _embedded(site)
    assert [s["id"] for s in data["scenarios"]] == [p.scenario.id for _, p in pages] and len(pages) == 9
    assert _compare(HANDBOOK, pages, data) == 9 * 2 * 7 * 3


def test_the_embedded_anchors_are_the_scenario_pages_own(site):
    for s in _embedded(site)["scenarios"]:
        target = (site / PLANNER).parent / s["href"]
        ids = {t["id"] for t in BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find_all(id=True)}
        assert {x["anchor"] for x in s["sections"]} <= ids and {p["id"] for p in s["prompts"]} <= ids, s["id"]


def _hostile_pages() -> list[tuple[str, Page]]:
    page = page_of(parsed())
    one = page._replace(sections=page.sections[:1], prompts=page.prompts[:1])
    braces = page._replace(sections=tuple(s._replace(summary=s.summary + " {summary} {{x}} }{") for s in page.sections))
    long = "A very long title " * 40
    meta = page.scenario.model_copy(update={"id": "long", "title": long, "felt_difficulty": "{felt_difficulty} " * 30})
    longer = page._replace(scenario=meta, prompts=tuple(p._replace(text=p.text * 30) for p in page.prompts))
    # every component, out of the framework's order, sources and interpretations mixed: the rule must sort them
    mixed = tuple(EnactedSection(c, f"sec-{c}", c.title(), f"{c} at work", basis) for c, basis in
                  [("gamma", "interpretation"), ("delta", "reported"), ("beta", "interpretation"), ("alpha", "reported")])
    asked = tuple(PagePrompt(f"{s.component}-{i}", f"What next for {s.component}, {i}?", (), s.component, "", s.title)
                  for s in mixed for i in (1, 2, 3, 4))
    every = page._replace(sections=mixed, prompts=asked, scenario=page.scenario.model_copy(update={"id": "every"}))
    return [("scenarios/one", one._replace(scenario=one.scenario.model_copy(update={"id": "one"}))),
            ("scenarios/every", every),
            ("scenarios/braces", braces._replace(scenario=braces.scenario.model_copy(update={"id": "braces"}))),
            ("scenarios/long", longer)]


def test_the_script_plans_hostile_scenarios_as_python_does():
    pages = _hostile_pages()
    data = planner_data(FW, pages, lambda doc, anchor: f"{doc}.html" + (f"#{anchor}" if anchor else ""))
    assert _compare(FW, pages, data) == 4 * 2 * 7 * 2
    one = plan_session(FW, pages[0][1], 90)
    assert [a.kind for a in one.activities] == ["opening", "diagram", "component", "gaps", "close"]
    assert plan_session(FW, pages[1][1], 60).focus == ("alpha", "delta")  # the case that tests the rule's order


def test_a_facilitator_who_ticks_every_component_gets_no_empty_activity():
    page = next(p for _, p in _hostile_pages() if p.scenario.id == "braces")
    page = page._replace(sections=page.sections * 6)  # twelve sections, more than 60 minutes have room for
    plan = plan_session(FW, page, 60, [s.component for s in page.sections])
    assert all(a.minutes >= 5 for a in plan.activities) and sum(a.minutes for a in plan.activities) == 60


def test_the_printed_handbook_points_to_the_planner_and_the_packets(site):
    # poppler's pdftotext reads the whole book in a second (pdfplumber takes most of a minute); -layout
    # keeps a hyphen that ends a line, which its reading order would take for hyphenation and drop
    out = subprocess.run(["pdftotext", "-layout", str(site / "pdf" / "handbook-a4.pdf"), "-"], capture_output=True, text=True, check=True)
    text = re.sub(r"\s+", " ", out.stdout)
    start = text.index("The planner works on screen, so this printed handbook cannot hold it")
    said = re.sub(r"-\s+", "-", text[start:start + 400])  # file names broken across lines at a hyphen
    assert "guide-<scenario>-" in said and "handout-<scenario>-" in said and "60-minute plan" in said


def test_the_workshop_page_links_to_the_planner(site):
    soup = BeautifulSoup((site / "handbook" / "workshop.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find("a", href="planner.html"), "the workshop page does not link to the planner"


def test_the_planner_page_is_rewritten_when_a_prompt_changes():
    """The incremental build rewrites a page by what its views depend on: the planner shows prompts too."""
    page = page_of(parsed())
    edited = page._replace(prompts=(page.prompts[0]._replace(text="Changed?"), *page.prompts[1:]))
    view = registry()["session-planner"]
    before = view.depends(Slices(FW, domain_with(first=page)), "handbook/planner", page)
    after = view.depends(Slices(FW, domain_with(first=edited)), "handbook/planner", page)
    assert before != after and view.print is not None
