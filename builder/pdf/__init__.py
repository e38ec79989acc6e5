"""PDF output: the handbook, a workshop packet per scenario and prompt cards.

`sphinx-build -M pdf . _build` writes every PDF to `_build/pdf/`, from the
same doctrees and domain data as the website, with WeasyPrint (tagged
PDF/UA-1). The modules: `builder` (the Sphinx builder), `packets` (the data
of packets and cards), `render` (HTML to PDF), `templates/` and `print.css`.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from .builder import PdfBuilder


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_config_value("glassbox_pdf_papers", ["a4", "letter"], "html", types=frozenset({list}),
                         description="Paper sizes to write every PDF in (CSS page size names).")
    app.add_config_value("glassbox_pdf_licence", "Content CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)", "",
                         types=frozenset({str}), description="Licence line printed on covers and packets.")
    app.add_config_value("glassbox_pdf_scenarios", [], "", types=frozenset({list}),
                         description="Scenario ids to write packets for; empty means every scenario (for previews and benchmarks).")
    app.add_config_value("glassbox_pdf_handbook_max_scenarios", 60, "", types=frozenset({int}),
                         description="The handbook PDF prints every scenario in full up to this many scenarios; with "
                                     "more, it prints the framework and the views, and each scenario is in its packet.")
    app.add_builder(PdfBuilder)
    return {"version": "0.1.0", "parallel_read_safe": True, "parallel_write_safe": True}
