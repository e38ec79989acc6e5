"""Accessibility repairs to the theme's output.

pydata-sphinx-theme renders each expandable sidebar section as a
`<summary>` that holds only a chevron icon, so screen readers announce an
unnamed button (axe rule `summary-name`, WCAG 4.1.2). We name each one
after the section it opens. The theme builds its navigation with a function
it puts in the page context; we wrap that function, after the theme has
added it (event priority 900), and change nothing else.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

_UNNAMED_SUMMARY = re.compile(r'(<a class="reference internal" href="[^"]*">)([^<]*)(</a>\s*<details(?: open(?:="open")?)?>\s*)<summary>')


def name_summaries(markup: str) -> str:
    def label(m: re.Match) -> str:
        text = html.unescape(m.group(2)).strip()
        return f'{m.group(1)}{m.group(2)}{m.group(3)}<summary aria-label="{html.escape(f"Show or hide the pages under {text}", quote=True)}">'
    return _UNNAMED_SUMMARY.sub(label, markup)


def _wrap(fn: Callable[..., Any]) -> Callable[..., str]:
    def wrapped(*args: Any, **kwargs: Any) -> str:
        return name_summaries(str(fn(*args, **kwargs)))
    return wrapped


def on_page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    fn = context.get("generate_toctree_html")
    if fn is not None and not getattr(fn, "_glassbox", False):
        wrapped = _wrap(fn)
        wrapped._glassbox = True  # type: ignore[attr-defined]
        context["generate_toctree_html"] = wrapped


def visit_citation(self: Any, node: nodes.citation) -> None:
    """Docutils marks bibliography entries `doc-biblioentry`, a role deprecated in DPUB-ARIA 1.1
    (axe rule `aria-deprecated-role`); a plain list item inside the list says the same."""
    if not isinstance(node.previous_sibling(), type(node)):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def depart_citation(self: Any, node: nodes.citation) -> None:
    self.body.append("</div>\n")
    if not isinstance(node.next_node(descend=False, siblings=True), type(node)):
        self.body.append("</div>\n")


def setup_accessibility(app: Sphinx) -> None:
    app.connect("html-page-context", on_page_context, priority=900)
    app.add_node(nodes.citation, override=True, html=(visit_citation, depart_citation))
