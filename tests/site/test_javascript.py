"""The browser scripts' own checks, run from pytest so that CI (which runs only pytest) runs them.

Types (`tsc --checkJs`), lint (ESLint) and the Node unit tests of tests/js, each
must exit 0. Then the contract between the Python side and the scripts, on what
Python makes: the worksheet's script fills in the skeleton the page embeds, and
the draft it writes from awkward answers reads back the same in PyYAML and
passes `check`; the JSON the build embeds in a page reads back the same in the
script. None of these skip: without Node or node_modules they fail and say how
to set up.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from glassbox_handbook.core.framework import load_framework
from glassbox_handbook.views.common import json_script as _json_script
from glassbox_handbook.views.worksheet import scenario_worksheet

PROJECT = Path(__file__).parents[2]
CONTRACT = PROJECT / "tests" / "js" / "helpers" / "contract.mjs"
SETUP = "run ./scripts/setup.sh (or `npm ci`) in the project folder first"

CHECKS = {
    "typecheck": ["npx", "--no", "--", "tsc", "--noEmit", "-p", "."],
    "lint": ["npx", "--no", "--", "eslint", "--max-warnings", "0", "builder/glassbox_handbook/web/static", "tests/js"],
    "unit tests": ["node", "--test", "tests/js/"],
}


def _node(args: list[str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    assert shutil.which(args[0]), f"{args[0]} is not installed (Node.js 20 or later is needed): {SETUP}"
    return subprocess.run(args, cwd=PROJECT, input=stdin, capture_output=True, text=True, encoding="utf-8", timeout=300)


@pytest.mark.parametrize("check", list(CHECKS))
def test_javascript_check_passes(check: str) -> None:
    assert (PROJECT / "node_modules" / ".bin" / "tsc").exists(), f"node_modules is missing: {SETUP}"
    result = _node(CHECKS[check])
    assert result.returncode == 0, f"{' '.join(CHECKS[check])} failed:\n{result.stdout}\n{result.stderr}"


def _front(text: str) -> str:
    """The YAML between the file's first line `---` and the next line that is only `---`."""
    lines = text.split("\n")
    end = lines.index("---", 1)
    return "\n".join(lines[1:end]) + "\n"


def _worksheet_data() -> dict:
    html = scenario_worksheet(load_framework(PROJECT / "handbook" / "framework.yaml"))[0].astext()
    found = re.search(r'<script type="application/json" id="gb-worksheet-data">(.*?)</script>', html, re.S)
    assert found, "the worksheet embeds no gb-worksheet-data"
    return json.loads(found.group(1))


def _draft(data: dict, answers: dict) -> dict:
    result = _node(["node", str(CONTRACT), "draft"], json.dumps({"data": data, "answers": answers}))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


ANSWERS = {
    "felt_difficulty": "Coaching stopped\nwhen the semester ended.",
    "collaborative_project": "key: value # not a comment",
    "primary_focus": "- not a list item, &anchor *alias !tag",
    "illustrative_evidence": "Mentors said: «keep it» — 中文 😀",
    "levels": ["school-program"],
    "roles": ["mentor-teacher", "university-faculty"],
    "change-facilitators-summary": "A mentor and a faculty member convened the calendar together.",
    "change-facilitators-story": "They met monthly.\n\nOthers joined later.",
    "name": "Ünïcode «Group»: B",
    "trajectory": "held-tension",
    "change-facilitators-basis": "interpretation",
    "consent": "not-needed",
    "deidentified": ["people", "places", "details", "quotes", "reread"],
}


def test_draft_front_matter_reads_back_the_same_in_pyyaml() -> None:
    title = 'He said "no": it\'s </script>\n# not a heading \u0085 DEL\u007f é 😀'
    draft = _draft(_worksheet_data(), {**ANSWERS, "title": title})
    front = _front(draft["text"])
    meta = yaml.load(front, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert meta["title"] == 'He said "no": it\'s </script> # not a heading \u0085 DEL\u007f é 😀'
    assert meta["collaborative_project"] == ANSWERS["collaborative_project"]
    assert meta["primary_focus"] == ANSWERS["primary_focus"]
    assert meta["illustrative_evidence"] == ANSWERS["illustrative_evidence"]
    assert meta["felt_difficulty"] == "Coaching stopped when the semester ended."
    assert meta["contributors"] == [{"name": ANSWERS["name"]}]
    assert meta["roles"] == ANSWERS["roles"] and meta["levels"] == ["school-program"]
    assert meta["privacy"] == {"deidentified": True, "consent": "not-needed", "pseudonyms": []}  # the one skeleton's fields


def test_draft_from_the_embedded_skeleton_passes_check(tmp_path: Path) -> None:
    title = 'Mentors and faculty: who keeps the "calendar"? — é'
    draft = _draft(_worksheet_data(), {**ANSWERS, "title": title})
    path = tmp_path / "scenarios" / f"{draft['id']}.md"
    path.parent.mkdir()
    path.write_text(draft["text"], encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "glassbox_handbook", "--root", str(PROJECT), "check", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr + "\n" + draft["text"]


def test_draft_without_a_role_names_none() -> None:
    draft = _draft(_worksheet_data(), {**ANSWERS, "title": "No role", "roles": []})
    assert draft["roles"] == []
    assert yaml.safe_load(_front(draft["text"]))["roles"] == []


def test_json_the_build_embeds_reads_back_the_same_in_the_script() -> None:
    value = {"title": "</script><script>alert(1)</script> <!-- x --> & \"q\" 'a' é 😀\u2028\n", "n": [1, True, None]}
    element = _json_script("gb-test", value)
    text = element.split(">", 1)[1].rsplit("</script>", 1)[0]
    assert "</" not in text
    result = _node(["node", str(CONTRACT), "island"], text)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == value


def test_worksheet_without_a_role_says_so_where_the_download_is(site: Path, browser) -> None:
    page = browser.new_page(accept_downloads=True)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((site / "handbook" / "worksheet.html").as_uri())
    page.fill("#ws-title", "No role ticked")
    page.fill("#ws-change-facilitators-summary", "A mentor convened the calendar.")
    with page.expect_download() as info:
        page.click(".gb-ws-download")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert yaml.safe_load(_front(text))["roles"] == []
    status = page.locator(".gb-ws-actions + .gb-ws-status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert "the roles involved" in status.inner_text() and status.is_visible()
    page.check("input[name=roles][value=mentor-teacher]")
    with page.expect_download():
        page.click(".gb-ws-download")
    assert "the roles involved" not in status.inner_text() and "how far the work has gone" in status.inner_text()
    assert errors == []
    page.close()
