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

extensions = ["myst_parser", "sphinx_design", "sphinxcontrib.bibtex", "glassbox_handbook"]

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

html_theme = "furo"
html_title = project
# The sidebar's brand and the home page show the Glass-Box Handbook's own mark (settings.py: glassbox_mark).
glassbox_mark = True
html_baseurl = os.environ.get("GLASSBOX_BASEURL", "")
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False
html_permalinks_icon = "#"
# Furo (glassbox_handbook/web/theme.py says why): our brand, a search form with a submit button and
# the navigation; previous/next, on-this-page and the light/dark/auto toggle are Furo's own.
html_sidebars = {"**": ["sidebar/brand.html", "sidebar/search.html", "sidebar/scroll-start.html",
                        "sidebar/navigation.html", "sidebar/scroll-end.html"]}
html_theme_options = {
    "light_css_variables": {"color-brand-primary": "#0b5cad", "color-brand-content": "#0b5cad",
                            "color-brand-visited": "#6a3d9a"},
    "dark_css_variables": {"color-brand-primary": "#8ec5ff", "color-brand-content": "#8ec5ff",
                           "color-brand-visited": "#c9a8f0"},
    "top_of_page_buttons": [],
}
# What search engines and link previews show for a page with no paragraph of its own (glassbox_handbook/web/metadata.py).
glassbox_description = ("A handbook for school-university partnership teams: the Simultaneous Renewal Learning Core "
                        "through problems of practice, workshop kits and design prompts.")
# Past this many scenarios the sidebar leaves the list of scenarios out (the explorer on
# the scenarios page lists and filters them), so no page grows with the number of scenarios.
glassbox_nav_max_scenarios = 60
