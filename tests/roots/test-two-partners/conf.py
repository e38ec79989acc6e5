"""A test root: two partners (a library and a museum), two levels with sides, four components."""

project = "The Shared Collections Handbook"
author = "The Shared Collections team"
release = version = "1.0"
copyright = "2026, The Shared Collections team"
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
glassbox_description = "How a city's libraries and its museum learn together about their visitors, in four parts and two levels."

html_theme = "furo"
html_title = project
