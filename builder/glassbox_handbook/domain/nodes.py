"""Doctree nodes of the glass box and how HTML writes them.

The nodes carry data (component, basis, roles) as attributes; the HTML is
small, semantic and labelled so that screen readers announce each block for
what it is, and the stylesheet and script in `static/` do the rest.
"""

from __future__ import annotations

from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from glassbox_handbook.words import _


class enactment(nodes.General, nodes.Element):
    """The one-sentence summary that opens a component section of a scenario."""


class design_prompt(nodes.General, nodes.Element):
    """A design prompt: collected into indexes, printed on cards, answered on screen."""


class glassbox_view(nodes.General, nodes.Element):
    """A placeholder for generated content, filled at doctree-resolved."""


class concept_term(nodes.Inline, nodes.TextElement):
    """A concept term; wraps the link to the concept page."""


def _attrs(**values: str) -> str:
    return "".join(f' {k.replace("_", "-")}="{escape(str(v), quote=True)}"' for k, v in values.items() if v)


def visit_enactment_html(self: Any, node: enactment) -> None:
    self.body.append(f'<div class="glassbox-enactment glassbox-basis-{escape(node["basis"])}"'
                     f'{_attrs(data_component=node.get("component", ""))}>')


def depart_enactment_html(self: Any, node: enactment) -> None:
    self.body.append("</div>\n")


def visit_prompt_html(self: Any, node: design_prompt) -> None:
    label_id = f'{node["ids"][0]}-label' if node["ids"] else ""
    label = escape(_("Design prompt"))
    self.body.append(
        f'<div class="glassbox-prompt" role="group"{_attrs(id=node["ids"][0] if node["ids"] else "", aria_labelledby=label_id)}'
        f'{_attrs(data_roles=" ".join(node["roles"]), data_component=node.get("component", ""), data_prompt=node["ids"][0] if node["ids"] else "")}>'
        f'<p class="glassbox-prompt-label"{_attrs(id=label_id)}>{label}</p>'
    )


def depart_prompt_html(self: Any, node: design_prompt) -> None:
    self.body.append("</div>\n")


def visit_term_html(self: Any, node: concept_term) -> None:
    """The concept's name and short definition ride along, for the popup that static/glassbox.js shows."""
    from glassbox_handbook.domain.loader import framework_for

    concept = framework_for(self.builder.env).concept_by_id.get(node["concept"])
    self.body.append(f'<span class="glassbox-term"{_attrs(data_concept=node["concept"])}'
                     f'{_attrs(data_name=concept.name if concept else "", data_definition=" ".join(concept.definition.split()) if concept else "")}>')


def depart_term_html(self: Any, node: concept_term) -> None:
    self.body.append("</span>")


def visit_view_html(self: Any, node: glassbox_view) -> None:
    """A view that was not resolved (a builder without our resolver) writes nothing."""
    raise nodes.SkipNode


def _passthrough(self: Any, node: nodes.Node) -> None:
    pass


def setup_nodes(app: Sphinx) -> None:
    other = {fmt: (_passthrough, _passthrough) for fmt in ("latex", "text", "man", "texinfo")}
    app.add_node(enactment, html=(visit_enactment_html, depart_enactment_html), **other)
    app.add_node(design_prompt, html=(visit_prompt_html, depart_prompt_html), **other)
    app.add_node(concept_term, html=(visit_term_html, depart_term_html), **other)
    app.add_node(glassbox_view, html=(visit_view_html, None), **other)
