"""What the privacy check says about a finding, in the project's language.

The scan (`glassbox_handbook.privacy.scan`) finds; this module words what it found, why it matters and
what to do, for the check's report of a scenario file, the issue form's route and the browser's copy of
the check (`glassbox_handbook.privacy.browser` writes these words into its rules for every build). A
place's rewording is `glassbox_handbook.privacy.places.reword`.
"""

from __future__ import annotations

import re

from glassbox_handbook.privacy.places import Finding
from glassbox_handbook.words import _

_QUOTED = re.compile(r'"(.*)"')  # a suggestion that is one wording in quotes, offered as a replacement


def what() -> dict[str, str]:
    """What each kind of finding looks like, in the project's language."""
    return {
        "person": _("a personal name"), "school": _("the name of a school"), "district": _("the name of a school district"),
        "university": _("the name of a university or college"), "program": _("the name of a program"),
        "email": _("an e-mail address"), "phone": _("a phone number"), "address": _("a street address"),
    }


def whom(kind: str) -> str:
    """Whom a finding could identify: a person, or the place (and so the people) of the partnership."""
    return _("someone") if kind in ("person", "email", "phone") else _("a place")


def take_out() -> dict[str, str]:
    """What to do with a contact detail: take it out (no rewording keeps it), in the project's language."""
    return {
        "email": _("take the e-mail address out; say who was written to by their role"),
        "phone": _("take the phone number out"),
        "address": _('take the street address out; write "a school in the district", or leave the place unnamed'),
    }


def fix(finding: Finding) -> str:
    """How to act on a finding, in the words of the person who wrote the line."""
    contact = take_out()
    if finding.kind in contact:
        return contact[finding.kind]
    if finding.rewrite is not None:  # the role beside the name already says who: the name goes, nothing replaces it
        return _("{advice} (if it is an invented name already, list it under `pseudonyms:` in `privacy:`)").format(
            advice=finding.suggestion)
    return _("write {suggestion} instead (if it is an invented name already, list it under `pseudonyms:` in `privacy:`)").format(
        suggestion=finding.suggestion)


def describe(finding: Finding) -> str:
    """What a finding is and why it matters, for the check's report of a scenario file."""
    return _("{text} looks like {what}, which could identify {whom}").format(
        text=repr(finding.text), what=what()[finding.kind], whom=whom(finding.kind))


def fixed(line: str, finding: Finding) -> str | None:
    """The line after the one-click fix the worksheet offers for a finding (gb-privacy.js `fixLine`), or None.

    A finding whose suggestion is a wording in quotes has that wording written in place of its text; one with a
    `rewrite` (a name beside its role) has the rewrite's stretch rewritten. The fix is made where the finding
    stands, and only when the line still holds the finding's text there (or, for a wording, anywhere).
    """
    if finding.rewrite is not None:
        at, text = finding.rewrite.col - 1, finding.rewrite.text
        return line[:at] + finding.rewrite.write + line[at + len(text):] if line[at:at + len(text)] == text else None
    words = _QUOTED.fullmatch(finding.suggestion)
    if not words or finding.text not in line:
        return None
    at = finding.col - 1 if line[finding.col - 1:finding.col - 1 + len(finding.text)] == finding.text else line.index(finding.text)
    return line[:at] + words.group(1) + line[at + len(finding.text):]
