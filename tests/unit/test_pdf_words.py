"""The PDFs' own words: in the project's language, including the ones CSS writes (page numbers)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from glassbox_handbook import words
from glassbox_handbook.core.session import plan_session
from glassbox_handbook.pdf.documents import shape_alt
from glassbox_handbook.pdf.render import css_content, long_date, words_css
from glassbox_handbook.pdf.slide_board import BOARD, KEY, place_key
from toy import FW, page_of, parsed

PDF = Path(__file__).parents[2] / "builder" / "glassbox_handbook" / "pdf"
NOV_14_2023 = time.gmtime(1700000000)


@pytest.fixture(autouse=True)
def english_again():
    yield
    words.use_language("en")


def test_no_stylesheet_file_writes_a_word():
    """Words in a `content:` of a stylesheet file could never be translated: they are in render.words_css."""
    for sheet in PDF.glob("*.css"):
        text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        for value in re.findall(r"content:([^;}]*)", text):
            strings = re.findall(r'"([^"]*)"|\'([^\']*)\'', value)
            assert not any(re.search("[A-Za-z]{2}", a + b) for a, b in strings), (sheet.name, value)


def test_page_numbers_follow_the_translations_order_and_its_words():
    css = css_content("{pages} pages, this \"one\" is {page}", page="counter(page)", pages="counter(pages)")
    assert css == 'counter(pages) " pages, this \\"one\\" is " counter(page)'
    assert css_content("page {page}", nbsp=True, page="X") == '"page\u00a0" X'
    assert "<" not in css_content("</style>{page}", page="X")  # a translation cannot close the <style>


def test_a_spanish_project_numbers_its_pages_in_spanish():
    assert '"Page " counter(page) " of " counter(pages)' in words_css()
    words.use_language("es")
    spanish = words_css()
    assert '"Página " counter(page) " de " counter(pages)' in spanish
    assert '"página\u00a0" target-counter(attr(href url), page)' in spanish and "Page" not in spanish


def test_a_printed_date_is_in_the_projects_language():
    assert long_date(NOV_14_2023, "en") == "14 November 2023"
    assert long_date(NOV_14_2023, "xx") == "14 November 2023"
    words.use_language("es")
    assert long_date(NOV_14_2023, "es") == "14 de noviembre de 2023"
    assert long_date(NOV_14_2023, "es_MX") == "14 de noviembre de 2023"


def test_a_marks_shape_is_named_in_the_projects_language():
    assert shape_alt("star") == "star shape"
    words.use_language("es")
    assert shape_alt("star") == "forma de estrella" and shape_alt("no-such-shape") == "forma de círculo"


def test_a_session_plans_own_words_are_in_the_projects_language():
    words.use_language("es")
    page = page_of(parsed())
    chosen = plan_session(FW, page, 90, components=["beta"])
    assert chosen.rule == "La persona facilitadora eligió los componentes: Beta."
    bare = page._replace(prompts=tuple(p for p in page.prompts if p.component != "beta"))
    plan = plan_session(FW, bare, 90, components=["beta"])
    assert plan.open_components == ("beta",)
    assert plan.notes == ("Beta: no hay ninguna pregunta para esta sala, así que los grupos trabajan a partir del resumen",)


def _level(top: str, bottom: str) -> dict[str, str]:
    return {"top": top, "bottom": bottom, "name": top, "state": "on"}


def test_a_slides_key_goes_under_the_components_when_the_levels_leave_it_no_room():
    key = ["Negro: hoy", "Grueso: en el escenario", "Discontinuo: fuera del escenario"]
    groups = {"Core": [{}] * 3, "Edge": [{}]}
    room = 329.0  # under a diagram slide's head
    assert place_key([_level("Top", "Upper"), _level("Bottom", "Lower")], groups, key, room, 640.0) == ("levels", BOARD)
    three = [_level("Top", "Upper"), _level("Bottom", "Lower"), _level("Classrooms and teachers", "Courses and instructors")]
    assert place_key(three, groups, key, room, 640.0) == ("parts", BOARD)
    many = [_level(f"Level {i} school side", f"Level {i} partner side") for i in range(4)]
    assert place_key(many, groups, key, room, 640.0) == ("parts", KEY)  # the last resort: 18 pt, never less
