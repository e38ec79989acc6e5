"""From a team's account to a contribution: the worksheet's draft is refused by `check` until the team confirms
de-identification, and passes once it does; nothing is chosen for the team on the way."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

PROJECT = Path(__file__).parents[2]
CHECKS = ("people", "places", "details", "quotes", "reread")


def check(draft: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "glassbox_handbook", "--root", str(PROJECT), "check", str(draft)],
                          capture_output=True, text=True)


def download(page, folder: Path) -> Path:
    with page.expect_download() as info:
        page.click(".gb-ws-download")
    draft = folder / "scenarios" / info.value.suggested_filename
    draft.parent.mkdir(exist_ok=True)
    info.value.save_as(draft)
    return draft


def front(text: str) -> dict:
    return yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))


def test_worksheet_draft_is_refused_until_deidentified_then_passes_check(site, browser, tmp_path):
    page = browser.new_page(accept_downloads=True)
    page.goto((site / "handbook" / "worksheet.html").as_uri())
    assert page.locator("#gb-worksheet input:checked").count() == 0  # nothing chosen for the team
    page.fill("#ws-title", "Mentors and faculty: who: keeps the \"calendar\"?")
    page.fill("#ws-felt_difficulty", "Coaching stopped when the semester ended.")
    page.fill("#ws-collaborative_project", "A coaching calendar kept by both partners.")
    page.fill("#ws-primary_focus", "Coaching across terms.")
    page.fill("#ws-illustrative_evidence", "Mentors asked for it to continue.")
    page.check("input[name=levels][value=school-program]")
    page.check("input[name=roles][value=mentor-teacher]")
    page.check("input[name=roles][value=university-faculty]")
    page.check("input[name=trajectory][value=sustained-redesign]")
    page.fill("#ws-change-facilitators-summary", "A mentor and a faculty member convened the calendar together.")
    page.fill("#ws-change-facilitators-story", "They met monthly.\n\nOthers joined later.")
    page.fill("#ws-change-facilitators-prompt", "Who keeps the calendar next year?")
    page.check("input[name=change-facilitators-basis][value=interpretation]")
    page.fill("#ws-learning-agents-summary", "Mentors brought questions from their classrooms.")
    page.check("input[name=learning-agents-basis][value=interpretation]")
    page.fill("#ws-name", "Workshop group B")
    page.check("input[name=consent][value=not-needed]")
    for box in CHECKS[:-1]:
        page.check(f"input[name=deidentified][value={box}]")
    page.reload()  # answers stay in this browser
    assert page.input_value("#ws-primary_focus") == "Coaching across terms."
    assert page.is_checked("input[name=roles][value=university-faculty]")
    assert page.is_checked("input[name=trajectory][value=sustained-redesign]")

    draft = download(page, tmp_path)
    status = page.text_content(".gb-ws-status")
    assert "every box of the de-identification checklist" in status and "python" not in status.lower()
    assert front(draft.read_text())["privacy"]["deidentified"] is False
    refused = check(draft)
    assert refused.returncode != 0 and "not yet confirmed as de-identified" in refused.stderr
    assert "a mentor teacher" in refused.stderr  # the fix, in words a teacher can act on

    page.check(f"input[name=deidentified][value={CHECKS[-1]}]")
    draft = download(page, tmp_path)
    assert "It is complete" in page.text_content(".gb-ws-status")
    text = draft.read_text()
    assert draft.name == "mentors-and-faculty-who-keeps-the-calendar.md"
    assert "## Change facilitators" in text and "## Learning agents" in text and "## Vertical coherence" not in text
    passed = check(draft)
    assert passed.returncode == 0, passed.stderr + "\n" + text

    page.click(".gb-ws-issue")
    assert page.input_value("#ws-issue-trajectory") == "Sustained redesign"
    assert page.input_value("#ws-issue-deidentified") == "5 of 5 boxes ticked"
    page.close()


def test_what_a_team_left_empty_is_named_in_plain_words_by_check(tmp_path):
    from test_javascript import _draft, _worksheet_data

    draft = _draft(_worksheet_data(), {"title": "Empty team", "change-facilitators-summary": "Someone convened it."})
    path = tmp_path / "scenarios" / f"{draft['id']}.md"
    path.parent.mkdir()
    path.write_text(draft["text"], encoding="utf-8")
    result = check(path)
    assert result.returncode != 0
    assert "`felt_difficulty` is empty; write it in your own words" in result.stderr
    assert "`privacy.consent` is '', not one of the answers it takes; write one of: obtained, not-needed" in result.stderr
    assert "needs `:basis:` set to one of" in result.stderr and "String should have" not in result.stderr
