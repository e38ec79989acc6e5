"""Commands for proposals made with the "Propose a scenario" issue form: `from-issue`, `issue-form`, `repository`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from glassbox_handbook.cli.project import open_project
from glassbox_handbook.words import _


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("from-issue", help=_("write the scenario a “{form}” issue proposes").format(form=_("Propose a scenario")))
    p.add_argument("body", help=_("a file holding the issue's text as GitHub renders it (- for standard input)"))
    p.set_defaults(func=from_issue)
    p = sub.add_parser("repository", help=_("print the repository's address; {option} puts it in {files}").format(
        option="--write", files="README, pyproject, CITATION"))
    p.add_argument("--url", help=_("the address to use (default: the setting in {conf}, {variable}, the git remote)").format(
        conf="conf.py", variable="GITHUB_REPOSITORY"))
    p.add_argument("--write", action="store_true", help=_("write the address into {files}").format(
        files="README, pyproject, CITATION"))
    p.set_defaults(func=repository)
    p = sub.add_parser("issue-form", help=_("print the “{form}” issue form ({folder})").format(
        form=_("Propose a scenario"), folder=".github/ISSUE_TEMPLATE"))
    p.set_defaults(func=issue_form)


def from_issue(args: argparse.Namespace) -> int:
    """Write the scenario a "Propose a scenario" issue body proposes; report problems by the form's boxes."""
    from glassbox_handbook.core.framework import load_framework
    from glassbox_handbook.core.from_issue import read_proposal

    project = open_project(args.root)
    project.speak()  # a Spanish project's form is Spanish, and its issues are read back by their Spanish labels
    try:
        raw = sys.stdin.buffer.read() if args.body == "-" else Path(args.body).read_bytes()
    except OSError as exc:
        print(f"{args.body}: " + _("cannot be read ({reason}); give the file that holds the issue's text").format(
            reason=exc.strerror), file=sys.stderr)
        return 2
    fw = load_framework(project.framework)
    folder = project.scenarios
    proposal = read_proposal(raw, fw, folder, fw.words)
    for problem in proposal.problems:
        print(problem, file=sys.stderr)
    if not proposal.text:
        print(_("No scenario was written: fix the boxes named above and edit the issue."), file=sys.stderr)
        return 1
    target = folder / f"{proposal.slug}.md"
    try:
        with target.open("x", encoding="utf-8") as out:  # "x": never over a scenario that exists
            out.write(proposal.text)
    except FileExistsError:
        print(_("{target} already exists; nothing was overwritten").format(target=target), file=sys.stderr)
        return 1
    print(target)
    return 0


def repository(args: argparse.Namespace) -> int:
    """Print the repository's address as the build finds it; with --write, put it in README, pyproject and CITATION."""
    from glassbox_handbook.core.repository import fill_files, repository_url

    project = open_project(args.root)
    root = project.root
    url = repository_url(args.url or project.settings.repository, root)
    print(url or _("The repository's address is not known: set {setting} in {conf}, {variable}, or a git remote named "
                   "{remote}.").format(setting="glassbox_repository", conf="conf.py", variable="GITHUB_REPOSITORY",
                                       remote="origin"))
    if args.write:
        for path in fill_files(root, url):
            print(_("updated {file}").format(file=path))
    return 0


def issue_form(args: argparse.Namespace) -> int:
    from glassbox_handbook.core.framework import load_framework
    from glassbox_handbook.core.issue_form import form_yaml

    project = open_project(args.root)
    project.speak()  # a Spanish project's form is Spanish, and its issues are read back by their Spanish labels
    sys.stdout.write(form_yaml(load_framework(project.framework)))
    return 0
