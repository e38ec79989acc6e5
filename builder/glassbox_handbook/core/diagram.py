"""The glass-box diagram as inline SVG, drawn from the framework file.

It follows the paper's Figures 1 and 2: at each level the learning core
named in the framework file (`diagram`), a box on each side of a triangle,
with two-way links among them and dashed two-way links between the levels'
triangles; the other components form a band below. Every shape is a link with an
accessible name, and a structured list with the same links sits beside it
as the text alternative. The keyboard meets each destination once (a level's
two names are one link; the core drawn again at each level is out of the tab
order after its first drawing), and a skip link leads past the drawing.
Styling (including greyscale print) is in CSS.
"""

from __future__ import annotations

from html import escape
from itertools import pairwise

from docutils import nodes

from glassbox_handbook.core.diagram_narrow import svg_narrow
from glassbox_handbook.core.diagram_parts import Look, Uri, arrow, fit_lines, level_link, one_stop_each, shape_link, svg_text
from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.frontmatter import ScenarioMeta
from glassbox_handbook.core.model import EnactedSection

W, ROW, TOP = 760, 200, 70
TRI_H, TRI_HALF, TRI_DOWN = 88, 64, 26  # the priorities' triangle: height, half its base, base below the level's centre


def _svg(fw: Framework, uri: Uri, paired: bool, highlight: ScenarioMeta | None, section_anchor: dict[str, str],
         current: tuple[str, str] | None) -> str:
    comps = fw.component_by_id
    cf, la, sp = fw.core
    others = [c.id for c in fw.around_core]
    levels = fw.levels.paired if paired else fw.levels.base
    height = TOP + ROW * len(levels) + 70
    mode = "paired" if paired else "base"
    title = fw.framework.name if paired else fw.framework.base_name
    # One arrowhead per drawing: a page can show both drawings, and ids are unique on a page.
    head = f"gb-head-{mode}"
    parts = [f'<svg class="gb-diagram gb-{mode}" viewBox="0 0 {W} {height}" role="group" '
             f'aria-label="Diagram of the {escape(title)}" xmlns="http://www.w3.org/2000/svg">',
             f'<defs><marker id="{head}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
             'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="gb-head"/></marker></defs>']

    look = Look(fw, uri, highlight, section_anchor, current)
    comp_href, state, said = look.href, look.state, look.said

    above = fw.concept_by_id.get(fw.diagram.above)
    if paired and above:
        parts.append(shape_link(uri(fw.concept_page(above.id), ""), above.name,
                        f'<rect x="{W / 2 - 120}" y="12" width="240" height="34" rx="17" class="gb-shape"/>'
                        + svg_text(W / 2, 34, above.name, "gb-label"), "gb-node gb-above"))
    centers = []
    for i, level in enumerate(levels):
        y = TOP + ROW * i
        cy = y + 80
        level_on = look.level_on(level.id)
        lcls = "gb-level" + ((" is-on" if level_on else " is-off") if highlight else "")
        row_id = level.id if paired else next((s.id for s in fw.levels.paired if s.base == level.id), level.id)
        levels_href = uri(fw.framework.pages.levels, f"level-{row_id}") if fw.framework.pages.levels else "#"
        if paired:
            parts.append(f'<g class="{lcls}" data-level="{escape(level.id, quote=True)}">')
            parts.append(f'<ellipse cx="{W / 2 - 95}" cy="{cy}" rx="270" ry="84" class="gb-org"/>')
            parts.append(f'<ellipse cx="{W / 2 + 95}" cy="{cy}" rx="270" ry="84" class="gb-org"/>')
            parts.append(level_link(levels_href, cy, ((38, level.school_side, "start"),
                                                     (W - 38, level.university_side, "end")),
                                    room=W / 2 - 110 - 118 - 38 - 8))
            parts.append("</g>")
        else:
            parts.append(f'<g class="{lcls}"><ellipse cx="{W / 2}" cy="{cy}" rx="350" ry="84" class="gb-org"/></g>')
            parts.append(level_link(levels_href, cy, ((40, level.name, "start"),)))
        # the learning core at this level
        bx, bw, bh = 110, 118, 44
        left_x, right_x = W / 2 - bx - bw, W / 2 + bx
        # The triangle is wide enough that a label of up to three short lines sits inside it, low down where
        # it is widest; the links from the boxes end on its sides.
        apex, base, half = cy - TRI_H + TRI_DOWN, cy + TRI_DOWN, TRI_HALF
        tri = f"{W / 2},{apex} {W / 2 - half},{base} {W / 2 + half},{base}"
        label = fw.diagram.priorities_label or fit_lines(comps[sp].name, 2 * half - 34, 11)  # two lines if too wide
        label_y = base - 7 - 14 * label.count("\n")
        edge = half * (cy - 8 - apex) / TRI_H + 3
        where = f" at the {level.name} level"
        parts.append(shape_link(comp_href(cf), said(cf, comps[cf].name + where, level_on),
                        f'<rect x="{left_x}" y="{cy - 30}" width="{bw}" height="{bh}" rx="6" class="gb-shape"/>'
                        + svg_text(left_x + bw / 2, cy - 12, comps[cf].name.replace(" ", "\n", 1), "gb-label"),
                        state(cf, level_on), row_id))
        parts.append(shape_link(comp_href(sp), said(sp, comps[sp].name + where, level_on),
                        f'<polygon points="{tri}" class="gb-shape"/>'
                        + svg_text(W / 2, label_y, label, "gb-label gb-small"),
                        state(sp, level_on), row_id))
        parts.append(shape_link(comp_href(la), said(la, comps[la].name + where, level_on),
                        f'<rect x="{right_x}" y="{cy - 30}" width="{bw}" height="{bh}" rx="6" class="gb-shape"/>'
                        + svg_text(right_x + bw / 2, cy - 12, comps[la].name.replace(" ", "\n", 1), "gb-label"),
                        state(la, level_on), row_id))
        parts.append(arrow(left_x + bw + 4, cy - 8, W / 2 - edge, cy - 8, head))
        parts.append(arrow(W / 2 + edge, cy - 8, right_x - 4, cy - 8, head))
        parts.append(f'<path d="M{left_x + bw / 2},{cy + 16} V{cy + 40} H{right_x + bw / 2} V{cy + 16}" class="gb-arrow gb-loop" '
                     f'fill="none" marker-start="url(#{head})" marker-end="url(#{head})" aria-hidden="true"/>')
        centers.append(cy)
    for a, b in pairwise(centers):
        parts.append(arrow(W / 2, a + TRI_DOWN + 4, W / 2, b - TRI_H + TRI_DOWN - 4, head, dashed=True))
    # the other components, as a labelled band under the levels
    band_y = TOP + ROW * len(levels) - 4
    slot = (W - 40) / max(len(others), 1)
    for j, cid in enumerate(others):
        x = 20 + slot * j
        name = fit_lines(comps[cid].name, slot - 8)
        parts.append(shape_link(comp_href(cid), said(cid, comps[cid].name),
                        f'<rect x="{x + 4}" y="{band_y}" width="{slot - 8}" height="40" rx="20" class="gb-shape"/>'
                        + svg_text(x + slot / 2, band_y + (17 if "\n" in name else 25), name, "gb-label gb-band"), state(cid)))
    parts.append("</svg>")
    return one_stop_each("".join(parts))


def _both(wide: str, narrow: str) -> str:
    """The wide drawing and the one laid out for a phone; CSS shows the one that fits the screen (the other is
    display:none, so neither a keyboard nor a screen reader meets the same links twice)."""
    return f'<div class="gb-diagram-wide">{_scroll(wide)}</div><div class="gb-diagram-narrow">{narrow}</div>'


def diagram_svg(fw: Framework, uri: Uri) -> str:
    """The paired drawing alone, without highlight: a page's script highlights it (the self-study map)."""
    return _both(_svg(fw, uri, True, None, {}, None), svg_narrow(fw, uri, True, None, {}, None))


def _scroll(svg: str) -> str:
    """On a phone the drawing keeps a readable size and scrolls sideways inside its own box (drawn to fit
    390 px, its labels would be 6 px). A box that scrolls is a named region a keyboard can reach and
    scroll with the arrow keys (axe's scrollable-region-focusable); the hint says so to everyone."""
    return ('<p class="gb-scroll-hint">Scroll the diagram sideways to see all of it, or use the text version.</p>'
            '<div class="gb-svg-scroll" tabindex="0" role="region" aria-label="Diagram (scrolls sideways on a narrow screen)">'
            f"{svg}</div>")


def _core_names(fw: Framework) -> str:
    """The components drawn at every level, by name: "A, B and C"."""
    names = [fw.component_by_id[cid].name for cid in fw.core]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _alt(fw: Framework, uri: Uri, paired: bool, highlight: ScenarioMeta | None,
         section_anchor: dict[str, str]) -> nodes.bullet_list:
    """The structured text alternative: the same links, as a nested list."""
    def comp_item(cid: str) -> nodes.list_item:
        comp = fw.component_by_id[cid]
        href = uri("", section_anchor[cid]) if highlight and cid in section_anchor else uri(fw.component_page(cid), "")
        kids: list[nodes.Node] = [nodes.reference(comp.name, comp.name, refuri=href, internal=True)]
        if highlight:
            kids.append(nodes.Text(" (enacted in this scenario)" if cid in section_anchor else " (not enacted here)"))
        return nodes.list_item("", nodes.paragraph("", "", *kids))

    top = nodes.bullet_list(classes=["gb-diagram-alt"])
    levels = fw.levels.paired if paired else fw.levels.base
    for level in levels:
        name = level.name
        if highlight:
            name += " (a level of this scenario)" if level.id in highlight.levels else " (not a level of this scenario)"
        inner = nodes.bullet_list()
        for cid in fw.core:
            inner += comp_item(cid)
        top += nodes.list_item("", nodes.paragraph("", f"{name}: {_core_names(fw)}, linked both ways"), inner)
    rest = nodes.bullet_list()
    for c in fw.around_core:
        rest += comp_item(c.id)
    top += nodes.list_item("", nodes.paragraph("", "Across and between the levels (the dashed links join each level's priorities to the next):"), rest)
    return top


def framework_diagram(fw: Framework, uri: Uri, highlight: ScenarioMeta | None = None,
                      current: tuple[str, str] | None = None, sections: tuple[EnactedSection, ...] = (),
                      compact: bool = False, skip: bool = False) -> list[nodes.Node]:
    """The figure; `compact` (a scenario page's own diagram) leaves out the base framework's toggle; `skip`
    (the web: a keyboard is there, and maybe a phone) puts a link before the drawing that leads past its links,
    and adds the drawing laid out for a narrow screen."""
    section_anchor = {s.component: s.anchor for s in sections} if highlight else {}
    info = fw.framework
    # "no-search": the diagram repeats the framework's names on every page; keep them out of search results
    fig = nodes.container(classes=["gb-figure", "no-search"])
    caption = (f"Where this scenario sits in the {info.short_name}: highlighted parts are enacted here."
               if highlight else f"The {info.name} ({info.short_name}): {len(fw.levels.paired)} levels, each with "
               f"{_core_names(fw)}.")
    fig += nodes.paragraph("", caption, classes=["gb-caption"])
    after = "gb-after-diagram" + (f"-{highlight.id}" if highlight else "")
    if skip:
        # A keyboard user who knows the drawing moves past its links in one step, to the text version.
        fig += nodes.raw("", f'<a class="gb-skip" href="#{after}">Skip the diagram\'s links</a>', format="html")
    wide = _svg(fw, uri, True, highlight, section_anchor, current)
    fig += nodes.raw("", _both(wide, svg_narrow(fw, uri, True, highlight, section_anchor, current)) if skip else _scroll(wide),
                     format="html")
    if compact:
        # On a scenario page the list sits in a disclosure, so the story is not pushed far down.
        fig["classes"].append("gb-figure-compact")
        fig += nodes.raw("", f'<details class="gb-alt" id="{after}"><summary class="gb-alt-title">Text version of the '
                             f"{escape(info.short_name)} diagram</summary>", format="html")
        fig += _alt(fw, uri, True, highlight, section_anchor)
        fig += nodes.raw("", "</details>", format="html")
        return [fig]
    alt = nodes.container(classes=["gb-alt"], ids=[after])
    alt += nodes.paragraph("", f"Text version of the {info.short_name} diagram:", classes=["gb-alt-title"])
    alt += _alt(fw, uri, True, highlight, section_anchor)
    fig += alt
    if info.base_name == info.name:  # a framework that grew from no other: nothing to show beside it
        return [fig]
    base = nodes.container(classes=["gb-base-figure"])
    base += nodes.raw("", f'<details class="gb-base-toggle"><summary>Show the {escape(info.base_name)} '
                         f"({escape(info.base_short_name)}): one organization</summary>", format="html")
    base_wide = _svg(fw, uri, False, None, {}, current)
    base += nodes.raw("", _both(base_wide, svg_narrow(fw, uri, False, None, {}, current)) if skip else _scroll(base_wide),
                      format="html")
    base += _alt(fw, uri, False, None, {})
    base += nodes.raw("", "</details>", format="html")
    fig += base
    return [fig]
