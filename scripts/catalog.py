"""Keep the builder's message catalog in step with its code (for the builder's developers and translators).

    python scripts/catalog.py            # write locale/glassbox_handbook.pot, update each language's .po, compile .mo
    python scripts/catalog.py --check    # change nothing; exit 1 and say what is stale or untranslated

The template is extracted with Babel (a dependency of Sphinx) from the Python modules (`_`, `_n`), the
PDF and theme templates (`_`, `_n`, `gb_`) and the browser scripts (`gbT`, `gbN`). Each language's `.po`
keeps its translations; messages the code no longer uses are dropped. Translations in
`locale/<language>/parts/*.po` (drafts written side by side) are folded in and win over the `.po`.
A project can translate the builder without this script: `sphinx-intl update -p <package>/locale -l fr`
in the project, then `sphinx-intl build`; the builder reads the project's `locale_dirs` first.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

PACKAGE = Path(__file__).resolve().parents[1] / "builder" / "glassbox_handbook"
LOCALE = PACKAGE / "locale"
DOMAIN = "glassbox_handbook"
TEAM = "the Glass-Box Handbook contributors"
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)  # stable files: no date churn in diffs
JINJA = "jinja2.ext:babel_extract"
# Our code and PDF templates write `_`, `_n`; the browser scripts `gbT`, `gbN`. The theme's templates
# write `gb_` for our words, because `_` there is Sphinx's own catalog (Sphinx's and Furo's words).
PASSES = [
    ([("locale/**", "ignore"), ("cli/scaffold/**", "ignore"), ("web/theme/**", "ignore"), ("**.py", "python"),
      ("**/templates/**.html", JINJA), ("web/static/**.js", "javascript")],
     {"_": None, "_n": (1, 2), "gbT": None, "gbN": (1, 2)}),
    ([("web/theme/**.html", JINJA)], {"gb_": None}),
]
OPTIONS = {"**/templates/**.html": {"trim_blocks": "true", "lstrip_blocks": "true"},
           "web/theme/**.html": {"trim_blocks": "true", "lstrip_blocks": "true"}}


def template() -> Catalog:
    """Every message the package's code, templates and scripts ask for, with where it is asked."""
    pot = Catalog(project="Glass-Box Handbook builder", copyright_holder=TEAM, creation_date=FIXED_DATE, fuzzy=False)
    for methods, keywords in PASSES:
        for filename, lineno, message, comments, context in extract_from_dir(
                PACKAGE, methods, options_map=OPTIONS, keywords=keywords, comment_tags=("Translators:",),
                strip_comment_tags=True):
            pot.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return pot


def _read(path: Path, language: str) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=language)


def translated(pot: Catalog, language: str) -> Catalog:
    """The template with this language's translations from its .po and its draft parts."""
    known: dict[object, object] = {}
    folder = LOCALE / language
    sources = [folder / "LC_MESSAGES" / f"{DOMAIN}.po", *sorted((folder / "parts").glob("*.po"))]
    for source in sources:
        if source.exists():
            for message in _read(source, language):
                if message.id and message.string and (not isinstance(message.string, tuple) or all(message.string)):
                    known[message.id] = message.string
    po = Catalog(locale=language, project="Glass-Box Handbook builder", copyright_holder=TEAM, last_translator=TEAM,
                 language_team=f"{language} (the builder's catalog)", creation_date=FIXED_DATE, revision_date=FIXED_DATE,
                 fuzzy=False)
    for message in pot:
        if message.id:
            po.add(message.id, known.get(message.id), message.locations, auto_comments=message.auto_comments,
                   context=message.context)
    return po


def _po_bytes(catalog: Catalog, **kw: object) -> bytes:
    """The .po text, without the line naming Babel's version (so two machines write the same file)."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=False, **kw)
    return re.sub(rb'"Generated-By: [^"]*"\n', b"", buffer.getvalue())


def _mo_bytes(po_text: bytes, language: str) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, read_po(io.BytesIO(po_text), locale=language))
    return buffer.getvalue()


def missing(po: Catalog) -> list[str]:
    """The messages of a language's catalog that have no translation."""
    return [str(m.id) for m in po if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))]


def languages() -> list[str]:
    return sorted(p.name for p in LOCALE.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def files() -> dict[Path, bytes]:
    """Every catalog file as it should be now."""
    pot = template()
    wanted = {LOCALE / f"{DOMAIN}.pot": _po_bytes(pot, omit_header=False)}
    for language in languages():
        po_text = _po_bytes(translated(pot, language))
        wanted[LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"] = po_text
        wanted[LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.mo"] = _mo_bytes(po_text, language)
    return wanted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when something is stale")
    args = parser.parse_args(argv)
    wanted = files()
    stale = [p for p, data in wanted.items() if not p.exists() or p.read_bytes() != data]
    pot = template()
    gaps = {language: missing(translated(pot, language)) for language in languages()}
    if args.check:
        for path in stale:
            print(f"{path.relative_to(PACKAGE.parent)}: out of date; run python scripts/catalog.py")
        for language, ids in gaps.items():
            for message in ids:
                print(f"{language}: no translation for {message!r}")
        return 1 if stale or any(gaps.values()) else 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(wanted[path])
        print(f"wrote {path.relative_to(PACKAGE.parent)}")
    for language, ids in gaps.items():
        if ids:
            print(f"{language}: {len(ids)} of {len(pot)} messages have no translation yet")
    return 0


if __name__ == "__main__":
    sys.exit(main())
