"""`glassbox-handbook build` (also `site`): the website with its search index and PDFs, published whole."""

from __future__ import annotations

import argparse
from pathlib import Path

from glassbox_handbook.cli.project import open_project
from glassbox_handbook.words import _


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("build", aliases=["site"],
                       help=_("build the website and its PDFs, publishing only a complete build"))
    p.add_argument("--out", help=_("where the site goes (default: {folder} in the project)").format(folder="_build/html"))
    p.add_argument("--no-pdf", action="store_true", help=_("leave the PDFs out (quicker)"))
    p.set_defaults(func=build)


def build(args: argparse.Namespace) -> int:
    from glassbox_handbook.web.site import build_site

    root = open_project(args.root).root
    out = Path(args.out).resolve() if args.out else root / "_build" / "html"
    return build_site(root, out, out.parent / ".work", pdf=not args.no_pdf)
