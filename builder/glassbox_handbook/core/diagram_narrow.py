"""The framework diagram laid out for a phone.

The same shapes, links, classes and highlight as the wide drawing (glassbox_handbook.core.diagram),
placed for a column NW units wide: drawn at 288 px or more, its 13-unit labels are at least 11 px.
Each level's names sit above its core: a core of three drawn as a triangle of its own (the middle
one on top, the other two at its lower corners), one, two or four as boxes two to a row; the levels
stack; the other components go two to a row. The layout reads only the framework's levels and components.
"""

from __future__ import annotations

from functools import partial
from html import escape
from itertools import pairwise

from glassbox_handbook.core.diagram_parts import Look, Uri, arrow, fit_lines, level_link, one_stop_each, shape_link, svg_text
from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.frontmatter import ScenarioMeta
from glassbox_handbook.words import _

NW, NROW, NTOP = 320, 206, 16
NLABEL = 13  # every label's size in the narrow drawing (CSS: .gb-narrow text)
NBW, NBH, NGAP, NVGAP = 134, 46, 36, 30  # a core of one, two or four: its boxes, two to a row, the room between
# two in a row and between two rows (each long enough for a two-way arrow)


def _level_height(n: int) -> int:
    """The height of one level: a core of three is a triangle over two boxes; others are rows of two boxes."""
    if n == 3:
        return NROW
    rows = (n + 1) // 2
    return 44 + rows * NBH + (rows - 1) * NVGAP + 30


def _label(fw: Framework, cid: str, width: float) -> str:
    return fw.diagram.labels.get(cid) or fit_lines(fw.component_by_id[cid].name, width, NLABEL)


def _box(look: Look, fw: Framework, cid: str, x: float, y: float, w: float, said: str, level_on: bool, row_id: str,
         label: str) -> str:
    text_y = y + 19 if "\n" in label else y + 28
    return shape_link(look.href(cid), look.said(cid, said, level_on),
                      f'<rect x="{x}" y="{y}" width="{w}" height="{NBH}" rx="6" class="gb-shape"/>'
                      + svg_text(x + w / 2, text_y, label, "gb-label"), look.state(cid, level_on), row_id)


def _core(fw: Framework, look: Look, level_name: str, y: float, level_on: bool, row_id: str,
          head: str) -> tuple[list[str], float, float]:
    """The core at one level, and where the dashed link to the next level meets it above and leaves it below."""
    comps = fw.component_by_id
    core = fw.core
    parts = []

    at = partial(look.part_at, level=level_name)

    if len(core) == 3:
        # A triangle of its own: the middle one on top, the other two below at its corners, a two-way
        # link along each side.
        left, middle, right = core
        bw, half, tri_h = 92, 62, 80
        apex, base = y + 40, y + 40 + tri_h
        tri = f"{NW / 2},{apex} {NW / 2 - half},{base} {NW / 2 + half},{base}"
        label = fit_lines(comps[middle].name, 2 * half - 40, NLABEL)
        if label.count("\n") == 1 and len(max(label.split("\n"), key=len)) * NLABEL * 0.58 > half:
            label = label.replace(" ", "\n")  # three short lines fit the triangle where two long ones do not
        left_x, right_x, box_y = 8, NW - 8 - bw, base + 14
        parts.append(_box(look, fw, left, left_x, box_y, bw, at(left), level_on, row_id, comps[left].name.replace(" ", "\n", 1)))
        parts.append(shape_link(look.href(middle), look.said(middle, at(middle), level_on),
                        f'<polygon points="{tri}" class="gb-shape"/>'
                        + svg_text(NW / 2, base - 8 - 14 * label.count("\n"), label, "gb-label"),
                        look.state(middle, level_on), row_id))
        parts.append(_box(look, fw, right, right_x, box_y, bw, at(right), level_on, row_id, comps[right].name.replace(" ", "\n", 1)))
        side_y = base - tri_h * 0.25
        side_dx = half * 0.75
        parts.append(arrow(left_x + bw * 0.6, box_y - 3, NW / 2 - side_dx - 3, side_y + 3, head))
        parts.append(arrow(right_x + bw * 0.4, box_y - 3, NW / 2 + side_dx + 3, side_y + 3, head))
        parts.append(arrow(left_x + bw + 3, box_y + NBH / 2, right_x - 3, box_y + NBH / 2, head))
        return parts, apex, base
    # One, two or four: boxes two to a row, each linked both ways to its neighbour across and below.
    width = NBW if len(core) > 1 else NW - 16 - 2 * 60
    for i, cid in enumerate(core):
        row, col = divmod(i, 2)
        x = (NW - width) / 2 if len(core) == 1 else NW / 2 - NGAP / 2 - width if col == 0 else NW / 2 + NGAP / 2
        box_y = y + 44 + row * (NBH + NVGAP)
        parts.append(_box(look, fw, cid, x, box_y, width, at(cid), level_on, row_id, _label(fw, cid, width - 16)))
        if col == 1:
            parts.append(arrow(x - NGAP + 3, box_y + NBH / 2, x - 3, box_y + NBH / 2, head))
        if row:
            parts.append(arrow(x + width / 2, box_y - NVGAP + 3, x + width / 2, box_y - 3, head))
    rows = (len(core) + 1) // 2
    return parts, y + 44, y + 44 + rows * NBH + (rows - 1) * NVGAP


def svg_narrow(fw: Framework, uri: Uri, paired: bool, highlight: ScenarioMeta | None, section_anchor: dict[str, str],
                current: tuple[str, str] | None) -> str:
    comps = fw.component_by_id
    look = Look(fw, uri, highlight, section_anchor, current)
    levels = fw.levels if paired else fw.base_levels
    mode = "paired" if paired else "base"
    above = fw.concept_by_id.get(fw.diagram.above) if paired else None
    top = NTOP + (46 if above else 0)
    others = [c.id for c in fw.around_core]
    rows = (len(others) + 1) // 2
    step = _level_height(len(fw.core))
    rx = 40 if step == NROW else 20  # a low level's corners stay clear of the boxes in it
    height = top + step * len(levels) + rows * 54 + 10
    head = f"gb-head-{mode}-narrow"
    title = fw.framework.name if paired else fw.framework.base_name
    label = _("Diagram of the {framework}").format(framework=title)
    parts = [f'<svg class="gb-diagram gb-{mode} gb-narrow" viewBox="0 0 {NW} {height}" role="group" '
             f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">',
             f'<defs><marker id="{head}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
             'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="gb-head"/></marker></defs>']
    if above:
        parts.append(shape_link(uri(fw.concept_page(above.id), ""), above.name,
                        f'<rect x="{NW / 2 - 120}" y="{NTOP - 4}" width="240" height="34" rx="17" class="gb-shape"/>'
                        + svg_text(NW / 2, NTOP + 18, above.name, "gb-label"), "gb-node gb-above"))
    links = []
    for i, level in enumerate(levels):
        y = top + step * i
        level_on = look.level_on(level.id)
        lcls = "gb-level" + ((" is-on" if level_on else " is-off") if highlight else "")
        row_id = level.id if paired else next((s.id for s in fw.levels if s.base == level.id), level.id)
        href = uri(fw.framework.pages.levels, f"level-{row_id}") if fw.framework.pages.levels else "#"
        pair = fw.paired(level) if paired else None
        if pair:  # two overlapping organizations, as in the wide drawing
            parts.append(f'<g class="{lcls}" data-level="{escape(level.id, quote=True)}">'
                         f'<rect x="2" y="{y + 30}" width="{NW / 2 + 30}" height="{step - 36}" rx="{rx}" class="gb-org"/>'
                         f'<rect x="{NW / 2 - 32}" y="{y + 30}" width="{NW / 2 + 30}" height="{step - 36}" rx="{rx}" '
                         'class="gb-org"/></g>')
            sides: tuple[tuple[float, str, str], ...] = ((14, pair[0], "start"), (NW - 14, pair[1], "end"))
        else:
            at = f' data-level="{escape(level.id, quote=True)}"' if paired else ""
            parts.append(f'<g class="{lcls}"{at}><rect x="2" y="{y + 30}" width="{NW - 4}" height="{step - 36}" rx="{rx}" '
                         'class="gb-org"/></g>')
            sides = ((14, level.name, "start"),)
        parts.append(level_link(href, y + 20, sides))
        drawn, upper, lower = _core(fw, look, level.name, y, level_on, row_id, head)
        parts += drawn
        links.append((upper, lower))
    for (_upper, bottom_a), (apex_b, _lower) in pairwise(links):
        parts.append(arrow(NW / 2, bottom_a + 3, NW / 2, apex_b - 3, head, dashed=True))
    band_y = top + step * len(levels) + 4
    slot = (NW - 8) / 2
    for j, cid in enumerate(others):
        x, y = 4 + slot * (j % 2), band_y + 54 * (j // 2)
        name = fit_lines(comps[cid].name, slot - 24, NLABEL)
        parts.append(shape_link(look.href(cid), look.said(cid, comps[cid].name),
                        f'<rect x="{x + 4}" y="{y}" width="{slot - 8}" height="46" rx="23" class="gb-shape"/>'
                        + svg_text(x + slot / 2, y + (19 if "\n" in name else 28), name, "gb-label"), look.state(cid)))
    parts.append("</svg>")
    return one_stop_each("".join(parts))
