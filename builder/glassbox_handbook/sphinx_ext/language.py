"""The builder speaks the project's language (`language` in conf.py).

The package's catalog is registered with Sphinx (`add_message_catalog`), so `sphinx-intl` and
`sphinx.locale.get_translation("glassbox_handbook")` see it; the words themselves are looked up through
`glassbox_handbook.words`, chosen again for each project (its docstring says why). The theme's templates
get our lookup as `gb_`, because their `_` is Sphinx's own catalog.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from glassbox_handbook.web.words_script import write_words_script
from glassbox_handbook.words import CATALOG, LOCALE_DIR, _, _n, use_language


def choose_language(app: Sphinx, config: Config) -> None:
    """The project's catalogs (its `locale_dirs`) first, then the package's."""
    use_language(config.language, [Path(app.confdir, d) for d in config.locale_dirs])


def give_templates_our_words(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    context["gb_"] = _
    context["gb_n"] = _n


def setup_language(app: Sphinx) -> None:
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
    app.connect("config-inited", choose_language, priority=100)
    app.connect("html-page-context", give_templates_our_words)
    app.connect("build-finished", write_words_script)
