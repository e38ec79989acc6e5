"""Fill the placeholders at doctree-resolved, from domain data alone.

This runs in write workers too (parallel writing), so nothing here depends
on state gathered while writing: only the environment's merged data.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from . import downloads, views
from . import nodes as gb
from .diagram import framework_diagram
from .domain import GlassboxDomain
from .explorer import lens_roles_script, scenario_explorer
from .loader import bibliography_for, framework_for
from .worksheet import scenario_worksheet

logger = logging.getLogger(__name__)


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    env = app.env
    fw = framework_for(env)
    domain: GlassboxDomain = env.domains["glassbox"]  # type: ignore[assignment]
    builder = app.builder

    def uri(target: str, anchor: str) -> str:
        base = "" if target in ("", docname) else builder.get_relative_uri(docname, target)
        return f"{base}#{anchor}" if anchor else (base or "#")

    web = builder.format == "html" and builder.name != "pdf"  # the website links to its PDFs; a PDF does not
    brief = bool(getattr(builder, "brief_views", False))  # a printed handbook too large to hold every scenario
    root = "../" * docname.count("/")
    papers = list(app.config.glassbox_pdf_papers)

    rec = domain.docs.get(docname)
    if rec and rec["scenario"]:
        title = next(iter(doctree.findall(nodes.title)), None)
        if title is not None:
            section = title.parent
            at = section.index(title) + 1
            card = views.scenario_card(fw, rec, uri, docname, app.config.html_baseurl, app.config.project)
            if web:
                card += downloads.scenario_links(root, rec["scenario"]["id"], papers)
            section.insert(at, card)
            # The highlighted diagram follows the facts card, unless the page already places one itself.
            if "framework-diagram" not in rec["views"]:
                section.insert(at + 1, framework_diagram(fw, uri, highlight=rec["scenario"], current=None,
                                                         sections=rec["sections"], compact=True))

    def enacted_in(node: gb.glassbox_view) -> list[nodes.Node]:
        subject = fw.page_subjects.get(docname)
        if node["target"]:
            subject = ("component" if node["target"] in fw.component_by_id else "concept", node["target"])
        if subject is None or subject[1] not in {**fw.component_by_id, **fw.concept_by_id}:
            logger.warning("{enacted-in} needs a component or concept page, or an id argument", location=node)
            return []
        return views.enacted_in(fw, domain, uri, *subject, brief=brief)

    def diagram(node: gb.glassbox_view) -> list[nodes.Node]:
        scenario = domain.docs.get(node["scenario"] or docname, {}).get("scenario")
        return framework_diagram(fw, uri, highlight=scenario, current=fw.page_subjects.get(docname),
                                 sections=(domain.docs.get(docname) or {}).get("sections", []))

    def scenario_downloads(node: gb.glassbox_view) -> list[nodes.Node]:
        if not web:
            return []
        listed = [(r["scenario"]["id"], r["scenario"]["title"]) for _, r in domain.scenarios()]
        return downloads.all_links(root, listed, papers)

    def scenario_sources(node: gb.glassbox_view) -> list[nodes.Node]:
        references = app.config.glassbox_references if app.config.glassbox_references in env.all_docs else ""
        return views.sources(rec, bibliography_for(env), uri, references, app.config.bibtex_cite_id) if rec else []

    generate = {
        "enacted-in": enacted_in,
        "glassbox-matrix": lambda node: views.matrix(fw, domain, uri, brief),
        "problems-table": lambda node: views.problems_table(fw, domain, uri, brief),
        "levels-view": lambda node: views.levels_view(fw, domain, uri, brief),
        "prompt-index": lambda node: views.prompt_index(fw, domain, uri, docname, brief),
        "olc-srlc-table": lambda node: views.olc_srlc_table(fw),
        "framework-glossary": lambda node: views.glossary(fw, uri),
        "contributors-list": lambda node: views.contributors(fw, domain, uri),
        "scenario-list": lambda node: views.scenario_list(fw, domain, uri, brief),
        "scenario-explorer": lambda node: (scenario_explorer(fw, domain, uri) if builder.format == "html" and not brief
                                           else views.scenario_list(fw, domain, uri, brief)),
        "framework-diagram": diagram,
        "scenario-downloads": scenario_downloads,
        "scenario-sources": scenario_sources,
        "scenario-worksheet": lambda node: scenario_worksheet(fw) if web else [],
    }
    for node in list(doctree.findall(gb.glassbox_view)):
        node.replace_self(generate[node["kind"]](node))

    # Pages with prompts or the explorer carry the role lens's roles (read by static/glassbox.js).
    if builder.format == "html" and rec and (rec["prompts"] or {"scenario-explorer", "prompt-index"} & set(rec["views"])):
        doctree += lens_roles_script(fw)
