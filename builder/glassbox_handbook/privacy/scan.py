"""What could identify a person or a site in a scenario, found line by line.

Scenarios describe real partnerships, so a contributor is told, with the
line and column, about every detail that looks identifying and how to
reword it. The detector reads three word lists (`glassbox_handbook.privacy.names`) and a
few shapes of text, because a name is rarely recognisable on its own:

- a given name that is no ordinary English word ("Sarah said") is a name
  wherever it stands (a name is looked up without its accents too: the lists
  write "Maria", "Jose", "Perez" as the census does, a team "María", "José", "Pérez"); one that is a word too ("Will", "Grant", "Maria") is a
  name only next to a title ("Dr. Grant"), a role ("Maria, the mentor
  teacher"; "the principal, Jones"), another name ("Maria and Ben") or a
  verb of speech ("Jones said");
- a school, district, university or named program is recognised by its
  shape (`glassbox_handbook.privacy.places`) ("X Elementary", "X Unified School District", "University of X",
  "X State", "Project X"), with at least one word of its own before the
  generic one; a name made only of ordinary words counts unless it opens a
  sentence or is a heading ("Rural High School" in a heading is a topic);
- e-mail addresses, phone numbers and street addresses by their form.

Never flagged: words of the framework file (component, level and role
names), names of authors in the bibliography and text inside roles such as
{cite:p}`key` (the handbook cites people on purpose), the pseudonyms a
scenario declares, and bracketed placeholders ("Project [Pseudonym]").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from glassbox_handbook.privacy.names import CALENDAR, lists
from glassbox_handbook.privacy.places import TRIGGER, Finding, institutions, opens_sentence, reword
from glassbox_handbook.privacy.places import plain as is_plain
from glassbox_handbook.privacy.roles import (
    _ROLE_AFTER,
    _ROLE_BEFORE,
    _ROLE_TITLE,
    _SAID_AFTER,
    _SPEECH_AFTER,
    ROLE_WORDS,
    TITLES,
    name_beside_role,
)
from glassbox_handbook.words import language

_LINK = re.compile(r"^\s*(?:,\s*and|,|and|&)\s+$")

_FORMS = {
    "email": re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),
    "phone": re.compile(r"(?<!\d)(?:\+?1[\s.-])?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\d)"),
    "address": re.compile(r"\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl)\b\.?"),
}
# What is read as something else: roles and code (`{cite:p}`key``), link targets, web addresses,
# bracketed placeholders that are not link text.
_MASK = re.compile(r"\{[\w:.-]+\}`[^`]*`|`[^`]*`|\]\([^)]*\)|<?https?://[^\s>)]+>?|\[[^\[\]\n]*\](?![(\[])")
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
# Only capitalised words can be names; the words between them are read through the patterns around them.
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][\w'’-]*")
_MARK = re.compile(r"[@\d]")
_CITE = re.compile(r"\{cite[\w:]*\}`")  # a citation role opens here
_SENTENCE_END = re.compile(r"[.!?](?=\s+\S)")
_TITLE_GAP = re.compile(r"\.?\s+")  # between a title and a name: "Dr. Patel", "Dr Patel"


def _blank(m: re.Match) -> str:
    return " " * len(m.group(0))


def _base(token: str) -> str:
    return token[:-2] if token.endswith(("'s", "’s")) else token.rstrip("'’-")


def _citing(line: str) -> list[tuple[int, int]]:
    """The spans of the sentences of a line that carry a citation role: a surname there is most likely its author's."""
    cites = [m.start() for m in _CITE.finditer(line)]
    if not cites:
        return []
    ends = [m.end() for m in _SENTENCE_END.finditer(line)] + [len(line)]
    starts = [0, *ends[:-1]]
    return [(a, b) for a, b in zip(starts, ends, strict=True) if any(a <= c < b for c in cites)]


_PLACE_BEFORE = re.compile(r"(?:\b(?:in|across|throughout|rural|urban|suburban|northern|southern|eastern|western|central)"
                           r"|\b(?:North|South|East|West|New))\s+$", re.I)


def _place_or_title(line: str, tokens: list[re.Match], i: int) -> bool:
    """True when a capitalised word reads as a place or as part of a title, not as a person.

    A place: after "in", "across", "rural" or a compass word ("in Georgia", "North Carolina").
    A title: joined by a space to an ordinary capitalised word that does not open the sentence
    ("Teach For America"); "Ask Maria" opens a sentence, so Maria is still read as a name.
    """
    m = tokens[i]
    if not m.group(0).endswith(("'s", "’s")) and _PLACE_BEFORE.search(line[max(0, m.start() - 12):m.start()]):
        return True
    for j in (i - 1, i + 1):
        if 0 <= j < len(tokens):
            other = tokens[j]
            a, b = (other, m) if j < i else (m, other)
            if line[a.end():b.start()] == " " and other.group(0) not in TITLES:
                is_given, is_surname, plain = _kind(other.group(0))
                if plain and not is_given and not is_surname and not opens_sentence(line, other.start()):
                    return True
    return False


def _unaccented(word: str) -> str:
    """The word without its accents ("Pérez" -> "Perez"): every combining mark (Unicode category M) dropped."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.category(c).startswith("M"))


def _kind(word: str) -> tuple[bool, bool, bool]:
    """(a given name, a surname, an ordinary word), in the language the builder speaks now."""
    return _kind_in(word, language())


@lru_cache(maxsize=1 << 16)
def _kind_in(word: str, language_code: str) -> tuple[bool, bool, bool]:
    """Asked again for every "The" and "Mentors", so kept; per language, since each has its ordinary words."""
    base = _base(word)
    bare = _unaccented(base)
    names = lists()
    return base in names.given or bare in names.given, base in names.surnames or bare in names.surnames, is_plain(word)


def _persons(line: str, allowed: frozenset[str], taken: bytearray, citing: list[tuple[int, int]]) -> list[Finding]:
    """Personal names (see the module's docstring for the rules), a full name as one finding."""
    tokens = [m for m in _CAPITALISED.finditer(line) if not taken[m.start()]]
    flagged: dict[int, str] = {}  # token index -> the role it stands next to ("" when none)
    lead: dict[int, int] = {}  # token index -> where the title before it starts ("Mr. John Smith" is reworded whole)
    role_lead: set[int] = set()  # the token indices whose title is a role ("Principal Brown")
    near: dict[int, tuple[bool, bool, bool]] = {}  # not flagged yet: may join a name by a space, by "and"; is one by a list
    for i, m in enumerate(tokens):
        word = m.group(0)
        if len(word) < 2 or word.isupper() or word in TITLES or word in CALENDAR or word in allowed or _base(word) in allowed:
            continue
        is_given, is_surname, plain = _kind(word)
        prev = tokens[i - 1] if i else None
        titled = prev is not None and prev.group(0) in TITLES and _TITLE_GAP.fullmatch(line[prev.end():m.start()])
        role_title = (prev is not None and not titled and line[prev.end():m.start()] == " "
                      and _ROLE_TITLE.fullmatch(prev.group(0)) and _base(word).lower().rstrip("s") not in ROLE_WORDS)
        if role_title and (is_given or is_surname or not plain):
            flagged[i], lead[i] = prev.group(0).lower(), prev.start()  # "Principal Brown": the title goes with the name
            role_lead.add(i)
            continue
        if plain and not (is_given or is_surname or titled):
            continue  # "The", "Mentors": an ordinary word that no title makes a name
        before, after = line[max(0, m.start() - 48):m.start()], line[m.end():m.end() + 64]  # a role is a few words away
        role = _ROLE_BEFORE.search(line[max(0, prev.start() - 48):prev.start()] if titled else before) or _ROLE_AFTER.match(after)
        if titled:
            flagged[i], lead[i] = (role.group("role").lower() if role else ""), prev.start()
        elif not role and _place_or_title(line, tokens, i):
            continue  # "in rural Georgia", "North Carolina", "Teach For America": a place or a name of words
        elif is_given and not plain:
            flagged[i] = role.group("role").lower() if role else ""
        elif role and (not plain or is_given):
            flagged[i] = role.group("role").lower()
        elif any(a <= m.start() < b for a, b in citing) and not is_given:
            continue  # "as Hirsch and Schechter argue {cite:p}`hirsch2024`": an author, not a person to protect
        elif ((is_given or (is_surname and not plain)) and _SPEECH_AFTER.match(after)) or (not plain and _SAID_AFTER.match(after)):
            flagged[i] = ""
        elif is_given or is_surname or not plain:
            near[i] = (is_given or not plain, is_given or is_surname or not plain, (is_given or is_surname) and not plain)
    caps = sorted({*near, *flagged})
    for k in range(len(caps) - 1):  # two surnames joined by "and" ("Lopez and Ortiz") are people
        i, j = caps[k], caps[k + 1]
        if i in near and j in near and near[i][2] and near[j][2] \
                and _LINK.match(line[tokens[i].end():tokens[j].start()]):
            flagged[i] = flagged[j] = ""
    # A name next to a flagged one ("Maria and Ben", "Kim Nguyen") is one too: names run along the line,
    # so a sweep each way reaches every one (never a pass per name: a hostile line may hold thousands).
    for order in (caps, caps[::-1]):
        for k in range(1, len(order)):
            i, j = order[k], order[k - 1]
            if i in flagged or j not in flagged:
                continue
            a, b = sorted((tokens[i], tokens[j]), key=lambda t: t.start())
            gap = line[a.end():b.start()]
            # a surname after a flagged name joins it ("Mr. John Smith", "Maria Young")
            if (gap == " " and (near[i][0] or (i > j and near[i][1]))) or (near[i][1] and _LINK.match(gap)):
                flagged[i] = flagged[j]
    runs: list[list[int]] = []  # a full name is one finding: the flagged tokens a single space apart
    for i in sorted(flagged):
        if runs and runs[-1][-1] == i - 1 and line[tokens[i - 1].end():tokens[i].start()] == " ":
            runs[-1].append(i)  # extended by index, never by slicing the growing text (a hostile line is long)
        else:
            runs.append([i])
    out: list[Finding] = []
    words = reword()
    for run in runs:
        last = tokens[run[-1]]
        start = lead.get(run[0], tokens[run[0]].start())
        text = line[start:last.start()] + _base(last.group(0))
        # "Principal Brown" is reworded whole; any other name may have its role beside it already
        beside = None if run[0] in role_lead else name_beside_role(line, start, start + len(text), words)
        if beside:
            out.append(Finding(start + 1, text, "person", *beside))
            continue
        role = " ".join(flagged[run[0]].split())
        suggestion = words["role"].format(role=role[:-1] if role.endswith("s") else role) if role else words["person"]
        out.append(Finding(start + 1, text, "person", suggestion))
    return out


def _quiet(line: str, allowed: frozenset[str]) -> bool:
    """True when nothing in the line can be a finding, as in most lines of prose: no "@" or digit, none of
    the generic words of a site's name, and no capitalised word that is a title, a given name or no English word."""
    if _MARK.search(line) or TRIGGER.search(line):
        return False
    for word in _CAPITALISED.findall(line):
        if word in TITLES or _ROLE_TITLE.fullmatch(word):
            return False
        if len(word) > 1 and not word.isupper() and word not in allowed:
            is_given, _, plain = _kind(word)
            if is_given or not plain:
                return False
    return True


def line_findings(line: str, allowed: frozenset[str] = frozenset(), phrases: Iterable[str] = ()) -> list[Finding]:
    """Every detail of one line of Markdown that could identify a person or a site."""
    if _quiet(line, allowed):
        return []
    citing = _citing(line)
    masked = _MASK.sub(_blank, line) if ("`" in line or "[" in line or "http" in line) else line
    for phrase in phrases:
        if phrase and phrase in masked:
            masked = masked.replace(phrase, " " * len(phrase))
    found: list[Finding] = []
    if _MARK.search(masked):
        for kind, pattern in _FORMS.items():
            found += [Finding(m.start() + 1, m.group(0), kind, "") for m in pattern.finditer(masked)]
    found += institutions(masked, masked.lstrip().startswith("#"))
    taken = bytearray(len(masked) + 1)  # 1 where an address or a school's name already covers the line
    for f in found:
        taken[f.col - 1:f.col - 1 + len(f.text)] = b"\x01" * len(f.text)
    found += _persons(masked, allowed, taken, citing)
    return sorted(found)


_FIELD = re.compile(r"^([A-Za-z_]\w*):")
_SKIP = re.compile(r"^\s*(?::::|```|~~~|%|:[\w-]+:(?:\s|$))")


def scan(text: str, body_start: int, allowed: frozenset[str], phrases: Iterable[str] = (),
         prose_fields: frozenset[str] = frozenset()) -> list[tuple[int, Finding]]:
    """(line, finding) for a whole scenario: its front-matter fields that hold prose, then its body.

    `prose_fields` are named by the front-matter model (`glassbox_handbook.core.frontmatter.PROSE_FIELDS`,
    fields marked "prose"): the other fields hold ids, keys and contributors' own names.
    Directive fences and their `:option:` lines, and `%` comments, are not prose and are not read.
    """
    phrases = tuple(sorted(set(phrases), key=len, reverse=True))
    out: list[tuple[int, Finding]] = []
    field = ""
    for number, line in enumerate(text.split("\n"), 1):
        if number < body_start:
            key = _FIELD.match(line)
            field = key.group(1) if key else field
            if number == 1 or field not in prose_fields or line.lstrip().startswith("#") or line.strip() in ("---", "..."):
                continue
        elif _SKIP.match(line) or not line.strip():
            continue
        out += [(number, f) for f in line_findings(line, allowed, phrases)]
    return out


def allowance(words: Iterable[str]) -> frozenset[str]:
    """The capitalised words of some texts (the framework file, authors' names, pseudonyms), never flagged."""
    out: set[str] = set()
    for text in words:
        for m in _TOKEN.finditer(text):
            token = m.group(0)
            if token[0].isupper():
                out.update({token, _base(token)})
    return frozenset(out)
