"""The framework's diagram as inline SVG, drawn from the framework file.

One row per level of the file, from the top: a level that names two sides is
drawn as two overlapping organizations with who takes part on each, any other
level as one. At every level the core the file names (`diagram.core`, else the
first group's components) is drawn with two-way links among its parts: three
as a box on each side of a triangle, one, two or four as boxes in a row;
dashed two-way links join each level to the next, and the other components
form a band below. Every shape is a link with an
accessible name, and a structured list with the same links sits beside it
as the text alternative. The keyboard meets each destination once (a level's
two names are one link; the core drawn again at each level is out of the tab
order after its first drawing), and a skip link leads past the drawing.
Styling (including greyscale print) is in CSS.
"""

from __future__ import annotations

from functools import partial
from html import escape
from itertools import pairwise

from docutils import nodes

from glassbox_handbook.core.diagram_narrow import svg_narrow
from glassbox_handbook.core.diagram_parts import Look, Uri, arrow, fit_lines, level_link, one_stop_each, shape_link, svg_text
from glassbox_handbook.core.diagram_text import core_names, text_version
from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.frontmatter import ScenarioMeta
from glassbox_handbook.core.model import EnactedSection
from glassbox_handbook.words import _, _n

W, ROW, TOP = 760, 200, 70
TRI_H, TRI_HALF, TRI_DOWN = 88, 64, 26  # the middle of a core of three: height, half its base, base below the level's centre
BX, BW, BH = 110, 118, 44  # a core of three: its boxes' distance from the centre, width and height
GAP = 34  # a core of one, two or four: the room between two boxes, where the two-way link is
NAME_ROOM = 170  # the most a level's name takes beside such a core


def _box_label(fw: Framework, cid: str, width: float) -> str:
    """A core box's label: the file's `diagram.labels`, else the name on one line or two."""
    return fw.diagram.labels.get(cid) or fit_lines(fw.component_by_id[cid].name, width - 8)


def _box(look: Look, fw: Framework, cid: str, x: float, y: float, w: float, h: float, said: str, level_on: bool,
         row_id: str, size: float = 13) -> str:
    """A core component as a box with its label centred, one line or more."""
    label = _box_label(fw, cid, w) if size == 13 else fit_lines(fw.component_by_id[cid].name, w - 8, size)
    # the lines centred in the box: one line's baseline 4 below the middle, each more line moves them up 8
    text_y = y + h / 2 + 4 - 8 * label.count("\n")
    text_y = int(text_y) if float(text_y).is_integer() else text_y
    cls = "gb-label" if size == 13 else "gb-label gb-small"
    return shape_link(look.href(cid), look.said(cid, said, level_on),
                      f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="6" class="gb-shape"/>'
                      + svg_text(x + w / 2, text_y, label, cls), look.state(cid, level_on), row_id)


def name_room(fw: Framework, levels: list) -> float:
    """The room the levels' names want beside a core of one, two or four, at most NAME_ROOM (a longer name goes on
    two lines). Measured as print sets them, whose bold letters run wider than a browser's (11.5 units each)."""
    names = [n for lv in levels for n in (fw.level_sides(lv) if getattr(lv, "sides", None) and fw.paired(lv) else [lv.name])]
    return min(NAME_ROOM, max((len(n) * 11.5 for n in names), default=0))


def core_span(n: int, names: float = 0) -> tuple[float, float]:
    """Where a core of `n` components starts and ends across the wide drawing, leaving `names` on each side for the
    levels' names (a core of three keeps the place the paper's figures give it)."""
    if n == 3:
        return W / 2 - BX - BW, W / 2 + BX + BW
    width = min(160.0, (2 * (BX + BW) - GAP * (n - 1)) / max(n, 1))
    total = n * width + GAP * (n - 1)
    start = max(W / 2 - total / 2, 38 + names + 14)
    return start, W - start


def _core(fw: Framework, look: Look, level_name: str, cy: float, level_on: bool, row_id: str, head: str,
          names: float) -> tuple[list[str], float, float]:
    """The core drawn at one level, with its two-way links; and where the dashed link to the next level
    leaves it (below) and meets it (above)."""
    comps = fw.component_by_id
    core = fw.core
    parts = []

    at = partial(look.part_at, level=level_name)

    if len(core) == 3:
        # Two boxes with a triangle between them, as in the paper's figures: the triangle is wide enough
        # that a label of up to three short lines sits inside it, low down where it is widest; the links
        # from the boxes end on its sides, and a loop under it joins the boxes.
        left, middle, right = core
        left_x, right_x = W / 2 - BX - BW, W / 2 + BX
        apex, base, half = cy - TRI_H + TRI_DOWN, cy + TRI_DOWN, TRI_HALF
        tri = f"{W / 2},{apex} {W / 2 - half},{base} {W / 2 + half},{base}"
        label = fw.diagram.labels.get(middle) or fit_lines(comps[middle].name, 2 * half - 34, 11)  # two lines if too wide
        label_y = base - 7 - 14 * label.count("\n")
        edge = half * (cy - 8 - apex) / TRI_H + 3
        parts.append(_box(look, fw, left, left_x, cy - 30, BW, BH, at(left), level_on, row_id))
        parts.append(shape_link(look.href(middle), look.said(middle, at(middle), level_on),
                                f'<polygon points="{tri}" class="gb-shape"/>'
                                + svg_text(W / 2, label_y, label, "gb-label gb-small"),
                                look.state(middle, level_on), row_id))
        parts.append(_box(look, fw, right, right_x, cy - 30, BW, BH, at(right), level_on, row_id))
        parts.append(arrow(left_x + BW + 4, cy - 8, W / 2 - edge, cy - 8, head))
        parts.append(arrow(W / 2 + edge, cy - 8, right_x - 4, cy - 8, head))
        parts.append(f'<path d="M{left_x + BW / 2},{cy + 16} V{cy + 40} H{right_x + BW / 2} V{cy + 16}" class="gb-arrow gb-loop" '
                     f'fill="none" marker-start="url(#{head})" marker-end="url(#{head})" aria-hidden="true"/>')
        return parts, base, apex
    # One, two or four: boxes in a row, each linked both ways to the next.
    start, end = core_span(len(core), names)
    width = (end - start - GAP * (len(core) - 1)) / max(len(core), 1)
    # 13 px where every label's lines fit its box (a name on two lines) even in bold, as print marks what a
    # scenario enacts; else the small size
    longest = max(len(line) for cid in core for line in _box_label(fw, cid, width).split("\n"))
    size = 13 if longest * 13 * 0.7 <= width - 8 else 11
    for i, cid in enumerate(core):
        x = start + i * (width + GAP)
        parts.append(_box(look, fw, cid, x, cy - 30, width, BH, at(cid), level_on, row_id, size))
        if i:
            parts.append(arrow(x - GAP + 4, cy - 8, x - 4, cy - 8, head))
    return parts, cy - 30 + BH, cy - 30


def _svg(fw: Framework, uri: Uri, paired: bool, highlight: ScenarioMeta | None, section_anchor: dict[str, str],
         current: tuple[str, str] | None) -> str:
    """The wide drawing: this framework's levels (`paired`), or those of the framework it grew from."""
    comps = fw.component_by_id
    others = [c.id for c in fw.around_core]
    levels = fw.levels if paired else fw.base_levels
    height = TOP + ROW * len(levels) + (70 if others else 0)
    mode = "paired" if paired else "base"
    title = fw.framework.name if paired else fw.framework.base_name
    # One arrowhead per drawing: a page can show both drawings, and ids are unique on a page.
    head = f"gb-head-{mode}"
    label = _("Diagram of the {framework}").format(framework=title)
    parts = [f'<svg class="gb-diagram gb-{mode}" viewBox="0 0 {W} {height}" role="group" '
             f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">',
             f'<defs><marker id="{head}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
             'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="gb-head"/></marker></defs>']

    look = Look(fw, uri, highlight, section_anchor, current)

    above = fw.concept_by_id.get(fw.diagram.above)
    if paired and above:
        parts.append(shape_link(uri(fw.concept_page(above.id), ""), above.name,
                        f'<rect x="{W / 2 - 120}" y="12" width="240" height="34" rx="17" class="gb-shape"/>'
                        + svg_text(W / 2, 34, above.name, "gb-label"), "gb-node gb-above"))
    names = name_room(fw, levels)
    room = core_span(len(fw.core), names)[0] - 38 - 8  # beside the core, for a level's names
    links = []
    for i, level in enumerate(levels):
        y = TOP + ROW * i
        cy = y + 80
        level_on = look.level_on(level.id)
        lcls = "gb-level" + ((" is-on" if level_on else " is-off") if highlight else "")
        row_id = level.id if paired else next((s.id for s in fw.levels if s.base == level.id), level.id)
        levels_href = uri(fw.framework.pages.levels, f"level-{row_id}") if fw.framework.pages.levels else "#"
        pair = fw.paired(level) if paired else None
        if pair:  # two organizations overlapping, each with who takes part on it at this level
            parts.append(f'<g class="{lcls}" data-level="{escape(level.id, quote=True)}">')
            parts.append(f'<ellipse cx="{W / 2 - 95}" cy="{cy}" rx="270" ry="84" class="gb-org"/>')
            parts.append(f'<ellipse cx="{W / 2 + 95}" cy="{cy}" rx="270" ry="84" class="gb-org"/>')
            parts.append(level_link(levels_href, cy, ((38, pair[0], "start"), (W - 38, pair[1], "end")), room=room))
            parts.append("</g>")
        else:  # one organization
            at = f' data-level="{escape(level.id, quote=True)}"' if paired else ""
            parts.append(f'<g class="{lcls}"{at}><ellipse cx="{W / 2}" cy="{cy}" rx="350" ry="84" class="gb-org"/></g>')
            parts.append(level_link(levels_href, cy, ((40, level.name, "start"),), room=room + 2 if paired else 0))
        drawn, below, top = _core(fw, look, level.name, cy, level_on, row_id, head, names)
        parts += drawn
        links.append((top, below))
    for (_top, below), (top, _below) in pairwise(links):
        parts.append(arrow(W / 2, below + 4, W / 2, top - 4, head, dashed=True))
    # the other components, as a labelled band under the levels
    band_y = TOP + ROW * len(levels) - 4
    slot = (W - 40) / max(len(others), 1)
    for j, cid in enumerate(others):
        x = 20 + slot * j
        name = fit_lines(comps[cid].name, slot - 8)
        parts.append(shape_link(look.href(cid), look.said(cid, comps[cid].name),
                        f'<rect x="{x + 4}" y="{band_y}" width="{slot - 8}" height="40" rx="20" class="gb-shape"/>'
                        + svg_text(x + slot / 2, band_y + (17 if "\n" in name else 25), name, "gb-label gb-band"),
                        look.state(cid)))
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
    hint = _("Scroll the diagram sideways to see all of it, or use the text version.")
    region = _("Diagram (scrolls sideways on a narrow screen)")
    return (f'<p class="gb-scroll-hint">{escape(hint, quote=False)}</p>'
            f'<div class="gb-svg-scroll" tabindex="0" role="region" aria-label="{escape(region)}">'
            f"{svg}</div>")


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
    if highlight:
        caption = _("Where this scenario sits in the {short}: highlighted parts are enacted here.").format(short=info.short_name)
    else:
        caption = _n("The {name} ({short}): {n} level, with {components}.",
                     "The {name} ({short}): {n} levels, each with {components}.", len(fw.levels)).format(
                         name=info.name, short=info.short_name, n=len(fw.levels), components=core_names(fw))
    fig += nodes.paragraph("", caption, classes=["gb-caption"])
    after = "gb-after-diagram" + (f"-{highlight.id}" if highlight else "")
    if skip:
        # A keyboard user who knows the drawing moves past its links in one step, to the text version.
        skip_words = _("Skip the diagram's links")
        fig += nodes.raw("", f'<a class="gb-skip" href="#{after}">{escape(skip_words, quote=False)}</a>', format="html")
    wide = _svg(fw, uri, True, highlight, section_anchor, current)
    fig += nodes.raw("", _both(wide, svg_narrow(fw, uri, True, highlight, section_anchor, current)) if skip else _scroll(wide),
                     format="html")
    alt_title = _("Text version of the {short} diagram").format(short=info.short_name)
    if compact:
        # On a scenario page the list sits in a disclosure, so the story is not pushed far down.
        fig["classes"].append("gb-figure-compact")
        fig += nodes.raw("", f'<details class="gb-alt" id="{after}"><summary class="gb-alt-title">{escape(alt_title)}'
                             "</summary>", format="html")
        fig += text_version(fw, uri, True, highlight, section_anchor)
        fig += nodes.raw("", "</details>", format="html")
        return [fig]
    alt = nodes.container(classes=["gb-alt"], ids=[after])
    alt += nodes.paragraph("", alt_title + ":", classes=["gb-alt-title"])
    alt += text_version(fw, uri, True, highlight, section_anchor)
    fig += alt
    if not fw.base_levels:  # a framework that grew from no other: nothing to show beside it
        return [fig]
    base = nodes.container(classes=["gb-base-figure"])
    toggle = _("Show the {name} ({short}): one organization").format(name=info.base_name, short=info.base_short_name)
    base += nodes.raw("", f'<details class="gb-base-toggle"><summary>{escape(toggle)}</summary>', format="html")
    base_wide = _svg(fw, uri, False, None, {}, current)
    base += nodes.raw("", _both(base_wide, svg_narrow(fw, uri, False, None, {}, current)) if skip else _scroll(base_wide),
                      format="html")
    base += text_version(fw, uri, False, None, {})
    base += nodes.raw("", "</details>", format="html")
    fig += base
    return [fig]
