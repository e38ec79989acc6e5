"""What a page tells search engines, link previews, reference managers and OER catalogues.

Every page gets a meta description (a scenario's felt difficulty, else the
page's first paragraph, else `glassbox_description`) and Open Graph data, so
a link shared in a message shows what the page is about. A scenario page also
gets the Highwire Press `citation_*` tags that Zotero, Mendeley and Google
Scholar read, one `citation_author` per contributor, and a schema.org
`LearningResource` in JSON-LD (author, licence, audience, part of the
handbook) for open educational resource catalogues. All of it comes from
the scenario's front matter and the framework file; the builder adds no
words of its own framework.
"""

from __future__ import annotations

import json
import os
import re
import time
from html import escape, unescape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from glassbox_handbook.domain.loader import framework_for
from glassbox_handbook.words import _

DESCRIPTION_CHARS = 160
NO_AUTHOR = "Author name not set"  # Sphinx's `author` when conf.py sets none: English, and no one's name
_VIEWPORT = re.compile(r'<meta name="viewport"[^>]*>\n?')
# Where a first paragraph does not describe the page: notes, lists of links, tables, references.
_SKIP = (nodes.Admonition, nodes.topic, nodes.sidebar, nodes.table, nodes.citation, nodes.footnote, nodes.list_item,
         nodes.container)


def shorten(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    """One line of at most `limit` characters, cut at a word, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def first_paragraph(doctree: nodes.document | None) -> str:
    """The text of the page's first paragraph of running text."""
    if doctree is None:
        return ""
    for para in doctree.findall(nodes.paragraph):
        if any(isinstance(a, _SKIP) for a in _ancestors(para)) or "no-search" in _classes(para):
            continue
        text = para.astext().strip()
        if len(text) > 40:
            return text
    return ""


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    out = []
    while node.parent is not None:
        node = node.parent
        out.append(node)
    return out


def _classes(node: nodes.Element) -> set[str]:
    return {c for a in [node, *_ancestors(node)] if isinstance(a, nodes.Element) for c in a.get("classes", [])}


def _meta(attr: str, key: str, value: str) -> str:
    return f'<meta {attr}="{escape(key, quote=True)}" content="{escape(value, quote=True)}">\n'


def page_url(app: Sphinx, pagename: str) -> str:
    base = app.config.html_baseurl
    return f"{base.rstrip('/')}/{app.builder.get_target_uri(pagename)}" if base else ""


def build_date() -> time.struct_time:
    """The date of this edition: SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    return time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH", time.time())))


def scenario_tags(app: Sphinx, pagename: str, meta: Any, url: str) -> str:
    """Highwire Press tags and a schema.org LearningResource for one scenario page."""
    fw = framework_for(app.env)
    when = build_date()
    tags = [_meta("name", "citation_title", meta.title)]
    tags += [_meta("name", "citation_author", c.name) for c in meta.contributors]
    publisher = "" if app.config.author == NO_AUTHOR else app.config.author
    tags += [_meta("name", "citation_publication_date", time.strftime("%Y/%m/%d", when)),
             *([_meta("name", "citation_publisher", publisher)] if publisher else []),
             _meta("name", "citation_inbook_title", app.config.project),
             _meta("name", "citation_language", app.config.language or "en"),
             _meta("name", "DC.rights", fw.licence.url)]
    if url:
        tags.append(_meta("name", "citation_public_url", url))
    roles = {r.id: r.name for r in fw.roles}
    home = page_url(app, app.config.root_doc)
    resource: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "LearningResource",
        "name": meta.title, "headline": meta.title, "description": " ".join(meta.felt_difficulty.split()),
        "inLanguage": app.config.language or "en", "learningResourceType": _("Case study"),
        "author": [{"@type": "Person", "name": c.name, **({"sameAs": f"https://orcid.org/{c.orcid}"} if c.orcid else {})}
                   for c in meta.contributors],
        **({"publisher": {"@type": "Organization", "name": publisher}} if publisher else {}),
        "license": fw.licence.url, "datePublished": time.strftime("%Y-%m-%d", when),
        "educationalLevel": _("Professional learning"),
        "audience": [{"@type": "EducationalAudience", "educationalRole": roles.get(r, r)} for r in meta.roles],
        "isPartOf": {"@type": "Book", "name": app.config.project, **({"url": home} if home else {})},
    }
    if url:
        resource["url"] = url
    data = json.dumps(resource, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    tags.append(f'<script type="application/ld+json">{data}</script>\n')
    return "".join(tags)


def on_page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    if app.builder.format != "html":
        return
    page = app.env.domains["glassbox"].pages.get(pagename)  # type: ignore[attr-defined]
    scenario = page.scenario if page else None
    text = (scenario.felt_difficulty if scenario else "") or first_paragraph(doctree)
    description = shorten(text or app.config.glassbox_description or app.config.project)
    title = _plain(context.get("title", ""))
    url = page_url(app, pagename)
    tags = [_meta("name", "description", description),
            _meta("property", "og:title", scenario.title if scenario else title or app.config.project),
            _meta("property", "og:description", description),
            _meta("property", "og:type", "article" if scenario else "website"),
            _meta("property", "og:site_name", app.config.project),
            _meta("property", "og:locale", (app.config.language or "en").replace("-", "_"))]
    if url:
        tags.append(_meta("property", "og:url", url))
    if scenario:
        tags.append(scenario_tags(app, pagename, scenario, url))
    # docutils adds a viewport tag of its own; the theme's page already has one
    ours = _VIEWPORT.sub("", context.get("metatags", ""))
    context["metatags"] = ours + "".join(tags)


def _plain(title: str) -> str:
    """A page title as Sphinx gives it to templates (HTML) as text."""
    return unescape(re.sub(r"<[^>]+>", "", title)).strip()


def setup_metadata(app: Sphinx) -> None:
    app.connect("html-page-context", on_page_context)
