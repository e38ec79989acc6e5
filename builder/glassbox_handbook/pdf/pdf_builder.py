"""The `pdf` builder: one-file HTML per PDF, from the site's own doctrees and domain data.

It subclasses the single-file HTML builder so that every link the views make
with `get_relative_uri` lands inside one document; each page is resolved on
its own (so `doctree-resolved` fills its views with the right docname) and
its ids are prefixed with the page's, so anchors never collide.
"""

from __future__ import annotations

import json
from collections.abc import Set
from pathlib import Path
from typing import Any, NamedTuple

import jinja2
from docutils import nodes
from sphinx import addnodes
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.locale import __
from sphinx.util import logging
from sphinx.util.display import progress_message
from sphinx.util.docutils import new_document
from sphinx.util.parallel import ParallelTasks

from glassbox_handbook.core.downloads import pdf_name
from glassbox_handbook.domain.loader import bibliography_for, framework_for
from glassbox_handbook.pdf import handbook
from glassbox_handbook.pdf.documents import PdfDocument, PrintInputs, kit
from glassbox_handbook.pdf.render import long_date, meta_tags, source_date, svg_as_image, words_css, write_pdf
from glassbox_handbook.views import PRINT, RenderOptions
from glassbox_handbook.words import _, _n

logger = logging.getLogger(__name__)
TEMPLATES = Path(__file__).parent / "templates"


def doc_id(docname: str) -> str:
    return "doc-" + docname.replace("/", "-")


class PdfJob(NamedTuple):
    """One PDF to write: its file name, its HTML, its paper (None: its stylesheet's own size), its stylesheets,
    and the words its stylesheets write, in the project's language (render.words_css)."""

    name: str
    html: str
    paper: str | None
    styles: tuple[str, ...]
    words: str


class PdfBuilder(SingleFileHTMLBuilder):
    name = "glassbox_pdf"
    format = "html"
    epilog = __("The PDFs are in %(outdir)s.")
    copysource = False
    search = False
    use_index = False

    glassbox_render: RenderOptions = PRINT  # how views render here (glassbox_handbook/sphinx_ext/resolve.py); brief past a size
    workers = 1  # processes that write PDFs: -j N, set by extension.note_workers

    def init(self) -> None:
        super().init()
        self.left_out: dict[str, str | None] = {}  # doc id -> web address, of pages the handbook does not print
        self.jinja = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)),
                                        autoescape=jinja2.select_autoescape(["html"]), trim_blocks=True,
                                        lstrip_blocks=True)
        self.jinja.globals.update(_=_, _n=_n)  # the builder's words, in the project's language

    # -- links: every document is a section of one HTML file ------------------------------

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        if docname in self.env.all_docs:
            return "#" + doc_id(docname)
        return docname + self.out_suffix

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        return self.get_target_uri(to, typ)

    def _localise(self, doctree: nodes.document, docname: str) -> None:
        """Prefix ids with the page's id and rewrite links to match."""
        own = doc_id(docname)

        def fix(uri: str) -> str | None:
            if not uri.startswith("#"):
                return uri
            parts = uri[1:].split("#")
            if parts[0] in self.left_out:
                # A page this handbook does not print: link to it on the website, when its address is known.
                web = self.left_out[parts[0]]
                return web + (f"#{parts[1]}" if len(parts) == 2 and parts[1] else "") if web else None
            if len(parts) == 2:
                return f"#{parts[0]}--{parts[1]}" if parts[1] else f"#{parts[0]}"
            if not parts[0]:
                return "#" + own
            if parts[0] in self._doc_ids:
                return "#" + parts[0]
            return f"#{own}--{parts[0]}"

        unlinked: list[nodes.reference] = []
        for node in doctree.findall(nodes.Element):
            if node.get("ids"):
                node["ids"] = [f"{own}--{i}" for i in node["ids"]]
            if node.get("backrefs"):
                node["backrefs"] = [f"{own}--{i}" for i in node["backrefs"]]
            if isinstance(node, nodes.reference):
                if "refid" in node:
                    node["refid"] = f"{own}--{node['refid']}"
                elif "refuri" in node:
                    fixed = fix(node["refuri"])
                    if fixed is None:
                        unlinked.append(node)
                        continue
                    node["refuri"] = fixed
                    if fixed.startswith(("http://", "https://")) and node.astext().strip() != fixed:
                        node["classes"].append("print-url")
            elif isinstance(node, (nodes.footnote_reference, nodes.citation_reference)) and "refid" in node:
                node["refid"] = f"{own}--{node['refid']}"
        for node in unlinked:  # its text stays, as plain text
            node.replace_self(nodes.inline("", "", *node.children))

    # -- writing ------------------------------------------------------------------------------

    def order(self) -> list[tuple[str, int]]:
        """Documents in reading order (the toctree, depth first) with their depth."""
        seen: set[str] = set()
        out: list[tuple[str, int]] = []

        def walk(doc: str, depth: int) -> None:
            if doc in seen or doc not in self.env.all_docs:
                return
            seen.add(doc)
            out.append((doc, depth))
            for child in self.env.toctree_includes.get(doc, []):
                walk(child, depth + 1)

        walk(self.config.root_doc, 0)
        return out

    def render_doctree(self, doctree: nodes.document, docname: str) -> str:
        doctree.settings = self.docsettings
        self.secnumbers, self.fignumbers = {}, {}
        self.imgpath = "_images"
        self.dlpath = "_downloads"
        self.current_docname = docname
        visitor = self.create_translator(doctree, self)
        doctree.walkabout(visitor)
        return "".join(visitor.fragment)  # type: ignore[attr-defined]

    def render_nodes(self, new: list[nodes.Node], docname: str) -> str:
        doc = new_document("<pdf>", self.docsettings)
        doc.extend(new)
        return self.render_doctree(doc, docname)

    def write_documents(self, _docnames: Set[str]) -> None:
        self.prepare_writing(set(self.env.all_docs))
        self.timings: dict[str, float] = {}
        self._doc_ids = {doc_id(d) for d in self.env.all_docs}
        order = self.order()
        # Past a size, the handbook leaves the scenarios to their packets: at 1000 scenarios
        # it would otherwise run to many thousands of pages that nobody prints.
        scenarios = [d for d, _ in self.env.domains["glassbox"].scenarios()]  # type: ignore[attr-defined]
        base = self.config.html_baseurl.rstrip("/")
        self.left_out = {}
        if len(scenarios) > self.config.glassbox_pdf_handbook_max_scenarios:
            self.left_out = {doc_id(d): f"{base}/{d}.html" if base else None for d in scenarios}
            order = [(d, depth) for d, depth in order if doc_id(d) not in self.left_out]
        self.glassbox_render = RenderOptions(medium="print", brief=bool(self.left_out))
        pages = []
        with progress_message(__("resolving pages for print")):
            for docname, depth in order:
                doctree = self.env.get_and_resolve_doctree(docname, self)
                for toc in list(doctree.findall(addnodes.toctree)):
                    toc.parent.remove(toc) if toc.parent else None
                for wrap in list(doctree.findall(lambda n: isinstance(n, nodes.compound) and "toctree-wrapper" in n["classes"])):
                    wrap.parent.remove(wrap)
                self._localise(doctree, docname)
                self.imgpath = "_images"
                self.post_process_images(doctree)
                title = self.env.titles[docname].astext() if docname in self.env.titles else docname
                body = svg_as_image(self.render_doctree(doctree, docname))
                pages.append({"id": doc_id(docname), "title": title, "depth": depth, "body": body})
        self.copy_image_files()  # pages' images, found by WeasyPrint relative to the output folder
        inputs = self.print_inputs()
        jobs = self.jobs(handbook.document(pages, inputs, self.config.root_doc, self.config.project))
        for compose in kit():
            for document in compose(inputs):
                jobs += self.jobs(document)
        self.write_pdfs(jobs)
        # Seconds per PDF, for the benchmark (not part of the site).
        (Path(self.outdir) / "timings.json").write_text(json.dumps(
            {k: round(v, 3) for k, v in sorted(self.timings.items())}, indent=1) + "\n", encoding="utf-8")

    def context(self, title: str) -> dict[str, Any]:
        when = source_date()
        language = self.config.language or "en"
        version, date = self.config.release or self.config.version, long_date(when, language)
        # the edition line closing handouts, source lists and decks; no empty "version" when conf.py sets none
        edition = (_("{project}, version {version}, {date}.") if version else _("{project}, {date}.")).format(
            project=self.config.project, version=version, date=date)
        # the document's language (the PDF's /Lang, which a screen reader speaks in) as BCP 47: es-MX, not es_MX
        return {"lang": language.replace("_", "-"), "project": self.config.project, "title": title,
                "version": version, "date": date, "edition": edition,
                "year": when.tm_year, "author": self.config.author,
                "metatags": meta_tags(title, self.config.author), "baseurl": self.config.html_baseurl.rstrip("/"),
                "framework": framework_for(self.env).framework, "licence": self.licence_line(),
                "licence_name": framework_for(self.env).licence.name}

    def licence_line(self) -> str:
        """The licence printed on covers and packets: `glassbox_pdf_licence`, else the framework file's."""
        if self.config.glassbox_pdf_licence:
            return self.config.glassbox_pdf_licence
        licence = framework_for(self.env).licence
        return _("Content {licence} ({url})").format(licence=licence.name, url=licence.url)

    def print_inputs(self) -> PrintInputs:
        domain = self.env.domains["glassbox"]  # type: ignore[attr-defined]
        return PrintInputs(framework_for(self.env), list(domain.scenarios()), dict(domain.pages),
                           bibliography_for(self.env), self.config.html_baseurl.rstrip("/"),
                           frozenset(self.config.glassbox_pdf_scenarios), bool(self.left_out), len(self.left_out),
                           self.render_nodes, self.context)

    def jobs(self, document: PdfDocument) -> list[PdfJob]:
        """Render one document's template, once for all its paper sizes."""
        html = self.jinja.get_template(document.template).render(document.context)
        words = words_css()
        return [PdfJob(pdf_name(document.stem, paper), html, paper, document.styles, words)
                for paper in ([None] if document.own_size else self.config.glassbox_pdf_papers)]

    def write_pdfs(self, jobs: list[PdfJob]) -> None:
        """Write every PDF: the one place PDFs are written. WeasyPrint's layout is most of a PDF build and each
        PDF stands alone, so with -j N they are written in N processes, the longest first (the handbook would
        otherwise start last and finish alone). The bytes do not depend on -j."""
        outdir = Path(self.outdir)

        def write(job: PdfJob) -> float:
            return write_pdf(job.html, outdir / job.name, job.paper, str(outdir), job.styles, job.words)

        if not self.parallel_ok or self.workers < 2 or len(jobs) < 2:
            for job in jobs:
                with progress_message(__("writing %s") % job.name):
                    self.timings[job.name] = write(job)
            return
        import weasyprint  # noqa: F401  (imported once here, before forking, rather than in every process)

        logger.info(__("writing %d PDFs in %d processes"), len(jobs), self.workers)
        def written(job: PdfJob, seconds: float) -> None:  # back in this process
            self.timings[job.name] = seconds

        tasks = ParallelTasks(self.workers)
        for job in sorted(jobs, key=lambda j: len(j.html), reverse=True):
            tasks.add_task(write, job, written)
        tasks.join()

    def finish(self) -> None:
        pass

    def copy_static_files(self) -> None:
        """A PDF needs no stylesheets or scripts of the website."""

    def copy_extra_files(self) -> None:
        pass

    def get_outdated_docs(self) -> str:
        return "all documents"
