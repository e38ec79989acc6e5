"""The views' words in the project's language: every view, the scenario page's facts card and its download
links, rendered from the toy in Spanish (web, print and brief), hold no message of the views' code in English,
and each word is in Spanish where it goes; rendered again in English, they are English again (each word is
looked up when a page is built, not when a module is imported). Quotes and the matrix's narrow headings are
set as the project's language sets them. The toy's own content stays English."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from docutils import nodes
from glassbox_handbook import words
from glassbox_handbook.core import downloads
from glassbox_handbook.views import PRINT, WEB, registry
from glassbox_handbook.views.common import typographic
from glassbox_handbook.views.compact_matrix import breakable
from glassbox_handbook.views.scenario_page import scenario_card, section_menu
from glassbox_handbook.views.worksheet import scenario_worksheet
from toy import BRIEF, FW, context, corpus, placeholder  # tests/toy.py

LOCALE = Path(__file__).parents[2] / "builder" / "glassbox_handbook" / "locale"
# The views' code: its messages are what the first test looks for (the worksheet writes the issue form's boxes
# and embeds the scenario skeleton, comments and all, for its draft).
VIEWS = ("views/", "core/downloads.py", "core/facts.py", "core/issue_form.py", "core/skeleton.py")
TARGETS = {"enacted-in": "alpha", "crosswalk-table": ""}


@pytest.fixture(autouse=True)
def english_again():
    yield
    words.use_language("en")


def _raw_pieces(markup: str) -> list[str]:
    """What a reader meets in a view's HTML: its text, the names and hints its elements give, and the words of
    the JSON its scripts write into the page."""
    soup = BeautifulSoup(markup, "html.parser")
    pieces: list[str] = []
    for script in soup.find_all("script", type="application/json"):
        pieces += _json_strings(json.loads(script.string))
        script.decompose()
    pieces += [str(s) for s in soup.find_all(string=True)]
    pieces += [tag[a] for tag in soup.find_all(True) for a in ("aria-label", "title", "placeholder", "data-gb-what")
               if tag.get(a)]
    return pieces


def _json_strings(value: object) -> list[str]:
    """The strings of a script's data, but for the framework's own words the privacy check allows (never shown)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() if k != "allowed" for s in _json_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _json_strings(v)]
    return []


def _pieces(result: list[nodes.Node]) -> list[str]:
    """Every piece of text the nodes put on a page: text, captions, raw HTML's words, a link's title."""
    pieces: list[str] = []
    for top in result:
        for node in top.findall():
            if isinstance(node, nodes.raw):
                pieces += _raw_pieces(node.astext())
            elif isinstance(node, nodes.Text) and not isinstance(node.parent, nodes.raw):
                pieces.append(str(node))
            elif isinstance(node, nodes.Element) and node.get("reftitle"):
                pieces.append(node["reftitle"])
            if isinstance(node, (nodes.paragraph, nodes.title, nodes.term)):
                pieces.append(node.astext())  # a sentence made of text and links, read whole
    return [" ".join(p.split()) for p in pieces if p.strip()]


def _everything() -> list[str]:
    """What every view, the facts card, the section menu and the download links put on a page, in every medium."""
    pieces: list[str] = []
    for options in (WEB, PRINT, BRIEF):
        for name, view in sorted(registry().items()):
            pieces += _pieces(view.render(context(corpus(), options, docname="scenarios/first"),
                                          placeholder(name, TARGETS.get(name, ""))))
    ctx = context(corpus(), docname="scenarios/first")
    section = nodes.section()
    section += [nodes.title("", "First scenario"), nodes.section("", nodes.title("", "Alpha"), ids=["alpha"])]
    pieces += _pieces([scenario_card(ctx, ctx.page), section_menu(section)])
    pieces += _pieces(downloads.scenario_links("", "first", ["a4", "letter"]))
    pieces += _pieces(downloads.all_links("", [("first", "First scenario")], ["a4", "letter"]))
    pieces += _pieces(scenario_worksheet(FW, "https://github.com/o/r", "team@example.org"))  # the form's link, the contact
    return pieces


def _views_messages() -> dict[str, str]:
    """The views' messages (each form of a plural) that Spanish says otherwise."""
    with (LOCALE / "glassbox_handbook.pot").open("rb") as f:
        ours = [m.id for m in read_po(f) if any(str(path).startswith(VIEWS) for path, _line in m.locations)]
    with (LOCALE / "es" / "LC_MESSAGES" / "glassbox_handbook.po").open("rb") as f:
        spanish = {m.id: m.string for m in read_po(f)}
    pairs: dict[str, str] = {}
    for message in ours:
        english = message if isinstance(message, tuple) else (message,)
        said = spanish[message] if isinstance(message, tuple) else (spanish[message],)
        pairs.update({e: s for e, s in zip(english, said, strict=False) if e != s})
    return pairs


def _pattern(message: str) -> re.Pattern[str]:
    """The message as written on a page: its placeholders filled with anything."""
    parts = [re.escape(" ".join(part.split())) for part in re.split(r"\{\w+\}", message)]
    return re.compile(".{1,200}?".join(parts))


def test_the_views_in_spanish_hold_no_english_message_of_the_views_code():
    messages = _views_messages()
    assert len(messages) > 150  # the matrix, the explorer, the planner, the self-study map...
    words.use_language("es")
    pieces = _everything()
    text = " ".join(pieces)
    # A message is a piece of its own (a label, a heading, a name), or, when it has words enough not to be
    # mistaken for the toy's own English, a run of the text (a sentence around links and names).
    fixed = {message: re.sub(r"\{\w+\}", "", message).split() for message in messages}
    checked = [m for m in messages if "{" not in m or len(fixed[m]) > 1 or fixed[m][0].endswith(":")]
    left = {message for message in checked
            if any(_pattern(message).fullmatch(piece) for piece in pieces)
            or (len(fixed[message]) >= 4 and _pattern(message).search(text))}
    assert sorted(left) == []


def test_the_views_in_english_again_after_a_spanish_build_are_english():
    words.use_language("es")
    spanish = " ".join(_everything())
    words.use_language("en")
    english = " ".join(_everything())
    for said, other in [("Gap: not enacted", "Vacío: no se pone en práctica"), ("Read the section", "Leer la sección"),
                        ("US Letter (PDF)", "Carta (EE. UU.) (PDF)"), ("Roles involved", "Roles que participan"),
                        ("Facilitator guide", "Guía para la persona facilitadora"), ("2 prompts", "2 preguntas")]:
        assert said in english and said not in spanish and other in spanish and other not in english, said


def _render(name: str, options=WEB, target: str = "") -> list[nodes.Node]:
    return registry()[name].render(context(corpus(), options, docname="scenarios/first"), placeholder(name, target))


def _soup(name: str) -> BeautifulSoup:
    raw = [n for top in _render(name) for n in top.findall(nodes.raw)]
    return BeautifulSoup("".join(n.astext() for n in raw), "html.parser")


def test_each_of_the_views_words_is_in_spanish_where_it_goes():
    words.use_language("es")
    matrix = _soup("glassbox-matrix")
    assert matrix.select_one(".gb-matrix-legend")["aria-label"] == "Qué significa cada marca"
    assert matrix.select_one("#gb-mx-scenario").get_text() == "Escenario"
    assert matrix.select_one(".gb-mx-panel-title").get_text() == "Alpha en First scenario"
    assert matrix.select_one(".gb-matrix-full summary").get_text() == (
        "Mostrar la matriz con todo el texto: cada resumen en su celda")
    explorer = _soup("scenario-explorer")
    assert explorer.select_one(".gb-explorer-status").get_text() == "2 escenarios."
    assert explorer.select_one(".gb-explorer-reset").get_text() == "Mostrar todo"
    assert explorer.select_one(".gb-k").get_text() == "Componentes:"
    index = " ".join(n.astext() for n in _render("prompt-index"))
    assert "Preguntas por componente" in index and "First scenario: 2 preguntas" in index
    assert "De First scenario, Alpha · Para: Teacher" in index
    listing = _render("scenario-list")[0].astext()
    assert "2 componentes · Moving · Top pair" in listing
    study = _soup("self-study-map")
    data = json.loads(study.select_one("#gb-selfstudy-data").string)
    assert data["matrixFirst"] == "Escenario" and data["words"]["ours"] == "Nuestro trabajo"
    assert [f["label"] for f in data["fields"]] == ["Qué está pasando", "Quién participa", "Qué evidencia tenemos"]
    assert study.select_one("legend").get_text() == "En qué trabaja su equipo"
    assert "Roles, no nombres: «teacher y leader»." in study.get_text()
    planner = _soup("session-planner")
    assert planner.select_one(".gb-plan-rooms legend").get_text() == "Quiénes están en la sala"
    assert [label.get_text(strip=True) for label in planner.select(".gb-plan-lengths label")] == ["60 minutos", "90 minutos"]
    printed = _render("session-planner", PRINT)[0]
    assert printed.astext().startswith("El planificador funciona en pantalla")
    # the files keep their names; the slot for the scenario's id is named in Spanish, each name on one line
    assert [n.astext() for n in printed.findall(nodes.literal)] == ["guide-<escenario>-a4.pdf", "handout-<escenario>-a4.pdf",
                                                                     "packet-<escenario>-a4.pdf"]
    assert all("gb-file" in n["classes"] for n in printed.findall(nodes.literal))
    outline = _render("session-outline")[0]
    assert [e.astext() for e in outline.findall(nodes.entry)][:4] == ["Paso", "60 min", "90 min", "Qué pasa"]
    ctx = context(corpus(), docname="scenarios/first")
    card = scenario_card(ctx, ctx.page)
    assert [t.astext() for t in card.findall(nodes.term)][-4:] == [
        "Niveles", "Roles que participan", "Trayectoria", "Componentes puestos en práctica"]
    credit = next(p for p in card.findall(nodes.paragraph) if "glassbox-credit" in p["classes"])
    assert credit.astext().startswith("Escrito por Test Writer") and "· Revisado · Licencia: Toy Licence 1.0" in credit.astext()
    links = downloads.scenario_links("", "first", ["a4", "letter"])
    assert [p.astext() for p in links] == [
        "Guía para la persona facilitadora: A4 (PDF) · Carta (EE. UU.) (PDF)",
        "Material de la sesión: A4 (PDF) · Carta (EE. UU.) (PDF)",
        "Cuadernillo para participantes (todas las preguntas, para el autoestudio): A4 (PDF) · Carta (EE. UU.) (PDF)",
        "Diapositivas para proyectar: 16:9 (PDF)"]


def test_the_views_set_quotes_as_the_projects_pages_do():
    """Sphinx's smart quotes set a Spanish page's quotes «angled»: the words a view fills in after them match."""
    assert typographic('Name the "glass box".') == "Name the “glass box”."
    words.use_language("es")
    assert typographic('Nombre la "caja de cristal".') == "Nombre la «caja de cristal»."
    words.use_language("pt_BR")  # a language docutils knows by its main tag only
    assert typographic('O "vidro".') == "O “vidro”."


@pytest.mark.parametrize(("language", "name", "broken"), [
    ("en", "Horizontal coherence", "Horizon-tal cohe-rence"),
    ("en", "Reflection", "Reflec-tion"),
    ("en", "Borrowing", "Bor-rowing"),
    ("es", "Reflexión", "Re-flexión"),  # "fl" opens a syllable: not "Ref-lexión"
    ("es", "Desarrollo profesional", "Desa-rrollo profe-sional"),  # "rr" is one sound in Spanish
    ("es", "Propósito compartido", "Propó-sito compar-tido"),  # an accented vowel is a vowel
])
def test_a_matrix_column_heading_breaks_where_the_projects_language_breaks_it(language, name, broken):
    words.use_language(language)
    assert breakable(name).replace("\u00ad", "-") == broken
