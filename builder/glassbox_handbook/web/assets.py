"""The website's own stylesheet and scripts, shipped inside the package.

They are added as sphinx-design does: the package's `static/` folder joins
`html_static_path` and each file is registered with Sphinx, so nothing is
copied by hand and every HTML builder (ours, `html`, `dirhtml`) gets them.

A reader on a phone pays for every byte a page loads, so a page links only
the scripts its own markup uses: each script names the markup it works on
(`Asset.needs`), and a page whose body holds none of it does not load that
script. The markers are strings the builder itself writes (data elements,
attributes), so a script and its marker change together. Extensions' assets
that only some pages use (sphinx-design's grid, Pygments' colours) follow
the same rule (`OTHERS`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from sphinx.application import Sphinx


class Asset(NamedTuple):
    """A static file and the page markup that needs it; `needs=()` means every page."""

    name: str
    needs: tuple[str, ...] = ()


STATIC = Path(__file__).parent / "static"
_LENS, _PROMPTS, _TERMS = ('id="gb-lens-roles"',), (" data-prompt=",), (" data-definition=",)
_EXPLORER, _WORKSHEET = ('id="gb-explorer-data"',), ('id="gb-worksheet-data"',)
_PLANNER, _SELFSTUDY = ('id="gb-planner-data"',), ('id="gb-selfstudy-data"',)
_FOLD = ('gb-foldable',)  # a long page's sections (glassbox_handbook/sphinx_ext/resolve.py)
_LISTS = ('class="gb-more"', '"more":{"name":"planner"')  # a shortened list (glassbox_handbook/web/lists.py), the planner's files
_WORDS = _LENS + _PROMPTS + _TERMS + _EXPLORER + _WORKSHEET + _PLANNER + _SELFSTUDY + _LISTS + _FOLD  # every script with words
STYLESHEETS = (Asset("glassbox.css"), Asset("gb-theme.css"), Asset("gb-landing.css", ('class="gb-paths',)),
               Asset("gb-planner.css", _PLANNER), Asset("gb-selfstudy.css", _SELFSTUDY))
# Classic scripts (file:// blocks module scripts), each deferred, run in this order:
# gb-core.js defines the namespace the others use, gb-lens.js and gb-compare.js
# come before the explorer, which follows the one and sets up the other.
SCRIPTS = (
    # first, on a page whose scripts have words: gbT/gbN and those words in the project's language
    # (web/words_script.py); the search page, whose body is its template's, loads it there (theme/search.html)
    Asset("gb-words.js", _WORDS),
    Asset("gb-drawers.js"),  # every page: the phone drawers' buttons (glassbox_handbook/web/drawers.py)
    Asset("gb-core.js", _WORDS),
    Asset("gb-lists.js", _LISTS),  # before the explorer and the planner, which load their data with it
    Asset("gb-lens.js", _LENS),
    Asset("gb-prompts.js", _PROMPTS),
    Asset("gb-terms.js", _TERMS),
    Asset("gb-sections.js", _FOLD),
    Asset("gb-compare.js", _EXPLORER),
    Asset("gb-explorer.js", _EXPLORER),
    Asset("gb-privacy-places.js", _WORKSHEET + _SELFSTUDY),  # before gb-privacy.js, which uses it
    Asset("gb-privacy-fix.js", _WORKSHEET + _SELFSTUDY),  # before gb-privacy.js, which uses it
    Asset("gb-privacy.js", _WORKSHEET + _SELFSTUDY),  # the privacy check; its word lists load on first use
    Asset("gb-worksheet-model.js", _WORKSHEET),  # before the page's script, which uses it
    Asset("gb-worksheet.js", _WORKSHEET),
    Asset("gb-planner-model.js", _PLANNER),  # before the page's script, which uses it
    Asset("gb-planner.js", _PLANNER),
    Asset("gb-selfstudy-model.js", _SELFSTUDY),  # before the page's script, which uses it
    Asset("gb-selfstudy.js", _SELFSTUDY),
)
# Files other extensions add to every page, and what a page must hold to use them.
OTHERS = (
    Asset("sphinx-design.min.css", ('class="sd-',)),
    Asset("design-tabs.js", ('class="sd-tab',)),
    Asset("pygments.css", ('class="highlight',)),
)


def needed(assets: tuple[Asset, ...], body: str) -> dict[str, bool]:
    """For each asset, whether a page with this body uses it."""
    return {a.name: not a.needs or any(marker in body for marker in a.needs) for a in assets}


def add_assets(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    app.config.html_static_path.append(str(STATIC))
    for css in STYLESHEETS:
        app.add_css_file(css.name)
    for js in SCRIPTS:
        app.add_js_file(js.name, loading_method="defer")


def _filename(asset: Any) -> str:
    return Path(str(getattr(asset, "filename", asset) or "")).name


def keep_needed(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Leave out of this page the registered files its body does not use."""
    body = context.get("body", "")
    use = needed(STYLESHEETS + SCRIPTS + OTHERS, body)
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [f for f in context[key] if use.get(_filename(f), True)]


PRIVACY_RULES = "gb-privacy-rules.js"


def write_privacy_rules(app: Sphinx, exception: Exception | None) -> None:
    """The privacy check's rules and word lists, generated from the Python check, for gb-privacy.js to load on demand.

    Not registered as a page's script: only a page that checks text loads it, when it first checks."""
    if exception is not None or app.builder.format != "html":
        return
    from glassbox_handbook.privacy.browser import rules_script

    write_generated(app, PRIVACY_RULES, rules_script())


def write_generated(app: Sphinx, name: str, text: str) -> None:
    """A script the build generates into `_static/`, written only when its text changed (an unchanged file
    keeps its date, so a server's cache and preview's reload leave it alone)."""
    target = Path(app.outdir, "_static", name)
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def setup_assets(app: Sphinx) -> None:
    app.connect("builder-inited", add_assets)
    app.connect("build-finished", write_privacy_rules)
    app.connect("html-page-context", keep_needed)
