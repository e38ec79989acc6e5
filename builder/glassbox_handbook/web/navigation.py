"""The sidebar's navigation tree on the website: pruned past many scenarios, and built once.

Furo lists every page of the site in the sidebar of every page, so a large
handbook pays twice: each page grows with the number of scenarios, and each
page resolves the whole tree again. Both are handled here.

- Past `glassbox_nav_max_scenarios` scenarios the list of scenarios is left
  out of the tree (the explorer on the scenarios page lists and filters
  them); a scenario page keeps its own entry, so the reader still sees where
  they are.
- All scenario pages of one folder then share one tree, except for the title
  of their own entry. The first one builds it as Furo always does; the rest
  take a copy with their own title put in (a few microseconds, against tens of
  milliseconds for Sphinx's resolution and Furo's rewrite of the tree). The
  first page checks that its title, rendered as the copies render theirs, is
  what Furo wrote; if not, nothing is reused and every page is built as usual.
- Pages the build makes without a source (the long lists' further pages, the
  search page) mark no page as current, so those of one folder share one tree
  whole.
"""

from __future__ import annotations

import posixpath
import re
from html import escape
from typing import Any

from bs4 import BeautifulSoup
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config

# A leaf of the navigation: one link and nothing under it (the title never crosses its </a>).
_TOC_ENTRY = re.compile(r'<li class="toctree-l\d[^"]*"><a class="reference internal" href="([^"#]*)(?:#[^"]*)?">'
                        r'(?:(?!</a>).)*</a></li>', re.S)
# The current page's own entry, as Furo writes it.
_OWN_ENTRY = re.compile(r'(<li class="toctree-l\d+ current current-page"><a class="current reference internal" '
                        r'href="#">)((?:(?!</a>).)*)(</a>)', re.S)
# How Furo asks for the tree (furo/__init__.py, _compute_navigation_tree).
_FURO_CALL = {"collapse": False, "titles_only": True, "maxdepth": -1, "includehidden": True}
_OWN_TITLE = "\x00gb-own-title\x00"

# (folder of the page, see _key) -> Furo's tree with _OWN_TITLE for the page's own title; None: not reusable.
# Emptied when writing starts; each parallel writer fills its own copy, with the same result.
_SHARED: dict[str, str | None] = {}
# Whether the scenarios are left out, decided once when writing starts (the docs are known then).
_PRUNING: list[bool] = [False]


def uses_furo(config: Config) -> bool:
    return config.html_theme == "furo"


def prune_scenarios(toctree_html: str, pagename: str, folder: str) -> str:
    """The navigation without links to scenario pages, but for the page's own ("#")."""
    here = posixpath.dirname(pagename)

    def drop(m: re.Match) -> str:
        href = m.group(1)
        if not href:  # the current page links to itself as "#"
            return m.group(0)
        target = posixpath.normpath(posixpath.join(here, href))
        docname = target[:-5] if target.endswith(".html") else target
        inside = docname.startswith(folder + "/") and docname != f"{folder}/index"
        return "" if inside else m.group(0)

    pruned = _TOC_ENTRY.sub(drop, toctree_html)
    return re.sub(r"<ul>\s*</ul>", "", pruned)


def without_scenarios(toc: nodes.Node, folder: str, keep: str) -> nodes.Node:
    """A copy of a page's table of contents whose toctrees list no scenario but `keep`."""
    trimmed = toc.deepcopy()
    for node in trimmed.findall(addnodes.toctree):
        node["entries"] = [(t, r) for t, r in node["entries"] if r == keep or not r.startswith(folder + "/")]
        node["includefiles"] = [r for r in node["includefiles"] if r == keep or not r.startswith(folder + "/")]
    return trimmed


def scenario_count(app: Sphinx) -> int:
    folder = app.config.glassbox_scenarios
    return sum(1 for d in app.env.found_docs if d.startswith(folder + "/") and d != f"{folder}/index")


def start_writing(app: Sphinx, builder: object) -> None:
    _SHARED.clear()
    _PRUNING[0] = uses_furo(app.config) and scenario_count(app) > app.config.glassbox_nav_max_scenarios


def generated(app: Sphinx, pagename: str) -> bool:
    """A page written without a source document: its tree marks no page as current."""
    return pagename not in app.env.all_docs


def shares_tree(app: Sphinx, pagename: str) -> bool:
    """A generated page, or a scenario page whose one place in the navigation is an untitled entry of
    the scenarios page."""
    if generated(app, pagename):
        return True
    index = f"{app.config.glassbox_scenarios}/index"
    if not pagename.startswith(app.config.glassbox_scenarios + "/") or pagename == index:
        return False
    parents = [doc for doc, included in app.env.toctree_includes.items() if pagename in included]
    if parents != [index]:
        return False
    toc = app.env.tocs.get(index)
    entries = [e for node in (toc.findall(addnodes.toctree) if toc else ()) for e in node["entries"] if e[1] == pagename]
    return len(entries) == 1 and entries[0][0] is None


def own_title(app: Sphinx, pagename: str) -> str:
    """The page's title as Furo writes it in the tree: Sphinx's HTML, then Beautiful Soup's."""
    title = app.env.titles.get(pagename)
    if title is None:
        return ""
    if all(isinstance(child, nodes.Text) for child in title.children):
        return escape(title.astext(), quote=False)  # what Beautiful Soup writes for plain text
    html = app.builder.render_partial(nodes.inline("", "", *title.deepcopy().children))["fragment"]  # type: ignore[attr-defined]
    inner = re.fullmatch(r"<span>(.*)</span>", html.strip(), re.S)
    return str(BeautifulSoup(inner.group(1), "html.parser")) if inner else "\x00"


def _key(app: Sphinx, pagename: str) -> str:
    """Pages with one tree: those of a folder, generated ones apart (their links are relative to it)."""
    folder = posixpath.dirname(pagename)
    return f"{folder} (generated)" if generated(app, pagename) else folder


def before_furo(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Priority 400, before Furo's handler: give it a pruned tree, or nothing to do if it is shared."""
    toctree = context.get("toctree")
    if toctree is None or not _PRUNING[0]:
        return
    folder = app.config.glassbox_scenarios
    index = f"{folder}/index"
    key = _key(app, pagename) if shares_tree(app, pagename) else None
    context["gb_shared_key"] = key  # after_furo reads it
    reuse = key is not None and _SHARED.get(key) is not None

    def pruned(*args: Any, **kwargs: Any) -> str:
        if reuse and not args and kwargs == _FURO_CALL:
            return ""  # after_furo puts in the shared tree
        # Sphinx resolves every entry of the navigation before anything prunes it: for the
        # call, the scenarios page's toctree holds only this page, so no page costs as many
        # entries as there are scenarios. The regex then drops any link left to one.
        tocs = app.env.tocs
        original = tocs.get(index)
        if original is not None:
            tocs[index] = without_scenarios(original, folder, pagename)
        try:
            return prune_scenarios(str(toctree(*args, **kwargs)), pagename, folder)
        finally:
            if original is not None:
                tocs[index] = original

    context["toctree"] = pruned


def after_furo(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Priority 600, after Furo's handler: reuse the folder's tree, or keep this one for the others."""
    key = context.get("gb_shared_key")  # set by before_furo, only while pruning and for pages that share
    if key is None:
        return
    title = own_title(app, pagename)
    shared = _SHARED.get(key)
    if shared is not None:
        context["furo_navigation_tree"] = shared.replace(_OWN_TITLE, title)
    elif key not in _SHARED:
        tree = str(context.get("furo_navigation_tree", ""))
        found = _OWN_ENTRY.findall(tree)
        own = not found if generated(app, pagename) else len(found) == 1 and found[0][1] == title
        ok = own and _OWN_TITLE not in tree
        _SHARED[key] = _OWN_ENTRY.sub(lambda m: m.group(1) + _OWN_TITLE + m.group(3), tree) if ok else None


def setup_navigation(app: Sphinx) -> None:
    app.connect("write-started", start_writing)
    app.connect("html-page-context", before_furo, priority=400)
    app.connect("html-page-context", after_furo, priority=600)
