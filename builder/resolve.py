"""Fill the placeholders at doctree-resolved, from domain data alone.

This runs in write workers too (parallel writing), so nothing here depends
on state gathered while writing: only the environment's merged data.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from . import nodes as gb
from . import views
from .diagram import framework_diagram
from .domain import GlassboxDomain
from .loader import framework_for

logger = logging.getLogger(__name__)


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    env = app.env
    fw = framework_for(env)
    domain: GlassboxDomain = env.domains["glassbox"]  # type: ignore[assignment]
    builder = app.builder

    def uri(target: str, anchor: str) -> str:
        base = "" if target == docname else builder.get_relative_uri(docname, target)
        return f"{base}#{anchor}" if anchor else (base or "#")

    rec = domain.docs.get(docname)
    if rec and rec["scenario"]:
        title = next(iter(doctree.findall(nodes.title)), None)
        if title is not None:
            section = title.parent
            section.insert(section.index(title) + 1,
                           views.scenario_card(fw, rec, uri, docname, app.config.html_baseurl, app.config.project))

    for node in list(doctree.findall(gb.glassbox_view)):
        kind = node["kind"]
        if kind == "enacted-in":
            subject = fw.page_subjects.get(docname)
            target = node["target"]
            if target:
                subject = ("component", target) if target in fw.component_by_id else ("concept", target)
            if subject is None or subject[1] not in {**fw.component_by_id, **fw.concept_by_id}:
                logger.warning("{enacted-in} needs a component or concept page, or an id argument", location=node)
                new: list[nodes.Node] = []
            else:
                new = views.enacted_in(fw, domain, uri, *subject)
        elif kind == "glassbox-matrix":
            new = views.matrix(fw, domain, uri)
        elif kind == "problems-table":
            new = views.problems_table(fw, domain, uri)
        elif kind == "levels-view":
            new = views.levels_view(fw, domain, uri)
        elif kind == "prompt-index":
            new = views.prompt_index(fw, domain, uri, docname)
        elif kind == "olc-srlc-table":
            new = views.olc_srlc_table(fw)
        elif kind == "framework-glossary":
            new = views.glossary(fw, uri)
        elif kind == "scenario-list":
            new = views.scenario_list(fw, domain, uri)
        elif kind == "framework-diagram":
            scenario = domain.docs.get(node["scenario"] or docname, {}).get("scenario")
            new = framework_diagram(fw, uri, highlight=scenario, current=fw.page_subjects.get(docname),
                                    sections=(domain.docs.get(docname) or {}).get("sections", []))
        else:
            new = []
        node.replace_self(new)
