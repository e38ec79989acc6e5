"""The pieces both drawings of the framework diagram are made of: a shape as a link, labels, arrows, a
level's name as one link, and how a shape looks and what it says under a scenario's highlight.

Kept apart from the layouts (glassbox_handbook.core.diagram for wide screens and print,
glassbox_handbook.core.diagram_narrow for phones) so that each layout only places shapes, and a
layout for another framework's levels and components can reuse them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.frontmatter import ScenarioMeta
from glassbox_handbook.words import _

Uri = Callable[[str, str], str]


def shape_link(href: str, label: str, inner: str, classes: str, level: str = "") -> str:
    """A shape as a link; `level` (a paired level's id) tells a page's script which drawing of the core it is."""
    at = f' data-level="{escape(level, quote=True)}"' if level else ""
    return (f'<a href="{escape(href, quote=True)}" aria-label="{escape(label, quote=True)}" class="{classes}"{at}>'
            f"<title>{escape(label)}</title>{inner}</a>")


def svg_text(x: float, y: float, text: str, cls: str = "", anchor: str = "middle") -> str:
    """A label, one `<text>` per line, 14 px apart, with a space between the lines.

    The space sits between the `<text>` elements, where nothing is drawn: a link's visible text
    then reads "Line one line two", the words its accessible name starts with (WCAG 2.5.3,
    label in name), not "Line oneline two" as lines in `<tspan>`s would, and no line moves (a
    space inside the `<text>` would widen the line it ends and shift it when centred).
    """
    return " ".join(f'<text x="{x}" y="{y + 14 * i}" text-anchor="{anchor}" class="{cls}">{escape(t)}</text>'
                    for i, t in enumerate(text.split("\n")))


def fit_lines(text: str, width: float, size: float = 13) -> str:
    """A label on one line, or on two (split at the space nearest its middle) when it would not fit `width`."""
    if len(text) * size * 0.62 <= width or " " not in text:
        return text
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return text[:cut] + "\n" + text[cut + 1:]


def arrow(x1: float, y1: float, x2: float, y2: float, head: str, dashed: bool = False) -> str:
    dash = ' stroke-dasharray="6 5"' if dashed else ""
    return (f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" class="gb-arrow"{dash} '
            f'marker-start="url(#{head})" marker-end="url(#{head})" aria-hidden="true"/>')


class Look:
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

    def part_at(self, cid: str, level: str) -> str:
        """A component's name where it is drawn at one level: the shape's accessible name."""
        return _("{component} at the {level} level").format(component=self.fw.component_by_id[cid].name, level=level)

    def said(self, cid: str, label: str, level_on: bool = True) -> str:
        """The accessible name says in words what the highlight shows."""
        if not self.highlight:
            return label
        state = _("{part}: enacted in this scenario") if cid in self.on_comps and level_on else _("{part}: not enacted here")
        return state.format(part=label)


def level_link(href: str, cy: float, sides: tuple[tuple[float, str, str], ...], room: float = 0) -> str:
    """A level's name, on each side of the drawing where it has two, as one link: one tab stop per level.

    Each name sits on a box of its own size (transparent until the link has focus or a pointer), so the
    focused level shows where the shape-less text is. The accessible name holds the words shown, apart
    and in reading order ("Ward – Clinic level" where the sides say "Ward" and "Clinic"),
    so that a speech user who says what they see reaches the link (WCAG 2.5.3, label in name).
    """
    inner = []
    for x, text, anchor in sides:
        # A side's name longer than the room beside the boxes goes on two lines (another framework's
        # sides are rarely one short word each).
        lines = fit_lines(text, room, 15.3) if room else text
        count = lines.count("\n")
        width = max(len(t) for t in lines.split("\n")) * 9.5 + 14
        label = svg_text(x, cy - 4 - 7 * count, lines, "gb-side", anchor)
        if room and width - 14 > room - 8:
            # One word longer than the room beside the core ("Organización"), with no space to break at: the
            # browser sets it to the room's width, a little narrower, rather than over the first box.
            label = label.replace("<text ", f'<text textLength="{room - 8:g}" lengthAdjust="spacingAndGlyphs" ')
            width = room + 6
        left = x - 7 if anchor == "start" else x - width + 7
        inner.append(f'<rect x="{left:g}" y="{cy - 23 - 7 * count:g}" width="{width:g}" height="{28 + 14 * count}" '
                     f'rx="5" class="gb-hit"/>' + label)
    name = " – ".join(text for _x, text, _anchor in sides)
    return shape_link(href, _("{name} level").format(name=name), " ".join(inner), "gb-node gb-levelname")


_LINK = re.compile(r'<a href="([^"]*)"')


def one_stop_each(svg: str) -> str:
    """Keyboard users tab once per destination: a link to a place an earlier shape already links to (the
    core drawn at every level) leaves the tab order, and stays a link for pointers and in the
    accessibility tree; the text version beside the drawing keeps every link."""
    seen: set[str] = set()

    def stop(match: re.Match[str]) -> str:
        href = match.group(1)
        if href in seen:
            return f'<a tabindex="-1" href="{href}"'
        seen.add(href)
        return match.group(0)

    return _LINK.sub(stop, svg)
