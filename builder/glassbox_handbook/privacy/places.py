"""Names of schools, districts, universities and programs, recognised by their shape.

A site is named by words of its own before a generic word: "Lincoln
Elementary", "Springfield Unified School District", "University of Northern
Colorado", "Ohio State", "Project RISE"; in Spanish, after it: "Escuela
Primaria Benito Juárez", "Colegio San Martín", "Universidad de Chile",
"Distrito Escolar de Los Ángeles", "Proyecto Raíces". The generic words and the few
function words that may open a run of capitals ("In Lincoln Elementary")
are the grammar of such names, so they are written here; which words are
ordinary English comes from the dictionary (`glassbox_handbook.privacy.names`). A name made
only of ordinary words ("Oak Grove Elementary") counts, except as a heading
or a short phrase opening a sentence ("Rural High School teachers"), and a
bare "School", "Academy", "Schools" or "District" needs a word that is no
ordinary word ("Teacher Leader Academy" is a program's description).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from glassbox_handbook.privacy.names import ordinary
from glassbox_handbook.words import _


class Rewrite(NamedTuple):
    """A one-click fix that is more than writing a suggestion's words in place of a finding's text."""
    col: int  # 1-based: where the stretch of the line it rewrites starts
    text: str  # that stretch ("Our mentor teacher Maria said": " Maria"; "Maria, the mentor teacher, said": "Maria, the mentor teacher,")
    write: str  # what stands there instead ("", "The mentor teacher")


class Finding(NamedTuple):
    col: int  # 1-based, in the line as written
    text: str
    kind: str  # a key of glassbox_handbook.privacy.advice.what()
    suggestion: str  # how to reword it, in the contributor's terms
    rewrite: Rewrite | None = None  # a person named beside their role: the name taken out, the role kept once


def reword() -> dict[str, str]:
    """How to reword each kind of finding, in the project's language: by kind, and for a school by its level
    (`SCHOOL_LEVELS`), for a college, for a person named next to a role (`role`, with `{role}`) and for a
    name whose role already stands beside it (`beside`: the name is taken out; `role_and_name`: both give way
    to the role's wording)."""
    # Translators: keep the straight double quotes around a wording: the worksheet offers the words between
    # them as a replacement, with a button. Keep {role} as it is.
    return {
        "person": _('a role, such as "a mentor teacher" or "the principal"'), "role": _('"the {role}"'),
        # Translators: said of a name with its role beside it ("Our mentor teacher Maria"): no wording is offered
        # in its place, the name goes. Keep {role} as it is.
        "beside": _('take the name out: the role beside it, “{role}”, already says who'),
        # Translators: said of a role and a name with no word such as "our" before them ("As mentor teacher Maria
        # shared"): {role} is the wording above with its quotes ("the mentor teacher"). Keep {role} as it is.
        "role_and_name": _("write {role} in place of the role and the name"),
        "district": _('"a partner district"'), "university": _('"a partner university"'), "college": _('"a partner college"'),
        "program": _('"the program"'), "school": _('"a partner school"'), "elementary": _('"an elementary school"'),
        "middle": _('"a middle school"'), "high": _('"a high school"'),
    }


# A school's level, by a word of its name (English and Spanish): which rewording it takes. The first level
# in this order that the name holds is the one ("Middle High School" is a middle school).
SCHOOL_LEVELS = {"elementary": "elementary", "middle": "middle", "high": "high", "primaria": "elementary",
                 "elemental": "elementary", "intermedia": "middle", "secundaria": "high", "preparatoria": "high"}
# Words that can open a name's run of capitals without being part of it ("In Lincoln Elementary").
_FUNCTION = frozenset("the a an at in on of our their this that these those each every one two both its his her for from "
                      "with by to and or as when while after before some many most all no if".split())
_CAP = r"(?:[A-Z][\w'’.&-]*)"
_RUN = rf"(?:{_CAP}\s+){{1,5}}"
# Spanish names put the generic words first and the name's own after them, joined by "de", "del", "la"…:
# a capitalised word that is not itself generic must follow ("la Escuela Primaria de la comunidad" names none).
_ES_GENERIC = (r"(?:Primaria|Secundaria|Intermedia|Preparatoria|Elemental|Media|Superior|Técnica|Normal|Básica|Pública|"
               r"Privada|Comunitaria|Bilingüe|Charter|Chárter|Magnet|Escolar|Unificado|Independiente|Consolidado|Regional|"
               r"Nacional|Autónoma|Estatal|Municipal)")
_ES_HEADS = r"(?:Escuela|Colegio|Liceo|Instituto|Academia|Universidad|Distrito|Proyecto)"
_ES_WORD = rf"(?!(?:{_ES_GENERIC}|{_ES_HEADS})\b)[A-ZÁÉÍÓÚÑÜ][\w'’-]*"  # a word of the name's own, not another name's head
_ES_NAME = rf"(?:\s+(?:(?:de|del|la|las|los|el)\s+)*{_ES_WORD})+"
_INSTITUTIONS = (
    ("district", ("District",), re.compile(r"\bSchool\s+District\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")),
    ("district", ("District", "Schools", "ISD", "USD"), re.compile(rf"(?P<pre>{_RUN})(?:(?:Unified|Independent|Consolidated|Community|County|City|Public|Area|Regional|"
                           r"Union|Joint|Central|Metropolitan)\s+)*(?:School\s+District|District|Public\s+Schools|Schools|ISD|USD)\b")),
    ("school", ("Elementary", "Middle", "High", "Intermediate", "Primary", "Secondary", "Charter", "Magnet", "Montessori",
                "Prep", "K-8", "School", "Academy"), re.compile(rf"(?P<pre>{_RUN})(?:Elementary|Middle|High|Junior\s+High|Intermediate|Primary|Secondary|Charter|Magnet|"
                         r"Montessori|Preparatory|Prep|K-8)(?:\s+(?:School|Academy))?\b|(?P<pre2>" + _RUN + r")(?:School|Academy)\b")),
    ("university", ("Universit", "College", "State"), re.compile(rf"\bUniversity\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:[\s-]+[A-Z][\w'’-]*)*"
                             rf"|(?P<pre>{_RUN})(?:State\s+University|University|Community\s+College|College|State)\b")),
    ("program", ("Project",), re.compile(r"\bProject\s+(?!\[)[A-Z][\w'’-]*")),
    ("district", ("Distrito",), re.compile(rf"\bDistrito\s+Escolar(?:\s+{_ES_GENERIC})*{_ES_NAME}")),
    ("school", ("Escuela", "Colegio", "Liceo", "Instituto", "Academia"),
     re.compile(rf"\b(?:Escuela|Colegio|Liceo|Instituto|Academia)(?:\s+{_ES_GENERIC})*{_ES_NAME}")),
    ("university", ("Universidad",), re.compile(rf"\bUniversidad(?:\s+{_ES_GENERIC})*{_ES_NAME}")),
    ("program", ("Proyecto",), re.compile(r"\bProyecto\s+(?!\[)[A-ZÁÉÍÓÚÑÜ][\w'’-]*")),
)
_GENERIC = frozenset("unified independent consolidated community county city public area regional union joint central "
                     "metropolitan school schools district elementary middle high junior intermediate primary secondary "
                     "charter magnet montessori preparatory prep academy university college state".split())


def plain(token: str) -> bool:
    """True when every part of a (possibly hyphenated or possessive) word is an ordinary English word."""
    base = token[:-2] if token.endswith(("'s", "’s")) else token.rstrip("'’-")
    return all(ordinary(part) for part in base.split("-") if part)


_LEAD = re.compile(r"\s*(?:[-*+>]|\d+[.)]|#+)?\s*")  # what may stand before a line's first word
_LEAD_MAX = 200  # a list marker or a heading's hashes, with their indent, is never longer


def opens_sentence(line: str, pos: int) -> bool:
    """True when the word at `pos` opens a sentence, a list item or a heading.

    Asked for many words of a line, so it looks back only as far as it must (never copying
    the line up to `pos`: on a hostile line of thousands of words that copying is quadratic).
    """
    i = pos
    while i and line[i - 1].isspace():
        i -= 1
    return not i or line[i - 1] in ".!?:;\"“”(—–" or (pos <= _LEAD_MAX and _LEAD.fullmatch(line, 0, pos) is not None)


# Most lines hold none of the generic words: one search rules them out before the costlier patterns run.
TRIGGER = re.compile(r"Elementary|Middle|High|School|District|Academy|Universit|College|State|Project|ISD|USD|"
                      r"Intermediate|Primary|Secondary|Charter|Magnet|Montessori|Prep|K-8|"
                      r"Escuela|Colegio|Liceo|Instituto|Academia|Distrito|Universidad|Proyecto")


def institutions(line: str, heading: bool) -> list[Finding]:
    """Schools, districts, universities and programs named in a line (`heading`: the line is a title, in Title Case)."""
    found: list[Finding] = []
    if not TRIGGER.search(line):
        return found
    taken = bytearray(len(line) + 1)  # 1 where an earlier pattern's name covers the line
    for kind, keywords, pattern in _INSTITUTIONS:
        if not any(k in line for k in keywords):
            continue
        for m in pattern.finditer(line):
            start, text = m.start(), m.group(0).rstrip(".")
            pre = next((m.group(g) for g in ("pre", "pre2") if g in pattern.groupindex and m.group(g)), "")
            if pre:
                words = [(w.start(), w.group(0)) for w in re.finditer(r"\S+", pre)]
                # a name does not run across the end of a sentence ("… was edited. District leaders met"),
                # though it may hold an abbreviation ("St. Mary's", "J.P.")
                ends = [i for i, (_, w) in enumerate(words) if w[-1] in ".!?" and len(w.rstrip(".!?")) > 3]
                words = words[ends[-1] + 1:] if ends else words
                while words and (words[0][1].lower() in _FUNCTION or words[0][1].lower() in _GENERIC):
                    words = words[1:]
                own = [w for _, w in words if w.lower().strip(".") not in _GENERIC]
                if not own:
                    continue
                start = m.start() + words[0][0]
                generic = [w.lower() for w in line[start:m.end()].split() if w.lower() in _GENERIC]
                if generic in (["school"], ["academy"], ["schools"], ["district"]) and all(plain(w) for w in own):
                    continue  # "Teacher Leader Academy", "Professional Development Schools": a bare suffix needs a name of its own
                if all(plain(w) for w in own) and (heading or (opens_sentence(line, start) and len(own) < 2)):
                    continue  # "Rural High School" as a heading or at a sentence's start names a kind of school
                if kind == "university" and text.endswith("State") and all(plain(w) for w in own):
                    continue  # "Steady State", "Nation State": only a proper name before State makes a university
                text = line[start:m.end()].rstrip(".")
            if taken[start]:
                continue
            taken[start:start + len(text)] = b"\x01" * len(text)
            found.append(Finding(start + 1, text, kind, _suggest(kind, text)))
    return found


def _suggest(kind: str, text: str) -> str:
    words = reword()
    if kind == "school":
        low = text.lower().split()
        return words[next((level for word, level in SCHOOL_LEVELS.items() if word in low), "school")]
    if kind == "university" and "college" in text.lower():
        return words["college"]
    return words[kind]
