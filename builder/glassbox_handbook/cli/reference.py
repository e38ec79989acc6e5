"""Commands that print what a project's files must look like: `schema`, `template`, `settings`."""

from __future__ import annotations

import argparse
import sys

from glassbox_handbook.cli import reference_pages
from glassbox_handbook.cli.project import open_project
from glassbox_handbook.words import _


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("schema", help=_("print the JSON Schema of scenario front matter"))
    p.set_defaults(func=schema)
    p = sub.add_parser("template", help=_("print the scenario template"))
    p.set_defaults(func=template)
    p = sub.add_parser("settings", help=_("print the table of {conf} settings ({readme} holds it)").format(
        conf="conf.py", readme="README.md"))
    p.set_defaults(func=settings)
    p = sub.add_parser("framework-schema", help=_("print the JSON Schema of the framework file (for editors)"))
    p.set_defaults(func=lambda _args: _write(reference_pages.framework_schema()))
    p = sub.add_parser("framework-reference", help=_("print the framework file's reference page (Markdown)"))
    p.set_defaults(func=lambda _args: _write(reference_pages.framework_page()))
    p = sub.add_parser("directives-reference", help=_("print the reference page of directives and settings (Markdown)"))
    p.set_defaults(func=lambda _args: _write(reference_pages.directives_page()))


def _write(text: str) -> int:
    sys.stdout.write(text)
    return 0


def template(args: argparse.Namespace) -> int:
    from glassbox_handbook.core.framework import load_framework
    from glassbox_handbook.core.skeleton import template as skeleton_template

    project = open_project(args.root)
    project.speak()
    sys.stdout.write(skeleton_template(load_framework(project.framework)))
    return 0


def schema(args: argparse.Namespace) -> int:
    from glassbox_handbook.core.framework import load_framework
    from glassbox_handbook.core.schema import schema_text

    sys.stdout.write(schema_text(load_framework(open_project(args.root).framework)))
    return 0


def settings(args: argparse.Namespace) -> int:
    from glassbox_handbook.settings import settings_table

    sys.stdout.write(settings_table())
    return 0
