"""The handbook as a new reader meets it, on a phone and a laptop, in real Chromium.

Page weight is counted as the reader's browser loads it (every response's body, from
a local HTTP server, a first visit with an empty cache), budgets per page type; search
ranks the page a query names first and loads nothing until someone searches; every
page says what it is about to search engines, link previews and reference managers.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import PROJECT, serve
from weight import PAGE_TYPES, load  # benchmarks/weight.py, on sys.path by conftest

KIB = 1024
BUDGET = {"scenario": 300 * KIB}  # the issue's budget; every other page type gets the same
LICENCE_URL = yaml.safe_load((PROJECT / "handbook" / "framework.yaml").read_text())["licence"]["url"]


@pytest.fixture(scope="module")
def server(site):
    with serve(site) as base:
        yield base


@pytest.fixture(scope="module")
def weights(browser, server):
    return {kind: load(browser, f"{server}/{rel}") for kind, rel in PAGE_TYPES.items()}


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_every_page_type_stays_within_its_weight_budget(weights, server, kind):
    w = weights[kind]
    assert w["bytes"] <= BUDGET.get(kind, 300 * KIB), f"{kind}: {w['bytes'] / KIB:.0f} KiB: {w['files']}"
    urls = [u.replace(server, "") for u, _ in w["files"]]
    # nothing of the search, no icon font, no web font, nothing from elsewhere
    assert not [u for u in urls if "pagefind" in u or "searchindex" in u or "searchtools" in u], urls
    assert not [u for u in urls if re.search(r"\.(woff2?|ttf|otf)\b", u)], urls
    assert all(u.startswith("/") for u in urls), urls


def test_a_page_loads_only_the_scripts_its_markup_uses(weights):
    def scripts(kind: str) -> set[str]:
        return {m.group(1) for u, _ in weights[kind]["files"] if (m := re.search(r"/(gb-[\w-]+\.js)", u))}

    # gb-drawers.js on every page: the theme's phone menu and contents buttons (glassbox_handbook/web/drawers.py)
    # gb-words.js where a script has words to show (web/words_script.py)
    assert scripts("scenario") == {"gb-words.js", "gb-drawers.js", "gb-core.js", "gb-lens.js", "gb-prompts.js", "gb-terms.js",
                                   "gb-sections.js"}
    assert scripts("explorer") >= {"gb-explorer.js", "gb-compare.js", "gb-lens.js"}
    assert "gb-explorer.js" not in scripts("scenario") and "gb-worksheet.js" not in scripts("explorer")
    assert scripts("matrix") == {"gb-drawers.js"}  # a table of links needs no script of its own
    for kind in PAGE_TYPES:
        assert not any("sphinx-design" in u or "design-tabs" in u for u, _ in weights[kind]["files"]), kind


QUERIES = {  # a component's name, a scenario's subject, a concept
    "change facilitators": "handbook/components/change-facilitators.html",
    "special education": "scenarios/special-education.html",
    "negotiated authority": "handbook/concepts/negotiated-authority.html",
}


def _search(page, base: str, query: str) -> list[str]:
    page.goto(f"{base}/search.html?q={query.replace(' ', '+')}")
    page.wait_for_function("document.querySelectorAll('#gb-search-results > li').length > 0", timeout=15000)
    return page.locator("#gb-search-results > li > p:first-child a").evaluate_all("els => els.map(a => a.href)")


@pytest.mark.parametrize("query", list(QUERIES))
def test_search_brings_the_page_a_query_names_first_with_an_excerpt(browser, server, query):
    page = browser.new_page()
    hrefs = _search(page, server, query)
    assert hrefs[0].split("#")[0] == f"{server}/{QUERIES[query]}", hrefs[:5]
    first = page.locator("#gb-search-results > li").first
    marks = first.locator("mark").all_inner_texts()
    # the matched words are marked (Pagefind matches word stems: "facilitator" for "facilitators")
    assert marks and all(any(w[:6] in m.lower() for w in query.split()) for m in marks), marks
    assert len(first.inner_text()) > 80  # an excerpt, not only a title
    assert "best first" in page.locator("#gb-search-status").inner_text()
    page.close()


def test_search_loads_nothing_until_a_query_and_only_a_little_for_one(browser, server):
    page = browser.new_page()
    loaded: list[tuple[str, int]] = []
    page.on("requestfinished", lambda r: loaded.append((r.url, len(r.response().body()))))
    page.goto(f"{server}/search.html")
    page.wait_for_load_state("networkidle")
    assert not [u for u, _ in loaded if "pagefind" in u]
    loaded.clear()
    page.fill("#gb-search-q", "mentor")
    page.click(".gb-search-go")
    page.wait_for_function("document.querySelectorAll('#gb-search-results > li').length === 10")
    page.wait_for_load_state("networkidle")  # the browser's "finished" events can reach the test after the results show
    search_bytes = sum(n for u, n in loaded if "pagefind" in u)
    assert 0 < search_bytes < 300 * KIB, loaded
    assert page.locator("#gb-search-more").is_visible()
    page.click("#gb-search-more")
    page.wait_for_function("document.querySelectorAll('#gb-search-results > li').length > 10")
    assert page.evaluate("document.activeElement.closest('li') === document.querySelectorAll('#gb-search-results > li')[10]")
    page.close()


def test_search_from_a_sidebar_form_and_from_files(browser, server, site):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{server}/handbook/workshop.html")
    form = page.get_by_role("search")
    form.get_by_label("Search the handbook").fill("special education")
    form.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search.html?q=special+education")
    page.wait_for_function("document.querySelectorAll('#gb-search-results > li').length > 0")
    page.goto((site / "search.html").as_uri() + "?q=mentor")
    offline = page.locator("#gb-search-offline")
    assert offline.is_visible() and "python3 -m http.server" in offline.inner_text()
    assert offline.get_by_role("link").count() == 3  # explorer, prompt index, glossary
    assert page.locator("#gb-search-results > li").count() == 0
    page.close()


SPHINX_SEARCH = {"searchtools.js", "language_data.js", "documentation_options.js", "searchindex.js"}


@pytest.mark.parametrize("engine", ["pagefind", "sphinx"])
def test_the_search_page_is_pagefinds_or_to_compare_sphinxs_own(make_app, copy_root, browser, engine):
    """`glassbox_search = "sphinx"` builds the same pages with Sphinx's own search, for
    benchmarks/search_compare.py; by default no page loads anything of Sphinx's search."""
    app = make_app("glassbox", srcdir=copy_root(), confoverrides={"html_theme": "furo", "glassbox_search": engine})
    app.build()
    search = BeautifulSoup((app.outdir / "search.html").read_text(encoding="utf-8"), "html.parser")
    scripts = {Path(s["src"].split("?")[0]).name for s in search.select("script[src]")}
    landing = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert not {Path(s["src"].split("?")[0]).name for s in landing.select("script[src]")} & {"searchtools.js", "searchindex.js"}
    if engine == "pagefind":
        assert "gb-search.js" in scripts and not scripts & SPHINX_SEARCH
        return
    assert SPHINX_SEARCH <= scripts and "gb-search.js" not in scripts
    page = browser.new_page()
    with serve(app.outdir) as base:
        page.goto(f"{base}/search.html?q=alpha")
        page.wait_for_function("/Search finished/.test(document.querySelector('.search-summary')?.textContent ?? '')")
        first = page.locator("#search-results ul.search > li").first
        assert first.locator("a").get_attribute("href").startswith("components/alpha.html")
    page.close()


def _soup(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def test_every_page_has_a_description_open_graph_and_a_favicon(site):
    pages = [p for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in ("_static", "pagefind")]
    for path in pages:
        soup = _soup(site, str(path.relative_to(site)))
        desc = soup.find("meta", attrs={"name": "description"})
        assert desc and 40 <= len(desc["content"]) <= 160, path
        for prop in ("og:title", "og:description", "og:type", "og:site_name"):
            assert soup.find("meta", property=prop), (path, prop)
        icon = soup.find("link", rel="icon") or soup.find("link", rel="shortcut icon")
        # the 404 page links by absolute path under the site's (test_crawlers.py), other pages relatively
        where = site / icon["href"].lstrip("/") if icon and icon["href"].startswith("/") else path.parent / (icon or {}).get("href", "")
        assert icon and where.resolve().is_file(), path
        assert len(soup.find_all("meta", attrs={"name": "viewport"})) == 1, path
    landing = _soup(site, "index.html").find("meta", attrs={"name": "description"})["content"]
    assert landing.startswith("From the outside, a school–university partnership")
    scenario = _soup(site, "scenarios/special-education.html").find("meta", attrs={"name": "description"})["content"]
    assert scenario.startswith("Special education teachers felt isolated")


def test_landing_page_leads_to_the_three_jobs_on_the_first_screen(browser, site):
    for width, height in ((390, 844), (1280, 800)):
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto((site / "index.html").as_uri())
        for name, href in (("Read a problem of practice", "scenarios/index.html"), ("Run a workshop", "handbook/workshop.html"),
                           ("Contribute a scenario", "handbook/contribute.html")):
            link = page.locator(".gb-paths").get_by_role("link", name=name)
            assert link.get_attribute("href") == href
            box = link.bounding_box()
            assert box and box["y"] + box["height"] <= height, (width, name, box)
        assert page.get_by_role("img", name=re.compile("Glass-Box Handbook mark")).is_visible()
        page.close()


@pytest.fixture(scope="module")
def big_site(tmp_path_factory) -> Path:
    """80 scenarios (past the sidebar's limit of 60), published at an address, without PDFs."""
    from corpus import make_corpus

    work = tmp_path_factory.mktemp("big")
    src = make_corpus(work / "src", 80)
    env = {**os.environ, "GLASSBOX_BASEURL": "https://handbook.example.org/"}
    result = subprocess.run([sys.executable, "-m", "glassbox_handbook", "--root", str(src), "site", "--no-pdf", "--out", str(work / "html")],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    return work / "html"


def test_past_the_limit_no_page_grows_with_the_number_of_scenarios(browser, site, big_site):
    soup = _soup(big_site, "scenarios/special-education.html")
    nav = [a["href"] for a in soup.select(".sidebar-tree a")]
    assert not [h for h in nav if h.startswith("synthetic-") or h in ("mentoring.html",)], nav
    assert "#" in nav and "../handbook/components/index.html" in nav  # itself, and the handbook's sections
    assert len(soup.select(".sidebar-tree a")) == len(_soup(site, "scenarios/special-education.html").select(".sidebar-tree a")) - 8
    with serve(big_site) as base:
        for kind in ("scenario", "component", "concept", "workshop", "matrix", "explorer", "prompt index"):
            w = load(browser, f"{base}/{PAGE_TYPES[kind]}")
            assert w["bytes"] <= 350 * KIB, (kind, w["bytes"] / KIB)
    # the explorer holds its first page; every scenario's facets, which its filters count, load from a file
    assert len(_soup(big_site, "scenarios/index.html").select(".gb-explorer-item")) == 20
    assert (big_site / "_lists" / "explorer-index-0.js").read_text().count('"synthetic-') == 80 - 9


def test_scenario_pages_carry_citation_tags_and_a_learning_resource(big_site):
    soup = _soup(big_site, "scenarios/special-education.html")

    def meta(name: str) -> list[str]:
        return [m["content"] for m in soup.find_all("meta", attrs={"name": name})]

    assert meta("citation_title") == ["Special education: holding open a tension the partnership could not yet resolve"]
    assert meta("citation_author") == ["Glass-Box Handbook team"]
    assert re.fullmatch(r"\d{4}/\d{2}/\d{2}", meta("citation_publication_date")[0])
    assert meta("citation_public_url") == ["https://handbook.example.org/scenarios/special-education.html"]
    assert meta("citation_publisher") == ["Glass-Box Handbook contributors"]
    assert soup.find("meta", property="og:url")["content"] == meta("citation_public_url")[0]
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "LearningResource" and data["license"] == LICENCE_URL
    assert data["author"] == [{"@type": "Person", "name": "Glass-Box Handbook team"}]
    assert data["isPartOf"] == {"@type": "Book", "name": "The Glass-Box Handbook", "url": "https://handbook.example.org/index.html"}
    assert {"@type": "EducationalAudience", "educationalRole": "Principal"} in data["audience"]
    assert data["educationalLevel"] and data["url"] == meta("citation_public_url")[0]
    synthetic = _soup(big_site, "scenarios/synthetic-0001.html")
    assert [m["content"] for m in synthetic.find_all("meta", attrs={"name": "citation_author"})] == ["Writer 1"]


def test_navigation_toc_previous_next_and_dark_mode_toggle(browser, site):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto((site / "scenarios/special-education.html").as_uri())
    sections = page.locator(".sidebar-tree > ul > li > a").all_inner_texts()
    assert {"Start here", "The framework", "Problems of practice", "Glass-box views", "Run a workshop"} <= set(sections)
    assert page.locator(".toc-tree a").count() >= 7  # on this page: the components' sections
    assert page.locator("a.next-page").count() == 1 and page.locator("a.prev-page").count() == 1
    toggle = page.locator(".theme-toggle-content .theme-toggle")
    seen = []
    for _ in range(3):
        toggle.click()
        seen.append((page.evaluate("document.body.dataset.theme"),
                     page.evaluate("getComputedStyle(document.body).getPropertyValue('--gb-accent').trim()")))
    assert {s[0] for s in seen} == {"light", "dark", "auto"}
    assert dict(seen)["dark"] != dict(seen)["light"]
    page.close()


def test_the_sidebar_keeps_the_handbook_and_the_current_scenario_past_the_limit():
    from glassbox_handbook.web.navigation import prune_scenarios

    def li(level: int, href: str, text: str, inner: str = "", current: bool = False) -> str:
        cls = f"toctree-l{level}" + (" current current-page" if current else "")
        a = "current reference internal" if current else "reference internal"
        return f'<li class="{cls}"><a class="{a}" href="{href}">{text}</a>{inner}</li>'

    nav = "<ul>" + li(1, "../handbook/index.html", "F", "<ul>" + li(2, "../handbook/x.html", "X") + "</ul>") + li(
        1, "index.html", "S", "<ul>" + li(2, "a.html", "A <em>b</em>") + li(2, "#", "Me", current=True) + li(2, "c.html", "C")
        + "</ul>") + "</ul>"
    pruned = prune_scenarios(nav, "scenarios/me", "scenarios")
    assert "a.html" not in pruned and "c.html" not in pruned
    assert all(k in pruned for k in ('href="../handbook/index.html"', 'href="../handbook/x.html"', 'href="index.html"', ">Me<"))
    # from a page outside the folder, links into it are recognised the same way
    assert "scenarios/a.html" not in prune_scenarios(nav.replace('href="a.html"', 'href="../scenarios/a.html"'), "handbook/p",
                                                     "scenarios")
