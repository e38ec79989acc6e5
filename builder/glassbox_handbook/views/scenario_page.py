"""What every scenario page shows under its title: the facts card and the highlighted diagram.

Both come from the page's own record, so they are filled at
`doctree-resolved` like the views, and never go stale.
"""

from __future__ import annotations

from html import escape

from docutils import nodes

from glassbox_handbook.core import downloads
from glassbox_handbook.core.diagram import framework_diagram
from glassbox_handbook.core.facts import scenario_facts
from glassbox_handbook.core.model import Page
from glassbox_handbook.views import ViewContext
from glassbox_handbook.views.common import badge, filled, link, orcid_link, para, typographic
from glassbox_handbook.words import _


def scenario_card(ctx: ViewContext, page: Page) -> nodes.container:
    """The facts panel: the four facts, levels, roles, trajectory, credit and how to cite."""
    fw, meta = ctx.fw, page.scenario
    assert meta is not None
    card = nodes.container(classes=["glassbox-card"])
    dl = nodes.definition_list(classes=["glassbox-facts"])

    def add(term: str, *body: nodes.Node | str) -> None:
        dl.append(nodes.definition_list_item("", nodes.term(term, term), nodes.definition("", para(*body))))

    origin = fw.origin_by_id.get(meta.origin)
    if origin:  # first: how much of what follows is the paper's
        add(_("Where this comes from"), nodes.strong("", typographic(origin.name)), f": {typographic(origin.description)}")
    for label, value in scenario_facts(fw, meta):
        add(label, value)
    traj = fw.trajectory_by_id[meta.trajectory]
    add(_("Trajectory"), nodes.strong("", traj.name), f": {traj.description}")
    jump: list[nodes.Node | str] = []
    for i, sec in enumerate(s for s in page.sections if s.component in fw.component_by_id):
        jump += ([", "] if i else []) + [link(ctx.uri, ctx.docname, sec.anchor, fw.component_by_id[sec.component].name)]
    add(_("Components enacted"), *jump)
    card += dl
    people: list[nodes.Node | str] = []
    for i, person in enumerate(meta.contributors):
        people += [", "] if i else []
        people += [person.name, *orcid_link(person.orcid)]
    status = _("Reviewed") if meta.status == "reviewed" else _("Draft: not yet reviewed")
    credit = _("Written by {people} · {status} · Licence: {licence}")
    card += para(*filled(credit, people=people,
                         status=badge(status, meta.status), licence=fw.licence.name),
                 classes=["glassbox-credit", "gb-no-abbr"])  # a licence's name is said whole, not broken by a long form
    names = "; ".join(p.name for p in meta.contributors)
    site = ctx.config.html_baseurl.rstrip("/")
    where = f"{site}/{ctx.docname}.html" if site else f"{ctx.docname}.html"
    cite = nodes.container(classes=["glassbox-cite", "no-search"])
    cite += para(nodes.strong("", _("How to cite this scenario:")), " ",
                 _("{authors}. {title}. In {book}. {address}. Licensed {licence}.").format(
                     authors=names, title=meta.title, book=ctx.config.project, address=where, licence=fw.licence.name))
    card += cite
    return card


def section_menu(section: nodes.section) -> nodes.raw:
    """Every section of the page, one tap away from its top: on a phone the page is many screens tall."""
    items = "".join(f'<li><a href="#{escape(sub["ids"][0], quote=True)}">{escape(sub[0].astext())}</a></li>'
                    for sub in section.children if isinstance(sub, nodes.section) and sub["ids"])
    label, title = escape(_("Sections of this scenario"), quote=True), escape(_("On this page"))
    return nodes.raw("", f'<nav class="gb-section-menu" aria-label="{label}"><p class="gb-section-menu-title">'
                         f'{title}</p><ul>{items}</ul></nav>', format="html")


def decorate(ctx: ViewContext, doctree: nodes.document) -> None:
    """Put the card, the packet links (on the web) and the diagram under a scenario page's title."""
    page = ctx.page
    if page is None or page.scenario is None:
        return
    title = next(iter(doctree.findall(nodes.title)), None)
    if title is None:
        return
    section = title.parent
    at = section.index(title) + 1
    card = scenario_card(ctx, page)
    if ctx.options.medium == "web":
        card += downloads.scenario_links(ctx.root, page.scenario.id, list(ctx.config.glassbox_pdf_papers))
    section.insert(at, card)
    if ctx.options.medium == "web":
        section.insert(at, section_menu(section))
        at += 1
    # The highlighted diagram follows the facts card, unless the page already places one itself.
    if "framework-diagram" not in page.view_kinds:
        section.insert(at + 1, framework_diagram(ctx.fw, ctx.uri, highlight=page.scenario, sections=page.sections,
                                                 compact=True, skip=ctx.options.medium == "web"))
