"""`glassbox-handbook new --language es`: a Spanish project that builds, checks clean, and whose pages hold no
English word of the builder's (tests/english_left.py says how that is found; the English project shows that
the same check finds the builder's words where they are English). The HTML only, from the checkout: the
wheel's run with PDFs is tests/site/test_packaging.py's.

When a page still holds English, the failure lists each page with its words and where they stand: the
list to drive to zero.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from english_left import FUNCTION_WORDS, describe, rendered_texts, report, site_texts


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{' '.join(args)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    return result


def made(where: Path, language: str) -> dict:
    run("-m", "glassbox_handbook", "new", "proyecto", "--language", language, cwd=where)
    root = where / "proyecto"
    build = run("-m", "sphinx", "-q", "-W", "-b", "glassbox", ".", "_build/html", cwd=root)
    return {"root": root, "site": root / "_build" / "html", "stderr": build.stderr}


@pytest.fixture(scope="module")
def spanish(tmp_path_factory) -> dict:
    return made(tmp_path_factory.mktemp("es"), "es")


@pytest.fixture(scope="module")
def english(tmp_path_factory) -> dict:
    return made(tmp_path_factory.mktemp("en"), "en")


def test_a_spanish_project_builds_without_a_warning_and_checks_clean(spanish):
    assert "WARNING" not in spanish["stderr"]
    assert 'language = "es"' in (spanish["root"] / "conf.py").read_text(encoding="utf-8").replace("'", '"')
    for page in ("index.html", "matriz.html", "preguntas.html", "explorador.html", "niveles.html", "taller.html",
                 "planificador.html", "hoja-de-trabajo.html", "autoestudio.html", "escenarios/notas-semanales.html",
                 "escenarios/dos-oficinas.html", "componentes/proposito.html"):
        assert (spanish["site"] / page).is_file(), page
    index = (spanish["site"] / "index.html").read_text(encoding="utf-8")
    assert 'lang="es"' in index and "Marco de Práctica Abierta" in index
    # Sphinx's and Furo's words that Sphinx's own Spanish lacks, from the project's locales/es/.../sphinx.po
    page = (spanish["site"] / "componentes" / "practica.html").read_text(encoding="utf-8")
    for words in ("Saltar al contenido", "Volver arriba", "Siguiente", "Enlace a este encabezado"):
        assert words in page, words
    checked = run("-m", "glassbox_handbook", "check", cwd=spanish["root"])
    assert "Revisión de 2 archivos de escenario: no hay problemas." in checked.stdout  # the command line speaks Spanish


def test_the_check_finds_the_builders_english_on_an_english_projects_pages(english):
    """The same check on the English project: it finds the builder's messages (check (a)) and its common words
    (check (b)) on nearly every page, so an empty result for Spanish means something."""
    found = report(site_texts(english["site"]))
    pages = [p for p in site_texts(english["site"]) if not p.startswith(("genindex", "search"))]
    assert len(found) >= len(pages) - 2, describe(found)
    words = {w for left in found.values() for w, _context in left}
    assert len(words & FUNCTION_WORDS) >= 30
    assert any(w.startswith("“") for w in words), "no message of the catalog was found on an English page"


def test_a_spanish_projects_pages_hold_no_english_word_of_the_builders(spanish):
    found = report(site_texts(spanish["site"]))
    assert found == {}, describe(found)


def test_a_spanish_projects_pages_show_no_english_word_of_the_builders_once_their_scripts_ran(spanish, browser):
    """What the scripts write (the lens's menu, the explorer's filters, the planner) in Chromium."""
    found = report(rendered_texts(browser, spanish["site"]))
    assert found == {}, describe(found)
