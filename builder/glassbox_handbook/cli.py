"""Command line: `python -m glassbox_handbook check [PATH...]`, `new-scenario "Title"`, `from-issue BODY`, `site`, and more.

`check` validates scenarios with exactly the code the build uses, without a
Sphinx build, so a contributor gets the same messages in a second. Files it
has checked before, unchanged, are answered from `glassbox_handbook.core.check_cache`, and
then not even the parser is imported: that import is half a warm check.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from glassbox_handbook.core.check_cache import CheckCache, digest, store_key

if TYPE_CHECKING:
    from glassbox_handbook.core.framework import Framework

PER_WORKER = 100  # below this many files per core, forking costs more than it saves
CACHE = Path("_build") / ".check-cache"  # under the project root, with the rest of what is generated


def _scenario_files(paths: list[str], folder: Path, root: Path) -> list[Path]:
    if not paths:
        return sorted(p for p in folder.glob("*.md") if p.name != "index.md" and not p.name.startswith("_"))
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists() and not p.is_absolute() and (root / p).exists():
            p = root / p  # a path given relative to --root
        out += sorted(q for q in p.glob("*.md") if q.name != "index.md" and not q.name.startswith("_")) if p.is_dir() else [p]
    return out


def _digest(path: Path) -> str | None:
    """The cache's digest of a file, or None when it cannot be read (the check says why)."""
    try:
        return digest(path, path.read_bytes())
    except OSError:
        return None


def _check_one(job: tuple[Path, Framework, set[str], frozenset[str]]) -> tuple[list[str], str | None]:
    """One file's problems, as the messages to print, and its scenario id when it is valid."""
    from glassbox_handbook.core.scenario import parse_scenario, read_source

    path, fw, keys, authors = job
    try:
        text, unreadable = read_source(path, str(path))
    except OSError as exc:
        return [f"{path}: cannot be read ({exc.strerror}); check the path"], None
    if text is None:
        return [str(unreadable[0])], None
    parsed = parse_scenario(text, str(path), fw, keys, authors=authors)
    return [str(p) for p in parsed.problems], parsed.scenario.meta.id if parsed.scenario else None


def _fresh(args: argparse.Namespace, root: Path, paths: list[Path]) -> list[tuple[list[str], str | None]] | None:
    """The results of files the cache could not answer (None when the framework file is invalid)."""
    from glassbox_handbook.core.framework import load_framework
    from glassbox_handbook.core.problems import ProblemList
    from glassbox_handbook.domain.loader import bib_keys, bib_names
    from glassbox_handbook.privacy.names import lists

    try:
        fw = load_framework(root / args.framework)
    except ProblemList as exc:
        print(exc, file=sys.stderr)
        return None
    keys = set(bib_keys([root / args.bib]))
    authors = bib_names([root / args.bib])
    jobs = [(path, fw, keys, authors) for path in paths]
    # Many files: every core checks a share (forked, so nothing is imported again), in file order.
    workers = min(os.cpu_count() or 1, len(jobs) // PER_WORKER)
    if workers <= 1:
        return [_check_one(job) for job in jobs]
    lists()  # the privacy check's word lists, read once here and shared by every forked worker
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(_check_one, jobs, chunksize=max(1, len(jobs) // (workers * 4)))


def check(args: argparse.Namespace) -> int:
    root = Path(args.root)
    files = _scenario_files(args.paths, root / args.scenarios, root)
    memory = CheckCache(None if args.no_cache else root / CACHE,
                        store_key([root / args.framework, root / args.bib], {p.parent for p in files}))
    digests = [_digest(path) for path in files]
    results = [memory.get(path, d) if d else None for path, d in zip(files, digests, strict=True)]
    missed = [k for k, r in enumerate(results) if r is None]
    if missed or not files:
        fresh = _fresh(args, root, [files[k] for k in missed])
        if fresh is None:
            return 1
        for k, result in zip(missed, fresh, strict=True):
            results[k] = result
            if digests[k]:
                memory.put(files[k], digests[k], result)
        memory.save()
    count, ids = 0, {}
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for path, (messages, sid) in zip(files, results, strict=True):
        for message in messages:
            print(message, file=sys.stderr)
            if annotate:
                print(annotation(message))
        count += len(messages)
        if sid is not None:
            if sid in ids:
                print(f"{path}:2:1: the id {sid!r} is already used by {ids[sid]}; give each scenario its own id", file=sys.stderr)
                count += 1
            ids[sid] = path
    if count:
        print(f"{count} problem(s) in {len(files)} scenario file(s).", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"{len(files)} scenario file(s) checked: no problems.")
    return 0


_LOCATED = re.compile(r"^(?P<file>[^\n:]+):(?P<line>\d+)(?::(?P<col>\d+))?: (?P<message>.*)$", re.S)


def annotation(message: str) -> str:
    """A problem as a GitHub Actions workflow command, so that a pull request shows it on its line."""
    def escape(text: str, prop: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if prop else text
    m = _LOCATED.match(message)
    if not m:
        return f"::error::{escape(message)}"
    where = f"file={escape(m['file'], True)},line={m['line']}" + (f",col={m['col']}" if m["col"] else "")
    return f"::error {where}::{escape(m['message'])}"


def from_issue(args: argparse.Namespace) -> int:
    """Write the scenario a "Propose a scenario" issue body proposes; report problems by the form's boxes."""
    from glassbox_handbook.core.framework import load_framework
    from glassbox_handbook.core.from_issue import read_proposal

    root = Path(args.root)
    try:
        raw = sys.stdin.buffer.read() if args.body == "-" else Path(args.body).read_bytes()
    except OSError as exc:
        print(f"{args.body}: cannot be read ({exc.strerror}); give the file that holds the issue's text", file=sys.stderr)
        return 2
    fw = load_framework(root / args.framework)
    folder = root / args.scenarios
    proposal = read_proposal(raw, fw, folder, fw.words)
    for problem in proposal.problems:
        print(problem, file=sys.stderr)
    if not proposal.text:
        print("No scenario was written: fix the boxes named above and edit the issue.", file=sys.stderr)
        return 1
    target = folder / f"{proposal.slug}.md"
    try:
        with target.open("x", encoding="utf-8") as out:  # "x": never over a scenario that exists
            out.write(proposal.text)
    except FileExistsError:
        print(f"{target} already exists; nothing was overwritten", file=sys.stderr)
        return 1
    print(target)
    return 0


def repository(args: argparse.Namespace) -> int:
    """Print the repository's address as the build finds it; with --write, put it in README, pyproject and CITATION."""
    from glassbox_handbook.core.repository import fill_files, repository_url

    root = Path(args.root)
    url = repository_url(args.url or "", root)
    print(url or "The repository's address is not known: set glassbox_repository in conf.py, GITHUB_REPOSITORY, "
          "or a git remote named origin.")
    if args.write:
        for path in fill_files(root, url):
            print(f"updated {path}")
    return 0


def issue_form(args: argparse.Namespace) -> int:
    from glassbox_handbook.core.framework import load_framework
    from glassbox_handbook.core.issue_form import form_yaml

    sys.stdout.write(form_yaml(load_framework(Path(args.root) / args.framework)))
    return 0


def new_scenario(args: argparse.Namespace) -> int:
    from glassbox_handbook.core.framework import load_framework
    from glassbox_handbook.core.skeleton import example_section, example_values, render

    root = Path(args.root)
    fw = load_framework(root / args.framework)
    sid = args.id or re.sub(r"[^a-z0-9]+", "-", args.title.lower()).strip("-")
    target = root / args.scenarios / f"{sid}.md"
    if target.exists():
        print(f"{target} already exists; choose another title or --id", file=sys.stderr)
        return 1
    chosen = {name: [x.strip() for x in (getattr(args, name) or "").split(",") if x.strip()]
              for name in ("components", "levels", "roles")}
    known = {"components": fw.component_by_id, "levels": fw.level_by_id, "roles": fw.role_by_id}
    unknown = [f"{x} (not a {name[:-1]})" for name, ids in chosen.items() for x in ids if x not in known[name]]
    if unknown:
        print(f"unknown id(s): {', '.join(unknown)}", file=sys.stderr)
        return 1
    components = chosen["components"] or [c.id for c in fw.components]
    values = example_values(fw, id=sid, title=args.title, contributor=args.author,
                            levels=chosen["levels"], roles=chosen["roles"])
    target.write_text(render(fw, values, [example_section(fw, c, tuple(chosen["roles"])) for c in components]),
                      encoding="utf-8")
    print(f"Wrote {target}. Fill it in (delete the sections of components the scenario does not enact), "
          f"then run: python -m glassbox_handbook check {target}")
    return 0


def template(args: argparse.Namespace) -> int:
    from glassbox_handbook.core.framework import load_framework
    from glassbox_handbook.core.skeleton import template as skeleton_template

    sys.stdout.write(skeleton_template(load_framework(Path(args.root) / args.framework)))
    return 0


def schema(args: argparse.Namespace) -> int:
    from glassbox_handbook.core.framework import load_framework
    from glassbox_handbook.core.schema import schema_text

    sys.stdout.write(schema_text(load_framework(Path(args.root) / args.framework)))
    return 0


def site(args: argparse.Namespace) -> int:
    from glassbox_handbook.web.site import build_site

    root = Path(args.root).resolve()
    out = Path(args.out).resolve() if args.out else root / "_build" / "html"
    return build_site(root, out, out.parent / ".work", pdf=not args.no_pdf)


def settings(args: argparse.Namespace) -> int:
    from glassbox_handbook.settings import settings_table

    sys.stdout.write(settings_table())
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m glassbox_handbook", description=__doc__.split("\n")[0])
    parser.add_argument("--root", default=".", help="project folder (default: current folder)")
    parser.add_argument("--framework", default="handbook/framework.yaml")
    parser.add_argument("--bib", default="handbook/references.bib")
    parser.add_argument("--scenarios", default="scenarios")
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="validate scenario files")
    p_check.add_argument("paths", nargs="*", help="files or folders (default: every scenario)")
    p_check.add_argument("-q", "--quiet", action="store_true")
    p_check.add_argument("--no-cache", action="store_true",
                         help="read every file again, and keep no results (_build/.check-cache)")
    p_check.set_defaults(func=check)
    p_new = sub.add_parser("new-scenario", help="write a valid scenario skeleton")
    p_new.add_argument("title")
    p_new.add_argument("--id")
    p_new.add_argument("--components", help="comma-separated component ids")
    p_new.add_argument("--levels", help="comma-separated level ids")
    p_new.add_argument("--roles", help="comma-separated role ids")
    p_new.add_argument("--author", default="Your Name")
    p_new.set_defaults(func=new_scenario)
    p_issue = sub.add_parser("from-issue", help="write the scenario a “Propose a scenario” issue proposes")
    p_issue.add_argument("body", help="a file holding the issue's text as GitHub renders it (- for standard input)")
    p_issue.set_defaults(func=from_issue)
    p_repo = sub.add_parser("repository", help="print the repository's address; --write puts it in README, pyproject, CITATION")
    p_repo.add_argument("--url", help="the address to use (default: conf.py's setting, GITHUB_REPOSITORY, the git remote)")
    p_repo.add_argument("--write", action="store_true")
    p_repo.set_defaults(func=repository)
    p_form = sub.add_parser("issue-form", help="print the “Propose a scenario” issue form (.github/ISSUE_TEMPLATE)")
    p_form.set_defaults(func=issue_form)
    p_site = sub.add_parser("site", help="build the website and its PDFs, publishing only a complete build")
    p_site.add_argument("--out", help="where the site goes (default: _build/html)")
    p_site.add_argument("--no-pdf", action="store_true", help="leave the PDFs out (quicker previews)")
    p_site.set_defaults(func=site)
    p_schema = sub.add_parser("schema", help="print the JSON Schema of scenario front matter")
    p_schema.set_defaults(func=schema)
    p_template = sub.add_parser("template", help="print the scenario template (scenarios/_template.md)")
    p_template.set_defaults(func=template)
    p_settings = sub.add_parser("settings", help="print the table of conf.py settings (README.md holds it)")
    p_settings.set_defaults(func=settings)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover - `python -m glassbox_handbook` runs __main__.py
    sys.exit(main())
