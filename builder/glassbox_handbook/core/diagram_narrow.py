"""The framework diagram laid out for a phone.

The same shapes, links, classes and highlight as the wide drawing (glassbox_handbook.core.diagram),
placed for a column NW units wide: drawn at 288 px or more, its 13-unit labels are at least 11 px.
Each level's names sit above its learning core, drawn as a triangle of its own (the priorities on
top, the two roles at its lower corners); the levels stack; the other components go two to a row.
The layout reads only the framework's levels and components.
"""

from __future__ import annotations

from html import escape
from itertools import pairwise

from glassbox_handbook.core.diagram_parts import Look, Uri, arrow, fit_lines, level_link, one_stop_each, shape_link, svg_text
from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.frontmatter import ScenarioMeta

NW, NROW, NTOP = 320, 206, 16
NLABEL = 13  # every label's size in the narrow drawing (CSS: .gb-narrow text)


def svg_narrow(fw: Framework, uri: Uri, paired: bool, highlight: ScenarioMeta | None, section_anchor: dict[str, str],
                current: tuple[str, str] | None) -> str:
    comps = fw.component_by_id
    cf, la, sp = fw.core
    look = Look(fw, uri, highlight, section_anchor, current)
    levels = fw.levels.paired if paired else fw.levels.base
    mode = "paired" if paired else "base"
    above = fw.concept_by_id.get(fw.diagram.above) if paired else None
    top = NTOP + (46 if above else 0)
    others = [c.id for c in fw.around_core]
    rows = (len(others) + 1) // 2
    height = top + NROW * len(levels) + rows * 54 + 10
    head = f"gb-head-{mode}-narrow"
    title = fw.framework.name if paired else fw.framework.base_name
    parts = [f'<svg class="gb-diagram gb-{mode} gb-narrow" viewBox="0 0 {NW} {height}" role="group" '
             f'aria-label="Diagram of the {escape(title)}" xmlns="http://www.w3.org/2000/svg">',
             f'<defs><marker id="{head}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
             'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="gb-head"/></marker></defs>']
    if above:
        parts.append(shape_link(uri(fw.concept_page(above.id), ""), above.name,
                        f'<rect x="{NW / 2 - 120}" y="{NTOP - 4}" width="240" height="34" rx="17" class="gb-shape"/>'
                        + svg_text(NW / 2, NTOP + 18, above.name, "gb-label"), "gb-node gb-above"))
    bw, bh, half, tri_h = 92, 46, 62, 80
    centers = []
    for i, level in enumerate(levels):
        y = top + NROW * i
        level_on = look.level_on(level.id)
        lcls = "gb-level" + ((" is-on" if level_on else " is-off") if highlight else "")
        row_id = level.id if paired else next((s.id for s in fw.levels.paired if s.base == level.id), level.id)
        href = uri(fw.framework.pages.levels, f"level-{row_id}") if fw.framework.pages.levels else "#"
        if paired:  # two overlapping organizations, as in the wide drawing
            parts.append(f'<g class="{lcls}" data-level="{escape(level.id, quote=True)}">'
                         f'<rect x="2" y="{y + 30}" width="{NW / 2 + 30}" height="{NROW - 36}" rx="40" class="gb-org"/>'
                         f'<rect x="{NW / 2 - 32}" y="{y + 30}" width="{NW / 2 + 30}" height="{NROW - 36}" rx="40" '
                         'class="gb-org"/></g>')
            sides = ((14, level.school_side, "start"), (NW - 14, level.university_side, "end"))
        else:
            parts.append(f'<g class="{lcls}"><rect x="2" y="{y + 30}" width="{NW - 4}" height="{NROW - 36}" rx="40" '
                         'class="gb-org"/></g>')
            sides = ((14, level.name, "start"),)
        parts.append(level_link(href, y + 20, sides))
        # The learning core as a triangle of its own: the priorities on top, the two roles below at its corners,
        # a two-way link along each side.
        apex, base = y + 40, y + 40 + tri_h
        tri = f"{NW / 2},{apex} {NW / 2 - half},{base} {NW / 2 + half},{base}"
        label = fit_lines(comps[sp].name, 2 * half - 40, NLABEL)
        if label.count("\n") == 1 and len(max(label.split("\n"), key=len)) * NLABEL * 0.58 > half:
            label = label.replace(" ", "\n")  # three short lines fit the triangle where two long ones do not
        where = f" at the {level.name} level"
        left_x, right_x, box_y = 8, NW - 8 - bw, base + 14
        parts.append(shape_link(look.href(cf), look.said(cf, comps[cf].name + where, level_on),
                        f'<rect x="{left_x}" y="{box_y}" width="{bw}" height="{bh}" rx="6" class="gb-shape"/>'
                        + svg_text(left_x + bw / 2, box_y + 19, comps[cf].name.replace(" ", "\n", 1), "gb-label"),
                        look.state(cf, level_on), row_id))
        parts.append(shape_link(look.href(sp), look.said(sp, comps[sp].name + where, level_on),
                        f'<polygon points="{tri}" class="gb-shape"/>'
                        + svg_text(NW / 2, base - 8 - 14 * label.count("\n"), label, "gb-label"),
                        look.state(sp, level_on), row_id))
        parts.append(shape_link(look.href(la), look.said(la, comps[la].name + where, level_on),
                        f'<rect x="{right_x}" y="{box_y}" width="{bw}" height="{bh}" rx="6" class="gb-shape"/>'
                        + svg_text(right_x + bw / 2, box_y + 19, comps[la].name.replace(" ", "\n", 1), "gb-label"),
                        look.state(la, level_on), row_id))
        side_y = base - tri_h * 0.25
        side_dx = half * 0.75
        parts.append(arrow(left_x + bw * 0.6, box_y - 3, NW / 2 - side_dx - 3, side_y + 3, head))
        parts.append(arrow(right_x + bw * 0.4, box_y - 3, NW / 2 + side_dx + 3, side_y + 3, head))
        parts.append(arrow(left_x + bw + 3, box_y + bh / 2, right_x - 3, box_y + bh / 2, head))
        centers.append((apex, base))
    for (_, bottom_a), (apex_b, _) in pairwise(centers):
        parts.append(arrow(NW / 2, bottom_a + 3, NW / 2, apex_b - 3, head, dashed=True))
    band_y = top + NROW * len(levels) + 4
    slot = (NW - 8) / 2
    for j, cid in enumerate(others):
        x, y = 4 + slot * (j % 2), band_y + 54 * (j // 2)
        name = fit_lines(comps[cid].name, slot - 24, NLABEL)
        parts.append(shape_link(look.href(cid), look.said(cid, comps[cid].name),
                        f'<rect x="{x + 4}" y="{y}" width="{slot - 8}" height="46" rx="23" class="gb-shape"/>'
                        + svg_text(x + slot / 2, y + (19 if "\n" in name else 28), name, "gb-label"), look.state(cid)))
    parts.append("</svg>")
    return one_stop_each("".join(parts))
