"""The printed handbook's own parts: its cover, and running heads that say where the reader is.

The builder resolves and renders the pages (`pdf_builder`); this module
composes them into one document. A reader preparing a meeting opens the
book in the middle: the left head names the part of the handbook (the
top-level page the current page belongs to), the right head the page.
A part's own opening page has the handbook's title on the left; the cover
has no heads and no page number (print.css, `@page :first`).
"""

from __future__ import annotations

import re
from typing import Any

from glassbox_handbook.core.diagram import framework_diagram
from glassbox_handbook.core.downloads import HANDBOOK
from glassbox_handbook.core.facts import names
from glassbox_handbook.pdf.documents import PdfDocument, PrintInputs
from glassbox_handbook.pdf.render import svg_as_image
from glassbox_handbook.words import _

HEAD_CHARS = 72  # a running head stays on one line beside the other
_IMG = re.compile(r'<img class="gb-diagram-img"[^>]*>')
_CAPTION = re.compile(r'<p class="gb-caption">(.*?)</p>', re.S)


def short(text: str, limit: int = HEAD_CHARS) -> str:
    """`text`, cut at a word and marked with an ellipsis when it is too long for a running head."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return cut + "…"


def with_heads(pages: list[dict[str, Any]], project: str) -> list[dict[str, Any]]:
    """Each page with its running heads: (`head_left`, `head_right`) = (its part, its title)."""
    part = ""
    out = []
    for page in pages:
        if page["depth"] <= 1:
            part = page["title"] if page["depth"] == 1 else ""
        left = part if part and part != page["title"] else project
        right = page["title"] if page["depth"] else ""
        out.append({**page, "head_left": short(left), "head_right": short(right)})
    return out


def cover_figure(inputs: PrintInputs, root: str) -> dict[str, str]:
    """The framework diagram, not highlighted, as one image with a text alternative and its caption."""
    fw = inputs.fw
    html = inputs.render_nodes(framework_diagram(fw, lambda doc, anchor: "#"), root)
    levels = ", ".join(level.name for level in fw.levels)
    core = names(fw.component_by_id, fw.core)
    around = ", ".join(c.name for c in fw.around_core)
    alt = (_(": at each level ({levels}), {components}, linked both ways") if len(fw.core) > 1
           else _(": at each level ({levels}), {components}")).format(levels=levels, components=core)
    if around:
        alt += _("; across the levels, {components}").format(components=around)
    image = _IMG.search(svg_as_image(html, alt))
    caption = _CAPTION.search(html)
    return {"image": image.group(0) if image else "", "caption": caption.group(1) if caption else ""}


def document(pages: list[dict[str, Any]], inputs: PrintInputs, root: str, project: str) -> PdfDocument:
    """The handbook: cover, (a note on what a large corpus leaves out), contents, every page."""
    pages = with_heads(pages, project)
    return PdfDocument(HANDBOOK, "handbook.html", {
        **inputs.common(project), "pages": pages, "scenarios_left_out": inputs.left_out,
        "cover": cover_figure(inputs, root), "toc": [p for p in pages if p["depth"] >= 1]}, ("handbook.css",))
