"""The word lists the privacy check reads: given names, surnames and ordinary English words.

Why these and not a named-entity model: a scenario is checked in well under a
second, and a thousand of them too, on a two-core machine, with nothing
downloaded at run time. A named-entity model would be loaded in every
process and run over every sentence, and spaCy's English models are not on
PyPI under their own names; three word lists cost a few tens of
milliseconds, once, and say plainly why a word was flagged.

- Given names and surnames: the US Census Bureau's lists of frequently
  occurring names (1990 census; public domain), as shipped by the `names`
  package on PyPI (MIT): 4,275 female and 1,219 male given names (5,156
  distinct ones once the calendar words are left out) and 88,799 surnames.
- Ordinary English words: Hunspell's en_US dictionary (built from SCOWL,
  Kevin Atkinson's word lists, under a permissive licence), as shipped by the
  `chunspell` package on PyPI (MIT; the dictionary is only read, its C
  library is never loaded). Its entries keep their case: `mentor` is an
  ordinary word, `Sarah` only a proper name. A capitalised token whose
  lower-case form is an entry is an ordinary word at the start of a
  sentence or in a heading, so it is never a name on its own.

- Ordinary words of the project's language, when it is not English: every
  lower-case word of that language's translations in the builder's own
  message catalog and in Sphinx's (`locale/<language>/LC_MESSAGES/*.po`).
  Spanish prose opens sentences with "Un", "Al", "Cada" or "Pero", which the
  census lists as given names and surnames and the English dictionary does
  not know; the catalogs hold the everyday words of the language, and no
  names. The language is the one the builder speaks (`glassbox_handbook.words`).

Nothing here is a hand-written list of names or words: the only lists written here
are the few calendar words that are also given names (April, June), which
no one means as a person in "in April".
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

from glassbox_handbook.words import CATALOG, LOCALE_DIR, language

# Given names that are also months or days: in a scenario they are dates, not people.
CALENDAR = frozenset({"January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                      "Saturday", "Sunday"})
_SUFFIXES = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", ""),
             ("er", ""), ("ers", ""), ("'s", ""), ("’s", ""))


class Lists(NamedTuple):
    given: frozenset[str]  # "Sarah", "Will": Title case
    surnames: frozenset[str]  # "Jones", "Young": Title case
    words: frozenset[str]  # ordinary (lower-case) English words: "mentor", "will", "young"


def _package_folder(package: str) -> Path:
    """Where an installed package's files are, without importing it (chunspell's import loads a C library)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the package that ships {package!r} is not installed: pip install -e .")
    return Path(next(iter(spec.submodule_search_locations)))


def _census(file: Path) -> set[str]:
    """The first column of a Census name file (`SMITH  1.006  1.006  1`), in Title case."""
    out = set()
    for line in file.read_text(encoding="ascii").splitlines():
        name = line.split(" ", 1)[0]
        if name:
            out.add(name.capitalize())
    return out


def _dictionary(file: Path) -> frozenset[str]:
    """The lower-case entries of a Hunspell .dic file (the first line is a count; `/flags` are affixes)."""
    words = set()
    for line in file.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
        word = line.split("/", 1)[0].strip()
        if word and word[0].islower():
            words.add(word)
    return frozenset(words)


_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([^)]*\)[a-z]|%[a-z]")  # {role}, %(name)s, %s: not words of the language


def catalog_files(language_code: str) -> list[Path]:
    """The message catalogs in `language_code` whose translations give its ordinary words: the builder's and
    Sphinx's, each in the language itself or else in its main language (`es_MX`, then `es`). None for
    English, whose words come from the dictionary."""
    codes = list(dict.fromkeys([language_code, language_code.split("_")[0]]))
    if "en" in codes:
        return []
    sphinx = importlib.util.find_spec("sphinx")
    folders = [(LOCALE_DIR, CATALOG)]
    if sphinx and sphinx.submodule_search_locations:
        folders.append((Path(next(iter(sphinx.submodule_search_locations))) / "locale", "sphinx"))
    found = ([folder / code / "LC_MESSAGES" / f"{domain}.po" for code in codes] for folder, domain in folders)
    return [next(p for p in paths if p.is_file()) for paths in found if any(p.is_file() for p in paths)]


def _translated_words(file: Path) -> set[str]:
    """The lower-case words of a .po file's translations (`msgstr`), placeholders left out."""
    words: set[str] = set()
    in_translation = False
    for line in file.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgstr"):
            in_translation = True
        elif not line.startswith('"'):
            in_translation = False
        if in_translation and '"' in line:
            text = _PLACEHOLDER.sub(" ", line[line.index('"') + 1:line.rindex('"')].replace("\\n", " "))
            words.update(w for w in re.findall(r"[^\W\d_]+", text) if w.islower())
    return words


def list_files() -> tuple[Path, ...]:
    """The files the lists come from (female and male given names, surnames, the dictionary, and the catalogs
    of the language the builder speaks now); the check's cache is keyed by them, since a new release of
    either package changes what is flagged."""
    census = _package_folder("names")
    return (census / "dist.female.first", census / "dist.male.first", census / "dist.all.last",
            _package_folder("hunspell") / "dictionaries" / "en_US.dic", *catalog_files(language()))


def lists() -> Lists:
    """The lists for the language the builder speaks now (`glassbox_handbook.words.use_language`)."""
    return _lists(language())


@cache
def _lists(language_code: str) -> Lists:
    """Read the lists once per process and language, on first use (about 65 ms of CPU and 14 MiB:
    benchmarks/RESULTS.md)."""
    female, male, last, dictionary = list_files()[:4]
    try:
        given = (_census(female) | _census(male)) - CALENDAR
        surnames = _census(last)
        words = _dictionary(dictionary)
        for catalog in catalog_files(language_code):
            words |= _translated_words(catalog)
    except OSError as exc:
        raise RuntimeError(f"a word list of the privacy check is missing ({exc.filename}): "
                           "reinstall the handbook's dependencies (pip install -e .)") from exc
    return Lists(frozenset(given), frozenset(surnames), frozenset(words))


lists.cache_clear = _lists.cache_clear  # type: ignore[attr-defined]  # read the files again (tests, benchmarks)


def ordinary(token: str) -> bool:
    """True when the token, in lower case and with a plural or verb ending taken off, is an English word."""
    words = lists().words
    low = token.lower()
    if low in words:
        return True
    return any(low.endswith(end) and low[: len(low) - len(end)] + add in words for end, add in _SUFFIXES)
