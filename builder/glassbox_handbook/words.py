"""The builder's own words, in the language of the project being built.

Every word the builder writes into a page or a PDF that does not come from
the framework file or conf.py is written `_("…")` (or `_n(one, many, n)` for
a count) and looked up in the package's gettext catalog `glassbox_handbook`
(`glassbox_handbook/locale/<language>/LC_MESSAGES/`), which is laid out as
`sphinx-intl` expects, with its template `glassbox_handbook.pot`. A project
may add or correct a language by putting its own `glassbox_handbook.po` in
one of its `locale_dirs`: those are looked up before the package's.

Why stdlib gettext and not `sphinx.locale.get_translation`: Sphinx keeps its
translators in a process-wide table in which the first language loaded stays
first (`sphinx.locale.init` adds later ones as fallbacks). Preview, the
command line and the tests build several projects in one process, and a
Spanish build followed by an English one would then stay Spanish. The files
and the workflow are Sphinx's (`language`, `locale_dirs`, `.pot`/`.po`/`.mo`);
only the lookup is ours, and it is chosen again for every project
(`use_language`, called when the builder starts).

Placeholders are named and filled after the lookup, so a translation can
move them: `_("{n} prompts for {role}").format(n=3, role=name)`.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable
from pathlib import Path

CATALOG = "glassbox_handbook"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def use_language(language: str | None, project_dirs: Iterable[str | Path] = ()) -> None:
    """Speak `language` from now on: the project's own catalogs first, then the package's."""
    global _translation, _language
    _language = language or "en"
    translation: gettext.NullTranslations = gettext.NullTranslations()
    for directory in [*project_dirs, LOCALE_DIR][::-1]:  # the last added is asked first
        found = gettext.translation(CATALOG, str(directory), languages=[_language], fallback=True)
        if type(found) is not gettext.NullTranslations:
            found.add_fallback(translation)
            translation = found
    _translation = translation


def language() -> str:
    """The language words are given in now (`en` when no project has chosen one)."""
    return _language


def _(message: str) -> str:
    """`message` in the current language; the message itself when the catalog has no translation."""
    return _translation.gettext(message)


def _n(singular: str, plural: str, n: int) -> str:
    """The singular or the plural message for `n`, in the current language."""
    return _translation.ngettext(singular, plural, n)
