"""Fill the placeholders at doctree-resolved, from domain data alone.

This runs in write workers too (parallel writing), so nothing here depends
on state gathered while writing: only the environment's merged data, read
through a `ViewContext`. How views render (web or print, full or brief) is
the builder's declared `glassbox_render`, or the web for any HTML builder.
"""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from glassbox_handbook.core.abbreviations import link_phrases, spell_out
from glassbox_handbook.domain import nodes as gb
from glassbox_handbook.domain.glassbox_domain import GlassboxDomain
from glassbox_handbook.domain.loader import bibliography_for, framework_for
from glassbox_handbook.views import PRINT, WEB, RenderOptions, ViewContext, registry
from glassbox_handbook.views.explorer import lens_roles_script
from glassbox_handbook.views.scenario_page import decorate
from glassbox_handbook.words import _

logger = logging.getLogger(__name__)


def render_options(app: Sphinx) -> RenderOptions:
    declared = getattr(app.builder, "glassbox_render", None)
    if isinstance(declared, RenderOptions):
        return declared
    return WEB if app.builder.format == "html" else PRINT


def view_context(app: Sphinx, docname: str) -> ViewContext:
    env, builder = app.env, app.builder

    bases: dict[str, str] = {}  # a page of views links each scenario several times

    def uri(target: str, anchor: str) -> str:
        base = bases.get(target)
        if base is None:
            base = bases[target] = "" if target in ("", docname) else builder.get_relative_uri(docname, target)
        return f"{base}#{anchor}" if anchor else (base or "#")

    domain: GlassboxDomain = env.domains["glassbox"]  # type: ignore[assignment]
    return ViewContext(framework_for(env), domain, docname, uri, render_options(app), app.config,
                       bibliography_for(env), frozenset(env.all_docs))


# A page with at least this many top-level sections is long enough for its sections to fold.
FOLD_FROM = 5


def mark_foldable(top: nodes.section | None) -> None:
    sections = [s for s in top.children if isinstance(s, nodes.section)] if top is not None else []
    if len(sections) >= FOLD_FROM:
        for section in sections:
            section["classes"].append("gb-foldable")
        # The buttons that fold and unfold every section are in the page from its first paint (gb-sections.js
        # wires them; glassbox.css hides them where scripts do not run), so the text below them never jumps.
        fold, unfold = _("Fold every section"), _("Unfold every section")
        buttons = (f'<p class="gb-fold-all"><button type="button" class="gb-btn" data-open="false">{escape(fold)}</button> '
                   f'<button type="button" class="gb-btn" data-open="true">{escape(unfold)}</button></p>')
        top.insert(top.index(sections[0]), nodes.raw("", buttons, format="html"))


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    ctx = view_context(app, docname)
    decorate(ctx, doctree)
    views = registry()
    for node in list(doctree.findall(gb.glassbox_view)):
        node.replace_self(views[node["kind"]].render(ctx, node))
    # "Table 2" in running text leads to the handbook's own page for the paper's table (not on that page itself).
    link_phrases(doctree, {name: ctx.uri(doc, "") for name, doc in ctx.fw.source_tables.items()
                           if doc != docname and doc in ctx.all_docs})
    # Every page is a way in from search: each abbreviation is spelt out where the page first uses it.
    # A framework file that lists abbreviations opts in to the warning about the ones it does not list.
    unknown = spell_out(doctree, ctx.fw.expansions)
    for word, source, line in unknown if ctx.fw.abbreviations else ():
        logger.warning(_("{word!r} is an abbreviation with no expansion: add it to the framework file's `{key}` (short "
                         "and long form), or write it out").format(word=word, key="abbreviations"),
                       location=f"{source}:{line}", type="glassbox", subtype="abbreviation")
    # A long page's top-level sections can be folded (gb-sections.js), so a reader on a phone moves through it.
    top = next(iter(doctree.findall(nodes.section)), None)  # the page's title and what it holds
    if ctx.options.medium == "web" and app.builder.format == "html":
        mark_foldable(top)
    # Pages with prompts or the explorer carry the role lens's roles (read by the page's scripts).
    page = ctx.page
    if ctx.options.medium == "web" and app.builder.format == "html" and page and (
            page.prompts or {"scenario-explorer", "prompt-index"} & page.view_kinds):
        doctree += lens_roles_script(ctx.fw)
        # The lens's place under the title, kept from the first paint (glassbox.css) so the text below never
        # jumps when gb-lens.js puts the menu there; on the explorer its role filter is the lens.
        if top is not None and "scenario-explorer" not in page.view_kinds:
            top.insert(1, nodes.raw("", '<div class="gb-lens-slot"></div>', format="html"))
