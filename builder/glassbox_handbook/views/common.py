"""Small node builders the views share: links, paragraphs, badges, run-in lists and tables.

Views return docutils nodes, so the same views go to the website and to
the PDFs. Links are made with the builder's own URI scheme (`ViewContext.uri`),
so they are right whether the pages are separate files or one PDF.
"""

from __future__ import annotations

import json
import re
from typing import Any

from docutils import nodes
from docutils.utils import normalize_language_tag
from docutils.utils.smartquotes import educateQuotes, smartchars

from glassbox_handbook.views import Uri, ViewContext
from glassbox_handbook.words import _, language


def link(uri: Uri, docname: str, anchor: str, text: str, classes: list[str] | None = None) -> nodes.reference:
    return nodes.reference(text, text, internal=True, refuri=uri(docname, anchor), classes=classes or [])


def para(*children: nodes.Node | str, classes: list[str] | None = None) -> nodes.paragraph:
    kids = [nodes.Text(c) if isinstance(c, str) else c for c in children]
    return nodes.paragraph("", "", *kids, classes=classes or [])


def typographic(text: str) -> str:
    """`text` with the quotes and apostrophes the project's pages print (Sphinx's smart quotes, which run before
    the views fill in their words): “curly” in English, «angled» in Spanish."""
    tag = next((t for t in normalize_language_tag(language()) if t in smartchars.quotes), "en")
    return educateQuotes(text, language=tag)


def filled(sentence: str, **parts: nodes.Node | str | list[nodes.Node | str]) -> list[nodes.Node]:
    """A translated sentence with nodes in its named places, e.g. the sentence "Read the {guide}." with
    `guide=` a link. The words around the places are text; a place given no part is left out."""
    out: list[nodes.Node] = []
    for i, piece in enumerate(re.split(r"\{(\w+)\}", sentence)):
        if i % 2:
            part = parts.get(piece)
            for item in part if isinstance(part, list) else [] if part is None else [part]:
                out.append(nodes.Text(item) if isinstance(item, str) else item)
        elif piece:
            out.append(nodes.Text(piece))
    return out


def badge(text: str, kind: str) -> nodes.inline:
    return nodes.inline(text, text, classes=["glassbox-badge", f"glassbox-badge-{kind}"])


def joined(entries: list[list[nodes.Node]], separator: str) -> list[nodes.Node]:
    """The entries' nodes in one run, with `separator` between entries."""
    out: list[nodes.Node] = []
    for i, entry in enumerate(entries):
        out += ([nodes.Text(separator)] if i else []) + entry
    return out


def run_in(entries: list[list[nodes.Node]], classes: list[str]) -> nodes.paragraph:
    """Entries one after another in a paragraph: how a printed handbook of a large corpus lists scenarios."""
    return para(*joined(entries, " · "), classes=[*classes, "glassbox-brief"])


def table(headers: list[str], rows: list[list[Any]], classes: list[str], caption: str = "",
          stub: bool = True, row_ids: list[str] | None = None) -> nodes.container:
    """A table with a header row (and a row-header column when `stub`), wrapped so it can scroll."""
    tbl = nodes.table(classes=["glassbox-table", *classes], ids=[f"table-{classes[0]}"] if classes else [])
    if caption:
        tbl += nodes.title(caption, caption)
    group = nodes.tgroup(cols=len(headers))
    tbl += group
    for _header in headers:
        group += nodes.colspec(colwidth=1, stub=0)
    if stub:
        group[0]["stub"] = 1
    head = nodes.thead()
    group += head
    hrow = nodes.row()
    for text in headers:
        hrow += nodes.entry("", para(text))
    head += hrow
    body = nodes.tbody()
    group += body
    for i, cells in enumerate(rows):
        row = nodes.row(ids=[row_ids[i]] if row_ids else [])
        for cell in cells:
            entry = nodes.entry()
            for item in cell if isinstance(cell, list) else [cell]:
                entry += para(item) if isinstance(item, (str, nodes.Inline, nodes.Text)) else item
            row += entry
        body += row
    wrapper = nodes.container(classes=["glassbox-table-scroll"])
    wrapper += tbl
    return wrapper


def orcid_link(orcid: str | None) -> list[nodes.Node | str]:
    """' (ORCID https://orcid.org/…)' after a person's name, or nothing."""
    if not orcid:
        return []
    url = f"https://orcid.org/{orcid}"
    return [" (ORCID ", nodes.reference(url, url, refuri=url), ")"]


def json_script(element_id: str, data: Any) -> str:
    """Data for the page's scripts, as a `<script type="application/json">` element.

    `</` cannot appear inside the element, so a title can never close it early.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def where_online(ctx: ViewContext) -> list[nodes.Node | str]:
    """Words for "this page on the website", with its full address when the site's address is known:
    what a printed page says in place of a part that works only on screen."""
    site = ctx.config.html_baseurl.rstrip("/")
    where: list[nodes.Node | str] = [_("this page on the website")]
    if site:
        url = f"{site}/{ctx.docname}.html"
        where += [" (", nodes.reference(url, url, refuri=url), ")"]
    return where
