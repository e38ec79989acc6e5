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
    app.add_config_value("glassbox_pdf_papers", ["a4", "letter"], "html", types=frozenset({list}),
                         description="Paper sizes to write every PDF in (CSS page size names).")
    app.add_config_value("glassbox_pdf_licence", "", "", types=frozenset({str}),
                         description="Licence line printed on covers and packets; empty: the framework file's licence.")
    app.add_config_value("glassbox_pdf_scenarios", [], "", types=frozenset({list}),
                         description="Scenario ids to write packets for; empty means every scenario (for previews and benchmarks).")
    app.add_config_value("glassbox_pdf_handbook_max_scenarios", 60, "", types=frozenset({int}),
                         description="The handbook PDF prints every scenario in full up to this many scenarios; with "
                                     "more, it prints the framework and the views, and each scenario is in its packet.")
    app.add_builder(PdfBuilder)
