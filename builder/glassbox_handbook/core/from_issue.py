"""A "Propose a scenario" issue, as GitHub renders it, read back into a scenario file.

GitHub writes a filed issue form as Markdown: for each box, `### <label>`,
a blank line, then the answer, or `_No response_` when the box was left
empty (checkboxes as `- [X] option`). This module reads that text back by the
form's own boxes (`glassbox_handbook.core.issue_form.issue_fields`) and writes the
scenario with the one skeleton (`glassbox_handbook.core.skeleton`). It never
raises on what a contributor typed: every problem is reported by the box's
label, in plain words, so that the workflow can put it in a public comment.
Those words never repeat what a contributor wrote in a box: a name found by
the privacy check is described (what kind, which line of which box), not
quoted.

Issue text is untrusted. It is refused, naming the box, when it holds HTML
or script (the site must never carry markup in from an issue), links to
other sites, Markdown directives or roles, or more text than a scenario
needs; a body that is not UTF-8 is refused whole.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.frontmatter import FACTS
from glassbox_handbook.core.issue_form import (
    IssueField,
    component_parts,
    consent_answers,
    deidentify,
    issue_fields,
    licence_label,
)
from glassbox_handbook.core.skeleton import Draft, example_values, render
from glassbox_handbook.privacy.advice import fix, what
from glassbox_handbook.privacy.scan import allowance, line_findings
from glassbox_handbook.words import _

MAX_BODY = 200_000  # bytes: the whole proposal; a long scenario is under a tenth of this
MAX_BOX = 20_000  # characters in one box
NO_RESPONSE = "_No response_"
_HEADING = re.compile(r"^### (.+?)\s*$", re.M)
_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>|&#?\w+;")
_LINK = re.compile(r"\b(?:https?|ftp|javascript|data|file):|\bwww\.|\]\(", re.I)
_MARKUP = re.compile(r"^\s*(?::::|```|~~~)|\{[\w:-]+\}`", re.M)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class Problem(NamedTuple):
    """What is wrong, said by the box of the form it is in ("" for the issue as a whole)."""

    box: str
    message: str
    blocking: bool = False  # the scenario cannot be written until it is fixed

    def __str__(self) -> str:
        return _("In the box “{box}”: {message}").format(box=self.box, message=self.message) if self.box else self.message


class Proposal(NamedTuple):
    slug: str
    text: str  # the scenario file; "" when the proposal cannot be written
    problems: list[Problem]  # what stops it, or what a maintainer should look at
    contributor: str


def _boxes(body: str, fields: list[IssueField]) -> tuple[dict[str, str], list[Problem]]:
    """The answers by box id; problems for boxes the form does not have and required boxes that are missing."""
    by_label = {f.label.casefold(): f for f in fields}
    by_label[licence_label().casefold()] = IssueField("licence", licence_label(), "checkboxes")
    parts = _HEADING.split(body)
    answers: dict[str, str] = {}
    problems: list[Problem] = []
    form = _("Propose a scenario")
    if parts[0].strip():
        problems.append(Problem("", _("the issue has text before its first box; it was left out. Use the form's boxes only.")))
    for label, text in zip(parts[1::2], parts[2::2], strict=True):
        field = by_label.get(label.strip().casefold())
        if field is None:
            problems.append(Problem(label.strip()[:80], _("this is not a box of the “{form}” form, so it was left out. "
                                                          "Move its text into the box it belongs to.").format(form=form)))
            continue
        value = text.strip()
        answers[field.id] = "" if value == NO_RESPONSE else value
    for f in fields:
        if f.id not in answers and f.required:
            problems.append(Problem(f.label, _("this box is missing from the issue. Open the form again and fill it in; "
                                               "do not rename or delete the form's headings."), blocking=True))
    return answers, problems


def _hostile(fields: list[IssueField], answers: dict[str, str]) -> list[Problem]:
    problems = []
    for f in fields:
        value = answers.get(f.id, "")
        if f.id == "draft" or not value:
            continue  # the draft is compared, not published: a maintainer reads it
        if len(value) > MAX_BOX:
            problems.append(Problem(f.label, _("this box holds {n} characters; a box takes at most {most}. "
                                               "Shorten it to what a reader needs.").format(n=f"{len(value):,}",
                                                                                         most=f"{MAX_BOX:,}"), True))
        elif _HTML.search(value):
            problems.append(Problem(f.label, _("this box holds HTML or script markup (text between < and >). Write plain "
                                               "sentences; the handbook does not publish markup from a proposal."), True))
        elif _LINK.search(value):
            problems.append(Problem(f.label, _("this box holds a link to a web address. Name a source in words "
                                               "(authors, year, title) instead; a maintainer adds the reference."), True))
        elif _MARKUP.search(value) or _CONTROL.search(value):
            problems.append(Problem(f.label, _("this box holds formatting code the handbook writes itself "
                                               "(fences, roles or control characters). Write plain sentences."), True))
    return problems


def _names(text: str, known: dict[str, str], unknown: str, label: str) -> tuple[list[str], list[Problem]]:
    """Framework ids for the names written one a line (or separated by commas), and problems for unknown names
    (`unknown`: the message for one, with `{name}` and `{known}`)."""
    ids, problems = [], []
    by_name = {k.casefold(): v for k, v in known.items()}
    for raw in re.split(r"[\n,;]+", text):
        name = raw.strip().strip("-*• ").strip()
        if not name:
            continue
        if name.casefold() in by_name:
            ids.append(by_name[name.casefold()])
        else:
            problems.append(Problem(label, unknown.format(name=name[:60], known=", ".join(known))))
    return list(dict.fromkeys(ids)), problems


def _component(text: str) -> dict[str, str]:
    """A component's box split into its parts ("In one sentence: …"); text before any part is its story."""
    parts = component_parts()
    heads = {label.casefold(): key for key, label in parts}
    pattern = re.compile(r"^(" + "|".join(re.escape(label) for _key, label in parts) + r")\s*:\s*", re.I | re.M)
    pieces = pattern.split(text)
    out = {"story": pieces[0].strip()} if pieces[0].strip() else {}
    for head, value in zip(pieces[1::2], pieces[2::2], strict=True):
        key = heads[head.casefold()]
        out[key] = (out.get(key, "") + "\n\n" + value.strip()).strip()
    if "summary" not in out and out.get("story"):
        first, _sep, rest = out["story"].partition("\n")
        out["summary"], out["story"] = first.strip(), rest.strip()
    return out


def _privacy(fields: list[IssueField], answers: dict[str, str], allowed: frozenset[str]) -> list[Problem]:
    """What could identify someone, by box and line, described without repeating it."""
    problems = []
    invented = _("Invented names in the account")
    heads = [f"{label}:" for _key, label in component_parts()]  # the form's own words ("Una pregunta…" is no person)
    for f in fields:
        if f.id in ("name", "pseudonyms", "draft", "consent", "deidentified", "levels", "roles", "trajectory"):
            continue
        for number, line in enumerate(answers.get(f.id, "").split("\n"), 1):
            for found in line_findings(line, allowed, heads):
                if found.kind != "person":
                    advice = fix(found)
                elif found.rewrite:  # a name beside its role: the suggestion is the whole advice (take the name out)
                    advice = _("{advice}, or, if it is a name you made up, add it to the box “{box}”").format(
                        advice=found.suggestion, box=invented)
                else:
                    advice = _("write {suggestion} instead, or, if it is a name you made up, add it to the box “{box}”").format(
                        suggestion=found.suggestion, box=invented)
                problems.append(Problem(f.label, _("line {line}, from character {col}, holds what looks like {what}; "
                                                   "{advice}. Edit the issue to change it.").format(
                    line=number, col=found.col, what=what()[found.kind], advice=advice)))
    return problems


def ready_comment() -> str:
    """The workflow's comment on a proposal its checks find nothing to fix in."""
    return _("Thank you! The handbook's checks found nothing to fix. A maintainer will read your proposal and, when it "
             "is ready, approve it: the handbook then opens a pull request with your scenario and credits you as its "
             "contributor.")


def fix_comment(problems: list[str]) -> str:
    """The workflow's comment on a proposal with problems: each one, then how to fix them."""
    lines = "\n".join(f"- {p}" for p in problems)
    return (_("Thank you! Before a maintainer can approve this proposal, please edit the issue (the ··· menu at the top "
              "of your text, then *Edit*) and change these:") + f"\n\n{lines}\n\n"
            + _("The check runs again every time you save."))


def check_says(problem: str) -> str:
    """One problem the scenario check found in the scenario a proposal would become."""
    return _("The scenario check says: {problem}").format(problem=problem)


def only_maintainers() -> str:
    return _("Only a maintainer (someone with write access) can approve a proposal.")


def approved_comment(pull: int) -> str:
    return _("Approved. The scenario is in pull request #{number}; it will be published when that is merged.").format(
        number=pull)


def free_slug(title: str, folder: Path) -> tuple[str, str]:
    """A file name for the title that no scenario has yet, and a note when it had to differ from the title's."""
    plain = unicodedata.normalize("NFKD", title.lower()).encode("ascii", "ignore").decode()  # "leía" -> "leia"
    base = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].strip("-") or "proposed-scenario"
    slug, n = base, 2
    while (folder / f"{slug}.md").exists():
        slug, n = f"{base}-{n}", n + 1
    note = _("a scenario named “{taken}” already exists, so this one is “{slug}”").format(taken=base, slug=slug) \
        if slug != base else ""
    return slug, note


def read_proposal(raw: bytes, fw: Framework, folder: Path, framework_words: frozenset[str] = frozenset()) -> Proposal:
    """The scenario an issue body proposes, and every problem with it, by box."""
    fields = issue_fields(fw)
    if len(raw) > MAX_BODY:
        text = raw[:MAX_BODY * 4].decode("utf-8", errors="replace")
        answers, _unused = _boxes(text, fields)
        sizes = {f.label: len(answers.get(f.id, "")) for f in fields}
        biggest = max(sizes, key=lambda k: sizes[k]) if any(sizes.values()) else ""
        size, most = f"{len(raw):,}", f"{MAX_BODY:,}"
        message = (_("the proposal is {size} bytes long (most of it in the box “{box}”); a proposal takes at most {most}. "
                     "Shorten it to what a reader needs.").format(size=size, box=biggest, most=most) if biggest else
                   _("the proposal is {size} bytes long; a proposal takes at most {most}. Shorten it to what a reader "
                     "needs.").format(size=size, most=most))
        return Proposal("", "", [Problem(biggest, message, True)], "")
    try:
        body = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Proposal("", "", [Problem("", _("the issue's text could not be read as UTF-8 (byte {n}). Copy the text "
                                               "from a plain-text editor and edit the issue.").format(n=exc.start + 1),
                                         True)], "")
    body = body.replace("\r\n", "\n").lstrip("\ufeff")
    answers, problems = _boxes(body, fields)
    problems += _hostile(fields, answers)
    if any(p.blocking for p in problems):
        return Proposal("", "", problems, "")
    labels = {f.id: f.label for f in fields}
    levels, more = _names(answers.get("levels", ""), {lv.name: lv.id for lv in fw.levels},
                          _("“{name}” is not one of the levels. Write one of: {known}."), labels["levels"])
    problems += more
    roles, more = _names(answers.get("roles", ""), {r.name: r.id for r in fw.roles},
                         _("“{name}” is not one of the roles. Write one of: {known}."), labels["roles"])
    problems += more
    trajectories, more = _names(answers.get("trajectory", ""), {t.name: t.id for t in fw.trajectories},
                                _("“{name}” is not one of the ways the work went. Write one of: {known}."),
                                labels["trajectory"])
    problems += more
    bases = {b.name.casefold(): b for b in fw.bases}
    labels_of_parts = dict(component_parts())
    sections = []
    for comp in fw.components:
        parts = _component(answers.get(comp.id, ""))
        if not parts.get("summary"):
            continue
        basis = bases.get(parts.get("basis", "").casefold().strip(" ."))
        if basis is None:
            problems.append(Problem(comp.name, _("say where the account comes from, after “{label}:”, as one of: "
                                                 "{names}.").format(label=labels_of_parts["basis"],
                                                                    names=", ".join(f"“{b.name}”" for b in fw.bases))))
            basis = fw.basis_by_id[fw.default_basis]
        story = parts.get("story", "")
        if parts.get("source"):
            named = _("Source, as the contributors named it: {source}").format(source=" ".join(parts["source"].split()))
            story = (story + "\n\n" + named).strip()
        prompt = parts.get("prompt", "")
        sections.append(Draft(comp.name, basis.id, " ".join(parts["summary"].split()), story,
                              ((" ".join(prompt.split()), tuple(roles)),) if prompt else ()))
    if not sections:
        problems.append(Problem("", _("no component box has a sentence on how the component was at work. Fill in at "
                                      "least one, starting with “{label}:”.").format(label=labels_of_parts["summary"])))
    consent = {text: key for key, text in consent_answers()}.get(answers.get("consent", "").strip(), "")
    ticked = re.findall(r"^- \[[xX]\] (.+)$", answers.get("deidentified", ""), re.M)
    deidentified = all(text in ticked for _key, text in deidentify(fw))
    pseudonyms = [p.strip() for p in answers.get("pseudonyms", "").split("\n") if p.strip()][:50]
    problems += _privacy(fields, answers, framework_words | allowance(pseudonyms))
    title = " ".join(answers.get("title", "").split())[:200]
    slug, note = free_slug(title, folder)
    if note:
        problems.append(Problem(labels["title"], note + "."))
    contributor = " ".join(answers.get("name", "").split())[:200] or _("Anonymous contributor")
    values = example_values(fw, id=slug, title=title, contributor=contributor, levels=levels, roles=roles,
                            trajectory=trajectories[0] if trajectories else fw.default_trajectory,
                            deidentified=deidentified, consent=consent or "not-needed", pseudonyms=pseudonyms,
                            introduction=answers.get("felt_difficulty", "").strip(),
                            **{f: " ".join(answers.get(f, "").split()) for f in FACTS})
    return Proposal(slug, render(fw, values, sections), problems, contributor)
