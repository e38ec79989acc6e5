"""The session planner in Chromium: a leader chooses, shares, prints and downloads a plan, with the keyboard too.

The plan printed to PDF and the Markdown download are read back and compared
with glassbox_handbook/core/session.py's plan for the same choices; screenshots at phone and
desktop widths in light and dark are kept in $PLANNER_SCREENSHOTS when set.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pdfplumber
import pytest
from glassbox_handbook.core.session import plan_session
from test_planner import HANDBOOK, PLANNER, _real_pages


def _open(browser, site: Path, query: str = "", **context):
    ctx = browser.new_context(accept_downloads=True, **context)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((site / PLANNER).as_uri() + query)
    return ctx, page, errors


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _pdf_rows(path: Path) -> tuple[list[tuple[str, int]], list[int], str]:
    """The plan table's rows (time, minutes), its total, and the PDF's text, as a reader of the paper sees them."""
    rows, totals, text = [], [], []
    with pdfplumber.open(path) as pdf:
        for pdf_page in pdf.pages:
            text.append(pdf_page.extract_text() or "")
            for table in pdf_page.extract_tables():
                for cells in table:
                    first = _norm(cells[0] or "")
                    if re.fullmatch(r"\d+–\d+", first):
                        rows.append((first, int(cells[1])))
                    elif first == "Total":
                        totals.append(int(cells[1]))
    return rows, totals, _norm(" ".join(text))


def test_choose_share_print_and_download_a_plan(site, browser, tmp_path):
    ctx, page, errors = _open(browser, site)
    page.select_option("#gb-plan-scenario", "special-education")
    page.check("input[name=minutes][value='60']")
    page.check("input[name=component][value=differentiation]")
    page.check("input[name=component][value=change-facilitators]")
    status = page.locator(".gb-plan-status")
    assert status.get_attribute("aria-live") == "polite"
    assert "working on Differentiation, Change facilitators" in status.inner_text()
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"scenario": ["special-education"], "minutes": ["60"], "room": ["mixed"],
                     "components": ["differentiation,change-facilitators"]}
    shown = page.locator(".gb-plan-output").inner_text()

    page.reload()
    assert page.input_value("#gb-plan-scenario") == "special-education"
    assert page.is_checked("input[name=minutes][value='60']")
    assert [b.get_attribute("value") for b in page.locator("input[name=component]:checked").all()] == ["change-facilitators", "differentiation"]
    assert page.locator(".gb-plan-output").inner_text() == shown  # order kept too: differentiation first
    assert page.locator(".gb-plan-packets:not([hidden])").get_attribute("data-scenario") == "special-education"

    pdf = tmp_path / "plan.pdf"
    page.pdf(path=str(pdf), format="A4")
    real = dict(_real_pages(site))["scenarios/special-education"]
    plan = plan_session(HANDBOOK, real, 60, ["differentiation", "change-facilitators"])
    rows, totals, text = _pdf_rows(pdf)
    assert rows == [(f"{a.start}–{a.end}", a.minutes) for a in plan.activities]
    assert sum(m for _, m in rows) == 60 and totals == [60]
    handout = text[text.index("Handout for"):]
    where = [handout.index(_norm(p.text)) for p in plan.prompts]
    assert len(plan.prompts) == 4 and where == sorted(where)
    assert "Choose the session" not in text and "Most sessions need nothing" not in text  # the controls stay on screen

    with page.expect_download() as info:
        page.click("text=Download as Markdown")
    assert info.value.suggested_filename == "session-plan-special-education-60.md"
    markdown = Path(info.value.path()).read_text(encoding="utf-8")
    table = [line.split(" | ") for line in markdown.splitlines() if re.match(r"^\| \d+–\d+ \|", line)]
    assert [(r[0][2:], int(r[1]), r[2].rstrip(" |")) for r in table] == [(f"{a.start}–{a.end}", a.minutes, a.title) for a in plan.activities]
    assert urlsplit(re.search(r"<(file://[^>]+)>", markdown).group(1)).query == urlsplit(page.url).query
    assert [markdown.index(p.text) for p in plan.prompts] == sorted(markdown.index(p.text) for p in plan.prompts)

    other = ctx.new_page()  # a co-facilitator opens the link
    other.goto(page.url)
    assert other.locator(".gb-plan-output").inner_text() == shown
    assert errors == []
    ctx.close()


def test_the_planner_works_with_the_keyboard_alone(site, browser):
    ctx, page, errors = _open(browser, site)
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "gb-plan-scenario":
            break
    else:
        pytest.fail("Tab never reached the scenario menu")
    first = page.input_value("#gb-plan-scenario")
    page.keyboard.press("ArrowDown")
    second = page.input_value("#gb-plan-scenario")
    assert second != first and f"scenario={second}" in page.url

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "minutes"
    page.keyboard.press("ArrowRight")
    assert page.is_checked("input[name=minutes][value='90']")
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.name, document.activeElement.value]")
    assert focused[0] == "component"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "the focused box has no visible focus"
    page.keyboard.press("Space")
    assert page.is_checked(f"input[name=component][value={focused[1]}]")
    assert f"working on {page.locator(f'input[value={focused[1]}]').locator('..').inner_text().strip()}" in \
        page.locator(".gb-plan-status").inner_text()

    for _ in range(40):  # on through the prompts to the buttons
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Copy link to this plan":
            break
    else:
        pytest.fail("Tab never reached the buttons")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.gb-plan-status').textContent.includes('ink')")
    assert "minutes=90" in page.url and errors == []
    ctx.close()


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_screenshots_at_phone_and_desktop_width(site, browser, tmp_path, mode, width):
    """Kept in $PLANNER_SCREENSHOTS when set, to look at; at 390 px nothing scrolls sideways but the table's own box."""
    ctx, page, errors = _open(browser, site, "?scenario=mentoring&minutes=60&components=learning-agents,vertical-coherence",
                              color_scheme=mode, viewport={"width": width, "height": 900})
    page.evaluate("mode => { document.documentElement.dataset.theme = mode; document.documentElement.dataset.mode = mode; }", mode)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.locator(".gb-plan-table tbody tr").count() == 6 and page.locator(".gb-plan-form").is_visible()
    folder = Path(os.environ.get("PLANNER_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"planner-{width}-{mode}.png"), full_page=True)
    assert errors == []
    ctx.close()


def test_without_javascript_the_page_points_to_the_printed_packets(site, browser):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto((site / PLANNER).as_uri())
    note = page.locator(".gb-plan-nojs")
    assert note.is_visible() and "printed packets" in note.inner_text()
    assert not page.locator(".gb-plan-form").is_visible()
    href = note.locator("a").get_attribute("href")
    assert href.endswith("workshop.html#downloads")
    ctx.close()


def test_a_60_minute_school_side_plan_agrees_with_the_handout_and_slides_it_links(site, browser):
    """A leader plans 60 minutes on mentoring for a school-side room; the page's plan and handout, and the
    ready-made handout, slides and guide it links, hold the same prompts with the same numbers and words."""
    ctx, page, errors = _open(browser, site)
    page.select_option("#gb-plan-scenario", "mentoring")
    page.check("input[name=minutes][value='60']")
    page.check("input[name=room][value=school]")
    assert parse_qs(urlsplit(page.url).query)["room"] == ["school"]
    [record] = [p for _, p in _real_pages(site) if p.scenario.id == "mentoring"]
    plan = plan_session(HANDBOOK, record, 60, room="school")
    asked = plan.questions(HANDBOOK)
    assert any(q.brought for q in asked)  # the case that matters: a prompt reworded for the room
    on_page = _norm(page.locator(".gb-plan-output").inner_text())
    handout_on_page = _norm(page.locator(".gb-plan-handout").inner_text())
    for q in asked:
        assert f"Prompt {q.number}: {_norm(q.text)}" in on_page and _norm(q.text) in handout_on_page
    assert [a.title for a in plan.activities] == [
        _norm(t) for t in page.locator(".gb-plan-table tbody .gb-plan-title").all_inner_texts()]
    links = {a.get_attribute("data-kind"): a.get_attribute("href") for a in page.locator(".gb-plan-kit a").all()}
    assert set(links) >= {"Facilitator guide", "Session handout", "Slides to project", "Session cards"}
    files = {kind: (site / PLANNER).parent / href for kind, href in links.items()}
    assert files["Session handout"].name.startswith("handout-mentoring-school-")
    assert files["Slides to project"].name == "slides-mentoring-school.pdf"
    for kind in ("Session handout", "Slides to project", "Facilitator guide", "Session cards"):
        _, _, text = _pdf_rows(files[kind].resolve())
        for q in asked:
            assert f"Prompt {q.number}" in text and _norm(q.text)[:60] in text, (kind, q.number)
    _, _, guide = _pdf_rows(files["Facilitator guide"].resolve())
    for act in plan.activities:
        assert _norm(act.title) in guide
    page.check("input[name=minutes][value='90']")
    assert "No ready-made files" in page.locator(".gb-plan-kit").inner_text()
    assert not errors
    ctx.close()
