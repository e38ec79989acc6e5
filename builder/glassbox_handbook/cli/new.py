"""`glassbox-handbook new DIR`: a complete small handbook to start from, as `mkdocs new` and `sphinx-quickstart` do.

The project is copied from the scaffold shipped in the package
(`glassbox_handbook/cli/scaffold/<language>/`): conf.py, a commented framework file for a
small example framework (nothing of any real one), the pages every view needs, two
scenarios, a references file, a README and the CI and Pages workflows. Files whose
names end in `.jinja` are filled in with the title, author and language; a name
starting with `dot-` is written with a leading dot (the wheel carries no dotfiles).
It builds and checks clean as it is.
"""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from glassbox_handbook.version import __version__
from glassbox_handbook.words import _

SCAFFOLD = "scaffold"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help=_("start a new handbook project in a folder (new or empty)"))
    p.add_argument("folder", help=_("the folder to create"))
    p.add_argument("--title", help=_("the handbook's title (default: from the folder's name)"))
    p.add_argument("--author", default="", help=_("who publishes it (default: the title's team, in the project's language)"))
    p.add_argument("--language", default="en", help=_("the language of its words ({languages})").format(
        languages=", ".join(languages())))
    p.set_defaults(func=new)


def scaffolds() -> Traversable:
    return resources.files("glassbox_handbook.cli") / SCAFFOLD


def languages() -> list[str]:
    return sorted(entry.name for entry in scaffolds().iterdir() if entry.is_dir())


def _scenarios_folder(target: Path) -> str:
    """The scenarios' folder of the project just made, as its conf.py names it (`escenarios/` in Spanish)."""
    from glassbox_handbook.cli.project import open_project

    return open_project(str(target)).settings.scenarios.rstrip("/") + "/"


def _files(folder: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    out: list[tuple[str, Traversable]] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        name = entry.name.removeprefix("dot-")
        name = "." + name if entry.name.startswith("dot-") else name
        if entry.is_dir():
            out += _files(entry, f"{prefix}{name}/")
        else:
            out.append((prefix + name, entry))
    return out


def new(args: argparse.Namespace) -> int:
    import jinja2

    target = Path(args.folder)
    if args.language not in languages():
        print(_("There is no starting project in {language!r} yet; choose one of: {languages}.").format(
            language=args.language, languages=", ".join(languages())), file=sys.stderr)
        return 1
    if target.exists() and not target.is_dir():
        print(_("{target} is a file, not a folder; choose a new folder's name.").format(target=target), file=sys.stderr)
        return 1
    if target.is_dir() and any(target.iterdir()):
        shown = ", ".join(sorted(p.name for p in target.iterdir())[:5])
        print(_("{target} is not empty (it holds {files}…); `{command}` writes only into a new or empty folder so that "
                "nothing of yours is overwritten. Choose another folder's name.").format(
                    target=target, files=shown, command="new"), file=sys.stderr)
        return 1
    title = args.title or target.resolve().name.replace("-", " ").replace("_", " ").strip().capitalize() or "Handbook"
    # An empty author is filled in by the scaffold's conf.py in its own language ("The … team").
    values = {"title": title, "author": args.author, "language": args.language,
              "version": __version__}
    env = jinja2.Environment(keep_trailing_newline=True, undefined=jinja2.StrictUndefined, autoescape=False)
    env.filters["py"] = repr  # a Python string literal, whatever the title holds
    for name, source in _files(scaffolds() / args.language):
        path = target / name.removesuffix(".jinja")
        path.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        path.write_text(env.from_string(text).render(values) if name.endswith(".jinja") else text, encoding="utf-8")
    print(_("Made {target}: a handbook for a small example framework, ready to build.").format(target=target) + "\n"
          + _("Next:") + f"\n  cd {target}\n  glassbox-handbook preview     "
          + _("(the site at {address}, rebuilt on every save)").format(address="http://127.0.0.1:8000") + "\n"
          + _("Then edit {framework} (your framework), the pages and {scenarios} (your cases); {readme} says how.").format(
              framework="framework.yaml", scenarios=_scenarios_folder(target), readme="README.md"))
    return 0
