"""sitemap.xml, the 404 page and robots.txt in the handbook's site (glassbox_handbook/web/crawlers.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

PROJECT = Path(__file__).parents[2]
ADDRESS = "https://handbook.example.org/guide/"


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """The real handbook's pages built as published at ADDRESS (a path under the host, as on GitHub Pages)."""
    out = tmp_path_factory.mktemp("published") / "html"
    env = {**os.environ, "GLASSBOX_BASEURL": ADDRESS}
    result = subprocess.run([sys.executable, "-m", "glassbox_handbook", "--root", str(PROJECT), "build", "--no-pdf",
                             "--out", str(out)], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    return out


def test_the_sitemap_lists_every_page_of_the_handbook_at_its_address(published):
    urls = [loc.text for loc in ElementTree.parse(published / "sitemap.xml").getroot().iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    pages = {str(p.relative_to(published)) for p in published.rglob("*.html")
             if not str(p.relative_to(published)).startswith("_")} - {"404.html", "search.html", "genindex.html"}
    assert len(urls) == len(set(urls)) and {u.removeprefix(ADDRESS) for u in urls} == pages
    assert all(u.startswith(ADDRESS) for u in urls) and "scenarios/mentoring.html" in pages


def test_the_404_page_links_by_absolute_path_to_pages_that_exist(published):
    soup = BeautifulSoup((published / "404.html").read_text(), "html.parser")
    assert "Page not found" in soup.title.get_text()
    links = [a["href"] for a in soup.select("a[href]") if not a["href"].startswith(("#", "http"))]
    links += [tag.get("href") or tag.get("src") for tag in soup.select("link[href], script[src]")
              if not (tag.get("href") or tag.get("src")).startswith(("http", "data:"))]
    assert len(links) > 20
    for link in links:
        assert link.startswith("/guide/"), link
        assert (published / link.removeprefix("/guide/").split("?")[0].split("#")[0]).exists(), link
    body = soup.select_one("article").get_text(" ")
    assert "search the site" in body and "There is no page at this address" in body


def test_robots_txt_allows_every_page_and_names_the_sitemap(published):
    assert (published / "robots.txt").read_text() == f"User-agent: *\nAllow: /\nSitemap: {ADDRESS}sitemap.xml\n"


def test_without_an_address_there_is_a_404_page_and_robots_txt_but_no_sitemap(site):
    assert (site / "404.html").is_file() and not (site / "sitemap.xml").exists()
    assert (site / "robots.txt").read_text() == "User-agent: *\nAllow: /\n"
    hrefs = re.findall(r'href="([^"#][^"]*)"', (site / "404.html").read_text())
    assert all(h.startswith(("/", "http")) for h in hrefs), hrefs
