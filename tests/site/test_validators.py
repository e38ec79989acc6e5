"""Validators we did not write, on the built handbook, with no error allowed.

- The Nu Html Checker (the W3C's validator, `vnu-jar` from npm, run with Debian's Java) on
  every HTML page of the site.
- pa11y with the HTML_CodeSniffer runner (WCAG 2 AA) on every page type, served over HTTP
  as a reader gets them, in Debian's Chromium (tests/pa11y.json).

axe-core is the third (tests/test_accessibility.py).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import PAGE_TYPES as READER_PAGES
from conftest import serve

PROJECT = Path(__file__).parents[2]
VNU = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PA11Y = PROJECT / "node_modules" / ".bin" / "pa11y"
# Beside the reader's page types: the pages with forms and the long guides a practitioner opens first.
PAGE_TYPES = {**READER_PAGES, "search with results": "search.html?q=mentor", "worksheet": "handbook/worksheet.html",
              "self-study map": "handbook/self-study.html", "start here": "handbook/start-here.html",
              "plain words": "handbook/plain-words.html", "long scenario read as a role": "scenarios/mentoring.html?read-as=mentor-teacher"}


def test_nu_html_checker_finds_no_error_on_any_page(site):
    assert shutil.which("java"), "Java is needed for the Nu Html Checker (scripts/setup.sh installs default-jre-headless)"
    assert VNU.is_file(), "npm ci installs vnu-jar"
    pages = sorted(str(p) for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in ("_static", "pagefind"))
    assert len(pages) > 40
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').split(str(site))[-1]}:{m.get('lastLine')}: {m['message']}"
              for m in messages if m.get("type") in ("error", "non-document-error")]
    assert errors == [], "\n".join(errors)


@pytest.fixture(scope="module")
def server(site):
    with serve(site) as base:
        yield base


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_pa11y_htmlcs_finds_no_wcag2aa_error(server, kind):
    assert PA11Y.is_file(), "npm ci installs pa11y"
    url = f"{server}/{PAGE_TYPES[kind]}"
    result = subprocess.run([str(PA11Y), "--config", str(PROJECT / "tests" / "pa11y.json"), "--reporter", "json",
                             "--level", "error", "--wait", "500" if "search" in kind else "0", url],
                            capture_output=True, text=True, timeout=180)
    assert result.stdout.strip(), result.stderr
    issues = json.loads(result.stdout)
    assert [(i["code"], i["selector"], i["message"]) for i in issues if i["type"] == "error"] == []
    assert result.returncode == 0, result.stderr
