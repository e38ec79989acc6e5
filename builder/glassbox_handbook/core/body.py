"""A scenario's body: one walk over the markdown-it tokens, into typed sections.

The walk uses the parser MyST itself uses (same extensions), so what it
sees is what Sphinx will read, with an exact line for every problem. It
builds the sections, enactments, prompts and terms once; the build keeps
them (`glassbox_handbook.core.model`), and nothing downstream reads the headings again.
The checks of a basis and of prompt roles live here too, as functions, so
the directives apply exactly the same rules on the handbook's own pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

from glassbox_handbook.core.framework import Framework, did_you_mean, fold
from glassbox_handbook.core.model import Enactment, Prompt, Section
from glassbox_handbook.core.problems import Problem
from glassbox_handbook.core.safety import SafetyRules, check_image, check_link
from glassbox_handbook.words import _

MYST_EXTENSIONS = frozenset({"colon_fence", "deflist"})
_OPTION = re.compile(r"^:([A-Za-z][\w-]*):(?:\s+(.*))?$")
_NEEDS_WALK = frozenset("<{[!`:&")  # a directive body without these characters is plain prose
_INLINE_READ = frozenset("<{[")  # inline text without these holds no HTML, role, link or image
_MD: MarkdownIt | None = None


def _inline_where_read(state: StateCore) -> None:
    """markdown-it's `inline` rule, for the inline text the walk reads: a heading's (its words name
    the section) and any that holds `<`, `{` or `[`, without which it has no HTML, role, link or
    image to check. The rest of a scenario's prose is left unparsed (the inline parse was about a
    third of the whole)."""
    after_heading = False
    for token in state.tokens:
        if token.type == "inline" and (after_heading or not _INLINE_READ.isdisjoint(token.content)):
            if token.children is None:
                token.children = []
            state.md.inline.parse(token.content, state.md, state.env, token.children)
        after_heading = token.type == "heading_open"


def parser() -> MarkdownIt:
    global _MD
    if _MD is None:
        _MD = create_md_parser(MdParserConfig(enable_extensions=set(MYST_EXTENSIONS)), RendererHTML)
        # A table's cells are still read as inline text (roles, links and HTML in them are checked);
        # only their grid is not built, which no check needs and which costs a tenth of the walk.
        _MD.disable("table")
        _MD.disable("wordcount")  # MyST counts words for a substitution; nothing here reads the count
        _MD.core.ruler.at("inline", _inline_where_read)
    return _MD


def basis_problem(fw: Framework, basis: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) when `basis` is not one of the framework's bases."""
    if basis in fw.basis_by_id:
        return None
    known = set(fw.basis_by_id)
    ids = ", ".join(sorted(known))
    return ((_("the {{enactment}} block needs `:basis:` set to one of {ids}, not {value!r}").format(ids=ids, value=basis)
             if basis else _("the {{enactment}} block needs `:basis:` set to one of {ids}").format(ids=ids)),
            "; ".join(_("use `{id}` {when}").format(id=b.id, when=b.when) for b in fw.bases if b.when)
            + (did_you_mean(basis, known) if basis else ""))


def split_roles(text: str) -> tuple[str, ...]:
    return tuple(r.strip() for r in text.split(",") if r.strip())


def role_problems(fw: Framework, roles: tuple[str, ...]) -> list[tuple[str, str]]:
    """(what is wrong, how to fix it) for a design prompt's `:roles:`."""
    if not roles:
        return [(_("the {design-prompt} has no `:roles:`"),
                 _("add a line like `{line}` first in the block").format(
                     line=":roles: " + ", ".join(r.id for r in fw.roles[:2])))]
    return [(_("unknown role {id!r} in the design prompt").format(id=role),
             _("use role ids from the framework file") + did_you_mean(role, set(fw.role_by_id)))
            for role in roles if role not in fw.role_by_id]


@dataclass
class _Draft:
    """A section while the walk is in it."""

    title: str
    line: int
    component: str | None = None
    enactment: Enactment | None = None
    prompts: list[Prompt] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    broken: bool = False  # the heading was refused; later blocks in it are not reported again
    cited: bool = False  # a {cite:…} role with a key stands somewhere in the section

    def done(self) -> Section:
        return Section(self.title, self.line, self.component, self.enactment, tuple(self.prompts), tuple(self.terms))


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


class BodyWalker:
    """Walk the token stream once, building sections and collecting problems."""

    def __init__(self, path: str, fw: Framework, bib_keys: set[str] | None, rules: SafetyRules):
        self.path, self.fw, self.bib_keys, self.rules = path, fw, bib_keys, rules
        self.problems: list[Problem] = []
        self.sections: list[_Draft] = []
        self.h1: str | None = None

    def error(self, line: int, message: str, fix: str = "", col: int = 1) -> None:
        self.problems.append(Problem(self.path, line, col, message, fix))

    @property
    def current(self) -> _Draft | None:
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
                self.error(line, _("raw HTML is not allowed in a scenario"),
                           _("write it in Markdown; for emphasis use *text*, for a list use - item"))
            elif tok.type in ("fence", "colon_fence") and tok.info.strip().startswith("{"):
                self.directive(tok, line)

    def heading(self, level: int, text: str, line: int, nested: bool) -> None:
        if nested:
            self.error(line, _("headings are not allowed inside a directive"), _("move the heading out of the block"))
        elif level == 1:
            if self.h1 is not None:
                self.error(line, _("a second top-level title {text!r}").format(text=text),
                           _("use `##` for sections; a scenario has one `#` title"))
            self.h1 = text
        elif level == 2:
            component = self.fw.component_by_heading.get(fold(text))
            allowed = {fold(s) for s in self.fw.scenario_sections}
            if component is None and fold(text) not in allowed:
                names = [c.name for c in self.fw.components] + list(self.fw.scenario_sections)
                components = ", ".join(c.name for c in self.fw.components)
                fix = (_("a `##` heading must be a component name ({names}) or one of: {others}").format(
                    names=components, others=", ".join(self.fw.scenario_sections)) if self.fw.scenario_sections
                       else _("a `##` heading must be a component name ({names})").format(names=components))
                self.error(line, _("the section {text!r} names no component").format(text=text),
                           fix + did_you_mean(text, names))
            if component and component.id in [s.component for s in self.sections]:
                self.error(line, _("the component {name!r} has a second section").format(name=component.name),
                           _("merge the two sections into one"))
                self.sections.append(_Draft(title=text, line=line, broken=True))
                return
            self.sections.append(_Draft(title=text, line=line, component=component.id if component else None,
                                         broken=component is None and fold(text) not in allowed))
        elif self.current is None:
            self.error(line, _("the heading {text!r} comes before the first `##` section").format(text=text),
                       _("make it a `##` section"))

    def inline(self, tok, line: int) -> None:
        for child in tok.children or []:
            if child.type == "html_inline":
                self.error(line, _("raw HTML {html!r} is not allowed in a scenario").format(html=child.content),
                           _("write it in Markdown; for emphasis use *text*"))
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
            self.error(line, _("the role {{{name}}} is not allowed in a scenario").format(name=name),
                       _("allowed roles: {names}").format(names=", ".join(sorted(self.rules.allowed_roles)))
                       + did_you_mean(name, self.rules.allowed_roles))
        elif name == "concept":
            _shown, concept, hint = self.fw.resolve_term(content)
            if concept is None:
                self.error(line, _("{role} names no concept").format(role=f"{{concept}}`{content}`"),
                           _("use a concept's name or one of its terms from the framework file, or {role}").format(
                               role="{concept}`text <concept-id>`") + hint)
            elif self.current is not None:
                self.current.terms.append(concept.id)
        elif name.startswith("cite"):
            if self.current is not None and content.strip():
                self.current.cited = True
            for key in () if self.bib_keys is None else (k.strip() for k in content.split(",")):
                if key and key not in self.bib_keys:
                    self.error(line, _("unknown bibliography key {id!r}").format(id=key),
                               _("add the work to {file} or fix the key").format(file="handbook/references.bib")
                               + did_you_mean(key, self.bib_keys))

    def directive(self, tok, line: int) -> None:
        info = tok.info.strip()
        name = info[1:info.index("}")] if "}" in info else info[1:]
        if name not in self.rules.allowed_directives:
            self.error(line, _("the directive {{{name}}} is not allowed in a scenario").format(name=name),
                       _("allowed: {names}").format(names=", ".join(sorted(self.rules.allowed_directives)))
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
            self.walk(parser().parse(body), offset=body_offset, nested=True)

    def enactment(self, opts: dict[str, str], body: str, line: int) -> None:
        section = self.current
        if section is not None and section.broken:
            return  # the heading is already reported; one message per mistake
        if section is None or section.component is None:
            self.error(line, _("an {enactment} block is outside a component section"),
                       _("put it first in a `##` section named after a component"))
            return
        if section.enactment is not None:
            self.error(line, _("a second {enactment} block in this section"), _("keep one summary per component section"))
            return
        basis = opts.get("basis", "")
        problem = basis_problem(self.fw, basis)
        if problem:
            self.error(line, *problem)
        summary = " ".join(body.split())
        if not summary:
            self.error(line, _("the {enactment} block has no summary"), _("write one sentence under the `:basis:` line"))
        elif len(summary.split()) > 60:
            self.error(line, _("the summary has {n} words").format(n=len(summary.split())),
                       _("keep it to one sentence of at most {n} words").format(n=60))
        section.enactment = Enactment(summary=summary, basis=basis, line=line)

    def prompt(self, opts: dict[str, str], body: str, line: int) -> None:
        roles = split_roles(opts.get("roles", ""))
        for problem in role_problems(self.fw, roles):
            self.error(line, *problem)
        if not body.strip():
            self.error(line, _("the {design-prompt} is empty"), _("write the question after the `:roles:` line"))
        if self.current is None:
            self.error(line, _("a design prompt comes before the first `##` section"), _("move it into a component section"))
        else:
            self.current.prompts.append(Prompt(text=" ".join(body.split()), roles=roles, line=line))


