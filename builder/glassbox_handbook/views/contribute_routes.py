"""The ways to send a scenario, as the Contribute page lists them: only routes that lead somewhere.

Which routes exist depends on two settings (`glassbox_repository`, found
from GitHub Actions or the git remote when conf.py leaves it empty, and
`glassbox_contact`): the issue form when the repository is known, the
contact when one is named, and otherwise a plain sentence on what to do
with the draft. No link is written to an address the build does not know.
"""

from __future__ import annotations

from docutils import nodes

from glassbox_handbook.core.issue_form import LABEL
from glassbox_handbook.settings import Settings
from glassbox_handbook.views import View, ViewContext
from glassbox_handbook.views.common import filled, para
from glassbox_handbook.views.worksheet import form_address
from glassbox_handbook.words import _


def _link(text: str, url: str) -> nodes.reference:
    return nodes.reference("", text, refuri=url)


def routes(repository: str, contact: str, worksheet: str) -> list[nodes.Node]:
    """The routes, as a list a reader can follow step by step."""
    items: list[nodes.Node] = []
    form = form_address(repository)
    sheet = _("worksheet")
    if form:
        items.append(para(nodes.strong("", _("With a GitHub account: the form.")), nodes.Text(" "), *filled(
            _("Fill in the {worksheet}, press its button for the form's text, then {open_the_form} (GitHub asks you "
              "to sign in first). Proposals in progress are {listed_on_github}."),
            worksheet=_link(sheet, worksheet),
            open_the_form=_link(_("open the “{form}” form").format(form=_("Propose a scenario")), form),
            listed_on_github=_link(_("listed on GitHub"), f"{repository}/issues?q=label%3A{LABEL}"))))
    if form and not contact:
        items.append(para(nodes.strong("", _("Without an account: ask someone who has one.")), nodes.Text(" "),
                          nodes.Text(_("A colleague, or whoever ran your workshop, can open the form and paste your "
                                       "text in for you. The handbook credits the name written in the form's box "
                                       "“{box}”, not the account that sent it.").format(
                              box=_("Your name, as it should be credited")))))
    if contact:
        url = contact if "://" in contact else f"mailto:{contact}"
        items.append(para(nodes.strong("", _("Without an account: send the draft.")), nodes.Text(" "), *filled(
            _("Download the draft from the {worksheet} and send the file to {contact}. A maintainer opens the "
              "proposal for you and writes back."),
            worksheet=_link(sheet, worksheet), contact=_link(contact, url))))
    if not items:
        items.append(para(*filled(
            _("This copy of the handbook does not say where its source is kept or whom to write to, so it cannot "
              "link you to either. Download the draft from the {worksheet} and give the file to whoever pointed you "
              "to this handbook: they can send it on for you."),
            worksheet=_link(sheet, worksheet))))
    listing = nodes.bullet_list(classes=["gb-contribute-routes"])
    for item in items:
        listing += nodes.list_item("", item)
    return [listing]


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    settings = Settings.of(ctx.config)
    return routes(settings.repository, settings.contact, ctx.uri("handbook/worksheet", ""))


VIEW = View("contribute-routes", render)
