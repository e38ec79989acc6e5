"""Reading-phase events: validate scenarios, track changes, stop on bad input.

Scenarios are validated on `source-read` with the same `parse_scenario` the
command-line check uses. Problems are kept in the domain (so they survive
the merge from parallel readers) and, once every document is read, either
the build stops before a single page is written or it goes on with valid
data only.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from glassbox_handbook.core.framework import load_framework
from glassbox_handbook.core.problems import Problem, ProblemList
from glassbox_handbook.core.scenario import parse_scenario, read_source
from glassbox_handbook.domain.glassbox_domain import GlassboxDomain
from glassbox_handbook.domain.loader import bib_keys_for, bib_names_for, framework_for, framework_path
from glassbox_handbook.domain.transforms import SCENARIO_KEY, sources_section
from glassbox_handbook.views import Slices, registry
from glassbox_handbook.words import _, _n

logger = logging.getLogger(__name__)


def is_scenario(env: BuildEnvironment, docname: str) -> bool:
    folder = env.config.glassbox_scenarios.strip("/")
    name = docname.rsplit("/", 1)[-1]
    return docname.startswith(folder + "/") and name != "index" and not name.startswith("_")


def _domain(env: BuildEnvironment) -> GlassboxDomain:
    return env.domains["glassbox"]  # type: ignore[return-value]


def check_framework(app: Sphinx) -> None:
    """Stop at once, with the file and line, if the vocabulary file is broken."""
    try:
        load_framework(framework_path(app.env))
    except ProblemList as exc:
        stop(exc.problems, framework=True)


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    env = app.env
    env.note_dependency(str(framework_path(env)))
    if not is_scenario(env, docname):
        return
    for bib in env.config.bibtex_bibfiles:
        env.note_dependency(str(Path(env.srcdir) / bib))
    rel = str(Path(env.doc2path(docname)).relative_to(env.srcdir))
    parsed = parse_scenario(source[0], rel, framework_for(env), set(bib_keys_for(env)), authors=bib_names_for(env))
    if parsed.problems:
        _domain(env).problems[docname] = parsed.problems
        # Keep Sphinx from tripping over what we already reported.
        source[0] = "# (scenario with problems)\n"
        return
    # The transform, the directives and the domain read the parse from here while this page is read.
    env.temp_data[SCENARIO_KEY] = parsed.scenario
    # The sources listed in the front matter become the page's last section (a generated view).
    source[0] = source[0].rstrip("\n") + sources_section()


def _navigation(env: BuildEnvironment) -> tuple:
    """What every page's navigation shows: titles and the previous/next/parent relations."""
    titles = tuple(sorted((doc, title.astext()) for doc, title in env.titles.items()))
    relations = tuple(sorted((doc, tuple(rel)) for doc, rel in env.collect_relations().items()))
    return titles, relations


def on_before_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    env.glassbox_changed = bool(docnames)  # type: ignore[attr-defined]
    # Sphinx would stop with a traceback on a file that is not UTF-8: take such
    # scenarios out of the reading list and report where the bad byte is.
    for docname in [d for d in docnames if is_scenario(env, d)]:
        file = Path(env.doc2path(docname))
        text, unreadable = read_source(file, str(file.relative_to(env.srcdir)))
        if text is None:
            docnames.remove(docname)
            _domain(env).problems[docname] = unreadable
    app.glassbox_navigation = _navigation(env)  # type: ignore[attr-defined]


def on_purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    env.glassbox_changed = True  # type: ignore[attr-defined]


def on_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Rewrite every page whose generated views show data that was read or removed.

    This is what keeps aggregate pages from going stale (sphinx#9706): they
    are not re-read, only resolved and written again from the new data, and
    only when the slice of data they show changed.
    When navigation changed, every page is written again, still without
    re-reading, so an incremental build always equals a clean one.
    """
    if not getattr(env, "glassbox_changed", False):
        return []
    changed = changed_view_pages(_domain(env), framework_for(env))  # also remembers what each page now shows
    if getattr(app, "glassbox_navigation", None) != _navigation(env):
        # A page was added, removed or renamed: the sidebar and previous/next
        # links of pages that were not re-read changed too (Sphinx leaves them stale).
        return sorted(env.found_docs)
    return sorted(changed)


def _fields(value: Any) -> Any:
    """What a digest reads of an object JSON cannot write: a model's fields (much faster than its
    `str`, which formats a repr of every nested model), or else its text."""
    return vars(value) if hasattr(value, "__dict__") else str(value)


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=_fields).encode()).hexdigest()


def changed_view_pages(domain: GlassboxDomain, fw: Any) -> set[str]:
    """Pages whose views' inputs differ from when they were last written; remembers the new inputs.

    Each view declares the slice of data it shows (`View.depends`: one
    component's sections, every scenario's facts, every prompt...). Hashing
    that slice per page means an edit to one summary rewrites the few pages
    that show it, not all of them.
    """
    views = registry()
    slices = Slices(fw, domain)
    changed = set()
    # Many pages show the same slice (every scenario's facts): each slice object is hashed once.
    # The object is kept beside its digest, so no other slice can take its id while this runs.
    hashed: dict[int, tuple[Any, str]] = {}

    def digest_of(value: Any) -> str:
        if id(value) not in hashed:
            hashed[id(value)] = (value, _digest(value))
        return hashed[id(value)][1]

    for docname, page in domain.pages.items():
        shown = [views[v.kind].depends for v in page.views if v.kind in views and views[v.kind].depends]
        if not shown:
            continue
        digest = _digest([digest_of(depends(slices, docname, page)) for depends in dict.fromkeys(shown)])
        if domain.digests.get(docname) != digest:
            domain.digests[docname] = digest
            changed.add(docname)
    return changed


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    """After the parallel merge: report every problem, check cross-file rules, stop if any."""
    domain = _domain(env)
    problems: list[Problem] = [p for found in domain.problems.values() for p in found]
    seen: dict[str, str] = {}
    for docname, page in domain.scenarios():
        sid = page.scenario.id
        if sid in seen:
            path = str(Path(env.doc2path(docname)).relative_to(env.srcdir))
            problems.append(Problem(path, 2, 1, _("the id {id!r} is already used by {page}").format(id=sid, page=seen[sid]),
                                    _("give each scenario its own id")))
        seen[sid] = docname
    if problems:
        stop(sorted(problems, key=lambda p: (p.path, p.line, p.col)))


class BuildStopped(SystemExit):
    """Ends the build before anything is written, without a traceback."""


def stop(problems: list[Problem], framework: bool = False) -> None:
    """Report the problems of the scenarios (or of the framework file) and end the build."""
    for problem in problems:
        logger.error(str(problem), type="glassbox", subtype="scenario")
    n = len(problems)
    said = (_n("Build stopped: {n} problem in the framework file; nothing was written.",
               "Build stopped: {n} problems in the framework file; nothing was written.", n) if framework else
            _n("Build stopped: {n} problem in scenarios; nothing was written.",
               "Build stopped: {n} problems in scenarios; nothing was written.", n))
    logger.error(said.format(n=n) + " " + _("Fix the lines above and build again."), type="glassbox", subtype="stopped")
    raise BuildStopped(1)
