"""The command line: `glassbox-handbook COMMAND` (the same program as `python -m glassbox_handbook`).

One module per command, each with a `register(subparsers)` that adds its parser;
`main` only lists them. Every command that works on a project reads its `conf.py`
(`glassbox_handbook.cli.project`); outside a project it says how to start one.
Heavy imports (Sphinx's application, the scenario parser) happen inside the
commands that need them, so `check` on unchanged files stays quick.

The command line speaks the project's language (conf.py's `language`), as its
pages do: `main` reads conf.py before it builds the parser, so the help texts,
the progress lines and every problem come from the builder's catalog in that
language. Outside a project it speaks English, and `new --language es` speaks
Spanish from the start. argparse's own words ("usage:") stay argparse's.
"""

from __future__ import annotations

import argparse
import sys

from glassbox_handbook.cli import build, check, new, new_scenario, preview, proposals, reference
from glassbox_handbook.cli.project import ProjectError, open_project
from glassbox_handbook.core.problems import ProblemList
from glassbox_handbook.version import __version__
from glassbox_handbook.words import _, use_language


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="glassbox-handbook", description=_("Make, preview, check and build a Glass-Box Handbook: a website and "
                                                "printable kit for a framework, its scenarios and design prompts."))
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    top.add_argument("--root", help=_("the project's folder (default: the current folder or the nearest above it "
                                      "with {conf})").format(conf="conf.py"))
    sub = top.add_subparsers(dest="command", required=True, metavar=_("COMMAND"))
    new.register(sub)
    preview.register(sub)
    build.register(sub)
    check.register(sub)
    new_scenario.register(sub)
    reference.register(sub)
    proposals.register(sub)
    return top


def _asked(argv: list[str]) -> tuple[str | None, str | None, list[str]]:
    """The command, the `--root` and the command's own arguments, read before argparse reads them (the
    parser's help is written in the language this chooses)."""
    root, i = None, 0
    while i < len(argv):
        word = argv[i]
        if word == "--root" and i + 1 < len(argv):
            root, i = argv[i + 1], i + 2
        elif word.startswith("--root="):
            root, i = word.split("=", 1)[1], i + 1
        elif word.startswith("-"):
            i += 1
        else:
            return word, root, argv[i + 1:]
    return None, root, []


def speak_for(argv: list[str]) -> None:
    """Speak the language of the project the command works on: conf.py's `language` (English outside a project
    or when conf.py cannot be read; the command then says why); for `new`, its `--language` when there is a
    starting project in that language."""
    command, root, rest = _asked(argv)
    if command == "new":
        chosen = next((rest[k + 1] for k, word in enumerate(rest[:-1]) if word == "--language"),
                      next((word.split("=", 1)[1] for word in rest if word.startswith("--language=")), "en"))
        use_language(chosen if chosen in new.languages() else "en")
        return
    try:
        open_project(root).speak()
    except (ProjectError, OSError):
        use_language("en")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    speak_for(argv)
    try:
        return _run(argv)
    finally:
        use_language("en")  # a caller in the same process (a test, a script) meets English as before


def _run(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except ProjectError as exc:
        print(exc, file=sys.stderr)
        return 2
    except ProblemList as exc:  # the framework file is wrong: each problem with its place and its fix
        print(exc, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
