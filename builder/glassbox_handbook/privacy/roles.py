"""The grammar around a name: titles, roles and verbs of speech, and whether a name's role already stands beside it.

The scan (`glassbox_handbook.privacy.scan`) reads a capitalised word as a name by what stands around it ("Dr.
Grant", "Maria, the mentor teacher", "Jones said"). When a single role already stands beside a name, the
role says who without the name, so the fix takes the name out and keeps the role once, rather than writing
the role a second time ("Our mentor teacher Maria said no." -> "Our mentor teacher said no.", not "Our mentor
teacher the mentor teacher said no."). The browser reads the same patterns (`glassbox_handbook.privacy.browser`)
and takes the same steps (`web/static/gb-privacy-fix.js`).
"""

from __future__ import annotations

import re

from glassbox_handbook.privacy.places import Rewrite, opens_sentence

# The grammar around a name, not names: titles, roles, verbs of speech, in English and in Spanish. These are
# written here because no word list says which nouns are roles in a partnership.
TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sr", "Sra", "Srta", "Dra", "Lic", "Profa", "Mtro", "Mtra"})
# Roles a name stands next to, longest first so that "the mentor teacher" is read whole.
ROLE_PHRASES = ("professional learning leader", "special education teacher", "assistant principal", "mentor teacher",
                "teacher candidate", "field supervisor", "district leader", "program leader", "teacher leader",
                "university faculty", "doctoral student", "student teacher", "novice teacher", "cooperating teacher",
                "instructional coach", "faculty member",
                "maestra mentora", "maestro mentor", "docente mentora", "docente mentor", "profesora universitaria",
                "profesor universitario")
ROLE_WORDS = ("teacher", "mentor", "principal", "superintendent", "supervisor", "coach", "dean", "professor", "director",
              "coordinator", "candidate", "student", "intern", "chair", "liaison", "counselor", "specialist", "leader",
              "colleague", "fellow", "instructor", "lecturer", "researcher", "administrator", "facilitator", "faculty",
              "maestra", "maestro", "docente", "directora", "subdirectora", "subdirector", "profesora", "profesor",
              "coordinadora", "coordinador", "supervisora", "mentora", "consejera", "consejero", "orientadora", "orientador",
              "decana", "decano", "investigadora", "investigador", "facilitadora", "facilitador", "asesora", "asesor",
              "tutora", "tutor", "rectora", "rector", "practicante", "superintendente", "especialista", "estudiante")
# Spanish verbs end in accented letters ("dijo", "explicó"): a word's end is "no word character follows" (`(?!\w)`),
# which the browser reads as Python does; JavaScript's `\b` knows only ASCII letters.
_SPEECH = (r"(?:said|says|asked|asks|told|tells|explained|noted|wrote|shared|recalled|described|added|argued|suggested|remembered|"
           r"replied|insisted|dijo|dice|preguntó|pregunta|contó|cuenta|explicó|explica|comentó|comenta|escribió|compartió|"
           r"recordó|añadió|agregó|respondió|señaló|insistió|sugirió)(?!\w)")
_ROLE = "|".join(p.replace(" ", r"\s+") for p in (*ROLE_PHRASES, *ROLE_WORDS))
_ROLE_BEFORE = re.compile(rf"\b(?P<role>(?:{_ROLE})s?)(?:,\s*|\s+)$", re.I)
_ROLE_AFTER = re.compile(rf"^\s*(?P<open>[,(])\s*(?P<phrase>(?:the|a|an|our|their|his|her|one|la|el|una|un|nuestra|nuestro|su)\s+"
                         rf"(?:[\w-]+\s+){{0,2}}?(?P<role>(?:{_ROLE})s?)\b)", re.I)
# Before a role that stands before a name, a word that makes it a whole noun phrase without the name ("our mentor
# teacher Maria" -> "our mentor teacher"; "as mentor teacher Maria" -> "as the mentor teacher"), perhaps with one word
# between ("our new coach").
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|our|their|his|her|its|my|your|this|that|one|each|every|la|el|las|los|una|un|"
                                r"nuestra|nuestro|nuestras|nuestros|su|sus|mi|mis|esta|este|esa|ese)\s+(?:[\w-]+\s+)?$", re.I)
# What may end an apposition after a name ("Maria, the mentor teacher, said"): its closing comma or bracket, or
# the end of a clause or sentence.
_CLOSER = re.compile(r"[,.;:!?()]")
_SPEECH_AFTER = re.compile(rf"^\s+{_SPEECH}")
# A role written as a title before a name ("Principal Brown", "Coach Carter", "Maestra Ana"): the name may be an
# ordinary word too.
_ROLE_TITLE = re.compile("|".join(w.capitalize() for w in ROLE_WORDS))
# A word in no list is a name only before a verb that only people do ("Priya said"; "Google shared data" is no one).
_SAID_AFTER = re.compile(r"^\s+(?:said|says|asked|asks|told|tells|explained|recalled|remembered|replied|insisted|"
                         r"dijo|preguntó|contó|explicó|recordó|respondió|insistió)(?!\w)")


def _capital(text: str, line: str, pos: int) -> str:
    """The text with a capital first letter when it stands where a sentence starts (at `pos` of the line)."""
    return text[:1].upper() + text[1:] if text and opens_sentence(line, pos) else text


def name_beside_role(line: str, start: int, end: int, words: dict[str, str]) -> tuple[str, Rewrite] | None:
    """(the advice, how to take the name out) when a single role already stands beside the name at line[start:end].

    Before it, with a space ("Our mentor teacher Maria said" -> "Our mentor teacher said"; without a word such as
    "our" before the role, the fix writes the suggested role: "As mentor teacher Maria shared" -> "As the mentor
    teacher shared") or in apposition ("The principal, Ms. Brown, said" -> "The principal said"); after it, in
    apposition ("Maria, the mentor teacher, said" -> "The mentor teacher said"). A role in the plural ("our mentors
    Maria and Ben") is no one person's. Each look is a few dozen characters, so a hostile line stays linear.
    """
    window = max(0, start - 48)
    before = _ROLE_BEFORE.search(line[window:start])
    if before and not before.group("role").lower().endswith("s"):
        role = " ".join(before.group("role").lower().split())
        role_start, role_end = window + before.start("role"), window + before.end("role")
        if "," in line[role_end:start]:  # apposition: its closing comma goes too, and it must close there
            rest = line[end:end + 1]
            if rest and rest not in ",.;:!?)":
                return None  # "After the mentor teacher, Maria spoke": no apposition, a clause and a name
            cut = end + (rest == ",")
            return words["beside"].format(role=role), Rewrite(role_end + 1, line[role_end:cut], "")
        if _DETERMINER_BEFORE.search(line[max(0, role_start - 32):role_start]):
            return words["beside"].format(role=role), Rewrite(role_end + 1, line[role_end:end], "")
        wording = words["role"].format(role=role)
        rewrite = Rewrite(role_start + 1, line[role_start:end], _capital(wording.strip('"'), line, role_start))
        return words["role_and_name"].format(role=wording), rewrite
    after = _ROLE_AFTER.match(line[end:end + 64])
    if after and not after.group("role").lower().endswith("s"):
        role = " ".join(after.group("role").lower().split())
        phrase, role_end = end + after.start("phrase"), end + after.end("role")
        closer = _CLOSER.search(line[role_end:role_end + 80])
        close = role_end + closer.start() if closer else -1
        if closer and closer.group(0) == {",": ",", "(": ")"}[after.group("open")]:
            stop, cut = close, close + 1  # the apposition's closing comma or bracket goes with its opening one
        else:
            stop = cut = role_end
        return words["beside"].format(role=role), Rewrite(start + 1, line[start:cut], _capital(line[phrase:stop].rstrip(), line, start))
    return None
