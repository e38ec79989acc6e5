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
from glassbox_handbook.words import _

_BAD_LINK = re.compile(r"\]\(\s*<?\s*(javascript|vbscript|data|file):|<(javascript|vbscript|data):", re.I)


class Parsed(NamedTuple):
    scenario: Scenario | None
    problems: list[Problem]


def _check_meta(meta: ScenarioMeta, lines: dict, path: str, fw: Framework, bib_keys: set[str] | None) -> list[Problem]:
    """Every front-matter value that names vocabulary, a source or the template's examples."""
    problems = []

    def at(*loc: object) -> tuple[int, int]:
        return lines.get(loc, lines.get(loc[:1], (1, 1)))

    # Each list field: the ids it may hold, what to write when it is empty, and what one unknown id is.
    checks = [("levels", set(fw.level_by_id), _("list at least one level: {ids}"), _("unknown level {id!r} in `{field}`")),
              ("roles", set(fw.role_by_id), _("list at least one role: {ids}"), _("unknown role {id!r} in `{field}`"))]
    if bib_keys is not None:
        checks.append(("sources", bib_keys, _("list at least one bibliography key: {ids}"),
                       _("unknown bibliography key {id!r} in `{field}`")))
    for fieldname, known, empty, unknown in checks:
        if not getattr(meta, fieldname):
            problems.append(Problem(path, *at(fieldname), _("`{field}` is empty").format(field=fieldname),
                                    empty.format(ids=", ".join(sorted(known)))))
        for i, value in enumerate(getattr(meta, fieldname)):
            if value not in known:
                hint = (_("use one of: {ids}").format(ids=", ".join(sorted(known))) if len(known) < 20
                        else _("check the spelling"))
                problems.append(Problem(path, *at(fieldname, i), unknown.format(id=value, field=fieldname),
                                        hint + did_you_mean(value, known)))
    if meta.origin not in fw.origin_by_id:
        known = set(fw.origin_by_id)
        problems.append(Problem(path, *at("origin"), _("unknown origin {id!r}").format(id=meta.origin),
                                _("use one of: {ids}").format(ids=", ".join(sorted(known))) + did_you_mean(meta.origin, known)))
    if meta.trajectory not in fw.trajectory_by_id:
        known = set(fw.trajectory_by_id)
        problems.append(Problem(path, *at("trajectory"), _("unknown trajectory {id!r}").format(id=meta.trajectory),
                                _("use one of: {ids}").format(ids=", ".join(sorted(known)))
                                + did_you_mean(meta.trajectory, known)))
    if meta.license != fw.licence.id:
        problems.append(Problem(path, *at("license"), _("`{field}` must be {licence}, not {value!r}").format(
            field="license", licence=fw.licence.id, value=meta.license),
            _("the handbook publishes every scenario under {name}; write `{line}`").format(
                name=fw.licence.name, line=f"license: {fw.licence.id}")))
    if not meta.privacy.deidentified:
        problems.append(Problem(path, *at("privacy", "deidentified"), _("the account is not yet confirmed as de-identified"),
                                _("take out every name of a person, school, district or university (write \"a mentor "
                                  "teacher\", \"a partner district\"), then set `{line}`").format(line="deidentified: true")))
    for i, person in enumerate(meta.contributors):
        if person.name == EXAMPLE.contributor or person.orcid == EXAMPLE.orcid:
            problems.append(Problem(path, *at("contributors", i), _("the contributor is still the template's example"),
                                    _("put your own name (and your ORCID iD, or delete the orcid line)")))
    if meta.title == EXAMPLE.title:
        problems.append(Problem(path, *at("title"), _("the title is still the template's example"),
                                _("give the scenario its own title")))
    stem = Path(path).stem
    if stem != meta.id and not stem.startswith("_"):
        problems.append(Problem(path, *at("id"), _("the id {id!r} differs from the file name {stem!r}").format(
            id=meta.id, stem=stem), _("rename the file to {file} or set `{line}`").format(file=f"{meta.id}.md",
                                                                                        line=f"id: {stem}")))
    return problems


def _example_start(example: str) -> re.Pattern[str]:
    return re.compile(r"^[ \t]*" + r"\s+".join(map(re.escape, example.split()[:6])), re.M)


_EXAMPLES = tuple((what, _example_start(text)) for what, text in
                  (("summary", EXAMPLE.summary), ("story", EXAMPLE.story), ("prompt", EXAMPLE.prompt)))


def _example_words() -> dict[str, tuple[str, str]]:
    """(what is wrong, how to fix it) for each example paragraph of the template, in the project's language."""
    return {"summary": (_("the summary is still the template's example"), _("write your own summary in its place")),
            "story": (_("the story is still the template's example"), _("write your own story in its place")),
            "prompt": (_("the prompt is still the template's example"), _("write your own prompt in its place"))}


def _examples_left(text: str, path: str) -> list[Problem]:
    """The template's example paragraphs that a scenario still holds, each at its first line."""
    words = _example_words()
    return [Problem(path, text.count("\n", 0, m.start()) + 1, 1, *words[what])
            for what, pattern in _EXAMPLES for m in pattern.finditer(text)]


def read_source(file: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """Read a scenario file as UTF-8 (a byte-order mark is tolerated, as Sphinx does)."""
    raw = file.read_bytes()
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(shown, line, col, _("the file is not UTF-8 text (byte {byte} cannot be read)").format(
            byte=f"0x{raw[exc.start]:02x}"), _("save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)"))]


def _privacy(text: str, path: str, fw: Framework, meta: ScenarioMeta | None, authors: frozenset[str]) -> list[Problem]:
    """Every detail that could identify a person or a site, with how to reword it (glassbox_handbook.privacy.scan)."""
    pseudonyms = meta.privacy.pseudonyms if meta is not None else ()
    allowed = fw.words | authors | allowance(pseudonyms)
    return [Problem(path, line, f.col, describe(f), fix(f), identifying=True)
            for line, f in scan(text, split_front_matter(text)[1], allowed, pseudonyms, PROSE_FIELDS)]


def _uncited(sections: list, path: str, fw: Framework) -> list[Problem]:
    """A section whose basis says it follows a source (`cited: true` in the framework file) must cite one."""
    return [Problem(path, s.enactment.line, 1,
                    _("the section {name!r} is marked `{basis}` but cites no source").format(
                        name=fw.component_by_id[s.component].name, basis=s.enactment.basis),
                    _("cite the source with {role} in the section, or mark the section `{basis}` if it is your own "
                      "reading").format(role="{cite:p}`key`", basis="interpretation"))
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
        return Parsed(None, [Problem(path, 1, 1, _("the file is {size} KB, over the {limit} KB limit").format(
            size=size // 1024, limit=rules.max_file_bytes // 1024), _("split it into two scenarios or shorten it"))])
    meta, lines, fm_problems = parse_front_matter(text, path)
    problems += fm_problems
    if meta is not None:
        problems += _check_meta(meta, lines, path, fw, bib_keys)

    problems += _privacy(text, path, fw, meta, authors)
    # markdown-it silently turns script-bearing links into text; say so instead.
    for number, line in enumerate(text.split("\n"), 1):
        m = _BAD_LINK.search(line)
        if m:
            problems.append(Problem(path, number, m.start() + 1, _("the link uses `{scheme}:`, which is not allowed").format(
                scheme=(m.group(1) or m.group(2)).lower()), _("link to a web page (https://…) or to another page of the handbook")))

    problems += _examples_left(text, path)
    walker = BodyWalker(path, fw, bib_keys, rules)
    walker.walk(parser().parse(text))
    problems += walker.problems
    if walker.h1 is None:
        problems.append(Problem(path, split_front_matter(text)[1], 1, _("the scenario has no title"),
                                _("add a line `# Title` after the front matter")))
    enacted = [s for s in walker.sections if s.component]
    if not enacted and not problems:
        problems.append(Problem(path, split_front_matter(text)[1], 1, _("the scenario enacts no component"),
                                _("add at least one `##` section named after a component")))
    for section in enacted:
        name = fw.component_by_id[section.component].name
        if section.enactment is None:
            problems.append(Problem(path, section.line, 1, _("the section {name!r} has no {{enactment}} summary").format(
                name=name), _("start the section with an ```{{enactment}}``` block (see {template})").format(
                    template="scenarios/_template.md")))
        if not section.prompts:
            problems.append(Problem(path, section.line, 1, _("the section {name!r} has no design prompt").format(name=name),
                                    _("add at least one {design-prompt} block to the section")))
    problems += _uncited(enacted, path, fw)
    problems.sort(key=lambda p: (p.line, p.col))
    if problems or meta is None:
        return Parsed(None, problems)
    return Parsed(Scenario(path, meta, tuple(s.done() for s in walker.sections)), [])
