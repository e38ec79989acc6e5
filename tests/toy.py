"""The toy framework's records for tests that need no build: a parsed scenario, its page record,
a domain that holds pages, and a view context (tests/roots/test-basic)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from glassbox_handbook.core.framework import load_framework
from glassbox_handbook.core.model import EnactedSection, Page, PagePrompt, Scenario, TermUse
from glassbox_handbook.core.scenario import parse_scenario
from glassbox_handbook.domain import nodes as gb
from glassbox_handbook.domain.glassbox_domain import GlassboxDomain
from glassbox_handbook.domain.loader import bibliography
from glassbox_handbook.views import WEB, RenderOptions, ViewContext

ROOT = Path(__file__).parent / "roots" / "test-basic"
FW = load_framework(ROOT / "framework.yaml")
FIRST = (ROOT / "scenarios" / "first.md").read_text()


def parsed(text: str = FIRST, path: str = "scenarios/first.md") -> Scenario:
    result = parse_scenario(text, path, FW, {"doe2020"})
    assert result.problems == [], result.problems
    return result.scenario


def page_of(scenario: Scenario, title: str | None = None) -> Page:
    """A page record as the domain would keep it, with each section's anchor set to its component id."""
    sections = tuple(EnactedSection(s.component, s.component, s.title, s.enactment.summary, s.enactment.basis)
                     for s in scenario.sections if s.component)
    prompts = tuple(PagePrompt(f"prompt-{s.component}-{i}", p.text, p.roles, s.component or "", "", s.title)
                    for s in scenario.sections for i, p in enumerate(s.prompts, 1))
    terms = tuple(TermUse(t, s.component or "", s.title) for s in scenario.sections for t in s.terms)
    meta = scenario.meta if title is None else scenario.meta.model_copy(update={"title": title})
    return Page(meta.title, meta, sections, prompts, terms, ())


def domain_with(**pages: Page) -> GlassboxDomain:
    domain = GlassboxDomain(SimpleNamespace(domaindata={}))
    domain.pages.update({f"scenarios/{name}": page for name, page in pages.items()})
    return domain


CONFIG = SimpleNamespace(glassbox_pdf_papers=["a4"], glassbox_references="refs", bibtex_cite_id="cite-{key}",
                         html_baseurl="", project="Test")
BRIEF = RenderOptions(medium="print", brief=True)


def context(domain, options=WEB, docname="views", fw=FW) -> ViewContext:
    return ViewContext(fw, domain, docname, lambda doc, anchor: f"{doc}.html#{anchor}", options, CONFIG,
                       bibliography([ROOT / "refs.bib"]), frozenset({"refs", *domain.pages}))


def corpus():
    first = parsed()
    second = parsed((ROOT / "scenarios" / "second.md").read_text(), "scenarios/second.md")
    return domain_with(first=page_of(first), second=page_of(second))


def placeholder(kind: str, target: str = "", scenario: str = "") -> gb.glassbox_view:
    return gb.glassbox_view(kind=kind, target=target, scenario=scenario)


