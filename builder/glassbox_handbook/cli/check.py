"""`glassbox-handbook check [PATH...]`: validate scenarios with exactly the code the build uses.

It needs no Sphinx build, so a contributor gets the same messages in a second.
Files it has checked before, unchanged, are answered from
`glassbox_handbook.core.check_cache`, and then not even the parser is imported:
that import is half a warm check.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from glassbox_handbook.cli.project import Project, open_project
from glassbox_handbook.core.check_cache import CheckCache, digest, store_key
from glassbox_handbook.words import LOCALE_DIR, _, _n

if TYPE_CHECKING:
    from glassbox_handbook.core.framework import Framework

PER_WORKER = 100  # below this many files per core, forking costs more than it saves
CACHE = Path("_build") / ".check-cache"  # under the project root, with the rest of what is generated


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help=_("validate scenario files (the same checks as the build, in a second)"))
    p.add_argument("paths", nargs="*", help=_("files or folders (default: every scenario)"))
    p.add_argument("-q", "--quiet", action="store_true", help=_("print nothing when there is no problem"))
    p.add_argument("--no-cache", action="store_true",
                   help=_("read every file again, and keep no results ({folder})").format(folder="_build/.check-cache"))
    p.set_defaults(func=check)


def scenario_files(paths: list[str], folder: Path, root: Path) -> list[Path]:
    if not paths:
        return sorted(p for p in folder.glob("*.md") if p.name != "index.md" and not p.name.startswith("_"))
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists() and not p.is_absolute() and (root / p).exists():
            p = root / p  # a path given relative to the project's folder
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
        return [f"{path}: " + _("cannot be read ({reason}); check the path").format(reason=exc.strerror)], None
    if text is None:
        return [str(unreadable[0])], None
    parsed = parse_scenario(text, str(path), fw, keys, authors=authors)
    return [str(p) for p in parsed.problems], parsed.scenario.meta.id if parsed.scenario else None


def _fresh(project: Project, paths: list[Path]) -> list[tuple[list[str], str | None]] | None:
    """The results of files the cache could not answer (None when the framework file is invalid)."""
    from glassbox_handbook.core.framework import load_framework
    from glassbox_handbook.core.problems import ProblemList
    from glassbox_handbook.domain.loader import bib_keys, bib_names
    from glassbox_handbook.privacy.names import lists

    try:
        fw = load_framework(project.framework)
    except ProblemList as exc:
        print(exc, file=sys.stderr)
        return None
    keys = set(bib_keys(project.bibfiles))
    authors = bib_names(project.bibfiles)
    jobs = [(path, fw, keys, authors) for path in paths]
    # Many files: every core checks a share (forked, so nothing is imported again), in file order.
    workers = min(os.cpu_count() or 1, len(jobs) // PER_WORKER)
    if workers <= 1:
        return [_check_one(job) for job in jobs]
    lists()  # the privacy check's word lists, read once here and shared by every forked worker
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(_check_one, jobs, chunksize=max(1, len(jobs) // (workers * 4)))


def check(args: argparse.Namespace) -> int:
    project = open_project(args.root)
    root = project.root
    # The messages in the project's language; the privacy check knows its ordinary words, as in the build.
    project.speak()
    files = scenario_files(args.paths, project.scenarios, root)
    # conf.py (its language) and the catalogs the messages come from are part of what a result depends on.
    catalogs = sorted(p for d in [LOCALE_DIR, *(root / d for d in project.config.locale_dirs)] if d.is_dir()
                      for p in d.rglob("*.mo"))
    memory = CheckCache(None if args.no_cache else root / CACHE,
                        store_key([root / "conf.py", project.framework, *project.bibfiles, *catalogs],
                                  {p.parent for p in files}))
    digests = [_digest(path) for path in files]
    results = [memory.get(path, d) if d else None for path, d in zip(files, digests, strict=True)]
    missed = [k for k, r in enumerate(results) if r is None]
    if missed or not files:
        fresh = _fresh(project, [files[k] for k in missed])
        if fresh is None:
            return 1
        for k, result in zip(missed, fresh, strict=True):
            results[k] = result
            if digests[k]:
                memory.put(files[k], digests[k], result)
        memory.save()
    count, ids = 0, {}
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"  # in a pull request, each problem shows on its line
    for path, (messages, sid) in zip(files, results, strict=True):
        for message in messages:
            print(message, file=sys.stderr)
            if annotate:
                print(annotation(message))
        count += len(messages)
        if sid is not None:
            if sid in ids:
                print(f"{path}:2:1: " + _("the id {id!r} is already used by {path}; give each scenario its own id").format(
                    id=sid, path=ids[sid]), file=sys.stderr)
                count += 1
            ids[sid] = path
    checked = _n("{n} scenario file", "{n} scenario files", len(files)).format(n=len(files))
    if count:
        problems = _n("{n} problem", "{n} problems", count).format(n=count)
        print(_("{problems} in {files}.").format(problems=problems, files=checked), file=sys.stderr)
        return 1
    if not args.quiet:
        print(_("{files} checked: no problems.").format(files=checked))
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
