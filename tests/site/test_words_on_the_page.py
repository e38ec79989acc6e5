"""Words a reader arriving from search can follow: abbreviations spelt out where a page first uses them,
every design prompt findable in the index with the pages' typography, the plain-words page sharing the
framework file's sentences. Reads one HTML build of the real handbook (the `site` fixture).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import yaml
from bs4 import BeautifulSoup

PROJECT = Path(__file__).parents[2]
FRAMEWORK = yaml.safe_load((PROJECT / "handbook" / "framework.yaml").read_text(encoding="utf-8"))
LONG = {FRAMEWORK["framework"]["short_name"]: FRAMEWORK["framework"]["name"],
        FRAMEWORK["framework"]["base_short_name"]: FRAMEWORK["framework"]["base_name"]}


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not p.name.startswith(("search", "genindex", "_")) and "_static" not in p.parts)


def _article(path: Path) -> BeautifulSoup | None:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article[role=main]") or soup.select_one("article")
    if article is None:
        return None
    for gone in article.select("h1, h2, h3, h4, h5, h6, svg, script, style, code, pre, .headerlink"):
        gone.decompose()
    return article


def test_every_page_spells_out_olc_and_srlc_at_first_use(site):
    """The first OLC or SRLC in a page's running text (headings aside) comes after its long form, or is an
    <abbr> with the long form both in its title and visibly beside it."""
    checked, wrong = 0, []
    for path in _pages(site):
        article = _article(path)
        if article is None:
            continue
        for short, long in LONG.items():
            seen_long = False
            for text in article.find_all(string=True):
                if long.casefold() in text.casefold():
                    seen_long = True
                if not re.search(rf"\b{short}\b", text):
                    continue
                if not seen_long:
                    abbr = text.parent
                    expansion = abbr.find_next_sibling() if abbr.name == "abbr" else None
                    if not (abbr.name == "abbr" and abbr.get("title") == long and expansion is not None
                            and long in expansion.get_text()):
                        wrong.append(f"{path.relative_to(site)}: {short} in {text.strip()[:60]!r}")
                checked += 1
                break
    assert wrong == []
    assert checked > 60  # the check met the abbreviations on most pages


def test_every_design_prompt_on_the_site_is_in_the_index_with_the_pages_quotes(site):
    on_pages: dict[str, str] = {}
    for path in _pages(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for prompt in soup.select(".glassbox-prompt[id]"):
            text = prompt.select_one(".glassbox-prompt-text, p:not(.gb-lens-badge)")
            on_pages[f"{path.relative_to(site).as_posix()}#{prompt['id']}"] = text.get_text(" ", strip=True) if text else ""
    index_path = site / "handbook" / "views" / "prompts.html"
    index = BeautifulSoup(index_path.read_text(encoding="utf-8"), "html.parser")
    listed: dict[str, str] = {}
    for entry in index.select(".glassbox-prompt-entry"):
        href = entry.select_one(".glassbox-prompt-source a")["href"]
        target = Path(urljoin(index_path.as_uri(), href).removeprefix("file://")).relative_to(site).as_posix()
        listed[target.replace(".html#", ".html#", 1)] = entry.p.get_text(" ", strip=True)
    assert len(on_pages) > 100
    assert sorted(set(on_pages) - set(listed)) == []
    straight = [text for text in listed.values() if '"' in text or "'" in text]
    assert straight == []
    assert any("’" in text or "“" in text for text in listed.values())


def test_the_plain_words_page_says_what_the_framework_file_says(site):
    page = BeautifulSoup((site / "handbook" / "plain-words.html").read_text(encoding="utf-8"), "html.parser")
    text = " ".join(page.get_text(" ").split())
    for component in FRAMEWORK["components"]:
        assert " ".join(component["plain"].split()) in text, component["id"]
    def unquoted(words: str) -> str:
        return re.sub("[\"“”]", "", " ".join(words.split()))

    for key in ("levels", "glass_box"):
        assert unquoted(FRAMEWORK["plain"][key]) in unquoted(text)
    landing = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert landing.select_one("article a[href='handbook/plain-words.html']") is not None


def test_the_scenario_list_and_each_scenario_say_whether_the_paper_follows_it_in_depth(site):
    index = BeautifulSoup((site / "scenarios" / "index.html").read_text(encoding="utf-8"), "html.parser")
    badges = {item["data-scenario"]: item.select_one(".glassbox-badge").get_text() for item in index.select(".gb-explorer-item")}
    assert sorted(s for s, text in badges.items() if text == "In depth in the paper") == ["mentoring", "special-education"]
    assert sum(text == "From one row of Table 2" for text in badges.values()) == 7
    for scenario in badges:
        page = BeautifulSoup((site / "scenarios" / f"{scenario}.html").read_text(encoding="utf-8"), "html.parser")
        said = page.select_one(".glassbox-facts").get_text(" ")
        assert ("Followed in depth by the paper" in said) == (scenario in ("mentoring", "special-education")), scenario
        assert "Where this comes from" in said


def test_the_papers_tables_named_in_running_text_link_to_the_handbooks_own_pages(site):
    pages = FRAMEWORK["source_tables"]
    unlinked, linked = [], 0
    for path in _pages(site):
        article = _article(path)
        if article is None:
            continue
        rel = path.relative_to(site).with_suffix("").as_posix()
        for text in article.find_all(string=re.compile(r"\bTable [123]\b")):
            name = re.search(r"\bTable [123]\b", text).group(0)
            # a badge is a label, and a form field's hint stays free of links that would take the reader off the form
            if (pages.get(name) == rel or text.find_parent(["a", "pre", "code", "script", "form", "fieldset"]) is not None
                    or text.find_parent(class_="glassbox-badge") is not None):
                linked += text.find_parent("a") is not None
                continue
            unlinked.append(f"{path.relative_to(site)}: {text.strip()[:70]!r}")
    assert unlinked == [], unlinked[:8]
    assert linked > 10
