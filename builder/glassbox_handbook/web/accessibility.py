"""Accessibility repairs to what Sphinx and docutils write.

The theme's own markup is changed in its templates (builder/glassbox_handbook/web/theme/): a search
form with a label and a submit button, a brand link named by its text. What
is left here is docutils' markup: the reference list's roles, and tables'
header cells, which say neither what they head (`scope`) nor how a data cell
relates to them (HTML_CodeSniffer H43, WCAG 1.3.1: the matrix has both
column headers and a header cell starting each row).
"""

from __future__ import annotations

import re
from html import escape, unescape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from glassbox_handbook.words import _


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


_COLUMN_HEAD = re.compile(r'<th class="head\b')
_ROW_HEAD = re.compile(r'<th class="stub\b')


def scope_headers(body: str) -> str:
    """Header cells of docutils tables with `scope`: column heads in thead, stubs start a row."""
    return _ROW_HEAD.sub('<th scope="row" class="stub', _COLUMN_HEAD.sub('<th scope="col" class="head', body))


_TABLE_BOX = re.compile(r'<div class="((?:table-wrapper|glassbox-table-scroll)\b[^"]*)"(?![^>]*\brole=)')
_TEXT = re.compile(r"<[^>]+>")
_HEADERLINK = re.compile(r'<a\b[^>]*\bclass="headerlink"[^>]*>.*?</a>', re.S)  # the caption's "¶", no word of its name


def label_table_boxes(body: str) -> str:
    """Each table's box (Furo's table-wrapper, the views' glassbox-table-scroll) scrolls sideways when the
    table is wider than a phone: it becomes a region named after the table (its caption, or its first
    column headings) that a keyboard can reach and scroll (WCAG 2.1.1; axe's scrollable-region-focusable)."""
    def box(match: re.Match[str]) -> str:
        end = match.string.find("</table>", match.end())
        inner = match.string[match.end():end if end > 0 else match.end()]
        caption = re.search(r"<caption[^>]*>(.*?)</caption>", inner, re.S)
        heads = re.findall(r"<th[^>]*>(.*?)</th>", inner, re.S)[:3]
        words = _TEXT.sub("", _HEADERLINK.sub("", caption.group(1) if caption else ", ".join(heads))).strip()
        words = " ".join(unescape(words).split())[:80]
        label = (_("Table: {name} (scrolls sideways on a narrow screen)").format(name=words) if words
                 else _("Table (scrolls sideways on a narrow screen)"))
        return f'<div class="{match.group(1)} gb-table-scroll" role="region" tabindex="0" aria-label="{escape(label, quote=True)}"'

    return _TABLE_BOX.sub(box, body)


_CODE_BLOCK = re.compile(r'(<div class="highlight[^"]*"><pre)(?![^>]*\btabindex=)')


def reachable_code(body: str) -> str:
    """A code block scrolls sideways on a phone when a line is longer than the screen: like a table's box,
    the keyboard can reach it and scroll it (WCAG 2.1.1; axe's scrollable-region-focusable)."""
    return _CODE_BLOCK.sub(r'\1 tabindex="0"', body)


def on_page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    if context.get("body"):
        context["body"] = reachable_code(label_table_boxes(scope_headers(context["body"])))


def setup_accessibility(app: Sphinx) -> None:
    app.connect("html-page-context", on_page_context)
    app.add_node(nodes.citation, override=True, html=(visit_citation, depart_citation))
