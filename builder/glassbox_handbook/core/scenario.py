"""The scenario format: one function that says whether a scenario file is valid.

`parse_scenario` is used both while Sphinx reads a scenario and by
`python -m glassbox_handbook check`, so the two can never disagree about what a valid
scenario is. It reads the front matter (`glassbox_handbook.core.frontmatter`), walks the
body once (`glassbox_handbook.core.body`), checks every value that names the framework's
vocabulary against the framework file, and returns a typed `Scenario`
(`glassbox_handbook.core.model`) or the problems, each with its file, line and column.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from glassbox_handbook.core.body import BodyWalker, parser
from glassbox_handbook.core.framework import Framework, did_you_mean
from glassbox_handbook.core.frontmatter import PROSE_FIELDS, ScenarioMeta, parse_front_matter, split_front_matter
from glassbox_handbook.core.model import Scenario
from glassbox_handbook.core.problems import Problem
from glassbox_handbook.core.safety import SafetyRules
from glassbox_handbook.core.skeleton import EXAMPLE
from glassbox_handbook.privacy.advice import describe, fix
from glassbox_handbook.privacy.scan import allowance, scan

_BAD_LINK = re.compile(r"\]\(\s*<?\s*(javascript|vbscript|data|file):|<(javascript|vbscript|data):", re.I)


class Parsed(NamedTuple):
    scenario: Scenario | None
    problems: list[Problem]


def _check_meta(meta: ScenarioMeta, lines: dict, path: str, fw: Framework, bib_keys: set[str] | None) -> list[Problem]:
    """Every front-matter value that names vocabulary, a source or the template's examples."""
    problems = []

    def at(*loc: object) -> tuple[int, int]:
        return lines.get(loc, lines.get(loc[:1], (1, 1)))

    checks = [("levels", set(fw.level_by_id), "level"), ("roles", set(fw.role_by_id), "role")]
    if bib_keys is not None:
        checks.append(("sources", bib_keys, "bibliography key"))
    for fieldname, known, what in checks:
        if not getattr(meta, fieldname):
            problems.append(Problem(path, *at(fieldname), f"`{fieldname}` is empty",
                                    f"list at least one {what}: " + ", ".join(sorted(known))))
        for i, value in enumerate(getattr(meta, fieldname)):
            if value not in known:
                hint = "use one of: " + ", ".join(sorted(known)) if len(known) < 20 else "check the spelling"
                problems.append(Problem(path, *at(fieldname, i), f"unknown {what} {value!r} in `{fieldname}`",
                                        hint + did_you_mean(value, known)))
    if meta.origin not in fw.origin_by_id:
        known = set(fw.origin_by_id)
        problems.append(Problem(path, *at("origin"), f"unknown origin {meta.origin!r}",
                                "use one of: " + ", ".join(sorted(known)) + did_you_mean(meta.origin, known)))
    if meta.trajectory not in fw.trajectory_by_id:
        known = set(fw.trajectory_by_id)
        problems.append(Problem(path, *at("trajectory"), f"unknown trajectory {meta.trajectory!r}",
                                "use one of: " + ", ".join(sorted(known)) + did_you_mean(meta.trajectory, known)))
    if meta.license != fw.licence.id:
        problems.append(Problem(path, *at("license"), f"`license` must be {fw.licence.id}, not {meta.license!r}",
                                f"the handbook publishes every scenario under {fw.licence.name}; write `license: {fw.licence.id}`"))
    if not meta.privacy.deidentified:
        problems.append(Problem(path, *at("privacy", "deidentified"), "the account is not yet confirmed as de-identified",
                                "take out every name of a person, school, district or university (write \"a mentor teacher\", "
                                "\"a partner district\"), then set `deidentified: true`"))
    for i, person in enumerate(meta.contributors):
        if person.name == EXAMPLE.contributor or person.orcid == EXAMPLE.orcid:
            problems.append(Problem(path, *at("contributors", i), "the contributor is still the template's example",
                                    "put your own name (and your ORCID iD, or delete the orcid line)"))
    if meta.title == EXAMPLE.title:
        problems.append(Problem(path, *at("title"), "the title is still the template's example", "give the scenario its own title"))
    stem = Path(path).stem
    if stem != meta.id and not stem.startswith("_"):
        problems.append(Problem(path, *at("id"), f"the id {meta.id!r} differs from the file name {stem!r}",
                                f"rename the file to {meta.id}.md or set `id: {stem}`"))
    return problems


def _example_start(example: str) -> re.Pattern[str]:
    return re.compile(r"^[ \t]*" + r"\s+".join(map(re.escape, example.split()[:6])), re.M)


_EXAMPLES = tuple((what, _example_start(text)) for what, text in
                  (("summary", EXAMPLE.summary), ("story", EXAMPLE.story), ("prompt", EXAMPLE.prompt)))


def _examples_left(text: str, path: str) -> list[Problem]:
    """The template's example paragraphs that a scenario still holds, each at its first line."""
    return [Problem(path, text.count("\n", 0, m.start()) + 1, 1, f"the {what} is still the template's example",
                    f"write your own {what} in its place")
            for what, pattern in _EXAMPLES for m in pattern.finditer(text)]


def read_source(file: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """Read a scenario file as UTF-8 (a byte-order mark is tolerated, as Sphinx does)."""
    raw = file.read_bytes()
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(shown, line, col, f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} cannot be read)",
                              "save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)")]


def _privacy(text: str, path: str, fw: Framework, meta: ScenarioMeta | None, authors: frozenset[str]) -> list[Problem]:
    """Every detail that could identify a person or a site, with how to reword it (glassbox_handbook.privacy.scan)."""
    pseudonyms = meta.privacy.pseudonyms if meta is not None else ()
    allowed = fw.words | authors | allowance(pseudonyms)
    return [Problem(path, line, f.col, describe(f), fix(f))
            for line, f in scan(text, split_front_matter(text)[1], allowed, pseudonyms, PROSE_FIELDS)]


def _uncited(sections: list, path: str, fw: Framework) -> list[Problem]:
    """A section whose basis says it follows a source (`cited: true` in the framework file) must cite one."""
    return [Problem(path, s.enactment.line, 1,
                    f"the section {fw.component_by_id[s.component].name!r} is marked `{s.enactment.basis}` but cites no source",
                    "cite the source with {cite:p}`key` in the section, or mark the section `interpretation` "
                    "if it is your own reading")
            for s in sections if s.enactment is not None and s.enactment.basis in fw.basis_by_id
            and fw.basis_by_id[s.enactment.basis].cited and not s.cited]


def parse_scenario(text: str, path: str, fw: Framework, bib_keys: set[str] | None = None,
                   rules: SafetyRules | None = None, authors: frozenset[str] = frozenset()) -> Parsed:
    """Validate one scenario file; return what it holds and every problem found.

    `authors`: the capitalised words of the bibliography's names (`loader.bib_names`), never taken for a
    person to protect.
    """
    rules = rules or SafetyRules()
    problems: list[Problem] = []
    size = len(text.encode("utf-8"))
    if size > rules.max_file_bytes:
        return Parsed(None, [Problem(path, 1, 1, f"the file is {size // 1024} KB, over the {rules.max_file_bytes // 1024} KB limit",
                                     "split it into two scenarios or shorten it")])
    meta, lines, fm_problems = parse_front_matter(text, path)
    problems += fm_problems
    if meta is not None:
        problems += _check_meta(meta, lines, path, fw, bib_keys)

    problems += _privacy(text, path, fw, meta, authors)
    # markdown-it silently turns script-bearing links into text; say so instead.
    for number, line in enumerate(text.split("\n"), 1):
        m = _BAD_LINK.search(line)
        if m:
            problems.append(Problem(path, number, m.start() + 1, f"the link uses `{(m.group(1) or m.group(2)).lower()}:`, which is not allowed",
                                    "link to a web page (https://…) or to another page of the handbook"))

    problems += _examples_left(text, path)
    walker = BodyWalker(path, fw, bib_keys, rules)
    walker.walk(parser().parse(text))
    problems += walker.problems
    if walker.h1 is None:
        problems.append(Problem(path, split_front_matter(text)[1], 1, "the scenario has no title",
                                "add a line `# Title` after the front matter"))
    enacted = [s for s in walker.sections if s.component]
    if not enacted and not problems:
        problems.append(Problem(path, split_front_matter(text)[1], 1, "the scenario enacts no component",
                                "add at least one `##` section named after a component"))
    for section in enacted:
        name = fw.component_by_id[section.component].name
        if section.enactment is None:
            problems.append(Problem(path, section.line, 1, f"the section {name!r} has no {{enactment}} summary",
                                    "start the section with an ```{enactment}``` block (see scenarios/_template.md)"))
        if not section.prompts:
            problems.append(Problem(path, section.line, 1, f"the section {name!r} has no design prompt",
                                    "add at least one {design-prompt} block to the section"))
    problems += _uncited(enacted, path, fw)
    problems.sort(key=lambda p: (p.line, p.col))
    if problems or meta is None:
        return Parsed(None, problems)
    return Parsed(Scenario(path, meta, tuple(s.done() for s in walker.sections)), [])
