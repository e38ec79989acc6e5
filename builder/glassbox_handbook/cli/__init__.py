"""The command line: `glassbox-handbook COMMAND` (the same program as `python -m glassbox_handbook`).

One module per command, each with a `register(subparsers)` that adds its parser;
`main` only lists them. Every command that works on a project reads its `conf.py`
(`glassbox_handbook.cli.project`); outside a project it says how to start one.
Heavy imports (Sphinx's application, the scenario parser) happen inside the
commands that need them, so `check` on unchanged files stays quick.
"""

from __future__ import annotations

import argparse
import sys

from glassbox_handbook.cli import build, check, new, new_scenario, preview, proposals, reference
from glassbox_handbook.cli.project import ProjectError
from glassbox_handbook.core.problems import ProblemList
from glassbox_handbook.version import __version__


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="glassbox-handbook", description="Make, preview, check and build a Glass-Box Handbook: a website and "
        "printable kit for a framework, its scenarios and design prompts.")
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    top.add_argument("--root", help="the project's folder (default: the current folder or the nearest above it "
                     "with conf.py)")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    new.register(sub)
    preview.register(sub)
    build.register(sub)
    check.register(sub)
    new_scenario.register(sub)
    reference.register(sub)
    proposals.register(sub)
    return top


def main(argv: list[str] | None = None) -> int:
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
