"""The builder's message catalog: complete, in step with the code, and chosen per project."""

from __future__ import annotations

import importlib.util
import io
import re
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from glassbox_handbook import words
from glassbox_handbook.web.words_script import script_messages, words_script

ROOT = Path(__file__).parents[2]
PACKAGE = ROOT / "builder" / "glassbox_handbook"


def _catalog_script():
    spec = importlib.util.spec_from_file_location("catalog_script", ROOT / "scripts" / "catalog.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["catalog_script"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def english_again():
    yield
    words.use_language("en")


def test_the_template_the_spanish_catalog_and_its_compiled_file_are_in_step_with_the_code(capsys):
    assert _catalog_script().main(["--check"]) == 0, capsys.readouterr().out


# A call the extractor cannot read (inside an f-string on Python 3.11, or with a computed argument) would
# never be translated: every call in the code must be a message in the template.
CALL = re.compile(r"(?<![\w.\"'])(_|_n|gb_|gbT|gbN)\(")


@pytest.mark.parametrize("suffix", [".py", ".html", ".js"])
def test_every_call_for_a_word_in_the_code_is_a_message_of_the_template(suffix):
    template = _catalog_script().template()
    extracted: dict[str, set[int]] = {}
    for message in template:
        for path, line in message.locations:
            extracted.setdefault(path, set()).add(line)
    unread: dict[str, list[int]] = {}
    for path in PACKAGE.rglob(f"*{suffix}"):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith(("cli/scaffold/", "locale/")) or path.name in {"words.py", "words_script.py"}:
            continue
        pattern = re.compile(r"(?<![\w.])gb_\(") if rel.startswith("web/theme/") else CALL
        lines = [n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if pattern.search(text) and not text.lstrip().startswith(("#", "//", "def "))]
        missed = [n for n in lines if n not in extracted.get(rel, set())]
        if missed:
            unread[rel] = missed
    assert unread == {}, "calls the extractor does not see (put the message in a plain string literal, outside f-strings)"


def test_a_spanish_project_reads_the_packages_spanish_words():
    words.use_language("es")
    assert words._("Show all") == "Mostrar todo"
    words.use_language("en")
    assert words._("Show all") == "Show all"


def test_a_projects_own_catalog_comes_before_the_packages(tmp_path):
    catalog = Catalog(locale="es")
    catalog.add("Show all", "Verlo todo")
    folder = tmp_path / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    (folder / f"{words.CATALOG}.mo").write_bytes(buffer.getvalue())
    words.use_language("es", [tmp_path])
    assert words._("Show all") == "Verlo todo"
    assert words._("Contents") == "Contenido"  # the package's, for what the project leaves out


def test_the_browsers_words_hold_the_scripts_messages_only_and_nothing_in_english():
    assert "Show all" in script_messages() and "Contents" not in script_messages()
    words.use_language("en")
    assert "window.GB_WORDS = {};" in words_script()
    words.use_language("es")
    spanish = words_script()
    assert '"Show all":"Mostrar todo"' in spanish and "Contenido" not in spanish
