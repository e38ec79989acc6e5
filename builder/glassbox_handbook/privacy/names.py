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

Nothing here is a hand-written list of names: the only lists written here
are the few calendar words that are also given names (April, June), which
no one means as a person in "in April", and the commonest Spanish function
words (`SPANISH`), counted as ordinary words so that a Spanish sentence's
first word is not read as a name ("Al final", "Como dijo": Al, Del, Como and
Durante are also names in the census lists). The common US surname "Le" is
left out of them on purpose.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path
from typing import NamedTuple

# Given names that are also months or days: in a scenario they are dates, not people.
CALENDAR = frozenset({"January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                      "Saturday", "Sunday"})
# Ordinary words of Spanish prose that the census lists hold as names or that open a Spanish sentence.
SPANISH = frozenset("al del la las los el un una uno unos unas con sin por para pero como cuando luego después durante "
                    "según nuestra nuestro nuestras nuestros este esta estos estas ese esa esos esas en de y o que se su sus "
                    "lo les ya también hoy ayer cada todo toda todos todas otro otra otros otras entre sobre hasta desde "
                    "mientras aunque si no sí muy más menos así allí aquí primero primera antes ahora entonces además donde "
                    "mi mis hay fue era es son está están tiene tienen hace".split())
_SUFFIXES = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", ""),
             ("er", ""), ("ers", ""), ("'s", ""), ("’s", ""))


class Lists(NamedTuple):
    given: frozenset[str]  # "Sarah", "Will": Title case
    surnames: frozenset[str]  # "Jones", "Young": Title case
    words: frozenset[str]  # ordinary (lower-case) English words: "mentor", "will", "young"; and SPANISH


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


def list_files() -> tuple[Path, Path, Path, Path]:
    """The files the lists come from (female and male given names, surnames, the dictionary); the check's
    cache is keyed by them, since a new release of either package changes what is flagged."""
    census = _package_folder("names")
    return (census / "dist.female.first", census / "dist.male.first", census / "dist.all.last",
            _package_folder("hunspell") / "dictionaries" / "en_US.dic")


@cache
def lists() -> Lists:
    """Read the three lists once per process, on first use (about 65 ms of CPU and 14 MiB: benchmarks/RESULTS.md)."""
    female, male, last, dictionary = list_files()
    try:
        given = (_census(female) | _census(male)) - CALENDAR
        surnames = _census(last)
        words = _dictionary(dictionary) | SPANISH
    except OSError as exc:
        raise RuntimeError(f"a word list of the privacy check is missing ({exc.filename}): "
                           "reinstall the handbook's dependencies (pip install -e .)") from exc
    return Lists(frozenset(given), frozenset(surnames), words)


def ordinary(token: str) -> bool:
    """True when the token, in lower case and with a plural or verb ending taken off, is an English word."""
    words = lists().words
    low = token.lower()
    if low in words:
        return True
    return any(low.endswith(end) and low[: len(low) - len(end)] + add in words for end, add in _SUFFIXES)
