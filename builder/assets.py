"""The website's own stylesheet and scripts, shipped inside the package.

They are added as sphinx-design does: the package's `static/` folder joins
`html_static_path` and each file is registered with Sphinx, so nothing is
copied by hand and every HTML builder (ours, `html`, `dirhtml`) gets them.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

STATIC = Path(__file__).parent / "static"
STYLESHEETS = ("glassbox.css",)
# Classic scripts (file:// blocks module scripts), each deferred, run in this order:
# gb-core.js defines the namespace the others use, gb-lens.js and gb-compare.js
# come before the explorer, which follows the one and sets up the other.
SCRIPTS = ("gb-core.js", "gb-lens.js", "gb-prompts.js", "gb-terms.js", "gb-compare.js", "gb-explorer.js", "gb-worksheet.js")


def add_assets(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    app.config.html_static_path.append(str(STATIC))
    for name in STYLESHEETS:
        app.add_css_file(name)
    for name in SCRIPTS:
        app.add_js_file(name, loading_method="defer")


def setup_assets(app: Sphinx) -> None:
    app.connect("builder-inited", add_assets)
