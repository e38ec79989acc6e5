"""What the PDF builder writes, as plain data: a file name, a template, its context and stylesheets.

A module of `glassbox_handbook.pdf` that composes documents defines
`DOCUMENTS(inputs: PrintInputs) -> list[PdfDocument]` (see `packets`, `cards`);
`kit()` finds them all, so adding a kind of document touches its own module
(and its template and stylesheet) alone. Only the builder (`pdf_builder`)
renders templates and writes files: nothing here imports the builder.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from docutils import nodes

from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.model import Page
from glassbox_handbook.core.session import SessionPlan, kit_minutes, kit_rooms, plan_session
from glassbox_handbook.core.workshop_model import Room
from glassbox_handbook.domain.loader import BibEntry
from glassbox_handbook.pdf.render import data_uri_svg
from glassbox_handbook.words import _


def continued_word() -> str:
    """What the head of a card or a slide that goes on from the one before adds, in the project's language."""
    return _("(continued)")


class PdfDocument(NamedTuple):
    stem: str  # file name without the paper size (glassbox_handbook.core.downloads)
    template: str
    context: dict[str, Any]
    styles: tuple[str, ...] = ()  # its own stylesheets (files in builder/pdf/), after print.css
    # True: its stylesheet sets its own page size (slides are 16:9, not paper), so it is written once,
    # named without a paper size; False: once per paper size of `glassbox_pdf_papers`.
    own_size: bool = False


class PrintInputs(NamedTuple):
    """Everything the documents are made from, read from the merged environment."""

    fw: Framework
    scenarios: list[tuple[str, Page]]  # (docname, page) in title order
    pages: dict[str, Page]  # every page, scenarios included
    bibliography: dict[str, BibEntry]
    baseurl: str  # the website's address, or "" when unknown
    only: frozenset[str]  # scenario ids to write packets for; empty: all
    brief: bool  # the handbook leaves scenarios out (a large corpus)
    left_out: int  # how many scenarios the handbook leaves out
    render_nodes: Callable[[list[nodes.Node], str], str]  # (nodes, docname) -> HTML
    common: Callable[[str], dict[str, Any]]  # title -> the context every template shares

    @property
    def chosen(self) -> list[tuple[str, Page]]:
        """The scenarios to print a workshop kit for: those in `only`, or all of them."""
        return [(doc, page) for doc, page in self.scenarios if not self.only or page.scenario.id in self.only]


def per_scenario(inputs: PrintInputs, stem: Callable[[str], str], template: str, title: str,
                 context: Callable[[PrintInputs, str, Page], dict[str, Any]], styles: tuple[str, ...]) -> list[PdfDocument]:
    """One document of a kind (a packet) for each chosen scenario, titled `title` ("{title}: participant
    packet", in the project's language) with the scenario's title filled in."""
    return [PdfDocument(stem(page.scenario.id), template,
                        {**inputs.common(title.format(title=page.scenario.title)), **context(inputs, docname, page)}, styles)
            for docname, page in inputs.chosen]


class SessionKit(NamedTuple):
    """One ready-made session: a scenario, a room, and the plan every file of its kit follows."""

    docname: str
    page: Page
    room: Room
    tail: str  # what its files' names add: "" for the default room, else the room's id
    plan: SessionPlan

    @property
    def room_title(self) -> str:
        """What a document's title adds for its room: nothing for the default room, else " (the room)"."""
        return _(" ({room})").format(room=self.room.name.lower()) if self.tail else ""


def session_kits(inputs: PrintInputs) -> list[SessionKit]:
    """The ready-made sessions: each chosen scenario for each room marked `kit` (the default room always)."""
    fw = inputs.fw
    return [SessionKit(docname, page, room, tail, plan_session(fw, page, kit_minutes(fw), room=room.id))
            for docname, page in inputs.chosen for room, tail in kit_rooms(fw)]


# Shapes that label components (framework file, `shape`), drawn in a 20x20 box.
SHAPES = {
    "square": '<rect x="2" y="2" width="16" height="16"/>',
    "circle": '<circle cx="10" cy="10" r="8"/>',
    "triangle": '<polygon points="10,1.5 19,18 1,18"/>',
    "diamond": '<polygon points="10,1 19,10 10,19 1,10"/>',
    "hexagon": '<polygon points="5,2 15,2 19.5,10 15,18 5,18 0.5,10"/>',
    "pentagon": '<polygon points="10,1 19,8 15.5,18.5 4.5,18.5 1,8"/>',
    "star": '<polygon points="10,1 12.4,7.3 19,7.3 13.7,11.4 15.7,18.5 10,14.2 4.3,18.5 6.3,11.4 1,7.3 7.6,7.3"/>',
}


def shape_alt(shape: str) -> str:
    """A component's shape as an image's text alternative ("circle shape"), in the project's language."""
    alts = {"square": _("square shape"), "circle": _("circle shape"), "triangle": _("triangle shape"),
            "diamond": _("diamond shape"), "hexagon": _("hexagon shape"), "pentagon": _("pentagon shape"),
            "star": _("star shape")}
    return alts.get(shape, alts["circle"])


def shape_uri(shape: str) -> str:
    inner = SHAPES.get(shape, SHAPES["circle"])
    return data_uri_svg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20" width="20" height="20">'
                        f'<g fill="#fff" stroke="#000" stroke-width="2">{inner}</g></svg>')


class Mark(NamedTuple):
    """What labels a component on a card or slide besides its name: its shape, drawn, and its code in
    letters beside it (the letters tell a circle from a hexagon when both are small, or grey)."""

    uri: str  # the shape as an image
    shape: str  # the image's text alternative: its shape, in words ("circle shape")
    code: str


def mark_of(fw: Framework, component: str) -> Mark | None:
    comp = fw.component_by_id.get(component)
    return Mark(shape_uri(comp.shape), shape_alt(comp.shape), comp.mark) if comp else None


def page_url(baseurl: str, docname: str) -> str:
    return f"{baseurl}/{docname}.html" if baseurl else f"{docname}.html"


def kit() -> list[Callable[[PrintInputs], list[PdfDocument]]]:
    """Every document composer of this package, in module-name order."""
    import importlib
    import pkgutil

    from glassbox_handbook.pdf import __path__ as package_path

    found = []
    for info in sorted(pkgutil.iter_modules(package_path), key=lambda i: i.name):
        module = importlib.import_module(f"{__package__}.{info.name}")
        compose = getattr(module, "DOCUMENTS", None)
        if callable(compose):
            found.append(compose)
    return found
