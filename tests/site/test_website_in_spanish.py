"""The website's own words in the project's language: a Spanish build of the toy root (with Furo, a repository,
an address and lists past their threshold, so the propose-a-change link, the 404 page, the drawers' buttons and
the paged list of scenarios are all written) holds no message of the website's code in English, and its Spanish
where each one goes. The toy's content (framework file, pages) stays English; only the builder's words change."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from conftest import ROOTS

PACKAGE = Path(__file__).parents[2] / "builder" / "glassbox_handbook"
# The website's code: its messages are what this test looks for (the views, the diagram, the browser
# scripts and the PDFs have tests of their own).
WEBSITE = ("web/", "sphinx_ext/", "domain/")
SETTINGS = {"language": "es", "html_theme": "furo", "glassbox_repository": "https://github.com/example/handbook",
            "html_baseurl": "https://example.org/handbook/", "glassbox_list_max_entries": "1"}


@pytest.fixture(scope="module")
def spanish_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("es")
    src = shutil.copytree(ROOTS / "test-basic", tmp / "src")
    framework = src / "framework.yaml"  # a basis whose accounts are the contributors' own, so its label names them
    framework.write_text(framework.read_text().replace("when: when a source says so}", "when: when a source says so, credited: true}"))
    overrides = [arg for key, value in SETTINGS.items() for arg in ("-D", f"{key}={value}")]
    done = subprocess.run([sys.executable, "-m", "sphinx", "-W", "-q", "-b", "glassbox", *overrides, str(src), str(tmp / "out")],
                          capture_output=True, text=True, env=os.environ)
    assert done.returncode == 0, done.stderr
    return tmp / "out"


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def _what_a_reader_gets(soup: BeautifulSoup) -> tuple[list[str], str]:
    """The page's pieces of text (text nodes; the names, hints and metadata its elements give; the words of the
    issue its propose-a-change link opens), and its whole text as one line."""
    for gone in soup(["script", "style"]):
        gone.decompose()
    pieces = [" ".join(s.split()) for s in soup.find_all(string=True)]
    for tag in soup.find_all(True):
        pieces += [tag[a] for a in ("aria-label", "title", "placeholder", "alt", "content") if tag.get(a)]
        if tag.name == "a" and "/issues/new?" in tag.get("href", ""):
            pieces += [v.strip() for values in parse_qs(urlparse(tag["href"]).query).values() for v in values]
    return pieces, re.sub(r"\s+([.,:;)])", r"\1", " ".join(soup.get_text(" ").split()))


def _website_messages() -> dict[str, str]:
    """The messages of the website's code that Spanish says otherwise, with their Spanish."""
    with (PACKAGE / "locale" / "glassbox_handbook.pot").open("rb") as f:
        template = read_po(f)
    ours = {m.id for m in template if isinstance(m.id, str)
            and any(str(path).startswith(WEBSITE) and not str(path).startswith("web/static/") for path, _line in m.locations)}
    with (PACKAGE / "locale" / "es" / "LC_MESSAGES" / "glassbox_handbook.po").open("rb") as f:
        spanish = {m.id: m.string for m in read_po(f) if m.id in ours}
    return {english: words for english, words in spanish.items() if words != english}


def _pattern(message: str) -> re.Pattern[str]:
    """The message as written on a page: its placeholders filled with anything."""
    parts = [re.escape(" ".join(part.split())) for part in re.split(r"\{\w+\}", message)]
    return re.compile(".{1,200}?".join(parts))


def test_a_spanish_site_holds_no_english_message_of_the_websites_code(spanish_site):
    messages = _website_messages()
    assert len(messages) > 40  # the search page, the 404 page, the pager, the labels...
    pages = sorted(p for p in spanish_site.rglob("*.html") if "_static" not in p.parts)
    assert len(pages) > 10
    # A message is a piece of its own (a label, a heading, a name), or, when it has words enough not to be
    # mistaken for another's, a run of the page's text (a sentence around links). One word around a name
    # ("About {component}", "{first} and {second}") could be the toy's own English: the next test has those.
    fixed = {message: re.sub(r"\{\w+\}", "", message).split() for message in messages}
    checked = [m for m in messages if "{" not in m or len(fixed[m]) > 1 or fixed[m][0].endswith(":")]
    left = set()
    for page in pages:
        pieces, text = _what_a_reader_gets(_soup(spanish_site, str(page.relative_to(spanish_site))))
        for message in checked:
            pattern = _pattern(message)
            if any(pattern.fullmatch(piece) for piece in pieces) or (len(fixed[message]) >= 4 and pattern.search(text)):
                left.add(f"{page.relative_to(spanish_site)}: {message!r}")
    assert sorted(left) == []


def test_each_of_the_websites_words_is_in_spanish_where_it_goes(spanish_site):
    scenario = _soup(spanish_site, "scenarios/first.html")
    assert scenario.select_one(".glassbox-prompt-label").get_text() == "Pregunta de diseño"
    assert scenario.select_one(".glassbox-prompt-roles").get_text() == "Para: Teacher"
    assert scenario.select_one(".glassbox-basis-label").get_text() == "Reported: en palabras de Test Writer"
    assert "Sobre Alpha" in scenario.select_one(".glassbox-enactment-meta").get_text()
    assert [h.get_text().rstrip("¶") for h in scenario.select("h2")][-1] == "Fuentes"
    assert scenario.select_one("button[aria-controls=gb-navigation-drawer]")["aria-label"] == "Abrir la navegación"
    propose = scenario.select_one(".gb-propose-change")
    assert propose.get_text(" ", strip=True) == "Proponer un cambio en esta página (en GitHub; necesita una cuenta allí)"
    issue = parse_qs(urlparse(propose.a["href"]).query)
    assert issue["title"] == ["Cambio en “First scenario”"]
    assert issue["body"] == ["Página: scenarios/first\n\nQué debería cambiar y por qué:\n"]
    search = _soup(spanish_site, "search.html")
    assert search.h1.get_text() == "Buscar en el manual" and search.select_one("#gb-sidebar-q")["placeholder"] == "Buscar"
    offline = search.select_one("#gb-search-offline").get_text(" ", strip=True)
    assert "ejecute python3 -m http.server y luego vaya a http://localhost:8000/search.html" in offline
    assert search.select_one("#gb-search-offline code").get_text() == "python3 -m http.server"  # markup, not text
    missing = _soup(spanish_site, "404.html").select_one("article")
    assert missing.h1.get_text() == "Página no encontrada"
    assert [a.get_text() for a in missing.select("h1 + p a")] == ["busque en el sitio", "su primera página"]
    listed = _soup(spanish_site, "scenarios/all/1.html")
    assert listed.h1.get_text() == "Todos los escenarios, del 1 al 1 de 2"
    assert listed.select_one("a[rel=next]").get_text() == "Página siguiente"
    assert listed.select_one("nav.gb-pager")["aria-label"] == "Página anterior y siguiente de la lista"
    matrix = _soup(spanish_site, "views.html").select_one(".gb-table-scroll[aria-label^='Tabla: ']")
    assert matrix is not None and "¶" not in matrix["aria-label"]


def test_a_project_that_names_no_author_names_no_publisher(spanish_site):
    """The toy's conf.py sets no `author`: Sphinx's stand-in ("Author name not set") is nobody's name, in English."""
    soup = _soup(spanish_site, "scenarios/first.html")
    assert soup.find("meta", attrs={"name": "citation_publisher"}) is None
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert "publisher" not in data and data["learningResourceType"] == "Estudio de caso"
    assert "Author name not set" not in soup.decode()
