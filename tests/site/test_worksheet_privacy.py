"""Nothing identifying leaves the browser: the worksheet and the self-study map's export run the privacy check
in real Chromium, on the real handbook built for a known repository, and the form opens already filled."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

PROJECT = Path(__file__).parents[2]
REPOSITORY = "glass-box/handbook-demo"
# (box, text, what the check must show under that box): identifying details of several kinds
DETAILS = [
    ("#ws-title", "Coaching calendar at Lincoln Elementary", "Lincoln Elementary"),
    ("#ws-felt_difficulty", "Principal Brown said coaching stopped when the semester ended.", "Principal Brown"),
    ("#ws-collaborative_project", "Mr. John Smith and the mentors built a shared calendar.", "Mr. John Smith"),
    ("#ws-primary_focus", "Placements across Springfield Unified School District.", "Springfield Unified School District"),
    ("#ws-change-facilitators-summary", "Write to jane.doe@lincoln.k12.us to join the group.", "jane.doe@lincoln.k12.us"),
    ("#ws-change-facilitators-story", "Mentors met monthly.\nCall 303-555-0142 for the room.", "303-555-0142"),
    ("#ws-learning-agents-summary", "Mentors met at 1450 Maple Street each month.", "1450 Maple Street"),
]


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory) -> Path:
    """The real handbook's web pages, built as GitHub Actions builds them for the repository REPOSITORY."""
    out = tmp_path_factory.mktemp("demo") / "html"
    env = {**os.environ, "GITHUB_REPOSITORY": REPOSITORY}
    result = subprocess.run([sys.executable, "-m", "glassbox_handbook", "--root", str(PROJECT), "site", "--no-pdf",
                             "--out", str(out)], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    return out


def _worksheet(browser, site: Path):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto((site / "handbook" / "worksheet.html").as_uri())
    return page, errors, requested


def test_each_identifying_detail_is_shown_at_its_box_and_the_form_text_is_withheld_until_reworded(demo_site, browser):
    page, errors, requested = _worksheet(browser, demo_site)
    assert not any("gb-privacy-rules" in url for url in requested)  # the word lists load on demand only
    for box, text, _ in DETAILS:
        page.fill(box, text)
    page.fill("#ws-illustrative_evidence", "Mentors asked for the calendar to continue.")
    page.check("input[name=levels][value=school-program]")
    page.check("input[name=roles][value=mentor-teacher]")
    page.check("input[name=trajectory][value=sustained-redesign]")
    page.check("input[name=change-facilitators-basis][value=first-hand]")
    page.fill("#ws-name", "Workshop group B")
    page.click(".gb-ws-issue")
    page.wait_for_selector(".gb-ws-findings")
    assert any("gb-privacy-rules" in url for url in requested)

    for box, _, found in DETAILS:  # each at its own box, with why and how
        note = page.locator(f"{box}-findings")
        assert note.is_visible(), box
        assert f"“{found}”" in note.inner_text() and "The form is public" in note.inner_text(), box
        assert page.get_attribute(box, "aria-invalid") == "true"
    assert "Write “the principal” instead" in page.inner_text("#ws-felt_difficulty-findings")
    assert "(line 2)" in page.inner_text("#ws-change-facilitators-story-findings")
    assert page.locator(".gb-ws-issue-text").is_hidden()
    assert page.locator(".gb-ws-issue-boxes textarea").count() == 0  # no form text anywhere on the page
    assert "held back: 7 boxes" in page.inner_text(".gb-ws-status")
    assert page.evaluate("document.activeElement.id") == "ws-title"  # the first flagged box, for the keyboard

    # reword: by the offered wording, by hand, or by declaring an invented name
    page.click("#ws-felt_difficulty-findings .gb-ws-reword")
    assert page.input_value("#ws-felt_difficulty") == "the principal said coaching stopped when the semester ended."
    assert page.locator("#ws-felt_difficulty-findings").count() == 0
    page.click("#ws-title-findings .gb-ws-reword")
    page.fill("#ws-collaborative_project", "The principal and the mentors built a shared calendar.")
    page.fill("#ws-primary_focus", "Placements across a partner district.")
    page.fill("#ws-change-facilitators-summary", "A mentor teacher convened the planning group.")
    page.fill("#ws-change-facilitators-story", "Mentors met monthly.\nThe district booked the room.")
    page.fill("#ws-pseudonyms", "Maple Street")
    page.fill("#ws-learning-agents-summary", "Mentors met at a school in the district each month.")
    page.click(".gb-ws-issue")
    page.wait_for_selector(".gb-ws-issue-text:not([hidden])")
    assert page.locator(".gb-ws-findings").count() == 0

    href = page.get_attribute(".gb-ws-open", "href")
    url = urlsplit(href)
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"https://github.com/{REPOSITORY}/issues/new"
    query = {k: v[0] for k, v in parse_qs(url.query).items()}
    assert query["template"] == "propose-scenario.yml"
    assert query["title"] == "Coaching calendar at an elementary school"
    assert query["felt_difficulty"].startswith("the principal said")
    assert query["levels"] == "School–program" and query["roles"] == "Mentor teacher"
    assert query["trajectory"] == "Sustained redesign"
    assert query["change-facilitators"].startswith("In one sentence: A mentor teacher convened")
    assert "Where the account comes from: Our own partnership (first-hand)" in query["change-facilitators"]
    assert query["pseudonyms"] == "Maple Street" and query["name"] == "Workshop group B"
    assert query["draft"].startswith("---\n") and "consent" not in query and "deidentified" not in query
    assert page.locator(".gb-ws-copy").count() >= 8  # a copy button per box with text, the fallback
    assert not errors


# (what the team typed, the line the fix button leaves): a name beside its role is taken out, the role kept once
BESIDE = [
    ("Our mentor teacher Maria said no.", "Our mentor teacher said no."),
    ("The principal, Ms. Brown, said no.", "The principal said no."),
    ("Maria, the mentor teacher, said no.", "The mentor teacher said no."),
    ("I met Maria, the mentor teacher, at noon.", "I met the mentor teacher at noon."),
]


def test_the_fix_for_a_name_beside_its_role_leaves_one_clean_sentence(demo_site, browser):
    page, errors, _ = _worksheet(browser, demo_site)
    box = "#ws-felt_difficulty"
    page.fill(box, BESIDE[0][0])
    page.click(".gb-ws-issue")  # the check is loaded when the team asks for the form's text; it runs as they type after
    for typed, fixed in BESIDE:
        page.fill(box, typed)
        note = page.locator(f"{box}-findings")
        note.wait_for()
        assert "Take the name out: the role beside it" in note.inner_text(), typed
        page.click(f"{box}-findings .gb-ws-reword")
        assert page.input_value(box) == fixed
        assert page.locator(f"{box}-findings").count() == 0  # nothing left to flag
    # in a box of several lines, only the line that holds the name changes
    page.fill(box, "Mentors met monthly.\nOur mentor teacher Maria said no.")
    page.locator(f"{box}-findings").wait_for()
    assert "(line 2)" in page.inner_text(f"{box}-findings")
    assert page.inner_text(f"{box}-findings .gb-ws-reword") == "Take “Maria” out"
    page.click(f"{box}-findings .gb-ws-reword")
    assert page.input_value(box) == "Mentors met monthly.\nOur mentor teacher said no."
    assert not errors
    page.close()


def test_the_word_lists_load_only_on_pages_that_check_and_their_size_on_the_wire(demo_site):
    worksheet = (demo_site / "handbook" / "worksheet.html").read_text(encoding="utf-8")
    assert "gb-privacy.js" in worksheet and "gb-privacy-rules.js" not in worksheet
    assert "gb-privacy.js" not in (demo_site / "index.html").read_text(encoding="utf-8")
    assert "gb-privacy.js" in (demo_site / "handbook" / "self-study.html").read_text(encoding="utf-8")
    rules = (demo_site / "_static" / "gb-privacy-rules.js").read_bytes()
    on_the_wire = len(gzip.compress(rules, 6))
    print(f"\nprivacy rules: {len(rules) / 1024:.0f} KiB, {on_the_wire / 1024:.0f} KiB gzipped")
    assert on_the_wire < 500 * 1024


def test_every_page_links_a_proposal_and_the_contribute_page_only_routes_that_lead_somewhere(demo_site, browser):
    page = browser.new_page()
    page.goto((demo_site / "handbook" / "contribute.html").as_uri())
    links = page.eval_on_selector_all(".gb-contribute-routes a", "els => els.map(e => e.href)")
    assert f"https://github.com/{REPOSITORY}/issues/new?template=propose-scenario.yml" in links
    assert all(link.startswith(("https://github.com/", "file://")) for link in links)
    change = page.get_attribute(".gb-propose-change a", "href")
    assert change.startswith(f"https://github.com/{REPOSITORY}/issues/new?") and "Contribute" in change
    page.close()


def test_the_self_study_export_is_checked_before_it_leaves_the_page(demo_site, browser, tmp_path):
    ctx = browser.new_context(accept_downloads=True)
    page = ctx.new_page()
    page.goto((demo_site / "handbook" / "self-study.html").as_uri())
    page.fill("#ss-title", "Coaching with Principal Brown")
    page.fill("#ss-felt_difficulty", "Coaching stopped when the semester ended.")
    downloads: list = []
    page.on("download", lambda d: downloads.append(d))
    page.click(".gb-ss-md")
    page.wait_for_function("document.querySelector('.gb-ss-status, [role=status]')?.textContent.includes('Before this map')")
    assert not downloads
    assert "“Principal Brown” looks like a personal name" in page.inner_text("body")
    with page.expect_download() as info:
        page.click(".gb-ss-md")  # pressed again: the team's own file, downloaded as it is
    assert info.value.suggested_filename.endswith(".md")
    ctx.close()


def test_a_draft_with_identifying_details_never_says_it_is_deidentified(demo_site, browser, tmp_path):
    import yaml

    ctx = browser.new_context(accept_downloads=True)
    page = ctx.new_page()
    page.goto((demo_site / "handbook" / "worksheet.html").as_uri())
    page.fill("#ws-title", "Coaching calendar")
    page.fill("#ws-felt_difficulty", "Principal Brown said coaching stopped.")
    for box in ("people", "places", "details", "quotes", "reread"):
        page.check(f"input[name=deidentified][value={box}]")  # the checklist ticked, the text not yet reworded
    with page.expect_download() as info:
        page.click(".gb-ws-download")
    path = tmp_path / "draft.md"
    info.value.save_as(path)
    front = yaml.safe_load(path.read_text(encoding="utf-8")[4:].split("\n---\n", 1)[0])
    assert front["privacy"]["deidentified"] is False
    assert "a new wording for the detail marked above" in page.inner_text(".gb-ws-status")
    assert page.locator("#ws-felt_difficulty-findings").is_visible()
    ctx.close()
