"""The command line speaks the project's language: a Spanish project's `check`, its framework file's problems and
its help print no English of the builder's; outside a project, and in an English project, the words are English.

What a command prints is read as a page's text is (tests/english_left.py), with what is not the builder's prose
taken out first, as a page's `<code>` is: key, file and command names in backticks, values quoted from the file,
paths and options, and argparse's own words ("usage:"), which stay argparse's.
"""

from __future__ import annotations

import io
import re
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from glassbox_handbook import words
from glassbox_handbook.cli import main

sys.path.insert(0, str(Path(__file__).parents[1]))
from english_left import describe, english_left  # noqa: E402

ARGPARSE = ("usage:", "show this help message and exit", "show program's version number and exit", "positional arguments",
            "options:")
NOT_PROSE = re.compile(r"```.*?```|`[^`\n]*`|'[^'\n]*'|\"[^\"\n]*\"|«[^»\n]*»|“[^”\n]*”|\{[\w:-]+\}|--[\w-]+(?: [A-Z_]+\b)?"
                       r"|\S*/\S*|\S+\.(?:md|py|yaml|bib|json|html)\b\S*", re.S)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            rc = main(list(argv))
        except SystemExit as exc:  # --help, and argparse's own refusals
            rc = int(exc.code or 0)
    return rc, out.getvalue(), err.getvalue()


def builder_english(text: str) -> str:
    """The English of the builder's in what a command printed, as a report ("" when there is none)."""
    for phrase in ARGPARSE:
        text = text.replace(phrase, " ")
    text = re.sub(r"(YAML válido) \(.*?\);", r"\1;", text)  # PyYAML's own words for what it could not read
    left = english_left([" ".join(NOT_PROSE.sub(" ", line).split()) for line in text.splitlines()])
    return describe({"the command's output": left}) if left else ""


@pytest.fixture
def spanish(tmp_path):
    root = tmp_path / "manual"
    rc, out, err = run("new", str(root), "--language", "es")
    assert rc == 0, err
    assert not builder_english(out), builder_english(out)  # `new --language es` speaks Spanish from the start
    assert "Siguientes pasos" in out and "escenarios/" in out
    yield root
    words.use_language("en")


def test_a_spanish_projects_check_tells_a_bad_front_matter_in_spanish(spanish):
    scenario = spanish / "escenarios" / "cuaderno.md"
    text = next(p for p in sorted((spanish / "escenarios").glob("*.md")) if p.name != "index.md").read_text("utf-8")
    fm, body = text[4:].split("\n---\n", 1)
    fm = re.sub(r"^id: .*$", "id: otro-id", fm, flags=re.M)
    fm = re.sub(r"^levels:.*?(?=^\w)", "levels: [nivel-inexistente]\n", fm, flags=re.M | re.S)
    fm = re.sub(r"^license: .*$", "license: MIT\nunknown_key: 1", fm, flags=re.M)
    fm = re.sub(r"^trajectory: .*$", "trajectory: avanz", fm, flags=re.M)
    scenario.write_text(f"---\n{fm}\n---\n{body}\n<b>negrita</b>\n\n## Otra cosa\n", encoding="utf-8")
    rc, out, err = run("--root", str(spanish), "check", "--no-cache", str(scenario))
    assert rc == 1
    assert re.search(r"cuaderno\.md:\d+:\d+: campo desconocido `unknown_key`", err), err
    assert not builder_english(out + err), builder_english(out + err) + "\n\n" + err
    assert re.search(r"\d+ problemas en 1 archivo de escenario\.", err), err  # plurals as Spanish makes them

    scenario.write_text(f"---\n{fm.replace('license: MIT', 'license: CC-BY-4.0').replace('unknown_key: 1', '')}"
                        f"\n---\n{body}\n## Otra cosa\n<b>negrita</b>\n", encoding="utf-8")
    rc, out, err = run("--root", str(spanish), "check", "--no-cache", str(scenario))
    assert rc == 1 and "nivel desconocido 'nivel-inexistente' en `levels`" in err and "¿quiso decir 'avanza'?" in err
    assert "no nombra ningún componente" in err and "no puede contener HTML" in err
    assert not builder_english(out + err), builder_english(out + err) + "\n\n" + err


@pytest.mark.parametrize("breaking", [
    lambda text: text + "\nroles_extra: []\n",  # a key the file does not have
    lambda text: text.replace("levels:", "levels: [\n", 1),  # not YAML
    lambda text: text.replace("{id: proposito,", "{id: practica,", 1),  # the same id twice
    lambda text: text.replace("{id: integrante,", "{id: integrante, side: escuela,", 1),  # a side the file has not
])
def test_a_spanish_projects_bad_framework_file_is_told_in_spanish(spanish, breaking):
    framework = spanish / "framework.yaml"
    framework.write_text(breaking(framework.read_text("utf-8")), encoding="utf-8")
    rc, out, err = run("--root", str(spanish), "check", "--no-cache")
    assert rc == 1 and err.startswith(str(framework)), err
    assert not builder_english(out + err), builder_english(out + err) + "\n\n" + err


def test_a_spanish_projects_help_and_new_scenario_are_spanish(spanish, monkeypatch):
    monkeypatch.chdir(spanish)
    for argv in (["--help"], ["check", "--help"], ["new-scenario", "--help"], ["preview", "--help"], ["build", "--help"]):
        rc, out, err = run(*argv)
        assert rc == 0 and not builder_english(out), (argv, builder_english(out))
    assert "ORDEN" in run("--help")[1]
    rc, out, err = run("new-scenario", "Reunión", "--roles", "docente")
    assert rc == 1 and "docente (no es un rol; los roles son:" in err, err
    assert not builder_english(err), builder_english(err)
    rc, out, err = run("new-scenario", "Reunión")
    assert rc == 0 and out.startswith("Se escribió") and not builder_english(out), out


def test_outside_a_project_and_in_an_english_one_the_command_line_speaks_english(spanish, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rc, out, err = run("check")
    assert rc == 2 and "is not a handbook project" in err and "Start one with:" in err
    rc, out, err = run("--help")
    assert "Make, preview, check and build" in out
    rc, out, err = run("new", str(tmp_path / "english"))
    assert rc == 0 and "Next:" in out and "scenarios/" in out
    rc, out, err = run("--root", str(tmp_path / "english"), "check")
    assert rc == 0 and "2 scenario files checked: no problems." in out
    assert words.language() == "en"  # the command leaves the process in English, whatever the project spoke


def test_a_cached_check_answers_again_in_the_language_conf_py_now_sets(spanish):
    """The check's memory holds printed messages: a project that changes its language is not answered in the old one."""
    scenario = next(p for p in sorted((spanish / "escenarios").glob("*.md")) if p.name != "index.md")
    scenario.write_text(scenario.read_text("utf-8").replace("\n# ", "\n<b>x</b>\n\n# ", 1), encoding="utf-8")
    rc, out, err = run("--root", str(spanish), "check", str(scenario))
    assert rc == 1 and "no puede contener HTML" in err
    conf = spanish / "conf.py"
    conf.write_text(conf.read_text("utf-8").replace('language = "es"', 'language = "en"').replace(
        "language = 'es'", "language = 'en'"), encoding="utf-8")
    rc, out, err = run("--root", str(spanish), "check", str(scenario))
    assert rc == 1 and "is not allowed in a scenario" in err and "no puede" not in err, err
