"""Load the framework file and the bibliography once per build, in every process.

Both are needed while reading (in every parallel worker), while resolving,
and by the command-line check. They are read once and kept until the next
build starts (`forget`, called at builder-inited), so a long-running
process such as a preview server still sees edits to either file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from glassbox_handbook.core.facts import and_list
from glassbox_handbook.core.framework import Framework, load_framework
from glassbox_handbook.words import _

if TYPE_CHECKING:  # the command-line check uses this module without starting Sphinx
    from sphinx.environment import BuildEnvironment

_FRAMEWORKS: dict[str, Framework] = {}
_BIBS: dict[tuple[str, ...], dict[str, BibEntry]] = {}
_PARSED: dict[str, object] = {}  # pybtex entries by key, kept for formatting on demand
_TEXTS: dict[str, str] = {}  # formatted references by key
_NAMES: dict[tuple[str, ...], frozenset[str]] = {}  # the names in the bibliography, by its files
_BY_ENV: dict[tuple[object, str], Framework] = {}  # by source folder and configured path


@dataclass(frozen=True)
class BibEntry:
    key: str
    label: str  # "Author et al. (year)", as a reader sees it cited
    title: str

    @property
    def text(self) -> str:
        """The whole reference in pybtex's plain style, as a packet prints it (formatted on first use)."""
        return _TEXTS.get(self.key) or self.key


def forget(*_: object) -> None:
    """Drop what was loaded, so the next build reads the files again."""
    _FRAMEWORKS.clear()
    _BIBS.clear()
    _PARSED.clear()
    _TEXTS.clear()
    _NAMES.clear()
    _BY_ENV.clear()


def load_cached(path: str | Path) -> Framework:
    # Looked up for every directive and role: by the path as given, with no call to the file system.
    key = str(path)
    found = _FRAMEWORKS.get(key)
    if found is None:
        found = _FRAMEWORKS[key] = load_framework(str(Path(path).resolve()))
    return found


def framework_path(env: BuildEnvironment) -> Path:
    return Path(env.srcdir) / env.config.glassbox_framework


def framework_for(env: BuildEnvironment) -> Framework:
    # Called for every directive and role of every page: no path is built once the file is loaded.
    key = (env.srcdir, env.config.glassbox_framework)
    found = _BY_ENV.get(key)
    if found is None:
        found = _BY_ENV[key] = load_cached(framework_path(env))
    return found


def _label(entry) -> str:
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [" ".join(p.last_names).replace("{", "").replace("}", "") for p in people]
    if len(names) > 2:
        who = _("{first} et al.").format(first=names[0])
    elif names:
        who = and_list(names)
    else:
        who = entry.fields.get("organization") or _("Anonymous")
    year = entry.fields.get("year") or _("n.d.")
    return f"{who} ({year})"


def bibliography(paths: list[Path]) -> dict[str, BibEntry]:
    """Every entry of the bibliography files, read and formatted once per build (the one reader)."""
    from pybtex.database import parse_file

    key = tuple(str(p.resolve()) for p in paths)
    if key not in _BIBS:
        entries: dict[str, BibEntry] = {}
        for path in key:
            parsed = parse_file(path, bib_format="bibtex").entries
            _PARSED.update(parsed)
            for name, entry in parsed.items():
                title = entry.fields.get("title", "").replace("{", "").replace("}", "").replace("--", "–")
                entries[name] = BibEntry(name, _label(entry), title)
        _BIBS[key] = entries
    return _BIBS[key]


def format_references(keys: list[str]) -> None:
    """Format these entries (pybtex's plain style) for `BibEntry.text`; the check never needs it."""
    from pybtex.plugin import find_plugin

    todo = [_PARSED[k] for k in keys if k in _PARSED and k not in _TEXTS]
    if todo:
        style = find_plugin("pybtex.style.formatting", "plain")()
        _TEXTS.update({e.key: e.text.render_as("text") for e in style.format_entries(todo)})


def bib_keys(paths: list[Path]) -> frozenset[str]:
    return frozenset(bibliography(paths))


def bib_names(paths: list[Path]) -> frozenset[str]:
    """The capitalised words of every author's and editor's name: the privacy check never flags them.

    The handbook's pages and scenarios name the authors they cite ("as Senge argues"); a person
    the bibliography names is published already, not someone an account could expose.
    """
    from glassbox_handbook.privacy.scan import allowance

    key = tuple(map(str, paths))
    if key in _NAMES:
        return _NAMES[key]
    entries = [_PARSED[k] for k in bibliography(paths)]
    _NAMES[key] = allowance(part.replace("{", "").replace("}", "") for entry in entries for people in entry.persons.values()
                     for person in people for part in (*person.first_names, *person.middle_names, *person.last_names))
    return _NAMES[key]


def bibliography_for(env: BuildEnvironment) -> dict[str, BibEntry]:
    return bibliography([Path(env.srcdir) / name for name in env.config.bibtex_bibfiles])


def bib_keys_for(env: BuildEnvironment) -> frozenset[str]:
    return frozenset(bibliography_for(env))


def bib_names_for(env: BuildEnvironment) -> frozenset[str]:
    return bib_names([Path(env.srcdir) / name for name in env.config.bibtex_bibfiles])


def plain_text_backend_once(*_: object) -> None:
    """Give pybtex its plain-text backend as a runtime plugin, which it looks up before entry points.

    sphinxcontrib-bibtex asks pybtex for that backend for every citation it resolves, and pybtex
    finds it by scanning the entry points of every installed package, each time: a few
    milliseconds per citation, most of a second per hundred scenarios. Registered once
    (pybtex's public `register_plugin`, the same class), the lookup is a dictionary's.
    """
    from pybtex.plugin import find_plugin, register_plugin

    register_plugin("pybtex.backends", "plaintext", find_plugin("pybtex.backends", "plaintext"), force=True)
