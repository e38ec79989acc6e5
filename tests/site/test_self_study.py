"""The self-study map in real Chromium: a team fills it by keyboard, sees its glass box, keeps, exports, imports,
prints and compares it, and takes it to the worksheet, whose draft `check` refuses until de-identification is confirmed.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pdfplumber
import yaml

PROJECT = Path(__file__).parents[2]
MAP = "handbook/self-study.html"
HOSTILE = "Coaching <img src=x onerror=alert(1)> across terms"
CF, HC = "change-facilitators", "horizontal-coherence"
DC, SP, CC = "district-college", "school-program", "classroom-course"


def _open(browser, site: Path, context=None, **options):
    ctx = context or browser.new_context(accept_downloads=True, **options)
    page = ctx.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto((site / MAP).as_uri())
    return ctx, page, problems


def _type_into(page, selector: str, text: str) -> None:
    page.focus(selector)
    page.keyboard.type(text)


def _fill_by_keyboard(page) -> None:
    """Every entry typed; components opened with Enter on their summary; Tab moves from field to field."""
    _type_into(page, "#ss-title", HOSTILE)
    page.keyboard.press("Tab")
    page.keyboard.type("Coaching stopped when the semester ended.")
    page.focus(f"details[data-component={CF}] > summary")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # the first field of the first level
    assert page.evaluate("document.activeElement.id") == f"ss-{CF}-{DC}-happening"
    page.keyboard.type("The district and college leads meet each term.")
    page.keyboard.press("Tab")
    page.keyboard.type("Two leaders, one from each side.")
    page.keyboard.press("Tab")
    page.keyboard.type("Agendas and notes of each meeting.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == f"ss-{CF}-{SP}-happening"
    page.keyboard.type("A mentor and a faculty member convene a monthly meeting.")
    page.focus(f"details[data-component={HC}] > summary")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == f"ss-{HC}-{CC}-happening"
    page.keyboard.type("Course assignments now match what candidates do in placements.")
    page.fill("#ss-log-date", "2026-02-10")  # a date field's own keys depend on the locale
    _type_into(page, "#ss-log-what", "Mentors asked for the calendar to continue.")
    page.focus("#ss-log-component")
    page.keyboard.press("ArrowDown")  # the first component
    assert page.input_value("#ss-log-component") == CF
    page.focus(".gb-ss-log-add")
    page.keyboard.press("Enter")


def _download(page, button: str, folder: Path) -> Path:
    with page.expect_download() as info:
        page.click(button)
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return path


def _node_state(page, component: str, level: str = "") -> tuple[bool, str]:
    """The shape's highlight and accessible name, the same in the wide drawing and the one laid out for a phone."""
    nodes = page.locator(f"svg a.gb-node.gb-{component}" + (f"[data-level={level}]" if level else ""))
    states = {("is-on" in (n.get_attribute("class") or ""), n.get_attribute("aria-label") or "") for n in nodes.all()}
    assert nodes.count() == 2 and len(states) == 1, states
    return states.pop()


def test_fill_see_keep_export_import_and_print_the_map(site, browser, tmp_path):
    ctx, page, problems = _open(browser, site)
    note = page.locator(".gb-ss-note")
    assert note.is_visible() and "Kept only in this browser" in note.inner_text()
    assert _node_state(page, CF, DC)[0] is False  # nothing recorded, nothing highlighted
    _fill_by_keyboard(page)

    # the glass box, live: the diagram, the matrix row, the gaps, the log
    on, label = _node_state(page, CF, DC)
    assert on and label.endswith("recorded by your team")
    assert _node_state(page, CF, SP)[0] and not _node_state(page, CF, CC)[0]
    assert _node_state(page, HC)[0] and not _node_state(page, "learning-agents", DC)[0]
    assert _node_state(page, "learning-agents", DC)[1].endswith("nothing recorded yet")
    heads = page.locator(".gb-ss-row thead th").all_inner_texts()
    assert heads[0] == "Scenario" and len(heads) == 8  # the handbook matrix's columns
    cells = page.locator(".gb-ss-row tbody tr").first.locator("td")
    assert "District–college: The district and college leads meet each term." in cells.nth(0).inner_text()
    assert "Gap: nothing recorded" in cells.nth(1).inner_text()
    gaps = page.locator(".gb-ss-gaps li").all_inner_texts()
    assert any(g.startswith("Nothing is recorded for Learning agents yet.") for g in gaps)
    assert any("Change facilitators at the School–program level but no evidence" in g for g in gaps)
    assert not any("Nothing is recorded for Change facilitators" in g for g in gaps)
    assert page.locator(".gb-ss-log tbody tr").count() == 1
    assert page.locator(".gb-ss-log tbody td").first.inner_text() == "2026-02-10"

    # what is typed stays text
    assert page.locator(".gb-ss-problem").inner_text() == HOSTILE
    assert page.locator("#gb-selfstudy img").count() == 0

    # exports
    md = _download(page, ".gb-ss-md", tmp_path).read_text(encoding="utf-8")
    assert md.startswith("# Self-study map: Coaching <img") and "## Change facilitators\n\n### District–college" in md
    assert "- What evidence we have: Agendas and notes of each meeting." in md and "Mentors asked for the calendar" in md
    saved = json.loads((json_file := _download(page, ".gb-ss-json", tmp_path)).read_text(encoding="utf-8"))
    assert saved["format"] == "glassbox-self-study" and saved["version"] == 1
    assert saved["cells"][CF][SP] == {"happening": "A mentor and a faculty member convene a monthly meeting."}
    assert saved["problem"]["title"] == HOSTILE and len(saved["log"]) == 1

    # kept after a reload
    page.reload()
    assert page.input_value(f"#ss-{CF}-{DC}-who") == "Two leaders, one from each side."
    assert _node_state(page, CF, DC)[0] and page.locator(".gb-ss-log tbody tr").count() == 1

    # printed: the map, not the form
    page.emulate_media(media="print")
    assert page.locator(".gb-ss-form").is_hidden() and page.locator(".gb-ss-actions").is_hidden()
    assert page.locator(".gb-ss-map").is_visible()
    pdf = tmp_path / "map.pdf"
    page.pdf(path=str(pdf))
    with pdfplumber.open(pdf) as doc:
        text = re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in doc.pages))
    assert "Our map" in text and "Mentors asked for the calendar to continue." in text and "Nothing is recorded" in text
    assert "Your entries" not in text and "Download as Markdown" not in text
    assert problems == []
    ctx.close()

    # imported on a fresh profile: the same entries; a bad file changes nothing
    ctx, page, problems = _open(browser, site)
    page.set_input_files("#gb-ss-import", str(json_file))
    page.wait_for_function("document.querySelector('.gb-ss-status').textContent.startsWith('Imported')")  # the file is read asynchronously
    assert page.input_value(f"#ss-{HC}-{CC}-happening") == "Course assignments now match what candidates do in placements."
    assert page.input_value("#ss-title") == HOSTILE and _node_state(page, HC)[0]
    again = json.loads(_download(page, ".gb-ss-json", tmp_path).read_text(encoding="utf-8"))
    assert again == saved
    bad = {**saved, "cells": {"not-a-component": {DC: {"happening": "x"}}}}
    for name, content, why in (("bad.json", json.dumps(bad), "“not-a-component”, which is not a component of the framework"),
                               ("newer.json", json.dumps({**saved, "version": 99}), "newer version of the handbook"),
                               ("text.json", "not json", "not a self-study map")):
        page.set_input_files("#gb-ss-import", files=[{"name": name, "mimeType": "application/json", "buffer": content.encode()}])
        page.wait_for_function("document.querySelector('.gb-ss-status').textContent.includes('could not be imported')")
        status = page.inner_text(".gb-ss-status")
        assert "Nothing was changed" in status and why in status, status
        assert page.input_value("#ss-title") == HOSTILE
        page.evaluate("document.querySelector('.gb-ss-status').textContent = ''")
    assert problems == []
    ctx.close()


def test_side_by_side_with_a_scenario_shows_its_own_entries(site, browser):
    ctx, page, problems = _open(browser, site)
    data = json.loads(page.inner_text("#gb-selfstudy-data"))
    options = page.locator("#gb-ss-compare option").all_inner_texts()
    assert options[1:] == [s["title"] for s in data["scenarios"]] and len(options) > 5
    scenario = next(s for s in data["scenarios"] if s["id"] == "special-education")
    page.select_option("#gb-ss-compare", "special-education")
    row = page.locator(".gb-ss-row tbody tr").nth(1)
    assert row.locator("th").inner_text() == scenario["title"]
    own = (site / "scenarios" / "special-education.html").read_text(encoding="utf-8")
    for i, comp in enumerate(data["components"]):
        cell = row.locator("td").nth(i).inner_text()
        section = scenario["sections"].get(comp["id"])
        if section:
            assert section["summary"] in cell and section["summary"][:40] in re.sub(r"\s+", " ", own)
        else:
            assert "Gap: not enacted" in cell
    facts = page.locator(".gb-ss-facts-table tbody tr").first.locator("td").nth(1).inner_text()
    assert facts == scenario["facts"]["felt_difficulty"]
    assert problems == []
    ctx.close()


def _check(draft: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "glassbox_handbook", "--root", str(PROJECT), "check", str(draft)], capture_output=True, text=True)


def test_a_filled_map_becomes_a_draft_that_passes_check_once_deidentified(site, browser, tmp_path):
    ctx, page, problems = _open(browser, site)
    page.fill("#ss-title", "A shared coaching calendar")
    page.fill("#ss-felt_difficulty", "Coaching stopped when the semester ended.")
    page.fill("#ss-collaborative_project", "A coaching calendar kept by both partners.")
    page.fill("#ss-primary_focus", "Coaching across terms.")
    page.fill("#ss-illustrative_evidence", "Mentors asked for it to continue.")
    page.click(f"details[data-component={CF}] > summary")
    page.fill(f"#ss-{CF}-{SP}-happening", "A mentor and a faculty member convene a monthly meeting.")
    page.fill(f"#ss-{CF}-{SP}-evidence", "The meeting notes.")
    page.click(f"details[data-component={HC}] > summary")
    page.fill(f"#ss-{HC}-{CC}-happening", "Course assignments now match placements.")
    page.click(".gb-ss-worksheet")
    page.wait_for_url(re.compile(r"worksheet\.html"))
    assert "Filled in from the page you came from" in page.inner_text(".gb-ws-status")
    assert page.input_value("#ws-title") == "A shared coaching calendar"
    assert page.input_value(f"#ws-{CF}-summary") == "School–program: A mentor and a faculty member convene a monthly meeting."
    assert "The meeting notes." in page.input_value(f"#ws-{CF}-story")
    # the levels the map recorded are ticked, and nothing else: roles, trajectory, bases, consent stay the team's
    assert page.locator("#gb-worksheet input:checked").count() == 2
    assert page.is_checked(f"input[name=levels][value={SP}]") and page.is_checked(f"input[name=levels][value={CC}]")
    page.check("input[name=roles][value=mentor-teacher]")
    page.check("input[name=roles][value=university-faculty]")
    page.check("input[name=trajectory][value=sustained-redesign]")
    for comp in (CF, HC):
        page.check(f"input[name={comp}-basis][value=interpretation]")
    page.check("input[name=consent][value=not-needed]")
    with page.expect_download() as info:
        page.click(".gb-ws-download")
    draft = tmp_path / "scenarios" / info.value.suggested_filename
    draft.parent.mkdir()
    info.value.save_as(draft)
    meta = yaml.safe_load(draft.read_text().split("\n---\n", 1)[0].removeprefix("---\n"))
    assert meta["privacy"]["deidentified"] is False and meta["levels"] == [SP, CC]
    refused = _check(draft)
    assert refused.returncode != 0 and "not yet confirmed as de-identified" in refused.stderr
    for box in page.locator("input[name=deidentified]").all():
        box.check()
    with page.expect_download() as info:
        page.click(".gb-ws-download")
    info.value.save_as(draft)
    passed = _check(draft)
    assert passed.returncode == 0, passed.stderr + "\n" + draft.read_text()
    assert problems == []
    ctx.close()


def test_the_planner_hands_its_session_questions_to_the_worksheet_and_claims_nothing(site, browser):
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto((site / "handbook" / "planner.html").as_uri())
    page.select_option("#gb-plan-scenario", "special-education")
    page.check("input[name=component][value=differentiation]")
    prompt = page.locator(".gb-plan-prompt-set").first.locator("label").first.inner_text().strip()
    page.click(".gb-plan-worksheet")
    page.wait_for_url(re.compile(r"worksheet\.html"))
    assert page.input_value("#ws-differentiation-prompt") == prompt
    assert page.input_value("#ws-differentiation-summary") == ""  # the team's own account is still to write
    assert page.locator("#gb-worksheet input:checked").count() == 0
    ctx.close()


def test_the_map_works_by_touch_on_a_phone_without_the_page_scrolling_sideways(site, browser):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = ctx.new_page()
    page.goto((site / MAP).as_uri())
    page.tap(f"details[data-component={CF}] > summary")
    page.tap(f"#ss-{CF}-{DC}-happening")
    page.keyboard.type("Leads meet each term.")
    page.tap("#ss-log-what")
    page.keyboard.type("A shared agenda.")
    page.select_option("#ss-log-component", CF)
    page.tap(".gb-ss-log-add")
    assert _node_state(page, CF, DC)[0] and page.locator(".gb-ss-log tbody tr").count() == 1
    targets = page.locator(".gb-selfstudy button:visible, .gb-ss-comp > summary, #gb-ss-compare").all()
    small = [t.inner_text()[:30] for t in targets if (t.bounding_box() or {"height": 0})["height"] < 44]
    assert small == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # wide parts scroll in their own boxes
    ctx.close()
