"""A test root: one organization (a hospital), three levels, four components, no sides."""

project = "The Ward Safety Handbook"
author = "The Ward Safety team"
release = version = "1.0"
copyright = "2026, The Ward Safety team"
language = "en"

extensions = ["myst_parser", "glassbox_handbook"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

bibtex_bibfiles = ["references.bib"]
bibtex_reference_style = "author_year"
bibtex_cite_id = "cite-{key}"

glassbox_framework = "framework.yaml"
glassbox_scenarios = "scenarios"
glassbox_references = "references"
glassbox_description = "How a hospital's wards, departments and board learn from near misses, in four parts and three levels."

html_theme = "furo"
html_title = project
html_logo = "logo.svg"
