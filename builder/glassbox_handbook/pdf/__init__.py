"""PDF output: the handbook, a workshop packet per scenario and prompt cards.

`sphinx-build -b glassbox_pdf . _build/pdf` writes every PDF, from the same doctrees
and domain data as the website, with WeasyPrint (tagged PDF/UA-1). The
modules: `pdf_builder` (the Sphinx builder, the one writer), `documents`,
`packets` and `cards` (what each PDF holds, as plain data), `render` (HTML
to PDF), `templates/` and `print.css`.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from glassbox_handbook.pdf.pdf_builder import PdfBuilder


def setup_pdf(app: Sphinx) -> None:
    app.add_builder(PdfBuilder)
