"""The published site in real Chromium: from a web server and from file://, with and without JavaScript."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import serve

PROJECT = Path(__file__).parents[2]
SCENARIOS = sorted(p.stem for p in (PROJECT / "scenarios").glob("*.md") if p.name != "index.md" and not p.name.startswith("_"))
@pytest.fixture(scope="module")
def server(site):
    with serve(site) as base:
        yield base


def _watch(page, base: str) -> list[str]:
    """Every request that would leave the site, and every script error."""
    problems: list[str] = []
    page.on("request", lambda r: None if r.url.startswith((base, "data:", "blob:")) else problems.append(r.url))
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    return problems


@pytest.mark.parametrize("how", ["http", "file"])
def test_explorer_prompts_and_glossary_work_from_a_server_and_from_files(site, server, browser, how):
    base = server if how == "http" else site.as_uri()
    page = browser.new_page()
    problems = _watch(page, base)
    page.goto(f"{base}/scenarios/index.html#component=differentiation")
    page.locator(".gb-explorer-filters").wait_for()  # shown by the script
    visible = page.locator(".gb-explorer-item:visible")
    assert 0 < visible.count() < len(SCENARIOS)
    assert f"of {len(SCENARIOS)}" in page.text_content(".gb-explorer-status")
    page.goto(f"{base}/scenarios/mentoring.html")
    assert page.locator("textarea.gb-answer").count() >= 7
    page.locator(".glassbox-term a").first.focus()
    assert page.locator("[role=tooltip]:visible").count() == 1
    assert problems == []
    page.close()


def test_without_javascript_every_page_still_gives_all_content_and_links(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site / "handbook/views/matrix.html").as_uri())
    assert page.locator("table.glassbox-matrix tbody tr").count() == len(SCENARIOS)
    page.goto((site / "scenarios/index.html").as_uri())
    for stem in SCENARIOS:
        assert page.locator(f"a[href='{stem}.html']").count() >= 1, stem
    page.goto((site / "scenarios/mentoring.html").as_uri())
    assert page.locator(".glassbox-prompt").count() >= 14
    assert page.locator(".glassbox-enactment").count() == 7
    alt_links = page.locator(".gb-alt a")
    assert alt_links.count() >= 7  # the diagram's text alternative carries its links without script
    page.goto((site / "handbook/views/prompts.html").as_uri())
    assert page.locator(".glassbox-prompt-entry").count() > 50
    context.close()
