"""The check for English left in a Spanish site (tests/english_left.py), on small pages written here: what it
finds, what it leaves to Furo and Sphinx, and that its word list holds no Spanish word."""

from __future__ import annotations

import json
import re
from pathlib import Path

import english_left
from english_left import FUNCTION_WORDS, catalog_phrases, page_texts, theme_patterns
from english_left import english_left as left

PACKAGE = Path(__file__).resolve().parents[2] / "builder" / "glassbox_handbook"


def _spanish_words() -> set[str]:
    """Every lower-case word of the Spanish catalogs (Sphinx's and the builder's) and the Spanish scaffold."""
    texts = [(english_left._sphinx_locale() / "es" / "LC_MESSAGES" / "sphinx.po").read_text(encoding="utf-8")]
    for path in (PACKAGE / "cli" / "scaffold" / "es").rglob("*"):
        if path.suffix in {".md", ".yaml", ".jinja"}:
            texts.append(path.read_text(encoding="utf-8"))
    for path in (PACKAGE / "locale" / "es").rglob("*.po"):
        texts.append("\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                               if line.startswith(("msgstr", '"'))))
    text = "\n".join(texts)
    for message in english_left._read_po(english_left._sphinx_locale() / "es" / "LC_MESSAGES" / "sphinx.po"):
        text = text.replace(message.id if isinstance(message.id, str) else message.id[0], " ")  # their English
    return {w for w in re.findall(r"[^\W\d_]+", text) if w.islower()}


def test_no_word_of_the_english_list_is_a_word_of_the_spanish_catalogs_or_scaffold():
    assert len(FUNCTION_WORDS) >= 100
    assert sorted(FUNCTION_WORDS & _spanish_words()) == []


def test_an_english_word_is_found_in_text_attributes_and_script_data_but_not_in_code_or_file_names():
    data = json.dumps({"label": "Mostrar todo", "hint": "Choose a level first", "id": "nivel-equipo"})
    page = ("<html><body><p>La matriz <code>the framework</code> de <em>framework.yaml</em> y "
            "escenarios/the-page.html</p><button aria-label='Close the menu'>×</button>"
            f"<script type='application/json'>{data}</script><script>var the = 1;</script></body></html>")
    found = dict(left(page_texts(page)))
    assert set(found) == {"close", "the", "choose", "level", "first"}
    assert "Choose a level first" in found["choose"]


def test_furos_and_sphinxs_untranslated_words_are_left_out_only_where_they_stand():
    """"Back to top" (Furo's, through Sphinx's catalog, which has no Spanish for it) is theirs; the same "to"
    in the builder's words is still found."""
    assert any(p.search("Back to top") for p in theme_patterns("es"))
    assert left(["Volver: Back to top"]) == []
    assert [w for w, _c in left(["Back to top · Go to the matrix"])] == ["the", "to"]


def test_a_message_of_the_catalog_is_found_as_a_phrase_split_at_its_placeholders(tmp_path, monkeypatch):
    pot = tmp_path / "glassbox_handbook.pot"
    pot.write_text('msgid ""\nmsgstr ""\n\nmsgid "Show {n} more scenarios"\nmsgstr ""\n\n'
                   'msgid "Creative Commons licence"\nmsgstr ""\n', encoding="utf-8")
    monkeypatch.setattr(english_left, "POT", pot)
    monkeypatch.setattr(english_left, "PACKAGE", tmp_path)
    catalog_phrases.cache_clear()
    try:
        assert catalog_phrases("es") == ("Creative Commons licence", "more scenarios")
        assert [w for w, _c in left(["Ver 5 more scenarios"]) if w.startswith("“")] == ["“more scenarios”"]
    finally:
        catalog_phrases.cache_clear()
