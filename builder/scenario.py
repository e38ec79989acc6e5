"""The scenario format: front matter model and body structure.

One function, `parse_scenario`, is used both while Sphinx reads a scenario
and by `python -m builder check`, so the two can never disagree about what a
valid scenario is. It works on the Markdown source with the same markdown-it
parser MyST uses, which gives exact line numbers for every problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .framework import Framework, _fold, did_you_mean
from .problems import Problem, pydantic_problems
from .safety import SafetyRules, check_image, check_link, privacy_findings

MYST_EXTENSIONS = frozenset({"colon_fence", "deflist"})

_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_ORCID = r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$"
_OPTION = re.compile(r"^:([A-Za-z][\w-]*):(?:\s+(.*))?$")
_BAD_LINK = re.compile(r"\]\(\s*<?\s*(javascript|vbscript|data|file):|<(javascript|vbscript|data):", re.I)


# -- front matter ----------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Contributor(_Strict):
    name: str = Field(min_length=1, description="How the contributor wants to be credited.")
    orcid: str | None = Field(default=None, pattern=_ORCID, description="Optional ORCID iD, e.g. 0000-0002-1825-0097.")


class Privacy(_Strict):
    deidentified: Literal[True] = Field(description="The account names no person, school or district that could be identified.")
    consent: Literal["obtained", "not-needed"] = Field(description="Whether consent was obtained from the people described.")


class ScenarioMeta(_Strict):
    """The YAML front matter of a scenario file."""

    id: str = Field(pattern=_ID, description="Unique id; lower case, digits and hyphens; same as the file name.")
    title: str = Field(min_length=1)
    felt_difficulty: str = Field(min_length=1, title="Felt difficulty or problem of practice", description="What people felt was not working, in their own terms (one or two sentences; the first column of the paper's Table 2).")
    collaborative_project: str = Field(min_length=1, title="Collaborative project that emerged", description="The joint project that grew out of the difficulty.")
    primary_focus: str = Field(min_length=1, title="Primary focus of collaboration", description="What the collaboration concentrated on.")
    illustrative_evidence: str = Field(min_length=1, title="Illustrative evidence", description="What people said, made or did that shows the learning.")
    levels: list[str] = Field(min_length=1, description="SRLC level ids from the framework file.")
    roles: list[str] = Field(min_length=1, description="Role ids from the framework file.")
    trajectory: str = Field(description="Trajectory id from the framework file.")
    sources: list[str] = Field(min_length=1, description="Bibliography keys from references.bib.")
    contributors: list[Contributor] = Field(min_length=1)
    license: Literal["CC-BY-4.0"] = Field(description="Content licence; the handbook publishes under CC BY 4.0.")
    status: Literal["draft", "reviewed"] = "draft"
    privacy: Privacy


# -- body ------------------------------------------------------------------


@dataclass
class Prompt:
    text: str
    roles: list[str]
    line: int


@dataclass
class Enactment:
    summary: str
    basis: str
    line: int


@dataclass
class Section:
    title: str
    line: int
    component: str | None = None
    enactment: Enactment | None = None
    prompts: list[Prompt] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    broken: bool = False  # the heading was refused; later blocks in it are not reported again


@dataclass
class Scenario:
    path: str
    meta: ScenarioMeta
    sections: list[Section]

    @property
    def components(self) -> list[str]:
        return [s.component for s in self.sections if s.component]


@dataclass
class Parsed:
    scenario: Scenario | None
    problems: list[Problem]


_MD = None
# Example values of scenarios/_template.md: a scenario that still holds them is not filled in.
TEMPLATE_NAMES = frozenset({"Your Name"})
TEMPLATE_ORCID = "0000-0000-0000-0000"
TEMPLATE_TITLE = "A short title that names the problem of practice"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same results, much faster
_NEEDS_WALK = frozenset("<{[!`:&")


def _parser():
    global _MD
    if _MD is None:
        _MD = create_md_parser(MdParserConfig(enable_extensions=set(MYST_EXTENSIONS)), RendererHTML)
    return _MD


def split_front_matter(text: str) -> tuple[str | None, int]:
    """Return the YAML text between the leading `---` lines and the line after it."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, 1
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return "\n".join(lines[1:i]), i + 2
    return "\n".join(lines[1:]), len(lines) + 1


def _closed(text: str) -> bool:
    return any(line.strip() in ("---", "...") for line in text.split("\n")[1:])


def _line_map(node: yaml.Node, loc: tuple = ()) -> dict[tuple, tuple[int, int]]:
    """Map each value's location to its (line, col), 1-based, in the file (offset 1 for `---`)."""
    out = {loc: (node.start_mark.line + 2, node.start_mark.column + 1)}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            out.update(_line_map(value, (*loc, key.value)))
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            out.update(_line_map(value, (*loc, i)))
    return out


def parse_front_matter(text: str, path: str) -> tuple[ScenarioMeta | None, dict, list[Problem]]:
    fm, _ = split_front_matter(text)
    if fm is None:
        return None, {}, [Problem(path, 1, 1, "the file does not start with front matter",
                                  "begin the file with a line `---`, the fields of scenarios/_template.md, and `---`")]
    if not _closed(text):
        return None, {}, [Problem(path, 1, 1, "the front matter is never closed",
                                  "add a line `---` after the last field, before the `# Title`")]
    tabbed = next((i for i, line in enumerate(fm.split("\n"), 2) if line.startswith("\t") or line.lstrip(" ").startswith("\t")), 0)
    if tabbed:
        return None, {}, [Problem(path, tabbed, 1, "the front matter is indented with a tab",
                                  "indent with spaces, not tabs (YAML does not allow tabs)")]
    try:
        # Anchors and aliases could make validation explode (a "billion laughs"); a
        # cheap look for & or * comes first, the exact token scan only when needed.
        for token in yaml.scan(fm, Loader=_LOADER) if ("&" in fm or "*" in fm) else ():
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                return None, {}, [Problem(path, token.start_mark.line + 2, token.start_mark.column + 1,
                                          "the front matter uses a YAML anchor or alias (& or *)",
                                          "write each value out in full; put quotes around text that starts with & or *")]
        loader = _LOADER(fm)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = ((mark.line + 2), (mark.column + 1)) if mark else (1, 1)
        what = getattr(exc, "problem", None) or "cannot be read"
        return None, {}, [Problem(path, line, col, f"the front matter is not valid YAML ({what})",
                                  "check indentation, and put quotes around a value that contains a colon")]
    if not isinstance(data, dict) or node is None:
        return None, {}, [Problem(path, 2, 1, "the front matter must be a list of `field: value` lines",
                                  "copy the fields from scenarios/_template.md")]
    lines = _line_map(node)
    try:
        return ScenarioMeta.model_validate(data), lines, []
    except ValidationError as exc:
        exc._glassbox_model = ScenarioMeta  # lets the message list the fields that are allowed there
        return None, lines, pydantic_problems(exc, path, lines, "see scenarios/_template.md for the expected form")


def _check_ids(meta: ScenarioMeta, lines: dict, path: str, fw: Framework, bib_keys: set[str] | None) -> list[Problem]:
    problems = []
    checks = [
        ("levels", set(fw.level_by_id), "level"),
        ("roles", set(fw.role_by_id), "role"),
    ]
    if bib_keys is not None:
        checks.append(("sources", bib_keys, "bibliography key"))
    for fieldname, known, what in checks:
        for i, value in enumerate(getattr(meta, fieldname)):
            if value not in known:
                line, col = lines.get((fieldname, i), lines.get((fieldname,), (1, 1)))
                hint = "use one of: " + ", ".join(sorted(known)) if len(known) < 20 else "check the spelling"
                problems.append(Problem(path, line, col, f"unknown {what} {value!r} in `{fieldname}`",
                                        hint + did_you_mean(value, known)))
    if meta.trajectory not in fw.trajectory_by_id:
        line, col = lines.get(("trajectory",), (1, 1))
        known = set(fw.trajectory_by_id)
        problems.append(Problem(path, line, col, f"unknown trajectory {meta.trajectory!r}",
                                "use one of: " + ", ".join(sorted(known)) + did_you_mean(meta.trajectory, known)))
    for i, person in enumerate(meta.contributors):
        if person.name in TEMPLATE_NAMES or person.orcid == TEMPLATE_ORCID:
            line, col = lines.get(("contributors", i), (1, 1))
            problems.append(Problem(path, line, col, "the contributor is still the template's example",
                                    "put your own name (and your ORCID iD, or delete the orcid line)"))
    if meta.title == TEMPLATE_TITLE:
        line, col = lines.get(("title",), (1, 1))
        problems.append(Problem(path, line, col, "the title is still the template's example", "give the scenario its own title"))
    stem = Path(path).stem
    if stem != meta.id and not stem.startswith("_"):
        line, col = lines.get(("id",), (1, 1))
        problems.append(Problem(path, line, col, f"the id {meta.id!r} differs from the file name {stem!r}",
                                f"rename the file to {meta.id}.md or set `id: {stem}`"))
    return problems


def _options(content: str) -> tuple[dict[str, str], str, int]:
    """Split `:key: value` option lines from a directive body; return (options, body, option line count)."""
    opts: dict[str, str] = {}
    lines = content.split("\n")
    n = 0
    while n < len(lines):
        m = _OPTION.match(lines[n].strip())
        if not m:
            break
        opts[m.group(1)] = (m.group(2) or "").strip()
        n += 1
    return opts, "\n".join(lines[n:]).strip(), n


def _inline_text(token) -> str:
    return "".join(c.content for c in (token.children or []) if c.type in ("text", "code_inline", "myst_role")).strip()


class _BodyWalker:
    """Walk the token stream once, building sections and collecting problems."""

    def __init__(self, path: str, fw: Framework, bib_keys: set[str] | None, rules: SafetyRules):
        self.path, self.fw, self.bib_keys, self.rules = path, fw, bib_keys, rules
        self.problems: list[Problem] = []
        self.sections: list[Section] = []
        self.h1: str | None = None

    def error(self, line: int, message: str, fix: str = "", col: int = 1) -> None:
        self.problems.append(Problem(self.path, line, col, message, fix))

    @property
    def current(self) -> Section | None:
        return self.sections[-1] if self.sections else None

    def walk(self, tokens, offset: int = 0, nested: bool = False) -> None:
        heading_level = None
        for tok in tokens:
            line = (tok.map[0] + 1 + offset) if tok.map else offset + 1
            if tok.type == "heading_open":
                heading_level, heading_line = int(tok.tag[1]), line
            elif tok.type == "inline" and heading_level is not None:
                self.heading(heading_level, _inline_text(tok), heading_line, nested)
                self.inline(tok, heading_line)
                heading_level = None
            elif tok.type == "inline":
                self.inline(tok, line)
            elif tok.type in ("html_block",):
                self.error(line, "raw HTML is not allowed in a scenario",
                           "write it in Markdown; for emphasis use *text*, for a list use - item")
            elif tok.type in ("fence", "colon_fence") and tok.info.strip().startswith("{"):
                self.directive(tok, line)

    def heading(self, level: int, text: str, line: int, nested: bool) -> None:
        if nested:
            self.error(line, "headings are not allowed inside a directive", "move the heading out of the block")
        elif level == 1:
            if self.h1 is not None:
                self.error(line, f"a second top-level title {text!r}", "use `##` for sections; a scenario has one `#` title")
            self.h1 = text
        elif level == 2:
            component = self.fw.component_by_heading.get(_fold(text))
            allowed = {_fold(s) for s in self.fw.scenario_sections}
            if component is None and _fold(text) not in allowed:
                names = [c.name for c in self.fw.components] + list(self.fw.scenario_sections)
                self.error(line, f"the section {text!r} names no component",
                           "a `##` heading must be a component name (" + ", ".join(c.name for c in self.fw.components)
                           + ") or one of: " + ", ".join(self.fw.scenario_sections) + did_you_mean(text, names))
            if component and component.id in [s.component for s in self.sections]:
                self.error(line, f"the component {component.name!r} has a second section",
                           "merge the two sections into one")
                self.sections.append(Section(title=text, line=line, broken=True))
                return
            self.sections.append(Section(title=text, line=line, component=component.id if component else None,
                                         broken=component is None and _fold(text) not in allowed))
        elif self.current is None:
            self.error(line, f"the heading {text!r} comes before the first `##` section", "make it a `##` section")

    def inline(self, tok, line: int) -> None:
        for child in tok.children or []:
            if child.type == "html_inline":
                self.error(line, f"raw HTML {child.content!r} is not allowed in a scenario",
                           "write it in Markdown; for emphasis use *text*")
            elif child.type == "myst_role":
                self.role(child.meta.get("name", ""), child.content, line)
            elif child.type == "link_open":
                problem = check_link(child.attrs.get("href", ""))
                if problem:
                    self.error(line, problem[0], problem[1])
            elif child.type == "image":
                problem = check_image(child.attrs.get("src", ""), self.path, self.rules)
                if problem:
                    self.error(line, problem[0], problem[1])

    def role(self, name: str, content: str, line: int) -> None:
        if name not in self.rules.allowed_roles:
            self.error(line, f"the role {{{name}}} is not allowed in a scenario",
                       "allowed roles: " + ", ".join(sorted(self.rules.allowed_roles))
                       + did_you_mean(name, self.rules.allowed_roles))
        elif name == "term":
            _, concept, hint = self.fw.resolve_term(content)
            if concept is None:
                self.error(line, f"{{term}}`{content}` names no concept",
                           "use a concept's name or one of its terms from the framework file, or {term}`text <concept-id>`"
                           + hint)
            elif self.current is not None:
                self.current.terms.append(concept.id)
        elif name.startswith("cite") and self.bib_keys is not None:
            for key in (k.strip() for k in content.split(",")):
                if key and key not in self.bib_keys:
                    self.error(line, f"unknown bibliography key {key!r}",
                               "add the work to handbook/references.bib or fix the key" + did_you_mean(key, self.bib_keys))

    def directive(self, tok, line: int) -> None:
        info = tok.info.strip()
        name = info[1:info.index("}")] if "}" in info else info[1:]
        if name not in self.rules.allowed_directives:
            self.error(line, f"the directive {{{name}}} is not allowed in a scenario",
                       "allowed: " + ", ".join(sorted(self.rules.allowed_directives))
                       + did_you_mean(name, self.rules.allowed_directives))
            return
        opts, body, n_opts = _options(tok.content)
        body_offset = (tok.map[0] + 1 if tok.map else 0) + n_opts
        if name == "enactment":
            self.enactment(opts, body, line)
        elif name == "design-prompt":
            self.prompt(opts, body, line)
        if "target" in opts:
            problem = check_link(opts["target"])
            if problem:
                self.error(line, problem[0], problem[1])
        if name in ("image", "figure"):
            arg = info[info.index("}") + 1:].strip()
            problem = check_image(arg, self.path, self.rules)
            if problem:
                self.error(line, problem[0], problem[1])
        if not _NEEDS_WALK.isdisjoint(body):  # plain prose holds nothing to check
            self.walk(_parser().parse(body), offset=body_offset, nested=True)

    def enactment(self, opts: dict[str, str], body: str, line: int) -> None:
        section = self.current
        if section is not None and section.broken:
            return  # the heading is already reported; one message per mistake
        if section is None or section.component is None:
            self.error(line, "an {enactment} block is outside a component section",
                       "put it first in a `##` section named after a component")
            return
        if section.enactment is not None:
            self.error(line, "a second {enactment} block in this section", "keep one summary per component section")
            return
        basis = opts.get("basis", "")
        if basis not in self.fw.basis_by_id:
            known = set(self.fw.basis_by_id)
            self.error(line, f"the {{enactment}} block needs `:basis:` set to one of {', '.join(sorted(known))}"
                       + (f", not {basis!r}" if basis else ""),
                       "use `reported` when the section follows a cited source, `interpretation` otherwise"
                       + (did_you_mean(basis, known) if basis else ""))
        summary = " ".join(body.split())
        if not summary:
            self.error(line, "the {enactment} block has no summary", "write one sentence under the `:basis:` line")
        elif len(summary.split()) > 60:
            self.error(line, f"the summary has {len(summary.split())} words", "keep it to one sentence of at most 60 words")
        section.enactment = Enactment(summary=summary, basis=basis, line=line)

    def prompt(self, opts: dict[str, str], body: str, line: int) -> None:
        roles = [r.strip() for r in opts.get("roles", "").split(",") if r.strip()]
        if not roles:
            self.error(line, "the {design-prompt} has no `:roles:`",
                       "add a line like `:roles: mentor-teacher, university-faculty` first in the block")
        for role in roles:
            if role not in self.fw.role_by_id:
                self.error(line, f"unknown role {role!r} in the design prompt",
                           "use role ids from the framework file" + did_you_mean(role, set(self.fw.role_by_id)))
        if not body.strip():
            self.error(line, "the {design-prompt} is empty", "write the question after the `:roles:` line")
        if self.current is None:
            self.error(line, "a design prompt comes before the first `##` section", "move it into a component section")
        else:
            self.current.prompts.append(Prompt(text=" ".join(body.split()), roles=roles, line=line))


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


def parse_scenario(text: str, path: str, fw: Framework, bib_keys: set[str] | None = None,
                   rules: SafetyRules | None = None) -> Parsed:
    """Validate one scenario file; return what it holds and every problem found."""
    rules = rules or SafetyRules()
    problems: list[Problem] = []
    size = len(text.encode("utf-8"))
    if size > rules.max_file_bytes:
        return Parsed(None, [Problem(path, 1, 1, f"the file is {size // 1024} KB, over the {rules.max_file_bytes // 1024} KB limit",
                                     "split it into two scenarios or shorten it")])
    meta, lines, fm_problems = parse_front_matter(text, path)
    problems += fm_problems
    if meta is not None:
        problems += _check_ids(meta, lines, path, fw, bib_keys)

    body_start = split_front_matter(text)[1]
    # markdown-it silently turns script-bearing links into text; say so instead.
    for number, line in enumerate(text.split("\n"), 1):
        if number >= body_start:
            for col, found, what in privacy_findings(line):
                problems.append(Problem(path, number, col, f"{found!r} looks like {what}, which could identify someone",
                                        "de-identify the account: use a role (\"a mentor teacher\") or a pseudonym instead"))
        m = _BAD_LINK.search(line)
        if m:
            problems.append(Problem(path, number, m.start() + 1, f"the link uses `{(m.group(1) or m.group(2)).lower()}:`, which is not allowed",
                                    "link to a web page (https://…) or to another page of the handbook"))

    walker = _BodyWalker(path, fw, bib_keys, rules)
    walker.walk(_parser().parse(text))
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
    problems.sort(key=lambda p: (p.line, p.col))
    if problems or meta is None:
        return Parsed(None, problems)
    return Parsed(Scenario(path=path, meta=meta, sections=walker.sections), [])
