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

import re
from collections.abc import Callable
from html import escape
from itertools import pairwise

from docutils import nodes

from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.frontmatter import ScenarioMeta
from glassbox_handbook.core.model import EnactedSection

Uri = Callable[[str, str], str]
W, ROW, TOP = 760, 200, 70
TRI_H, TRI_HALF, TRI_DOWN = 88, 64, 26  # the priorities' triangle: height, half its base, base below the level's centre


def _a(href: str, label: str, inner: str, classes: str, level: str = "") -> str:
    """A shape as a link; `level` (a paired level's id) tells a page's script which drawing of the core it is."""
    at = f' data-level="{escape(level, quote=True)}"' if level else ""
    return (f'<a href="{escape(href, quote=True)}" aria-label="{escape(label, quote=True)}" class="{classes}"{at}>'
            f"<title>{escape(label)}</title>{inner}</a>")


def _text(x: float, y: float, text: str, cls: str = "", anchor: str = "middle") -> str:
    """A label, one `<text>` per line, 14 px apart, with a space between the lines.

    The space sits between the `<text>` elements, where nothing is drawn: a link's visible text
    then reads "Line one line two", the words its accessible name starts with (WCAG 2.5.3,
    label in name), not "Line oneline two" as lines in `<tspan>`s would, and no line moves (a
    space inside the `<text>` would widen the line it ends and shift it when centred).
    """
    return " ".join(f'<text x="{x}" y="{y + 14 * i}" text-anchor="{anchor}" class="{cls}">{escape(t)}</text>'
                    for i, t in enumerate(text.split("\n")))


def _lines(text: str, width: float, size: float = 13) -> str:
    """A label on one line, or on two (split at the space nearest its middle) when it would not fit `width`."""
    if len(text) * size * 0.62 <= width or " " not in text:
        return text
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return text[:cut] + "\n" + text[cut + 1:]


def _arrow(x1: float, y1: float, x2: float, y2: float, head: str, dashed: bool = False) -> str:
    dash = ' stroke-dasharray="6 5"' if dashed else ""
    return (f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" class="gb-arrow"{dash} '
            f'marker-start="url(#{head})" marker-end="url(#{head})" aria-hidden="true"/>')


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

    look = _Look(fw, uri, highlight, section_anchor, current)
    comp_href, state, said = look.href, look.state, look.said

    above = fw.concept_by_id.get(fw.diagram.above)
    if paired and above:
        parts.append(_a(uri(fw.concept_page(above.id), ""), above.name,
                        f'<rect x="{W / 2 - 120}" y="12" width="240" height="34" rx="17" class="gb-shape"/>'
                        + _text(W / 2, 34, above.name, "gb-label"), "gb-node gb-above"))
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
            parts.append(_level_link(levels_href, cy, ((38, level.school_side, "start"),
                                                     (W - 38, level.university_side, "end")),
                                     room=W / 2 - 110 - 118 - 38 - 8))
            parts.append("</g>")
        else:
            parts.append(f'<g class="{lcls}"><ellipse cx="{W / 2}" cy="{cy}" rx="350" ry="84" class="gb-org"/></g>')
            parts.append(_level_link(levels_href, cy, ((40, level.name, "start"),)))
        # the learning core at this level
        bx, bw, bh = 110, 118, 44
        left_x, right_x = W / 2 - bx - bw, W / 2 + bx
        # The triangle is wide enough that a label of up to three short lines sits inside it, low down where
        # it is widest; the links from the boxes end on its sides.
        apex, base, half = cy - TRI_H + TRI_DOWN, cy + TRI_DOWN, TRI_HALF
        tri = f"{W / 2},{apex} {W / 2 - half},{base} {W / 2 + half},{base}"
        label = fw.diagram.priorities_label or _lines(comps[sp].name, 2 * half - 34, 11)  # two lines if too wide
        label_y = base - 7 - 14 * label.count("\n")
        edge = half * (cy - 8 - apex) / TRI_H + 3
        where = f" at the {level.name} level"
        parts.append(_a(comp_href(cf), said(cf, comps[cf].name + where, level_on),
                        f'<rect x="{left_x}" y="{cy - 30}" width="{bw}" height="{bh}" rx="6" class="gb-shape"/>'
                        + _text(left_x + bw / 2, cy - 12, comps[cf].name.replace(" ", "\n", 1), "gb-label"),
                        state(cf, level_on), row_id))
        parts.append(_a(comp_href(sp), said(sp, comps[sp].name + where, level_on),
                        f'<polygon points="{tri}" class="gb-shape"/>'
                        + _text(W / 2, label_y, label, "gb-label gb-small"),
                        state(sp, level_on), row_id))
        parts.append(_a(comp_href(la), said(la, comps[la].name + where, level_on),
                        f'<rect x="{right_x}" y="{cy - 30}" width="{bw}" height="{bh}" rx="6" class="gb-shape"/>'
                        + _text(right_x + bw / 2, cy - 12, comps[la].name.replace(" ", "\n", 1), "gb-label"),
                        state(la, level_on), row_id))
        parts.append(_arrow(left_x + bw + 4, cy - 8, W / 2 - edge, cy - 8, head))
        parts.append(_arrow(W / 2 + edge, cy - 8, right_x - 4, cy - 8, head))
        parts.append(f'<path d="M{left_x + bw / 2},{cy + 16} V{cy + 40} H{right_x + bw / 2} V{cy + 16}" class="gb-arrow gb-loop" '
                     f'fill="none" marker-start="url(#{head})" marker-end="url(#{head})" aria-hidden="true"/>')
        centers.append(cy)
    for a, b in pairwise(centers):
        parts.append(_arrow(W / 2, a + TRI_DOWN + 4, W / 2, b - TRI_H + TRI_DOWN - 4, head, dashed=True))
    # the other components, as a labelled band under the levels
    band_y = TOP + ROW * len(levels) - 4
    slot = (W - 40) / max(len(others), 1)
    for j, cid in enumerate(others):
        x = 20 + slot * j
        name = _lines(comps[cid].name, slot - 8)
        parts.append(_a(comp_href(cid), said(cid, comps[cid].name),
                        f'<rect x="{x + 4}" y="{band_y}" width="{slot - 8}" height="40" rx="20" class="gb-shape"/>'
                        + _text(x + slot / 2, band_y + (17 if "\n" in name else 25), name, "gb-label gb-band"), state(cid)))
    parts.append("</svg>")
    return _one_stop_each("".join(parts))


# The narrow drawing, for a phone: the same shapes, links, classes and highlight as the wide one, laid out
# for a column NW units wide (drawn at 288 px or more, so its 13-unit labels are at least 11 px): each
# level's pair of names above its learning core, the levels stacked, the other components two to a row.
NW, NROW, NTOP = 320, 206, 16
NLABEL = 13  # every label's size in the narrow drawing (CSS: .gb-narrow text)


def _svg_narrow(fw: Framework, uri: Uri, paired: bool, highlight: ScenarioMeta | None, section_anchor: dict[str, str],
                current: tuple[str, str] | None) -> str:
    comps = fw.component_by_id
    cf, la, sp = fw.core
    look = _Look(fw, uri, highlight, section_anchor, current)
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
        parts.append(_a(uri(fw.concept_page(above.id), ""), above.name,
                        f'<rect x="{NW / 2 - 120}" y="{NTOP - 4}" width="240" height="34" rx="17" class="gb-shape"/>'
                        + _text(NW / 2, NTOP + 18, above.name, "gb-label"), "gb-node gb-above"))
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
        parts.append(_level_link(href, y + 20, sides))
        # The learning core as a triangle of its own: the priorities on top, the two roles below at its corners,
        # a two-way link along each side.
        apex, base = y + 40, y + 40 + tri_h
        tri = f"{NW / 2},{apex} {NW / 2 - half},{base} {NW / 2 + half},{base}"
        label = _lines(comps[sp].name, 2 * half - 40, NLABEL)
        if label.count("\n") == 1 and len(max(label.split("\n"), key=len)) * NLABEL * 0.58 > half:
            label = label.replace(" ", "\n")  # three short lines fit the triangle where two long ones do not
        where = f" at the {level.name} level"
        left_x, right_x, box_y = 8, NW - 8 - bw, base + 14
        parts.append(_a(look.href(cf), look.said(cf, comps[cf].name + where, level_on),
                        f'<rect x="{left_x}" y="{box_y}" width="{bw}" height="{bh}" rx="6" class="gb-shape"/>'
                        + _text(left_x + bw / 2, box_y + 19, comps[cf].name.replace(" ", "\n", 1), "gb-label"),
                        look.state(cf, level_on), row_id))
        parts.append(_a(look.href(sp), look.said(sp, comps[sp].name + where, level_on),
                        f'<polygon points="{tri}" class="gb-shape"/>'
                        + _text(NW / 2, base - 8 - 14 * label.count("\n"), label, "gb-label"),
                        look.state(sp, level_on), row_id))
        parts.append(_a(look.href(la), look.said(la, comps[la].name + where, level_on),
                        f'<rect x="{right_x}" y="{box_y}" width="{bw}" height="{bh}" rx="6" class="gb-shape"/>'
                        + _text(right_x + bw / 2, box_y + 19, comps[la].name.replace(" ", "\n", 1), "gb-label"),
                        look.state(la, level_on), row_id))
        side_y = base - tri_h * 0.25
        side_dx = half * 0.75
        parts.append(_arrow(left_x + bw * 0.6, box_y - 3, NW / 2 - side_dx - 3, side_y + 3, head))
        parts.append(_arrow(right_x + bw * 0.4, box_y - 3, NW / 2 + side_dx + 3, side_y + 3, head))
        parts.append(_arrow(left_x + bw + 3, box_y + bh / 2, right_x - 3, box_y + bh / 2, head))
        centers.append((apex, base))
    for (_, bottom_a), (apex_b, _) in pairwise(centers):
        parts.append(_arrow(NW / 2, bottom_a + 3, NW / 2, apex_b - 3, head, dashed=True))
    band_y = top + NROW * len(levels) + 4
    slot = (NW - 8) / 2
    for j, cid in enumerate(others):
        x, y = 4 + slot * (j % 2), band_y + 54 * (j // 2)
        name = _lines(comps[cid].name, slot - 24, NLABEL)
        parts.append(_a(look.href(cid), look.said(cid, comps[cid].name),
                        f'<rect x="{x + 4}" y="{y}" width="{slot - 8}" height="46" rx="23" class="gb-shape"/>'
                        + _text(x + slot / 2, y + (19 if "\n" in name else 28), name, "gb-label"), look.state(cid)))
    parts.append("</svg>")
    return _one_stop_each("".join(parts))


class _Look:
    """How a shape of either drawing looks and what it says: its link (the scenario's section when it has
    one), its classes (highlight, current page) and its accessible name (the highlight in words)."""

    def __init__(self, fw: Framework, uri: Uri, highlight: ScenarioMeta | None, section_anchor: dict[str, str],
                 current: tuple[str, str] | None) -> None:
        self.fw, self.uri, self.highlight, self.anchor, self.current = fw, uri, highlight, section_anchor, current
        self.on_levels = set(highlight.levels) if highlight else set()
        self.on_comps = set(section_anchor) if highlight else set()

    def level_on(self, level_id: str) -> bool:
        return level_id in self.on_levels if self.highlight else True

    def href(self, cid: str) -> str:
        if self.highlight and cid in self.anchor:
            return self.uri("", self.anchor[cid])
        return self.uri(self.fw.component_page(cid), "")

    def state(self, cid: str, level_on: bool = True) -> str:
        cls = f"gb-node gb-{cid}"
        if self.highlight:
            cls += " is-on" if (cid in self.on_comps and level_on) else " is-off"
        if self.current and self.current == ("component", cid):
            cls += " is-current"
        return cls

    def said(self, cid: str, label: str, level_on: bool = True) -> str:
        """The accessible name says in words what the highlight shows."""
        if not self.highlight:
            return label
        return label + (": enacted in this scenario" if cid in self.on_comps and level_on else ": not enacted here")


def _both(wide: str, narrow: str) -> str:
    """The wide drawing and the one laid out for a phone; CSS shows the one that fits the screen (the other is
    display:none, so neither a keyboard nor a screen reader meets the same links twice)."""
    return f'<div class="gb-diagram-wide">{_scroll(wide)}</div><div class="gb-diagram-narrow">{narrow}</div>'


def diagram_svg(fw: Framework, uri: Uri) -> str:
    """The paired drawing alone, without highlight: a page's script highlights it (the self-study map)."""
    return _both(_svg(fw, uri, True, None, {}, None), _svg_narrow(fw, uri, True, None, {}, None))


def _level_link(href: str, cy: float, sides: tuple[tuple[float, str, str], ...], room: float = 0) -> str:
    """A level's name, on each side of the drawing where it has two, as one link: one tab stop per level.

    Each name sits on a box of its own size (transparent until the link has focus or a pointer), so the
    focused level shows where the shape-less text is. The accessible name holds the words shown, apart
    and in reading order ("District – College level" where the sides say "District" and "College"),
    so that a speech user who says what they see reaches the link (WCAG 2.5.3, label in name).
    """
    inner = []
    for x, text, anchor in sides:
        # A side's name longer than the room beside the boxes goes on two lines (another framework's
        # sides are rarely one short word each).
        lines = _lines(text, room, 15.3) if room else text
        count = lines.count("\n")
        width = max(len(t) for t in lines.split("\n")) * 9.5 + 14
        left = x - 7 if anchor == "start" else x - width + 7
        inner.append(f'<rect x="{left:g}" y="{cy - 23 - 7 * count:g}" width="{width:g}" height="{28 + 14 * count}" '
                     f'rx="5" class="gb-hit"/>' + _text(x, cy - 4 - 7 * count, lines, "gb-side", anchor))
    name = " – ".join(text for _, text, _ in sides)
    return _a(href, f"{name} level", " ".join(inner), "gb-node gb-levelname")


_LINK = re.compile(r'<a href="([^"]*)"')


def _one_stop_each(svg: str) -> str:
    """Keyboard users tab once per destination: a link to a place an earlier shape already links to (the
    learning core drawn at every level) leaves the tab order, and stays a link for pointers and in the
    accessibility tree; the text version beside the drawing keeps every link."""
    seen: set[str] = set()

    def stop(match: re.Match[str]) -> str:
        href = match.group(1)
        if href in seen:
            return f'<a tabindex="-1" href="{href}"'
        seen.add(href)
        return match.group(0)

    return _LINK.sub(stop, svg)


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
    fig += nodes.raw("", _both(wide, _svg_narrow(fw, uri, True, highlight, section_anchor, current)) if skip else _scroll(wide),
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
    base += nodes.raw("", _both(base_wide, _svg_narrow(fw, uri, False, None, {}, current)) if skip else _scroll(base_wide),
                      format="html")
    base += _alt(fw, uri, False, None, {})
    base += nodes.raw("", "</details>", format="html")
    fig += base
    return [fig]
