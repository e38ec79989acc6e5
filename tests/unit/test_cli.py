"""The contributor's command line: same checks as the build, clear messages, exit status 0/1."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from glassbox_handbook.cli import main
from glassbox_handbook.core.framework import load_framework
from glassbox_handbook.core.schema import schema_text
from glassbox_handbook.core.skeleton import EXAMPLE, template

PROJECT = Path(__file__).parents[2]


def run(*args: str, cwd: Path = PROJECT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "glassbox_handbook", *args], cwd=cwd, capture_output=True, text=True)


def test_check_passes_on_the_handbook_scenarios():
    result = run("check")
    assert result.returncode == 0, result.stderr
    assert "scenario files checked: no problems" in result.stdout


def _project_copy(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    (root / "handbook").mkdir(parents=True)
    shutil.copy(PROJECT / "conf.py", root / "conf.py")
    for name in ("framework.yaml", "references.bib"):
        shutil.copy(PROJECT / "handbook" / name, root / "handbook" / name)
    shutil.copytree(PROJECT / "scenarios", root / "scenarios")
    return root


def test_check_reports_file_line_col_fix_and_did_you_mean(tmp_path):
    root = _project_copy(tmp_path)
    path = root / "scenarios" / "mentoring.md"
    path.write_text(path.read_text().replace("## Vertical coherence", "## Vertical coherance").replace(
        "trajectory: sustained-redesign", "trajectory: sustained-redesing"))
    result = run("check", "scenarios/mentoring.md", cwd=root)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert any(line.startswith("scenarios/mentoring.md:") and "unknown trajectory 'sustained-redesing'" in line
               and "did you mean 'sustained-redesign'?" in line for line in lines)
    assert any("the section 'Vertical coherance' names no component" in line and "did you mean 'Vertical coherence'?" in line
               for line in lines)
    assert "Traceback" not in result.stderr


def test_check_flags_identifying_details(tmp_path):
    root = _project_copy(tmp_path)
    path = root / "scenarios" / "mentoring.md"
    path.write_text(path.read_text() + "\nAsk principal Maria Lopez (maria@school.org, 555-123-4567).\n")
    result = run("check", "scenarios/mentoring.md", cwd=root)
    assert result.returncode == 1
    for what in ("'Maria Lopez' looks like a personal name", "an e-mail address", "a phone number"):
        assert what in result.stderr
    assert 'write "the principal" in place of the role and the name' in result.stderr  # not "Ask principal the principal"


def test_new_scenario_writes_a_skeleton_that_check_refuses_until_filled_in(tmp_path):
    root = _project_copy(tmp_path)
    rc = main(["--root", str(root), "new-scenario", "Coaching cycles across schools",
               "--components", "change-facilitators,learning-agents", "--levels", "school-program",
               "--roles", "mentor-teacher,university-faculty", "--author", "A. Contributor"])
    assert rc == 0
    written = root / "scenarios" / "coaching-cycles-across-schools.md"
    text = written.read_text()
    assert "## Change facilitators" in text and "## Learning agents" in text
    result = run("check", str(written), cwd=root)
    assert result.returncode == 1
    for what in ("the summary is still the template's example", "the prompt is still the template's example",
                 "the story is still the template's example", "not yet confirmed as de-identified"):
        assert what in result.stderr, result.stderr
    assert re.search(r"coaching-cycles-across-schools\.md:\d+:\d+: ", result.stderr)

    filled = _fill_examples(text)
    written.write_text(filled.replace("deidentified: false", "deidentified: true"))
    result = run("check", str(written), cwd=root)
    assert result.returncode == 0, result.stderr


def _fill_examples(text: str) -> str:
    """Put a contributor's own words in place of every example paragraph of the skeleton."""
    examples = {" ".join(p.split()) for p in (EXAMPLE.summary, EXAMPLE.story, EXAMPLE.prompt)}
    out = []
    for block in text.split("\n\n"):
        lines = block.split("\n")
        body = [i for i, line in enumerate(lines) if line and not line.startswith((":", "#", "%"))]
        words = " ".join(" ".join(lines[i] for i in body).split())
        if body and (words in examples or "{concept}" in words):
            lines = [line for i, line in enumerate(lines) if i not in body[1:]]
            lines[body[0]] = "In our own words: coaching stopped at the school door when the term ended."
        out.append("\n".join(lines))
    return "\n\n".join(out)


def test_checked_in_template_is_the_skeleton():
    fw = load_framework(PROJECT / "handbook" / "framework.yaml")
    assert (PROJECT / "scenarios" / "_template.md").read_text() == template(fw), \
        "run: python -m glassbox_handbook template > scenarios/_template.md"


def test_checked_in_json_schema_is_current():
    fw = load_framework(PROJECT / "handbook" / "framework.yaml")
    assert (PROJECT / "scenarios" / "scenario.schema.json").read_text() == schema_text(fw), \
        "run: python -m glassbox_handbook schema > scenarios/scenario.schema.json"


def test_an_unfilled_template_is_refused(tmp_path):
    root = _project_copy(tmp_path)
    shutil.copy(root / "scenarios" / "_template.md", root / "scenarios" / "my-scenario.md")
    result = run("check", "scenarios/my-scenario.md", cwd=root)
    assert result.returncode == 1
    assert "the contributor is still the template's example" in result.stderr
    assert "the title is still the template's example" in result.stderr
