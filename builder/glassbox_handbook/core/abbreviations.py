"""Spell out each abbreviation at its first use on a page, and find the ones nobody explained.

Every page is a door in from search, so a reader cannot be assumed to have
met the framework's short name on another page. The framework file lists the abbreviations the
handbook uses (`Framework.expansions`); here a page's doctree is walked in
reading order and, where a listed abbreviation first appears in running
text before its long form has, it becomes an `abbreviation` node (HTML
`<abbr title>`) followed by its long form in brackets, visible to every
reader and not only to those who can hover. A capitalised abbreviation the
file does not list is returned, with its node, so the build can warn with
the file and line. Docutils only: the HTML builder and the PDF builders
share it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from docutils import nodes

# Two or more capitals, optionally a plural "s": ABC, ABCs. Not inside a longer word or a file name.
_TOKEN = re.compile(r"(?<![\w.@/-])([A-Z][A-Z]+s?)(?![\w@/]|\.\w)")
# Text where nothing is rewritten: headings (they are also the page's outline and title), code, raw markup.
_SKIP = (nodes.title, nodes.subtitle, nodes.literal, nodes.literal_block, nodes.raw, nodes.abbreviation,
         nodes.comment, nodes.target, nodes.substitution_definition, nodes.option_string,
         nodes.citation, nodes.footnote)  # a reference list cites titles and publishers as printed
EXPANSION_CLASS = "gb-expansion"


def _text_nodes(node: nodes.Node, skip: bool = False) -> Iterator[tuple[nodes.Text, bool]]:
    """Each text node in reading order, and whether it sits where nothing may be rewritten."""
    if isinstance(node, nodes.Text):
        yield node, skip
        return
    skip = skip or isinstance(node, _SKIP) or "gb-no-abbr" in getattr(node, "get", lambda *_: [])("classes", [])
    for child in list(node.children):
        yield from _text_nodes(child, skip)


def _line(node: nodes.Node) -> tuple[str, int]:
    """The file and line a text node came from, when it came from a file (generated text has none)."""
    parent = node.parent
    while parent is not None and not parent.line and not isinstance(parent, nodes.document):
        parent = parent.parent
    if parent is None or isinstance(parent, nodes.document) or not parent.source:
        return "", 0
    return parent.source, parent.line or 0


def spell_out(document: nodes.Node, expansions: dict[str, str]) -> list[tuple[str, str, int]]:
    """Mark each listed abbreviation's first use on the page with its long form.

    Returns the unlisted abbreviations met in text written in a file, as (abbreviation, source, line),
    once each, for the build's warning.
    """
    met: set[str] = set()  # abbreviations already spelt out or already met in their long form
    longs = {short: re.compile(re.escape(long), re.I) for short, long in expansions.items()}
    # The listed ones, longest first, so that "CC BY" is read as one before "CC" alone.
    listed = re.compile(r"(?<![\w.@/-])(" + "|".join(re.escape(s) for s in sorted(expansions, key=len, reverse=True))
                        + r")(?![\w@/]|\.\w)") if expansions else None
    unknown: dict[str, tuple[str, str, int]] = {}
    for text, skip in _text_nodes(document):
        value = str(text)
        for short, long in longs.items():
            if short not in met and long.search(value):
                met.add(short)
        if skip:
            continue
        found = list(listed.finditer(value)) if listed else []
        spans = [m.span() for m in found]
        for m in _TOKEN.finditer(value):
            if m.group(1) not in expansions and not any(a <= m.start() < b for a, b in spans):
                source, line = _line(text)
                if source and m.group(1) not in unknown:
                    unknown[m.group(1)] = (m.group(1), source, line)
        parts: list[nodes.Node] = []
        at = 0
        for m in found:
            word = m.group(1)
            if word in met:
                continue
            met.add(word)
            end = m.end()
            possessive = re.match(r"[’']s\b", value[end:])
            if possessive:
                end += possessive.end()
            parts += [nodes.Text(value[at:m.start()]),
                      nodes.abbreviation(value[m.start():end], value[m.start():end], explanation=expansions[word]),
                      nodes.inline("", f" ({expansions[word]})", classes=[EXPANSION_CLASS])]
            at = end
        if parts:
            parts.append(nodes.Text(value[at:]))
            text.parent.replace(text, [p for p in parts if not (isinstance(p, nodes.Text) and not str(p))])
    return list(unknown.values())


def link_phrases(document: nodes.Node, targets: dict[str, str]) -> None:
    """Make each phrase of `targets` (e.g. "Table 2") a link to its address wherever running text names it
    outside a link, a heading or code: a reader without the paper reaches the handbook's own page for it."""
    if not targets:
        return
    pattern = re.compile(r"\b(" + "|".join(re.escape(p) for p in sorted(targets, key=len, reverse=True)) + r")\b")
    for text, skip in list(_text_nodes(document)):
        if skip or any(isinstance(a, (nodes.reference, nodes.title)) for a in _ancestors(text)):
            continue
        value = str(text)
        parts: list[nodes.Node] = []
        at = 0
        for m in pattern.finditer(value):
            parts += [nodes.Text(value[at:m.start()]),
                      nodes.reference(m.group(1), m.group(1), refuri=targets[m.group(1)], internal=True)]
            at = m.end()
        if parts:
            parts.append(nodes.Text(value[at:]))
            text.parent.replace(text, [p for p in parts if not (isinstance(p, nodes.Text) and not str(p))])


def _ancestors(node: nodes.Node) -> Iterator[nodes.Node]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent
