"""`from-issue`: a "Propose a scenario" issue as GitHub renders it, read into a scenario; and the bot that runs it.

The bodies are the form's own boxes (tests/events/complete-body.md), with boxes taken out, renamed or filled with
hostile text; the bot (scripts/proposal_bot.py) runs on the sample events in tests/events/ with GitHub replaced.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from glassbox_handbook.cli import main
from glassbox_handbook.cli.check import annotation

PROJECT = Path(__file__).resolve().parents[2]
EVENTS = PROJECT / "tests" / "events"
BODY = (EVENTS / "complete-body.md").read_text(encoding="utf-8")
sys.path.insert(0, str(PROJECT / "scripts"))
import proposal_bot  # noqa: E402


def _project(tmp_path: Path) -> Path:
    (tmp_path / "handbook").mkdir()
    (tmp_path / "conf.py").write_bytes((PROJECT / "conf.py").read_bytes())  # the commands read the project's conf.py
    for name in ("framework.yaml", "references.bib"):
        (tmp_path / "handbook" / name).write_bytes((PROJECT / "handbook" / name).read_bytes())
    (tmp_path / "scenarios").mkdir()
    return tmp_path


def _run(tmp_path: Path, body: bytes, capsys) -> tuple[int, str, str]:
    root = _project(tmp_path) if not (tmp_path / "handbook").exists() else tmp_path
    (tmp_path / "body.md").write_bytes(body)
    code = main(["--root", str(root), "from-issue", str(tmp_path / "body.md")])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_complete_proposal_becomes_a_scenario_that_passes_check(tmp_path, capsys):
    code, out, err = _run(tmp_path, BODY.encode(), capsys)
    assert code == 0, err
    path = Path(out.strip())
    assert path == tmp_path / "scenarios" / "mentors-and-faculty-share-one-coaching-calendar.md"
    text = path.read_text(encoding="utf-8")
    meta = yaml.safe_load(text[4:].split("\n---\n", 1)[0])
    assert meta["roles"] == ["mentor-teacher", "university-faculty"] and meta["levels"] == ["school-program"]
    assert meta["privacy"]["deidentified"] is True and meta["contributors"] == [{"name": "Workshop group B"}]
    assert ":basis: first-hand" in text
    assert main(["--root", str(tmp_path), "check", "--no-cache", str(path)]) == 0, capsys.readouterr().err


def test_an_existing_slug_is_never_overwritten_the_proposal_gets_a_new_one(tmp_path, capsys):
    _project(tmp_path)
    taken = tmp_path / "scenarios" / "mentors-and-faculty-share-one-coaching-calendar.md"
    taken.write_text("keep me", encoding="utf-8")
    code, out, err = _run(tmp_path, BODY.encode(), capsys)
    assert code == 0 and out.strip().endswith("calendar-2.md")
    assert "already exists" in err and taken.read_text(encoding="utf-8") == "keep me"


def test_missing_and_renamed_boxes_are_named_in_plain_words(tmp_path, capsys):
    body = BODY.replace("### Title\n", "### Our title\n").replace("### Collaborative project that emerged\n", "")
    code, out, err = _run(tmp_path, body.encode(), capsys)
    assert code == 1 and not out and "Traceback" not in err
    assert "In the box “Title”: this box is missing" in err
    assert "In the box “Our title”: this is not a box" in err
    assert not list((tmp_path / "scenarios").glob("*.md"))


@pytest.mark.parametrize(("hostile", "box", "words"), [
    ("<script>alert(1)</script>", "Felt difficulty or problem of practice", "HTML or script"),
    ("<img src=x onerror=alert(1)>", "Felt difficulty or problem of practice", "HTML or script"),
    ("See https://evil.example/page for more.", "Felt difficulty or problem of practice", "link to a web address"),
    ("Read [this](http://x.y).", "Felt difficulty or problem of practice", "link to a web address"),
    (":::{raw} html\n<b>x</b>\n:::", "Felt difficulty or problem of practice", "HTML or script"),
    ("{cite:p}`x` and ```code```", "Felt difficulty or problem of practice", "formatting code"),
    ("a" * 25_000, "Felt difficulty or problem of practice", "at most 20,000"),
])
def test_hostile_content_gets_a_plain_message_naming_the_box_and_nothing_is_written(tmp_path, capsys, hostile, box, words):
    body = BODY.replace("Coaching stopped when the semester ended.", hostile)
    code, out, err = _run(tmp_path, body.encode(), capsys)
    assert code == 1 and not out and "Traceback" not in err
    assert f"In the box “{box}”" in err and words in err
    assert not list((tmp_path / "scenarios").glob("*.md"))


def test_a_megabyte_and_invalid_utf8_are_refused_in_plain_words(tmp_path, capsys):
    code, _, err = _run(tmp_path, BODY.replace("Coaching stopped", "x" * 1_000_000).encode(), capsys)
    assert code == 1 and "a proposal takes at most" in err and "Felt difficulty" in err
    code, _, err = _run(tmp_path, b"### Title\n\n\xff\xfe bad", capsys)
    assert code == 1 and "could not be read as UTF-8" in err and "Traceback" not in err


def test_names_are_reported_by_box_and_line_without_repeating_them(tmp_path, capsys):
    body = BODY.replace("A mentor teacher and a faculty member convened", "Principal Brown and Mr. John Smith convened")
    code, out, err = _run(tmp_path, body.encode(), capsys)
    assert "looks like a personal name" in err and "Brown" not in err and "Smith" not in err
    assert re.search(r"In the box “Change facilitators”: line 1, from character \d+", err)


def test_a_name_beside_its_role_is_reported_as_one_to_take_out_without_repeating_it(tmp_path, capsys):
    body = BODY.replace("A mentor teacher and a faculty member convened", "Our mentor teacher Maria Lopez convened")
    assert body != BODY
    code, out, err = _run(tmp_path, body.encode(), capsys)
    assert "take the name out: the role beside it, “mentor teacher”, already says who, or, if it is a name you made up" in err
    assert "Maria" not in err and "Lopez" not in err and 'write "the mentor teacher"' not in err


def test_from_issue_then_check_pass_as_the_workflow_runs_them(tmp_path):
    """The two commands as separate processes, as the workflow runs them. Their cost is a benchmark's
    (benchmarks/RESULTS.md: 1.3 s of CPU together, against a 2 s budget), not a timed test's."""
    _project(tmp_path)
    (tmp_path / "body.md").write_text(BODY, encoding="utf-8")
    cmd = [sys.executable, "-m", "glassbox_handbook", "--root", str(tmp_path)]
    out = subprocess.run([*cmd, "from-issue", str(tmp_path / "body.md")], capture_output=True, text=True, check=True).stdout
    checked = subprocess.run([*cmd, "check", "--no-cache", out.strip()], capture_output=True, text=True)
    assert checked.returncode == 0 and "no problems" in checked.stdout, checked.stderr


def _filed(form: dict, answers: dict[str, str]) -> str:
    """An issue body as GitHub renders a filed form: each box's label, then its answer or `_No response_`; the
    checkboxes ticked."""
    boxes = []
    for item in form["body"]:
        if item["type"] == "markdown":
            continue
        attributes = item["attributes"]
        answer = ("\n".join(f"- [X] {o['label']}" for o in attributes["options"]) if item["type"] == "checkboxes"
                  else answers.get(item["id"], "_No response_"))
        boxes.append(f"### {attributes['label']}\n\n{answer}")
    return "\n\n".join(boxes) + "\n"


def test_a_spanish_projects_form_is_spanish_and_an_issue_filed_with_it_becomes_a_scenario_that_passes_check(
        tmp_path, capsys):
    """`new --language es` gives the form in Spanish; `issue-form` prints it from conf.py's language, and `from-issue`
    reads an issue back by the Spanish labels, its component parts and its consent answer, into a file whose comments
    are Spanish, as `new-scenario`'s are."""
    from glassbox_handbook import words

    root = tmp_path / "proyecto"
    try:
        assert main(["new", str(root), "--language", "es"]) == 0
        written = (root / ".github" / "ISSUE_TEMPLATE" / "propose-scenario.yml").read_text(encoding="utf-8")
        capsys.readouterr()
        assert main(["--root", str(root), "issue-form"]) == 0
        assert capsys.readouterr().out == written
        form = yaml.safe_load(written)
        labels = {item.get("id"): item["attributes"].get("label") for item in form["body"]}
        assert form["name"] == "Proponer un escenario" and labels["title"] == "Título"
        assert labels["consent"] == "Consentimiento" and labels["licence"] == "Licencia"
        consent = next(i for i in form["body"] if i.get("id") == "consent")["attributes"]["options"][0]
        body = _filed(form, {
            "title": "Notas semanales que nadie leía", "felt_difficulty": "Las notas de cada semana no llegaban a nadie.",
            "collaborative_project": "Una reunión corta cada viernes.", "primary_focus": "Leer juntos lo escrito.",
            "illustrative_evidence": "Las notas empezaron a citarse en las reuniones.", "levels": "Equipo", "roles": "Integrante del equipo",
            "trajectory": "Avanza", "consent": consent,
            "practica": "En una oración: El equipo lee las notas en voz alta los viernes.\n\n"
                        "Qué pasó: Cada integrante trae una nota.\n\n"
                        "Una pregunta para retomar después: ¿Qué nota cambió algo?\n\n"
                        "De dónde viene el relato: Interpretación\n\nFuente: Un informe del equipo, 2023."})
        (tmp_path / "body.md").write_text(body, encoding="utf-8")
        code = main(["--root", str(root), "from-issue", str(tmp_path / "body.md")])
        out, err = capsys.readouterr()
        assert code == 0 and not err, err
        text = Path(out.strip()).read_text(encoding="utf-8")
        meta = yaml.safe_load(text[4:].split("\n---\n", 1)[0])
        assert meta["levels"] == ["nivel-equipo"] and meta["roles"] == ["integrante"] and meta["trajectory"] == "avanza"
        assert meta["privacy"]["consent"] == "obtained" and meta["privacy"]["deidentified"] is True
        assert meta["contributors"] == [{"name": "Persona anónima que colabora"}]
        assert Path(out.strip()).name == "notas-semanales-que-nadie-leia.md"  # the title's letters without accents
        assert ":basis: interpretacion" in text and "¿Qué nota cambió algo?" in text
        assert "Fuente, tal como la nombraron las personas que colaboran: Un informe del equipo, 2023." in text
        assert main(["--root", str(root), "check", "--no-cache", out.strip()]) == 0, capsys.readouterr().err
        assert "# Las líneas que empiezan con # son comentarios: puede borrarlas." in text  # the file's comments
        assert main(["--root", str(root), "new-scenario", "Reunión de los viernes", "--roles", "lider"]) == 0
        started = (root / "escenarios" / "reunion-de-los-viernes.md").read_text(encoding="utf-8")
        assert "# Quiénes participaron: uno o más de integrante, lider." in started
    finally:
        words.use_language("en")


def test_check_prints_github_annotations_in_actions(tmp_path, monkeypatch, capsys):
    assert annotation("scenarios/a.md:12:5: 'X' looks like a name, fix it") == \
        "::error file=scenarios/a.md,line=12,col=5::'X' looks like a name, fix it"
    assert annotation("no place: 100%\nmore") == "::error::no place: 100%25%0Amore"
    _project(tmp_path)
    bad = tmp_path / "scenarios" / "bad.md"
    bad.write_text("---\nid: bad\n---\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["--root", str(tmp_path), "check", "--no-cache", str(bad)]) == 1
    assert re.search(r"^::error file=.*bad\.md,line=\d+", capsys.readouterr().out, re.M)


class FakeGitHub:
    """GitHub, as the bot sees it: what it was asked to do is kept for the test to read."""

    def __init__(self, writers=("maintainer",), branches=()):
        self.writers, self.branches = set(writers), set(branches)
        self.comments: list[tuple[int, str]] = []
        self.commits: list[tuple[str, str, str, str]] = []
        self.pulls: list[tuple[str, str, str]] = []

    def comment(self, number, text):
        self.comments.append((number, text))

    def permission(self, login):
        return "write" if login in self.writers else "read"

    def branch_exists(self, branch):
        return branch in self.branches

    def commit_file(self, branch, path, text, message):
        self.branches.add(branch)
        self.commits.append((branch, path, text, message))

    def pull_request(self, branch, title, body):
        self.pulls.append((branch, title, body))
        return 99


def _event(name):
    return json.loads((EVENTS / name).read_text(encoding="utf-8"))


def test_the_bot_comments_on_an_opened_proposal():
    api = FakeGitHub()
    assert proposal_bot.handle("issues", _event("issue-opened.json"), api, PROJECT, "review") == "reviewed"
    assert api.comments and "found nothing to fix" in api.comments[0][1] and not api.commits
    assert proposal_bot.handle("issues", _event("issue-opened.json"), FakeGitHub(), PROJECT, "publish") == "ignored"


def test_the_bot_comments_findings_by_box_without_repeating_names():
    api = FakeGitHub()
    proposal_bot.handle("issues", _event("issue-opened-with-names.json"), api, PROJECT)
    text = api.comments[0][1]
    assert "Change facilitators" in text and "personal name" in text
    assert "Brown" not in text and "Smith" not in text


def test_approval_by_a_maintainer_opens_a_pull_request_with_credit():
    api = FakeGitHub()
    assert proposal_bot.handle("issue_comment", _event("comment-approve.json"), api, PROJECT) == "published"
    branch, path, text, message = api.commits[0]
    assert branch == "scenario/issue-17" and path.startswith("scenarios/") and "Workshop group B" in text
    assert "Resolves #17" in message and "Co-authored-by: Workshop group B <4242+teacher-ed@users.noreply.github.com>" in message
    assert api.pulls and "Resolves #17" in api.pulls[0][2]


def test_approval_by_someone_without_write_access_is_refused():
    api = FakeGitHub()
    assert proposal_bot.handle("issues", _event("label-approved-by-stranger.json"), api, PROJECT) == "refused"
    assert not api.commits and "write access" in api.comments[0][1]


def test_a_later_edit_of_an_approved_proposal_updates_the_same_branch():
    event = _event("issue-opened.json")
    event["action"] = "edited"
    event["issue"]["labels"].append({"name": "approved"})
    api = FakeGitHub(branches={"scenario/issue-17"})
    assert proposal_bot.handle("issues", event, api, PROJECT, "publish") == "updated"
    assert api.commits[0][0] == "scenario/issue-17"


WORKFLOW = PROJECT / ".github" / "workflows" / "proposals.yml"


def test_no_issue_or_comment_expression_reaches_a_shell_line():
    for wf in (PROJECT / ".github" / "workflows").glob("*.yml"):
        for job in yaml.safe_load(wf.read_text(encoding="utf-8"))["jobs"].values():
            for step in job.get("steps", []):
                assert not re.search(r"\$\{\{[^}]*github\.event\.(issue|comment)", step.get("run", "")), (wf.name, step)


def test_the_proposal_jobs_have_only_the_permissions_they_need():
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert flow["permissions"] == {}
    assert flow["jobs"]["review"]["permissions"] == {"contents": "read", "issues": "write"}  # it only comments
    allowed = {"contents": {"read", "write"}, "issues": {"write"}, "pull-requests": {"write"}}
    for job in flow["jobs"].values():
        assert set(job["permissions"]) <= set(allowed) and all(v in allowed[k] for k, v in job["permissions"].items())
        assert all(s.get("with", {}).get("persist-credentials") is False for s in job["steps"] if "checkout" in s.get("uses", ""))


def test_the_bots_comment_on_a_spanish_projects_proposal_is_spanish(tmp_path, capsys):
    """The workflow's comment speaks the project's language: its thanks, each box's problem and what the scenario
    check says, with no English of the builder's (tests/english_left.py) and no name repeated."""
    from glassbox_handbook import words
    from glassbox_handbook.core.issue_form import LABEL
    from test_command_line_in_spanish import builder_english

    root = tmp_path / "proyecto"
    try:
        assert main(["new", str(root), "--language", "es"]) == 0
        form = yaml.safe_load((root / ".github" / "ISSUE_TEMPLATE" / "propose-scenario.yml").read_text(encoding="utf-8"))
        body = _filed(form, {
            "title": "Notas semanales", "felt_difficulty": "Las notas de cada semana no llegaban a nadie.",
            "collaborative_project": "Una reunión corta cada viernes, con la directora Marta Quintanilla.",
            "primary_focus": "Leer juntos lo escrito.", "illustrative_evidence": "Las notas empezaron a citarse.",
            "levels": "Equipo\nDistrito entero", "roles": "Integrante del equipo", "trajectory": "Avanza",
            "practica": "En una oración: El equipo lee las notas en voz alta.\n\nDe dónde viene el relato: Memoria"})
        event = {"action": "opened", "issue": {"number": 7, "labels": [{"name": LABEL}], "body": body,
                                               "user": {"id": 1, "login": "alguien"}}}
        api = FakeGitHub()
        assert proposal_bot.handle("issues", event, api, root, "review") == "reviewed"
        comment = api.comments[0][1]
        assert "¡Gracias!" in comment and "«Distrito entero» no es uno de los niveles" in comment
        assert "Quintanilla" not in comment and "Marta" not in comment
        assert not builder_english(comment.replace(proposal_bot.MARK, "")), comment
        event["issue"]["body"] = body.replace("Distrito entero", "").replace(" con la directora Marta Quintanilla", "")
        api = FakeGitHub()
        proposal_bot.handle("issues", event, api, root, "review")
        assert not builder_english(api.comments[0][1].replace(proposal_bot.MARK, "")), api.comments[0][1]
    finally:
        words.use_language("en")
