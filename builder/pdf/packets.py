"""Workshop packets (one per scenario) and prompt cards, from domain data alone."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util.display import progress_message

from ..diagram import framework_diagram
from ..downloads import PACKET_VERSIONS, cards_pdf, packet_pdf
from ..loader import framework_for
from ..views import TABLE2, _label
from .render import data_uri_svg, svg_as_image, write_pdf

if TYPE_CHECKING:
    from .builder import PdfBuilder

# Shapes that label components on cards (framework.yaml `shape`), drawn in a 20x20 box.
SHAPES = {
    "square": '<rect x="2" y="2" width="16" height="16"/>',
    "circle": '<circle cx="10" cy="10" r="8"/>',
    "triangle": '<polygon points="10,1.5 19,18 1,18"/>',
    "diamond": '<polygon points="10,1 19,10 10,19 1,10"/>',
    "hexagon": '<polygon points="5,2 15,2 19.5,10 15,18 5,18 0.5,10"/>',
    "pentagon": '<polygon points="10,1 19,8 15.5,18.5 4.5,18.5 1,8"/>',
    "star": '<polygon points="10,1 12.4,7.3 19,7.3 13.7,11.4 15.7,18.5 10,14.2 4.3,18.5 6.3,11.4 1,7.3 7.6,7.3"/>',
}


def shape_uri(shape: str) -> str:
    inner = SHAPES.get(shape, SHAPES["circle"])
    return data_uri_svg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20" width="20" height="20">'
                        f'<g fill="#fff" stroke="#000" stroke-width="2">{inner}</g></svg>')


def qr_uri(url: str) -> str:
    import qrcode
    import qrcode.image.svg

    img = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    buf = io.BytesIO()
    img.save(buf)
    return data_uri_svg(buf.getvalue().decode("utf-8"))


def scenario_url(builder: PdfBuilder, docname: str) -> str:
    base = builder.config.html_baseurl.rstrip("/")
    return f"{base}/{docname}.html" if base else f"{docname}.html"


def sources(builder: PdfBuilder, keys: list[str]) -> list[str]:
    """The scenario's sources, formatted with pybtex's plain style as plain text."""
    from pybtex.database import parse_file
    from pybtex.plugin import find_plugin

    entries = {}
    for bib in builder.config.bibtex_bibfiles:
        data = parse_file(str(Path(builder.srcdir) / bib), bib_format="bibtex")
        entries.update({k: data.entries[k] for k in keys if k in data.entries})
    style = find_plugin("pybtex.style.formatting", "plain")()
    out = []
    for key in keys:
        if key in entries:
            formatted = next(iter(style.format_entries([entries[key]])))
            out.append(formatted.text.render_as("text"))
        else:
            out.append(key)
    return out


def plan(rec: dict[str, Any], parts: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """A 60–90 minute plan: opening, one slot per enacted component, gaps and commitments."""
    n = max(len(parts), 1)
    per = max(5, min(25, 45 // n))
    rows = [("0–10 min", "Read the felt difficulty and the collaborative project aloud. Each person names where they "
                          "meet a problem like this in their own work."),
            ("10–20 min", "Look at the diagram together: which levels and components are highlighted, and which are not? "
                          "Agree on what the shared learning priority is.")]
    t = 20
    for part in parts:
        rows.append((f"{t}–{t + per} min", f"{part['name']}: read the summary, then work the prompts in pairs and report back."))
        t += per
    rows.append((f"{t}–{t + 15} min", "Gaps: which components are not enacted here? What would change if they were? "
                                      "Each table writes one next step and who owns it."))
    rows.append((f"{t + 15}–{t + 20} min", "Close: read the next steps aloud; collect the sheets."))
    return rows


MOVES = [
    "Ask for evidence: “What in the scenario tells us that?” Keep reported facts and interpretation apart.",
    "Move between levels: “Who at the other level would see this differently?”",
    "Name the shared learning priority before solutions: “What are both sides trying to learn?”",
    "Look for the gap: “Which part of the diagram is greyed out, and does it matter here?”",
    "Turn talk into design: “What would we try first, with whom, by when?”",
]


def packet_context(builder: PdfBuilder, docname: str, rec: dict[str, Any]) -> dict[str, Any]:
    fw = framework_for(builder.env)
    meta = rec["scenario"]

    def uri(target: str, anchor: str) -> str:
        if target in ("", docname):
            return f"#sec-{anchor}" if anchor else "#"
        base = builder.config.html_baseurl.rstrip("/")
        return f"{base}/{target}.html" + (f"#{anchor}" if anchor else "") if base else "#"

    diagram = svg_as_image(builder.render_nodes(
        framework_diagram(fw, uri, highlight=meta, sections=rec["sections"]), docname),
        f": highlighted are {', '.join(fw.component_by_id[s['component']].name for s in rec['sections'] if s['component'] in fw.component_by_id)}"
        f" at the {', '.join(fw.level_by_id[x].name for x in meta['levels'] if x in fw.level_by_id)} level(s)")
    by_section: dict[str, list[dict]] = {}
    for p in rec["prompts"]:
        by_section.setdefault(p["section"], []).append(p)
    parts = []
    opening = [p for p in rec["prompts"] if p["section"] not in {s["title"] for s in rec["sections"]}]
    if opening:
        parts.append({"name": "Opening", "anchor": "opening", "summary": "", "shape": "", "prompts": opening})
    for sec in rec["sections"]:
        comp = fw.component_by_id.get(sec["component"])
        basis = fw.basis_by_id.get(sec["basis"])
        parts.append({"name": comp.name if comp else sec["title"], "anchor": sec["anchor"], "summary": sec["summary"],
                      "basis": basis.name if basis else sec["basis"],
                      "shape": shape_uri(comp.shape) if comp else "", "shape_name": comp.shape if comp else "",
                      "prompts": by_section.get(sec["title"], [])})
    concepts = []
    for cid in dict.fromkeys(t["concept"] for t in rec["terms"]):
        if cid in fw.concept_by_id:
            concepts.append(fw.concept_by_id[cid])
    url = scenario_url(builder, docname)
    schedule = plan(rec, [p for p in parts if p["name"] != "Opening"])
    facts = [(_label(f), meta[f]) for f in TABLE2]
    facts.append(("Levels", ", ".join(fw.level_by_id[x].name for x in meta["levels"] if x in fw.level_by_id)))
    facts.append(("Roles involved", ", ".join(fw.role_by_id[x].name for x in meta["roles"] if x in fw.role_by_id)))
    return {"meta": meta, "diagram": diagram, "parts": parts, "facts": facts, "concepts": concepts,
            "plan": schedule, "minutes": schedule[-1][0].split("–")[1].split()[0], "moves": MOVES,
            "sources": sources(builder, meta["sources"]), "url": url, "qr": qr_uri(url) if url.startswith("http") else "",
            "roles": {r.id: r.name for r in fw.roles}}


def write_all(builder: PdfBuilder) -> None:
    domain = builder.env.domains["glassbox"]
    out = Path(builder.outdir)
    only = set(builder.config.glassbox_pdf_scenarios)
    for docname, rec in domain.scenarios():
        if only and rec["scenario"]["id"] not in only:
            continue
        ctx = builder.context("")
        ctx.update(packet_context(builder, docname, rec))
        sid = rec["scenario"]["id"]
        for version in PACKET_VERSIONS:
            title = f"{rec['scenario']['title']}: workshop packet ({version})"
            ctx.update(title=title, version_name=version, facilitator=version == "facilitator",
                       metatags=builder.context(title)["metatags"])
            html = builder.jinja.get_template("packet.html").render(ctx)
            for paper in builder.config.glassbox_pdf_papers:
                name = packet_pdf(sid, version, paper)
                with progress_message(f"writing {name}"):
                    builder.timings[name] = write_pdf(html, out / name, paper, str(out))
    write_cards(builder)


def write_cards(builder: PdfBuilder) -> None:
    fw = framework_for(builder.env)
    domain = builder.env.domains["glassbox"]
    roles = {r.id: r.name for r in fw.roles}
    cards = []
    # A large corpus's scenario prompts are in the packets; a deck of thousands of cards helps nobody.
    scenario_records = [] if builder.brief_views else [r for _, r in domain.scenarios()]
    records = scenario_records + [r for _, r in sorted(domain.docs.items()) if not r["scenario"]]
    for rec in records:
        source = rec["scenario"]["title"] if rec["scenario"] else rec["title"]
        for p in rec["prompts"]:
            comp = fw.component_by_id.get(p["component"])
            cards.append({"text": p["text"], "component": comp.name if comp else "General",
                          "shape": shape_uri(comp.shape if comp else "circle"), "shape_name": comp.shape if comp else "circle",
                          "source": source, "roles": ", ".join(roles.get(r, r) for r in p["roles"])})
    title = f"{builder.config.project}: design prompt cards"
    ctx = builder.context(title)
    ctx.update(cards=cards, scenarios_left_out=builder.scenarios_left_out, legend=[(c.name, c.shape, shape_uri(c.shape)) for c in fw.components])
    html = builder.jinja.get_template("cards.html").render(ctx)
    for paper in builder.config.glassbox_pdf_papers:
        name = cards_pdf(paper)
        with progress_message(f"writing {name}"):
            builder.timings[name] = write_pdf(html, Path(builder.outdir) / name, paper, str(builder.outdir))
