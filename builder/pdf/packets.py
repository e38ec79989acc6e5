"""Workshop packets, one per scenario in two versions, as plain data for the PDF builder."""

from __future__ import annotations

import io
from typing import Any

from ..diagram import framework_diagram
from ..downloads import PACKET_VERSIONS, packet_stem
from ..frontmatter import FACTS
from ..loader import format_references
from ..model import Page
from ..session import plan_session
from .documents import PdfDocument, PrintInputs, page_url, shape_uri
from .render import data_uri_svg, svg_as_image


def qr_uri(url: str) -> str:
    import qrcode
    import qrcode.image.svg

    img = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    buf = io.BytesIO()
    img.save(buf)
    return data_uri_svg(buf.getvalue().decode("utf-8"))


def packet_context(inputs: PrintInputs, docname: str, page: Page) -> dict[str, Any]:
    fw, meta = inputs.fw, page.scenario
    assert meta is not None

    def uri(target: str, anchor: str) -> str:
        if target in ("", docname):
            return f"#sec-{anchor}" if anchor else "#"
        return page_url(inputs.baseurl, target) + (f"#{anchor}" if anchor else "") if inputs.baseurl else "#"

    enacted = ", ".join(fw.component_by_id[s.component].name for s in page.sections if s.component in fw.component_by_id)
    levels = ", ".join(fw.level_by_id[x].name for x in meta.levels if x in fw.level_by_id)
    diagram = svg_as_image(inputs.render_nodes(framework_diagram(fw, uri, highlight=meta, sections=page.sections), docname),
                           f": highlighted are {enacted} at the {levels} level(s)")
    titles = {s.title for s in page.sections}
    parts: list[dict[str, Any]] = []
    opening = [p for p in page.prompts if p.section not in titles]
    if opening:
        parts.append({"name": "Opening", "anchor": "opening", "summary": "", "shape": "", "prompts": opening})
    for sec in page.sections:
        comp = fw.component_by_id.get(sec.component)
        basis = fw.basis_by_id.get(sec.basis)
        parts.append({"name": comp.name if comp else sec.title, "anchor": sec.anchor, "summary": sec.summary,
                      "basis": basis.name if basis else sec.basis,
                      "shape": shape_uri(comp.shape) if comp else "", "shape_name": comp.shape if comp else "",
                      "prompts": [p for p in page.prompts if p.section == sec.title]})
    concepts = [fw.concept_by_id[c] for c in dict.fromkeys(t.concept for t in page.terms) if c in fw.concept_by_id]
    url = page_url(inputs.baseurl, docname)
    session = plan_session(fw, page, fw.workshop.lengths[0])
    schedule = [(f"{a.start}–{a.end} min", f"{a.title}: {a.what}") for a in session.activities]
    facts = [(fw.fact_label(f), getattr(meta, f)) for f in FACTS]
    facts.append(("Levels", levels))
    facts.append(("Roles involved", ", ".join(fw.role_by_id[x].name for x in meta.roles if x in fw.role_by_id)))
    format_references(list(meta.sources))
    sources = [inputs.bibliography[k].text if k in inputs.bibliography else k for k in meta.sources]
    return {"meta": meta, "diagram": diagram, "parts": parts, "facts": facts, "concepts": concepts,
            "plan": schedule, "minutes": session.minutes, "moves": fw.workshop.moves,
            "sources": sources, "url": url, "qr": qr_uri(url) if url.startswith("http") else "",
            "roles": {r.id: r.name for r in fw.roles}}


def packets(inputs: PrintInputs) -> list[PdfDocument]:
    """Both versions of the packet of every scenario (or of those in `only`)."""
    out = []
    for docname, page in inputs.scenarios:
        meta = page.scenario
        if inputs.only and meta.id not in inputs.only:
            continue
        ctx = packet_context(inputs, docname, page)
        for version in PACKET_VERSIONS:
            title = f"{meta.title}: workshop packet ({version})"
            out.append(PdfDocument(packet_stem(meta.id, version), "packet.html",
                                   {**inputs.common(title), **ctx, "version_name": version,
                                    "facilitator": version == "facilitator"}))
    return out
