"""The corpus of malformed and hostile scenarios that both doors are tried with: the contributor's
check (tests/unit/test_hostile_input.py) and the Sphinx build (tests/site/test_hostile_input_in_the_build.py)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).parent / "roots" / "test-basic"
GOOD = (ROOT / "scenarios" / "first.md").read_text()


def sub(old: str, new: str):
    def apply(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)
    return apply


# (case id, how to spoil the good scenario, expected message, expected line)
CASES = [
    ("bad-yaml", sub("primary_focus: Fitting things.", "primary_focus: [unclosed"), "not valid YAML", 7),
    ("tab-indent", sub("  - name: Test Writer", "\t- name: Test Writer"), "indented with a tab", 13),
    ("non-utf8", lambda t: t.replace("Body.", "Caf\udce9 body.").encode("utf-8", "surrogateescape"), "not UTF-8", 31),
    ("empty-file", lambda t: "", "does not start with front matter", 1),
    ("unclosed-front-matter", sub("---\n\n# First", "\n# First"), "front matter is never closed", 1),
    ("near-miss-key", sub("title: First scenario", "titel: First scenario"), "did you mean `title`?", 3),
    ("wrong-type", sub("roles: [teacher, leader]", "roles: teacher"), "`roles` must be a list", 9),
    ("wrong-type-privacy", sub("deidentified: true", "deidentified: maybe"), "privacy.deidentified", 17),
    ("missing-field", sub("primary_focus: Fitting things.\n", ""), "required field `primary_focus` is missing", 2),
    ("unknown-level", sub("levels: [top-pair]", "levels: [top-piar]"), "did you mean 'top-pair'?", 8),
    ("unknown-role", sub("roles: [teacher, leader]", "roles: [teacher, leeder]"), "did you mean 'leader'?", 9),
    ("unknown-component", sub("## Beta", "## Betta"), "did you mean 'Beta'?", 38),
    ("duplicate-section", sub("## Beta", "## Alpha"), "'Alpha' has a second section", 38),
    ("bad-licence", sub("license: TOY-1.0", "license: all rights reserved"), "license", 15),
    ("yaml-alias", sub("levels: [top-pair]", "levels: &x [top-pair]"), "anchor or alias", 8),
    ("script-tag", sub("Body.", "Body.\n\n<script>alert(1)</script>"), "raw HTML is not allowed", 33),
    ("inline-html", sub("Body.", 'Body <img src=x onerror="alert(1)">.'), "raw HTML", 31),
    ("javascript-link", sub("Body.", "Body [x](javascript:alert(1))."), "`javascript:`", 31),
    ("data-link", sub("Body.", "Body [x](data:text/html;base64,PHNjcmlwdD4=)."), "`data:`", 31),
    ("include-passwd", sub("Body.", "Body.\n\n```{include} /etc/passwd\n```"), "{include} is not allowed", 33),
    ("raw-directive", sub("Body.", "Body.\n\n```{raw} html\n<b>x</b>\n```"), "{raw} is not allowed", 33),
    ("eval-rst", sub("Body.", "Body.\n\n```{eval-rst}\n.. raw:: html\n```"), "{eval-rst} is not allowed", 33),
    ("nested-hostile", sub("Body.", "Body.\n\n:::{note}\n```{literalinclude} ../conf.py\n```\n:::"), "{literalinclude}", 34),
    ("image-outside", sub("Body.", "Body.\n\n![x](../../conf.png)"), "points outside scenarios/", 33),
    ("image-remote", sub("Body.", "Body.\n\n![x](https://tracker.example/x.png)"), "not a file in scenarios/", 33),
    ("huge-file", lambda t: t + "\n" + "word " * 60_000, "over the 195 KB limit", 1),
    ("personal-details", sub("Body.", "Ask principal Maria Lopez at maria@example.org."), "could identify someone", 31),
    ("summary-missing", sub(":::{enactment}\n:basis: reported\nFIRST-ALPHA summary.\n:::\n", ""), "has no {enactment} summary", 24),
    ("prompt-without-roles", sub(":roles: teacher\nFirst alpha", "First alpha"), "has no `:roles:`", 33),
]
