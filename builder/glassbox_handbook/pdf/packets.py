"""The participant packet of every scenario, as plain data for the PDF builder.

One packet is printed for each person in the room. It opens with a brief
(the large highlighted diagram, the four facts, what each component does
here), then gives every prompt a numbered block with room to write below it
(the facilitator guide, `guides.py`, refers to prompts by these numbers), and
closes with the reader's own next steps. What the guide shares with it (the
prompt numbers, the link back to the web page) is made here once.
"""

from __future__ import annotations

import io
from typing import Any, NamedTuple

from glassbox_handbook.core.diagram import framework_diagram
from glassbox_handbook.core.downloads import packet_stem
from glassbox_handbook.core.facts import names, scenario_facts
from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.frontmatter import ScenarioMeta
from glassbox_handbook.core.model import Page
from glassbox_handbook.domain.loader import format_references
from glassbox_handbook.pdf.documents import PdfDocument, PrintInputs, page_url, per_scenario, shape_alt, shape_uri
from glassbox_handbook.pdf.render import data_uri_svg, svg_as_image
from glassbox_handbook.words import _, _n

# The key under the diagram: the same look the diagram's style gives enacted and left-out parts (render.SVG_STYLE).
_KEY_ON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20" width="40" height="20"><defs>'
           '<pattern id="h" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
           '<rect width="5" height="5" fill="#fff"/><line x1="0" y1="0" x2="0" y2="5" stroke="#b8b8b8" stroke-width="1.2"/>'
           '</pattern></defs><rect x="2" y="2" width="36" height="16" rx="3" fill="url(#h)" stroke="#000" stroke-width="3"/></svg>')
_KEY_OFF = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20" width="40" height="20">'
            '<rect x="2" y="2" width="36" height="16" rx="3" fill="#fff" stroke="#666" stroke-width="1.3" '
            'stroke-dasharray="4 3"/></svg>')
WRITING_LINES = 8  # ruled lines under each prompt (packet.css gives the block its height: over 70 mm)


class Link(NamedTuple):
    """Where a printed scenario points back to: the full address (with a QR code) or, unknown, the page's path."""

    url: str
    web: bool
    qr: str  # data URI of the QR code, or ""


def qr_uri(url: str) -> str:
    import qrcode
    import qrcode.image.svg

    img = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    buf = io.BytesIO()
    img.save(buf)
    return data_uri_svg(buf.getvalue().decode("utf-8"))


def link(inputs: PrintInputs, docname: str) -> Link:
    url = page_url(inputs.baseurl, docname)
    web = url.startswith(("http://", "https://"))
    return Link(url, web, qr_uri(url) if web else "")


def numbered_prompts(fw: Framework, page: Page) -> list[dict[str, Any]]:
    """Every prompt of the scenario in page order, numbered from 1, with the part it belongs to by name and shape."""
    roles = {r.id: r.name for r in fw.roles}
    out = []
    for number, p in enumerate(page.prompts, start=1):
        comp = fw.component_by_id.get(p.component)
        out.append({"id": p.id, "number": number, "text": p.text, "where": comp.name if comp else p.section,
                    "shape": shape_uri(comp.shape) if comp else "", "shape_name": shape_alt(comp.shape) if comp else "",
                    "roles": [roles.get(r, r) for r in p.roles]})
    return out


def sources(inputs: PrintInputs, meta: ScenarioMeta) -> list[str]:
    format_references(list(meta.sources))
    return [inputs.bibliography[k].text if k in inputs.bibliography else k for k in meta.sources]


def _diagram(inputs: PrintInputs, docname: str, page: Page) -> tuple[str, bool]:
    """The highlighted diagram as a tagged image, and whether any part of it is shown as left out."""
    fw, meta = inputs.fw, page.scenario
    assert meta is not None

    def uri(target: str, anchor: str) -> str:
        if target in ("", docname):
            return f"#sec-{anchor}" if anchor else "#"
        return page_url(inputs.baseurl, target) + (f"#{anchor}" if anchor else "") if inputs.baseurl else "#"

    enacted = names(fw.component_by_id, (s.component for s in page.sections))
    levels = names(fw.level_by_id, meta.levels)
    html = svg_as_image(inputs.render_nodes(framework_diagram(fw, uri, highlight=meta, sections=page.sections), docname),
                        _n(": highlighted are {components} at the {levels} level", ": highlighted are {components} at the {levels} levels",
                           len(meta.levels)).format(components=enacted, levels=levels))
    left_out = len({s.component for s in page.sections}) < len(fw.components) or len(set(meta.levels)) < len(fw.levels)
    return html, left_out


def packet_context(inputs: PrintInputs, docname: str, page: Page) -> dict[str, Any]:
    fw, meta = inputs.fw, page.scenario
    assert meta is not None
    diagram, left_out = _diagram(inputs, docname, page)
    parts = []
    for sec in page.sections:
        comp = fw.component_by_id.get(sec.component)
        basis = fw.basis_by_id.get(sec.basis)
        parts.append({"name": comp.name if comp else sec.title, "anchor": sec.anchor, "summary": sec.summary,
                      "basis": basis.name if basis else sec.basis,
                      "shape": shape_uri(comp.shape) if comp else "", "shape_name": shape_alt(comp.shape) if comp else ""})
    return {"meta": meta, "short_name": fw.framework.short_name, "diagram": diagram, "left_out": left_out,
            "key_on": data_uri_svg(_KEY_ON), "key_off": data_uri_svg(_KEY_OFF), "facts": scenario_facts(fw, meta),
            "parts": parts, "prompts": numbered_prompts(fw, page), "lines": WRITING_LINES,
            "link": link(inputs, docname), "sources": sources(inputs, meta)}


def packets(inputs: PrintInputs) -> list[PdfDocument]:
    """The participant packet of every scenario (or of those in `only`)."""
    return per_scenario(inputs, packet_stem, "packet.html", _("{title}: participant packet"), packet_context, ("packet.css",))


DOCUMENTS = packets
