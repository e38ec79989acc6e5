"""From workshop to pull request: the worksheet downloads a scenario draft that passes `check`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).parent.parent


def test_worksheet_answers_download_as_a_scenario_draft_that_passes_check(site, browser, tmp_path):
    page = browser.new_page(accept_downloads=True)
    page.goto((site / "handbook" / "worksheet.html").as_uri())
    page.fill("#ws-title", "Mentors and faculty: who: keeps the \"calendar\"?")
    page.fill("#ws-felt_difficulty", "Coaching stopped when the semester ended.")
    page.fill("#ws-collaborative_project", "A coaching calendar kept by both partners.")
    page.fill("#ws-primary_focus", "Coaching across terms.")
    page.fill("#ws-illustrative_evidence", "Mentors asked for it to continue.")
    page.check("input[name=levels][value=school-program]")
    page.check("input[name=roles][value=mentor-teacher]")
    page.check("input[name=roles][value=university-faculty]")
    page.fill("#ws-change-facilitators-summary", "A mentor and a faculty member convened the calendar together.")
    page.fill("#ws-change-facilitators-story", "They met monthly.\n\nOthers joined later.")
    page.fill("#ws-change-facilitators-prompt", "Who keeps the calendar next year?")
    page.fill("#ws-learning-agents-summary", "Mentors brought questions from their classrooms.")
    page.fill("#ws-name", "Workshop group B")
    page.check("input[name=deidentified]")
    page.reload()  # answers stay in this browser
    assert page.input_value("#ws-primary_focus") == "Coaching across terms."
    assert page.is_checked("input[name=roles][value=university-faculty]")
    with page.expect_download() as info:
        page.click("text=Download as a scenario draft")
    draft = tmp_path / "scenarios" / info.value.suggested_filename
    draft.parent.mkdir()
    info.value.save_as(draft)
    assert "put it in scenarios/" in page.text_content(".gb-ws-status").lower()
    page.close()
    text = draft.read_text()
    assert draft.name == "mentors-and-faculty-who-keeps-the-calendar.md"
    assert "## Change facilitators" in text and "## Learning agents" in text and "## Vertical coherence" not in text
    result = subprocess.run([sys.executable, "-m", "builder", "--root", str(PROJECT), "check", str(draft)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr + "\n" + text
