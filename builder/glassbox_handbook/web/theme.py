"""The website's theme: Furo, with our templates and what a large handbook needs.

Furo is light (one 50 KB stylesheet, one 5 KB script, system fonts, no icon
font), has dark mode with a toggle, previous/next and an on-this-page list.
Three things it does not do for us, done here:

- Its templates (`builder/glassbox_handbook/web/theme/`, put before the theme's own): a brand with
  the project's title and conf.py's logo (or, with `glassbox_mark`, the handbook's own mark), a search form with a submit button, and a search page that runs
  Pagefind only when someone searches (builder/glassbox_handbook/web/static/gb-search.js).
- Its sidebar lists every page of the site on every page: past a number of
  scenarios the list of scenarios is left out, and scenario pages share one
  tree (glassbox_handbook/web/navigation.py).
- Pagefind indexes only what is marked: the article of each page, without
  the parts marked `no-search` for Sphinx's index (views that gather other
  pages, the diagram, citations), which get `data-pagefind-ignore`.

`glassbox_search = "sphinx"` (e.g. `-D glassbox_search=sphinx`) keeps Sphinx's
own search instead: Furo's search page and Sphinx's search scripts, over the
same pages and theme. It is there to compare the two engines
(benchmarks/search_compare.py); the published site uses Pagefind.
"""

from __future__ import annotations

import importlib
import logging
import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from glassbox_handbook.web.navigation import setup_navigation, uses_furo
from glassbox_handbook.words import _

TEMPLATES = Path(__file__).parent / "theme"
FAVICON = Path(__file__).parent / "static" / "gb-favicon.svg"
PLAIN_FAVICON = Path(__file__).parent / "static" / "gb-favicon-plain.svg"
# Sphinx's own search and keyboard scripts: Pagefind replaces the one, the theme needs neither.
SPHINX_SEARCH_SCRIPTS = ("documentation_options.js", "doctools.js", "sphinx_highlight.js", "searchtools.js",
                         "language_data.js")
_NO_SEARCH = re.compile(r'(<[a-z]+\b[^>]*\bclass="(?:[^"]*\s)?no-search(?:\s[^"]*)?")')


def uses_pagefind(config: Config) -> bool:
    return config.glassbox_search == "pagefind"


def add_templates(app: Sphinx, config: Config) -> None:
    """Our templates come first, for this theme only: they extend Furo's. A favicon unless conf.py names one
    (browsers ask for one; a 404 is a console error): the handbook's mark where conf.py asks for the mark
    (`glassbox_mark`), else conf.py's logo, else a plain box."""
    if uses_furo(config):
        config.templates_path.insert(0, str(TEMPLATES))
        if not config.html_favicon:
            config.html_favicon = str(FAVICON) if config.glassbox_mark else (config.html_logo or str(PLAIN_FAVICON))


def on_page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> str | None:
    """Before Furo's handler (priority 400 < 500): what Pagefind indexes, and no Sphinx search script."""
    if not uses_furo(app.config):
        return None
    body = context.get("body")
    if body:
        # Headings' permalink signs would end up in result titles.
        body = body.replace('<a class="headerlink"', '<a data-pagefind-ignore class="headerlink"')
        context["body"] = _NO_SEARCH.sub(r"\1 data-pagefind-ignore", body)
    context["gb_mark"] = bool(app.config.glassbox_mark)  # the handbook's own mark, or conf.py's logo (sidebar/brand.html)
    meta = app.env.metadata.get(pagename, {})
    # Pages that gather other pages (View.searchable False) are marked `nosearch` too: Pagefind skips them.
    context["gb_searchable"] = bool(body) and "nosearch" not in meta and pagename != "genindex"
    if not uses_pagefind(app.config):
        # Sphinx's own search: its scripts stay, and the search page is Furo's ("!": the theme's own template).
        return "!search.html" if pagename == "search" else None
    if pagename == "search":
        context["gb_browse"] = browse_instead(app, pagename)
    # Sphinx's index does not run, so its `hasdoc` denies the search page that Pagefind's page still is.
    has = context["hasdoc"]
    context["hasdoc"] = lambda name: name == "search" or has(name)
    context["script_files"] = [js for js in context.get("script_files", [])
                               if Path(str(getattr(js, "filename", js) or "")).name not in SPHINX_SEARCH_SCRIPTS]
    return None


def browse_offers() -> dict[str, str]:
    """What the search page offers when search cannot run: the pages that hold these views, and what each offers."""
    return {"scenario-explorer": _("filter the scenarios"), "prompt-index": _("every design prompt"),
            "framework-glossary": _("the handbook's terms, defined")}


def browse_instead(app: Sphinx, pagename: str) -> list[tuple[str, str, str]]:
    """(link, title, what it offers) for each page with one of the views of `browse_offers`, in its order."""
    pages = app.env.domains["glassbox"].pages  # type: ignore[attr-defined]
    found = []
    for kind, what in browse_offers().items():
        docname = next((d for d, p in sorted(pages.items()) if kind in p.view_kinds), None)
        if docname:
            found.append((app.builder.get_relative_uri(pagename, docname), pages[docname].title, what))
    return found


def make_static_folder(app: Sphinx, exception: Exception | None) -> None:
    """Furo writes its pygments.css into `_static/` after every build, also of builders that
    copy no static files (the PDF builder): give it the folder (before its handler, priority 400)."""
    if exception is None and uses_furo(app.config) and app.builder.format == "html":
        Path(app.outdir, "_static").mkdir(parents=True, exist_ok=True)


def quiet_import(module: str) -> None:
    """Import `module`, undoing a `logging.basicConfig` it runs on import.

    Furo's code colours come from accessible-pygments, which configures the root logger
    at INFO on import: every library's log (WeasyPrint's progress in the PDF build) would
    then print. Imported here first, its handler is taken off again.
    """
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        importlib.import_module(module)
    except ImportError:
        return
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
    root.setLevel(level)


def setup_theme(app: Sphinx) -> None:
    quiet_import("a11y_pygments")
    setup_navigation(app)
    app.connect("config-inited", add_templates)
    app.connect("html-page-context", on_page_context, priority=400)
    app.connect("build-finished", make_static_folder, priority=400)
