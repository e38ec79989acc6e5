"""Another framework's file (the toy one of tests/roots/test-basic) gives a handbook with none of this
handbook's vocabulary in it, on the web and in print."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import pdf_pages, srlc_words

ROOTS = Path(__file__).parents[1] / "roots"


@pytest.fixture(scope="module")
def other_framework(tmp_path_factory) -> Path:
    """The toy framework's handbook, built for the web (its print build is the session's `toy_pdfs`)."""
    out = tmp_path_factory.mktemp("other")
    result = subprocess.run([sys.executable, "-m", "sphinx", "-W", "-q", "-b", "glassbox", "-d", str(out / "d"),
                             str(ROOTS / "test-basic"), str(out / "glassbox")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out


def test_another_frameworks_handbook_holds_none_of_this_frameworks_words(other_framework, toy_pdfs):
    words = srlc_words()
    texts = {str(p.relative_to(other_framework)): BeautifulSoup(p.read_text(), "html.parser").get_text(" ")
             for p in (other_framework / "glassbox").rglob("*.html")}
    texts |= {p.name: " ".join(pdf_pages(p)) for p in toy_pdfs.glob("*.pdf")}
    assert len([k for k in texts if k.endswith(".pdf")]) >= 4 and len(texts) > 8
    found = {(name, word) for name, body in texts.items() for word in words
             if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", body, re.I)}
    assert found == set()
