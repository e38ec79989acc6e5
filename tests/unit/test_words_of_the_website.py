"""The website's words that are made from data (a bibliography's labels, a table's name, the 404 page), in the
project's language: each is looked up when it is written, not when the module is imported."""

from __future__ import annotations

import pytest
from glassbox_handbook import words
from glassbox_handbook.domain.loader import bibliography, forget
from glassbox_handbook.web.accessibility import label_table_boxes
from glassbox_handbook.web.crawlers import not_found_page

BIB = """
@book{two, author = {Ana Ruiz and Bo Lee}, title = {Two}, year = {2021}}
@book{three, author = {Ana Ruiz and Bo Lee and Cy Diaz}, title = {Three}, year = {2022}}
@book{undated, author = {Ana Ruiz}, title = {Undated}}
@misc{nobody, title = {Nobody}, year = {2019}}
@misc{group, organization = {The Network}, title = {Group}, year = {2018}}
"""


@pytest.fixture(autouse=True)
def english_again():
    yield
    words.use_language("en")
    forget()


@pytest.mark.parametrize(("language", "labels"), [
    ("en", {"two": "Ruiz and Lee (2021)", "three": "Ruiz et al. (2022)", "undated": "Ruiz (n.d.)",
            "nobody": "Anonymous (2019)", "group": "The Network (2018)"}),
    ("es", {"two": "Ruiz y Lee (2021)", "three": "Ruiz et al. (2022)", "undated": "Ruiz (s. f.)",
            "nobody": "Anónimo (2019)", "group": "The Network (2018)"}),
])
def test_a_references_label_is_written_in_the_projects_language(tmp_path, language, labels):
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    words.use_language(language)
    forget()
    assert {key: entry.label for key, entry in bibliography([bib]).items()} == labels


def test_a_tables_region_is_named_by_its_caption_without_the_headings_link_sign():
    body = ('<div class="table-wrapper"><table><caption><span class="caption-text">Scenarios &amp; levels</span>'
            '<a data-pagefind-ignore class="headerlink" href="#t" title="Link to this table">¶</a></caption>'
            "<tr><td>1</td></tr></table></div>")
    assert 'aria-label="Table: Scenarios &amp; levels (scrolls sideways on a narrow screen)"' in label_table_boxes(body)
    words.use_language("es")
    assert 'aria-label="Tabla: Scenarios &amp; levels (se desplaza hacia los lados en una pantalla angosta)"' in label_table_boxes(body)
    nameless = label_table_boxes('<div class="table-wrapper"><table><tr><td>1</td></tr></table></div>')
    assert 'aria-label="Tabla (se desplaza hacia los lados en una pantalla angosta)"' in nameless


def test_the_404_page_speaks_the_projects_language_and_links_by_absolute_path():
    english = not_found_page("/guide/")
    assert english["title"] == "Page not found"
    assert english["body"] == ('<h1>Page not found</h1>\n<p>There is no page at this address. It may have moved: '
                               '<a href="/guide/search.html">search the site</a> or start from '
                               '<a href="/guide/index.html">its first page</a>.</p>')
    words.use_language("es")
    spanish = not_found_page("/guide/")
    assert spanish["title"] == "Página no encontrada"
    assert '<a href="/guide/search.html">busque en el sitio</a> o empiece desde <a href="/guide/index.html">su primera página</a>.' in spanish["body"]
