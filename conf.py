"""Sphinx configuration of the Glass-Box Handbook."""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

project = "The Glass-Box Handbook"
author = "Glass-Box Handbook contributors"
release = version = "0.1"
_when = time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH", time.time())))
copyright = f"{_when.tm_year}, {author}. Content CC BY 4.0"
language = "en"

extensions = ["myst_parser", "sphinx_design", "sphinxcontrib.bibtex", "builder"]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = [
    "_build", ".venv", ".venv-*", "builder", "node_modules", "build", "dist", "README.md", "CONTRIBUTING.md", "tests", "benchmarks", "scenarios/_*", ".github", ".pytest_cache", "**/.pytest_cache",
    "**/.pytest_cache",
]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
suppress_warnings = ["myst.header"]

bibtex_bibfiles = ["handbook/references.bib"]
bibtex_default_style = "plain"
bibtex_reference_style = "author_year"
bibtex_cite_id = "cite-{key}"

glassbox_framework = "handbook/framework.yaml"
glassbox_scenarios = "scenarios"

html_theme = "pydata_sphinx_theme"
html_title = project
html_baseurl = os.environ.get("GLASSBOX_BASEURL", "")
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False
html_theme_options = {
    "navigation_with_keys": False,
    "show_prev_next": True,
    "secondary_sidebar_items": ["page-toc"],
    "footer_start": ["copyright"],
    "footer_end": [],
    "navbar_align": "left",
    "header_links_before_dropdown": 4,
}
# The section sidebar lists every sibling page. Past a few dozen scenarios that
# list is longer than any reader would scroll and makes every scenario page
# (and the build) grow with the number of scenarios; the explorer on the
# scenarios page takes over as their navigation.
_scenario_count = len([p for p in Path(__file__).parent.joinpath("scenarios").glob("*.md")
                       if p.name != "index.md" and not p.name.startswith("_")])
html_sidebars = {"scenarios/*": []} if _scenario_count > 60 else {}
