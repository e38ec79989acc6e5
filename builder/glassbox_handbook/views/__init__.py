"""The registry of generated views: each declared once, in its own module of this package.

A view is a directive that places a placeholder (`glassbox_handbook.domain.nodes.glassbox_view`)
and a `View` that says how to fill it: its web rendering, its print
rendering (when printing differs), and what slice of the build's data its
content depends on, which is what the incremental build rewrites it by
(`glassbox_handbook.sphinx_ext.collect`). A module here that defines `VIEW` is a view; adding one
touches that module alone.

How a builder wants views rendered is an explicit option (`RenderOptions`),
which a builder declares as its `glassbox_render` attribute; views never ask
which builder is running.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.config import Config

    from glassbox_handbook.core.framework import Framework
    from glassbox_handbook.core.model import Page
    from glassbox_handbook.domain.glassbox_domain import GlassboxDomain
    from glassbox_handbook.domain.loader import BibEntry

Uri = Callable[[str, str], str]  # (docname, anchor) -> URI from the page being written


class RenderOptions(NamedTuple):
    """How views are rendered for one builder."""

    medium: str = "web"  # "web" (interactive pages that link to the PDFs) or "print"
    brief: bool = False  # print of a corpus too large to print whole: views leave scenario details out


WEB = RenderOptions()
PRINT = RenderOptions(medium="print")


class ViewContext(NamedTuple):
    """Everything a view may read: the merged data of the build, never state gathered while writing."""

    fw: Framework
    domain: GlassboxDomain
    docname: str
    uri: Uri
    options: RenderOptions
    config: Config
    bibliography: dict[str, BibEntry]
    all_docs: frozenset[str]

    @property
    def page(self) -> Page | None:
        return self.domain.page(self.docname)

    @property
    def root(self) -> str:
        """The relative path from this page to the site's top folder."""
        return "../" * self.docname.count("/")


Renderer = Callable[[ViewContext, nodes.Element], list[nodes.Node]]


class Slices:
    """The slices of data views depend on, each computed once per incremental check."""

    def __init__(self, fw: Framework, domain: GlassboxDomain) -> None:
        self.fw, self.domain = fw, domain

    @cached_property
    def scenarios(self) -> list[tuple[str, Page]]:
        return list(self.domain.scenarios())

    @cached_property
    def every_scenario(self) -> Any:
        """The facts and sections of every scenario."""
        return [(d, p.scenario, p.sections) for d, p in self.scenarios]

    @cached_property
    def every_fact(self) -> Any:
        """The front matter of every scenario and the components it enacts, without the sections' words:
        all a list of scenarios shows, so an edit to a section's text leaves such lists as they are."""
        return [(d, p.scenario, [s.component for s in p.sections]) for d, p in self.scenarios]

    @cached_property
    def every_prompt(self) -> Any:
        return [(d, p.title, p.scenario and p.scenario.title, p.prompts) for d, p in sorted(self.domain.pages.items()) if p.prompts]


Depends = Callable[[Slices, str, "Page"], Any]  # (slices, docname, page) -> what the page's view shows
# (framework, domain, href from the site's top folder, config) -> {list name: (entries per file, entries)}, for
# the lists longer than their page (glassbox_handbook.web.lists)
Lists = Callable[["Framework", "GlassboxDomain", Uri, "Config"], dict[str, tuple[int, list[Any]]]]


def every_scenario(slices: Slices, docname: str, page: Page) -> Any:
    return slices.every_scenario


def every_fact(slices: Slices, docname: str, page: Page) -> Any:
    return slices.every_fact


def every_prompt(slices: Slices, docname: str, page: Page) -> Any:
    return slices.every_prompt


class View(NamedTuple):
    name: str  # the directive that places it
    web: Renderer
    print: Renderer | None = None  # None: printed as on the web
    depends: Depends | None = None  # None: it shows only the framework file and its own page's data
    # False for views that gather what other pages say (a matrix of every scenario's summaries): the
    # site's search then finds each scenario on its own page, not on every page that lists it.
    searchable: bool = True
    # Long lists (glassbox_handbook.web.lists): past the page size, the page holds the first entries and these files the rest.
    lists: Lists | None = None

    def render(self, ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
        renderer = self.print if ctx.options.medium == "print" and self.print is not None else self.web
        out = renderer(ctx, node)
        if ctx.options.medium == "web" and not self.searchable and out:
            return [nodes.container("", *out, classes=["no-search"])]
        return out


@cache
def registry() -> dict[str, View]:
    """Every view of this package, by directive name."""
    views: dict[str, View] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        view = getattr(module, "VIEW", None)
        if isinstance(view, View):
            views[view.name] = view
    return views
