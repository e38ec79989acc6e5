"""The glue around the package: CI workflows, issue forms, Read the Docs, pre-commit, citation.

Every check runs the real tool offline: actionlint (as jactionlint, see pyproject.toml)
with shellcheck over the workflows, check-jsonschema with its vendored schemas,
cffconvert, pre-commit's own config validator, and the pinned ruff exactly as the
pre-commit hook runs it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path

import pytest
import yaml

PROJECT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
WORKFLOWS = sorted((PROJECT / ".github" / "workflows").glob("*.y*ml"))
ISSUE_FORMS = sorted(p for p in (PROJECT / ".github" / "ISSUE_TEMPLATE").glob("*.y*ml") if p.name != "config.yml")
# cffconvert 2.0 pins jsonschema<4, which check-jsonschema cannot share: setup.sh gives it a venv.
CFFCONVERT = PROJECT / ".venv" / "cffconvert" / "bin" / "cffconvert"


def tool(name: str) -> str:
    """A command installed with the test dependencies, beside this interpreter."""
    path = BIN / name
    assert path.is_file(), f"{name} is not installed beside {sys.executable}; run ./scripts/setup.sh"
    return str(path)


def offline_env() -> dict[str, str]:
    """Any attempt to reach the network goes to a closed port and fails."""
    env = dict(os.environ)
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
        env[var] = "http://127.0.0.1:9"
    env.pop("NO_PROXY", None)
    env.pop("no_proxy", None)
    env["PIP_NO_INDEX"] = "1"
    return env


def check(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(cmd, cwd=PROJECT, env=offline_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{' '.join(cmd)}:\n{result.stdout}\n{result.stderr}"
    return result


def test_there_is_glue_to_check():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "pages.yml", "proposals.yml"}
    assert ISSUE_FORMS


def test_actionlint_with_shellcheck_finds_nothing():
    # The correctness profile is what actionlint checks (the default adds policy rules,
    # such as pinning actions by commit, that this project does not follow).
    check([tool("jactionlint"), "--no-online", "--profile", "correctness", "--strict-exit", "--no-color",
           f"--shellcheck={tool('shellcheck')}", "--pyflakes=", *map(str, WORKFLOWS)])


def test_actionlint_does_find_problems(tmp_path):
    """The same command fails on a workflow with a bad input and a shellcheck finding."""
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n"
                   "      - uses: actions/checkout@v7\n        with: {fetch-dept: 1}\n"
                   "      - run: echo $UNQUOTED\n")
    result = subprocess.run([tool("jactionlint"), "--no-online", "--profile", "correctness", "--no-color",
                             f"--shellcheck={tool('shellcheck')}", "--pyflakes=", str(bad)],
                            env=offline_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    assert '"fetch-dept" is not defined' in result.stdout and "SC2086" in result.stdout, result.stdout


def test_shell_scripts_pass_shellcheck():
    scripts = [PROJECT / ".ci" / "run", *sorted((PROJECT / "scripts").glob("*.sh"))]
    check([tool("shellcheck"), *map(str, scripts)])


@pytest.mark.parametrize(("schema", "files"), [
    ("vendor.github-workflows", WORKFLOWS),
    ("custom.github-workflows-require-timeout", WORKFLOWS),
    ("vendor.github-issue-forms", ISSUE_FORMS),
    ("vendor.readthedocs", [PROJECT / ".readthedocs.yaml"]),
    ("vendor.citation-file-format", [PROJECT / "CITATION.cff"]),
])
def test_files_match_their_schemas(schema, files):
    assert files
    check([tool("check-jsonschema"), "--no-cache", "--builtin-schema", schema, *map(str, files)])


def test_schemas_are_vendored_in_the_package():
    """check-jsonschema reads these from its own package, not from the network."""
    vendor = resources.files("check_jsonschema.builtin_schemas.vendor")
    for name in ("github-workflows", "github-issue-forms", "readthedocs", "citation-file-format"):
        text = (vendor / f"{name}.json").read_text(encoding="utf-8")
        assert '"$schema"' in text, name


def test_cffconvert_validates_the_citation():
    assert CFFCONVERT.is_file(), f"{CFFCONVERT} is missing; run ./scripts/setup.sh"
    result = check([str(CFFCONVERT), "--validate", "-i", str(PROJECT / "CITATION.cff")])
    assert "valid" in result.stdout, result.stdout


def test_pre_commit_config_is_valid():
    # No builtin schema in check-jsonschema for it; pre-commit validates its own format offline.
    check([tool("pre-commit"), "validate-config", str(PROJECT / ".pre-commit-config.yaml")])


def pre_commit_hooks() -> dict[str, dict]:
    config = yaml.safe_load((PROJECT / ".pre-commit-config.yaml").read_text())
    return {hook["id"]: {**hook, "repo": repo["repo"], "rev": repo.get("rev")} for repo in config["repos"]
            for hook in repo["hooks"]}


def test_pre_commit_ruff_is_the_tested_ruff():
    pinned = [r for r in tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["test"]
              if re.match(r"ruff\b", r)]
    assert len(pinned) == 1 and (m := re.fullmatch(r"ruff==([\w.]+)", pinned[0])), f"pin ruff exactly in the test extra: {pinned}"
    version = m.group(1)
    hook = pre_commit_hooks()["ruff-check"]
    assert hook["repo"].endswith("/ruff-pre-commit") and hook["rev"] == f"v{version}"
    installed = check([tool("ruff"), "--version"]).stdout.split()
    assert installed == ["ruff", version], installed


def test_ruff_passes_as_pre_commit_runs_it():
    # The ruff-check hook: `ruff check --force-exclude` on every tracked Python file, with the repo's config.
    files = subprocess.run(["git", "ls-files", "-z", "--", "*.py", "*.pyi"], cwd=PROJECT, capture_output=True, text=True,
                           check=True).stdout.split("\0")
    files = [f for f in files if f and (PROJECT / f).is_file()]
    assert "builder/glassbox_handbook/__init__.py" in files
    check([tool("ruff"), "check", "--force-exclude", "--no-cache", *files])
    check([tool("ruff"), "check", "--no-cache", "."])


def test_scenario_hook_runs_on_scenarios_only():
    hook = pre_commit_hooks()["scenario-check"]
    files, exclude = re.compile(hook["files"]), re.compile(hook.get("exclude", "^$"))

    def runs_on(path: str) -> bool:  # pre-commit's own test: `files` searches, `exclude` does not match
        return bool(files.search(path)) and not exclude.search(path)

    scenarios = sorted(p for p in (PROJECT / "scenarios").glob("*.md") if p.name != "index.md" and not p.name.startswith("_"))
    assert scenarios
    for path in scenarios:
        assert runs_on(f"scenarios/{path.name}"), path.name
    for other in ("scenarios/index.md", "scenarios/_template.md", "scenarios/scenario.schema.json", "handbook/index.md",
                  "scenarios/sub/x.md", "README.md", "tests/roots/test-basic/scenarios/first.md"):
        assert not runs_on(other), other
