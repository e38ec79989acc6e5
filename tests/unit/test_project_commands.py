"""The console command as a project's user meets it: `new`, and every command reading conf.py (no build here)."""

from __future__ import annotations

import io
import shutil
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from glassbox_handbook.cli import main
from glassbox_handbook.cli.project import open_project

BASIC = Path(__file__).parents[1] / "roots" / "test-basic"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            rc = main(list(argv))
        except SystemExit as exc:  # argparse's own refusals
            rc = int(exc.code or 0)
    return rc, out.getvalue(), err.getvalue()


def test_new_writes_a_complete_project(tmp_path):
    """(Its time is a benchmark's: benchmarks/RESULTS.md.)"""
    rc, out, err = run("new", str(tmp_path / "field-notes"))
    assert rc == 0, err
    root = tmp_path / "field-notes"
    for name in ("conf.py", "framework.yaml", "index.md", "references.bib", "references.md", "README.md",
                 "requirements.txt", ".gitignore", ".github/workflows/ci.yml", ".github/workflows/pages.yml",
                 ".github/ISSUE_TEMPLATE/propose-scenario.yml",
                 "scenarios/index.md"):
        assert (root / name).is_file(), name
    assert len([p for p in (root / "scenarios").glob("*.md") if p.name != "index.md"]) == 2
    conf = (root / "conf.py").read_text()
    assert "project = 'Field notes'" in conf and 'html_theme = "furo"' in conf and "language = 'en'" in conf
    assert "cd " in out and "glassbox-handbook preview" in out


def test_new_project_passes_its_own_check_and_gives_conf_py_to_every_command(tmp_path, monkeypatch):
    run("new", str(tmp_path / "p"), "--title", "Our \"quoted\" handbook", "--author", "O'Neil Lab")
    project = open_project(str(tmp_path / "p"))
    assert project.config.project == 'Our "quoted" handbook' and project.config.author == "O'Neil Lab"
    monkeypatch.chdir(tmp_path / "p" / "components")  # a folder below the project: found as git finds .git
    rc, out, err = run("check")
    assert rc == 0 and "2 scenario files checked: no problems." in out, err
    rc, out, err = run("new-scenario", "A third case", "--roles", "lead")
    assert rc == 0, err
    assert (tmp_path / "p" / "scenarios" / "a-third-case.md").is_file()
    rc, out, err = run("new-scenario", "Another", "--roles", "teacher")
    assert rc == 1 and "teacher (not a role; the roles are: member, lead)" in err


def test_commands_follow_the_paths_conf_py_sets(tmp_path, monkeypatch):
    root = tmp_path / "elsewhere"
    shutil.copytree(BASIC, root)  # framework.yaml and refs.bib at the top, set in conf.py: no handbook/ folder
    monkeypatch.chdir(root)
    rc, out, err = run("check")
    assert rc == 0, err
    rc, out, err = run("template")
    assert rc == 0 and "top-pair" in out, err


@pytest.mark.parametrize("command", [["check"], ["build"], ["preview"], ["new-scenario", "A title"], ["schema"],
                                     ["template"]])
def test_every_command_outside_a_project_says_how_to_start_one(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    rc, out, err = run(*command)
    assert rc == 2
    assert "is not a handbook project" in err and "glassbox-handbook new my-handbook" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("make", ["file inside", "a file"])
def test_new_refuses_a_folder_that_is_not_empty_and_touches_nothing(tmp_path, make):
    target = tmp_path / "mine"
    if make == "a file":
        target.write_text("mine")
    else:
        target.mkdir()
        (target / "notes.md").write_text("mine")
    rc, out, err = run("new", str(target))
    assert rc == 1 and "Traceback" not in err
    assert ("is not empty" in err and "notes.md" in err) if make == "file inside" else "is a file" in err
    kept = target.read_text() if target.is_file() else (target / "notes.md").read_text()
    assert kept == "mine" and (not target.is_dir() or sorted(p.name for p in target.iterdir()) == ["notes.md"])


def test_new_into_an_empty_folder_works_and_an_unknown_language_is_refused(tmp_path):
    (tmp_path / "empty").mkdir()
    assert run("new", str(tmp_path / "empty"))[0] == 0
    rc, out, err = run("new", str(tmp_path / "x"), "--language", "tlh")
    assert rc == 1 and "no starting project in 'tlh'" in err and not (tmp_path / "x").exists()


def test_a_broken_conf_py_is_reported_with_its_file_not_a_traceback(tmp_path, monkeypatch):
    (tmp_path / "conf.py").write_text("project = 'x'\nextensions = [\n")
    monkeypatch.chdir(tmp_path)
    rc, out, err = run("check")
    assert rc == 2 and "conf.py" in err and "Fix conf.py" in err and "Traceback" not in err


def test_the_console_command_is_the_module_main():
    import tomllib

    scripts = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts == {"glassbox-handbook": "glassbox_handbook.cli:main"}
    assert sys.modules["glassbox_handbook.cli"].main is main
