"""The extension's wiring: what `setup` registers with Sphinx.

It reads the framework's vocabulary and the scenarios, keeps what it learns
in a domain keyed by docname, and generates the glass-box views (backlinks,
matrix, tables, diagram, prompt indexes) from that data when pages are
written. Modules are named after what they hold; `setup` only wires them.
Both builders (`glassbox`, the website; `pdf`, the printable kit) are
registered here, and by name through the `sphinx.builders` entry points, so
`-b glassbox` and `-b glassbox_pdf` work wherever the package is installed.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from urllib.parse import urlencode

from markupsafe import Markup
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.typing import ExtensionMetadata

from glassbox_handbook.core.model import records_version
from glassbox_handbook.core.repository import repository_url
from glassbox_handbook.domain.glassbox_domain import GlassboxDomain
from glassbox_handbook.domain.loader import forget, plain_text_backend_once
from glassbox_handbook.domain.nodes import setup_nodes
from glassbox_handbook.domain.transforms import setup_transforms
from glassbox_handbook.pdf import PdfBuilder, setup_pdf
from glassbox_handbook.settings import add_settings
from glassbox_handbook.sphinx_ext import collect, resolve
from glassbox_handbook.sphinx_ext.directives import setup_directives
from glassbox_handbook.sphinx_ext.language import setup_language
from glassbox_handbook.sphinx_ext.roles import ConceptRole
from glassbox_handbook.version import __version__
from glassbox_handbook.web.accessibility import setup_accessibility
from glassbox_handbook.web.assets import setup_assets
from glassbox_handbook.web.crawlers import setup_crawlers
from glassbox_handbook.web.drawers import setup_drawers
from glassbox_handbook.web.html_builder import GlassboxHTMLBuilder, setup_glassbox_builder
from glassbox_handbook.web.lists import setup_lists
from glassbox_handbook.web.metadata import setup_metadata
from glassbox_handbook.web.theme import setup_theme
from glassbox_handbook.words import _


def note_workers(app: Sphinx) -> None:
    """-j N: both of our builders write in N processes. A builder is not handed the application in Sphinx 9,
    so the number is given to it here."""
    if isinstance(app.builder, (GlassboxHTMLBuilder, PdfBuilder)):
        app.builder.workers = max(1, app.parallel)


def find_repository(app: Sphinx, config: Config) -> None:
    """Fill `glassbox_repository` from GitHub Actions or the git remote when conf.py leaves it empty."""
    config.glassbox_repository = repository_url(config.glassbox_repository, Path(app.confdir))


def propose_change(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object) -> None:
    """A "Propose a change" link under every page, to a new issue that names the page: no fork, no file to find.
    None when the repository is not known: no link that leads nowhere."""
    url = app.config.glassbox_repository
    if not url:
        context["gb_propose_change"] = ""
        return
    title = context.get("title") or pagename
    # The issue is written in the handbook's language too: whoever proposes the change reads it.
    issue_title = _("Change to “{title}”").format(title=Markup(str(title)).striptags())
    issue_body = _("Page: {page}").format(page=pagename) + "\n\n" + _("What should change, and why:") + "\n"
    query = urlencode({"title": issue_title, "body": issue_body})
    link, where = _("Propose a change to this page"), _("(on GitHub; you need an account there)")
    context["gb_propose_change"] = f'<a href="{escape(f"{url}/issues/new?{query}")}">{escape(link)}</a> {escape(where)}'


def setup(app: Sphinx) -> ExtensionMetadata:
    add_settings(app)
    setup_language(app)
    app.connect("config-inited", find_repository)
    app.connect("html-page-context", propose_change)
    app.setup_extension("sphinxcontrib.bibtex")
    app.add_domain(GlassboxDomain)
    setup_nodes(app)
    setup_directives(app)
    setup_transforms(app)
    setup_accessibility(app)
    setup_assets(app)
    setup_crawlers(app)
    setup_theme(app)
    setup_drawers(app)
    setup_metadata(app)
    setup_lists(app)
    # A concept term linked to its page: a role of its own, so Sphinx's `term` (glossaries) stays as it is.
    app.add_role("concept", ConceptRole())
    app.connect("builder-inited", forget)
    app.connect("builder-inited", plain_text_backend_once)
    app.connect("builder-inited", collect.check_framework)
    app.connect("source-read", collect.on_source_read)
    app.connect("env-before-read-docs", collect.on_before_read)
    app.connect("env-purge-doc", collect.on_purge)
    app.connect("env-get-updated", collect.on_get_updated)
    app.connect("env-updated", collect.on_env_updated)
    app.connect("doctree-resolved", resolve.on_doctree_resolved)
    setup_glassbox_builder(app)
    setup_pdf(app)
    app.connect("builder-inited", note_workers)
    return {"version": __version__, "env_version": records_version(), "parallel_read_safe": True, "parallel_write_safe": True}
