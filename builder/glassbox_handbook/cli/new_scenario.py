"""`glassbox-handbook new-scenario "Title"`: write a valid scenario skeleton into the project's scenarios folder."""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata

from glassbox_handbook.cli.project import open_project
from glassbox_handbook.words import _


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new-scenario", help=_("write a scenario skeleton to fill in"))
    p.add_argument("title", help=_("the scenario's title"))
    p.add_argument("--id", help=_("the scenario's id and file name (default: from the title)"))
    p.add_argument("--components", help=_("comma-separated component ids (default: every component)"))
    p.add_argument("--levels", help=_("comma-separated level ids"))
    p.add_argument("--roles", help=_("comma-separated role ids"))
    p.add_argument("--author", default="Your Name",  # the template's example, which `check` asks to replace
                   help=_("the contributor's name (default: an example name to replace)"))
    p.set_defaults(func=new_scenario)


def new_scenario(args: argparse.Namespace) -> int:
    from glassbox_handbook.core.framework import load_framework
    from glassbox_handbook.core.skeleton import example_section, example_values, render

    project = open_project(args.root)
    project.speak()  # the file's comments in the project's language
    fw = load_framework(project.framework)
    plain = unicodedata.normalize("NFKD", args.title.lower()).encode("ascii", "ignore").decode()  # "leía" -> "leia"
    sid = args.id or re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    target = project.scenarios / f"{sid}.md"
    if target.exists():
        print(_("{target} already exists; choose another title or {option}").format(target=target, option="--id"),
              file=sys.stderr)
        return 1
    chosen = {name: [x.strip() for x in (getattr(args, name) or "").split(",") if x.strip()]
              for name in ("components", "levels", "roles")}
    known = {"components": fw.component_by_id, "levels": fw.level_by_id, "roles": fw.role_by_id}
    unknown_words = {"components": _("{id} (not a component; the components are: {known})"),
                     "levels": _("{id} (not a level; the levels are: {known})"),
                     "roles": _("{id} (not a role; the roles are: {known})")}
    unknown = [unknown_words[name].format(id=x, known=", ".join(known[name]))
               for name, ids in chosen.items() for x in ids if x not in known[name]]
    if unknown:
        print(_("unknown id(s): {ids}").format(ids="; ".join(unknown)), file=sys.stderr)
        return 1
    components = chosen["components"] or [c.id for c in fw.components]
    values = example_values(fw, id=sid, title=args.title, contributor=args.author,
                            levels=chosen["levels"], roles=chosen["roles"])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(fw, values, [example_section(fw, c, tuple(chosen["roles"])) for c in components]),
                      encoding="utf-8")
    print(_("Wrote {target}. Fill it in (delete the sections of components the scenario does not enact), "
            "then run: {command}").format(target=target, command=f"glassbox-handbook check {target}"))
    return 0
