"""Slides to project in the room: one 16:9 deck per scenario, in the order of its 60-minute session.

The deck follows the session plan (`glassbox_handbook.core.session`), so slides, guide and
packet agree: a title, the facts the opening reads aloud, the highlighted
diagram, each component the session works on and then each of its prompts,
the reflection, and the close with its next steps. Every slide shows the
minutes of its activity. Type is 20 pt at the least and 24 pt or more for
the body, so the back row can read it; a slide has one size, so its text is
laid out here (`fit`): set a step smaller when long, down to 20 pt, then
continued on a next slide marked "continued", never cut off.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from glassbox_handbook.core.diagram import framework_diagram
from glassbox_handbook.core.downloads import slides_stem
from glassbox_handbook.core.facts import names
from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.frontmatter import FACTS
from glassbox_handbook.core.model import Page
from glassbox_handbook.core.session import Activity, SessionPlan, plan_session
from glassbox_handbook.pdf.documents import PdfDocument, PrintInputs, mark_of, page_url
from glassbox_handbook.pdf.fit import Para, fits, flow, height_of, settable, step_down, text_width
from glassbox_handbook.pdf.render import svg_as_image

PAGE_W, PAGE_H = 720.0, 405.0  # 254 mm x 142.875 mm (slides.css): 16:9, in points
PAD_X, PAD_TOP, PAD_BOTTOM = 40.0, 20.0, 18.0
W, H = PAGE_W - 2 * PAD_X, PAGE_H - PAD_TOP - PAD_BOTTOM
RULE = 14.0  # the rule under a slide's head, with the space around it
FLOOR = 20.0  # no type on a slide is smaller
KICKER = 20.0
HEADINGS = (32.0, 28.0, 24.0, FLOOR)
TITLES = (40.0, 36.0, 32.0, 28.0, 24.0, FLOOR)
PROMPT = (36.0, 32.0, 28.0, 24.0, FLOOR)
BODY = (28.0, 26.0, 24.0)  # words to read: continued at 24 pt rather than set smaller
TASK = 20.0  # what the room does is set off by a bar: its width and the space after it (slides.css)
SHAPE = 30.0  # a mark's shape, in points; its code is set at the size of the text beside it
SESSION = 60  # minutes: the length the deck is made for, when the framework file offers it
CONTINUED = "(continued)"
ENACTED = "Enacted here:"


class Slide(NamedTuple):
    kind: str  # title, facts, diagram, enacted, component, prompt, reflect, close
    bookmark: str
    head: list[Para]  # the kicker (time and part) and the heading, across the slide
    body: list[Para]  # what is under the head (on a diagram slide: nothing, the diagram is)
    continued: bool = False
    offset: float = 0.0  # space above the body: a title slide's words sit nearer the middle


def centred(slide: Slide) -> Slide:
    """The slide with its body lowered toward the middle of the space under the head."""
    free = H - height_of(slide.head, W) - RULE - height_of(slide.body, W)
    return slide._replace(offset=round(max(0.0, free * 0.4), 2))


def mark_indent(fw: Framework, size: float) -> float:
    widest = max((text_width(c.mark, size, bold=True) for c in fw.components), default=0.0)
    return SHAPE + 6 + widest + 12


def heading(text: str, sizes: tuple[float, ...], width: float, indent: float = 0.0, ref: str = "") -> Para:
    """The largest size of `sizes` at which the heading takes at most two lines (else the smallest)."""
    for size in sizes:
        para = Para(text, size, "heading", 1.15, bold=True, before=4, indent=indent, ref=ref)
        if len(para.lines(width)) <= 2:
            return para
    return Para(text, sizes[-1], "heading", 1.15, bold=True, before=4, indent=indent, ref=ref)


def paginate(kind: str, bookmark: str, head: list[Para], body: list[Para], sizes: tuple[float, ...],
             kinds: set[str], width: float = W) -> list[Slide]:
    """One slide, its body a step smaller when long, or as many slides as it takes at 20 pt, each one
    after the first repeating the head, marked continued."""
    head_w = W
    body = [p for p in body if p.text.strip()]
    head_h = height_of(head, head_w) + RULE
    if head_h > H / 2:  # a heading too long to repeat: it opens the body, and continued slides get the kicker
        head, body = head[:1], [p._replace(before=0) for p in head[1:]] + body
        head_h = height_of(head, head_w) + RULE
    room = H - head_h
    fitted = step_down(body, sizes, kinds, width, room)
    if fits(fitted, width, room):
        return [Slide(kind, bookmark, settable(head, head_w), settable(fitted, width))]
    more = continued_head(head)
    boxes = flow(fitted, width, room, H - height_of(more, head_w) - RULE, keep=frozenset({"label"}))
    again = bookmark if bookmark.endswith(CONTINUED) else f"{bookmark} {CONTINUED}"
    return [Slide(kind, bookmark if i == 0 else again, settable(head if i == 0 else more, head_w),
                  settable(box, width), i > 0) for i, box in enumerate(boxes)]


def continued_head(head: list[Para]) -> list[Para]:
    """The head of a slide that goes on from the one before: its heading, or else its kicker, marked so."""
    last = max((i for i, p in enumerate(head) if p.kind == "heading"), default=0)
    return [p._replace(text=f"{p.text} {CONTINUED}") if i == last and not p.text.endswith(CONTINUED) else p
            for i, p in enumerate(head)]


def kicker(activity: Activity | None, text: str) -> Para:
    when = f"{activity.start}–{activity.end} min · " if activity else ""
    return Para(when + text, KICKER, "kicker", 1.2, bold=True)


def body(text: str, kind: str = "text", before: float = 10.0, **more: Any) -> Para:
    return Para(text, BODY[0], kind, 1.25, before=before, **more)


class Diagram(NamedTuple):
    img: str  # the highlighted diagram as an <img> with its text alternative
    width: float  # the size it is shown at on the slide, in points
    height: float

    @property
    def left(self) -> float:
        """Where it starts: it is centred on its slide."""
        return round((W - self.width) / 2, 2)


def diagram_of(inputs: PrintInputs, docname: str, page: Page, room: float) -> Diagram:
    """The diagram as large as the slide allows: at the width of a column beside words, its labels
    came out at 5 to 6 pt, too small to read from the back of a room."""
    fw, meta = inputs.fw, page.scenario
    enacted = names(fw.component_by_id, (s.component for s in page.sections))
    levels = names(fw.level_by_id, meta.levels)
    html = inputs.render_nodes(framework_diagram(fw, lambda _t, _a: "#", highlight=meta, sections=page.sections), docname)
    box = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', html)
    ratio = float(box.group(1)) / float(box.group(2)) if box else 1.0
    img = re.search(r"<img [^>]*>", svg_as_image(html, f": highlighted are {enacted} at the {levels} level(s)"))
    return Diagram(img.group(0) if img else "", min(room * ratio, W), min(room, W / ratio))


def title_slides(inputs: PrintInputs, docname: str, page: Page, plan: SessionPlan) -> list[Slide]:
    fw, meta, common = inputs.fw, page.scenario, inputs.common("")
    url = page_url(inputs.baseurl, docname)
    focus = names(fw.component_by_id, plan.focus)
    title = [Para(meta.title, TITLES[0], "title", 1.15, bold=True), body(f"Working on: {focus}", before=16),
             Para(common["date"] + (f" · {url}" if url.startswith("http") else ""), FLOOR, "foot", 1.2, before=24)]
    head = [kicker(None, f"{common['project']} · a {plan.minutes}-minute workshop")]
    return [centred(s) for s in paginate("title", meta.title, head, title, TITLES, {"title"})]


def fact_slides(fw: Framework, page: Page, opening: Activity) -> list[Slide]:
    """The opening reads the difficulty and the project aloud, then the room answers; then the other facts."""
    meta = page.scenario

    def facts(fields: tuple[str, ...]) -> list[Para]:
        return [p for f in fields if getattr(meta, f) for p in (
            Para(fw.fact_label(f), FLOOR, "label", 1.2, bold=True, before=12), body(getattr(meta, f), before=2))]

    told, rest = FACTS[:2], FACTS[2:]
    return [*paginate("facts", opening.title, [kicker(opening, "Opening"), heading(opening.title, HEADINGS, W)],
                      facts(told) + [body(opening.what, "task", before=16, indent=TASK)], BODY, {"text", "task"}),
            *paginate("facts", "The scenario at a glance", [kicker(opening, "Opening"),
                      heading("The scenario at a glance", HEADINGS, W)], facts(rest), BODY, {"text"})]


def diagram_slides(inputs: PrintInputs, docname: str, page: Page, step: Activity) -> tuple[list[Slide], Diagram]:
    """The diagram alone, as large as the slide allows (three levels make it tall); then the room's
    question and what the diagram shows, in words, on a slide of their own."""
    fw, meta = inputs.fw, page.scenario
    head = [kicker(step, step.title)]
    diagram = diagram_of(inputs, docname, page, H - height_of(head, W) - RULE)
    shown = Slide("diagram", step.title, settable(head, W), [])
    enacted = [c.id for c in fw.components if page.section_for(c.id) is not None]
    levels = names(fw.level_by_id, meta.levels)
    answer = [body(step.what, "task", before=0, indent=TASK), body(f"At the {levels} level(s):", before=16)]
    if set(enacted) == set(fw.component_by_id):
        answer.append(body("every component of the diagram.", before=6))
    else:
        answer += [body(fw.component_by_id[c].name, "item", before=6, indent=mark_indent(fw, BODY[0]), ref=c) for c in enacted]
    return [shown, *paginate("enacted", f"{step.title}: {ENACTED.rstrip(':').lower()}",
                             [kicker(step, step.title), heading(ENACTED.rstrip(":"), HEADINGS, W)],
                             answer, BODY, {"text", "item", "task"})], diagram


def component_slides(fw: Framework, plan: SessionPlan, activity: Activity, first: int) -> list[Slide]:
    """The component's summary read aloud and what pairs do, then a slide per prompt (numbered from `first`)."""
    comp = fw.component_by_id[activity.component]
    roles = {r.id: r.name for r in fw.roles}
    title = heading(comp.name, HEADINGS, W, indent=mark_indent(fw, HEADINGS[0]), ref=comp.id)
    out = paginate("component", comp.name, [kicker(activity, activity.title), title],
                   [body(activity.read_aloud, "lead", before=0), body(activity.what, "task", before=16, indent=TASK)],
                   BODY, {"lead", "task"})
    for number, prompt in enumerate(activity.prompts, first):
        label = f"Prompt {number} of {len(plan.prompts)}"
        paras = [Para(prompt.text, PROMPT[0], "prompt", 1.2)]
        if prompt.roles:
            paras.append(Para("For: " + ", ".join(roles.get(r, r) for r in prompt.roles), FLOOR, "foot", 1.2, before=14))
        out += paginate("prompt", f"{label}: {comp.name}", [kicker(activity, label), title], paras, PROMPT, {"prompt"})
    return out


def closing_slides(inputs: PrintInputs, docname: str, activity: Activity) -> list[Slide]:
    """The reflection, or the close with its next steps and where the scenario and the handbook are."""
    paras = [body(activity.what, "lead", before=0)]
    close = activity.kind == "close"
    if close:
        common, url = inputs.common(""), page_url(inputs.baseurl, docname)
        if url.startswith("http"):
            paras.append(Para(f"The scenario online: {url}", FLOOR, "foot", 1.2, before=18))
        version = f"version {common['version']}, " if common["version"] else ""
        paras.append(Para(f"{common['project']}, {version}{common['date']}. {common['licence']}.", FLOOR, "foot", 1.2,
                          before=10))
    return paginate("close" if close else "reflect", activity.title, [
        kicker(activity, "Close" if close else "Reflect"), heading(activity.title, HEADINGS, W)], paras, BODY, {"lead"})


def deck(inputs: PrintInputs, docname: str, page: Page) -> tuple[list[Slide], Diagram]:
    """The slides of the scenario's session, in the order of its plan."""
    fw = inputs.fw
    plan = plan_session(fw, page, SESSION if SESSION in fw.workshop.lengths else fw.workshop.lengths[0])
    made = title_slides(inputs, docname, page, plan)
    diagram = None
    number = 1
    for activity in plan.activities:
        if activity.kind == "opening":
            made += fact_slides(fw, page, activity)
        elif activity.kind == "diagram":
            shown, diagram = diagram_slides(inputs, docname, page, activity)
            made += shown
        elif activity.kind == "component" and activity.component in fw.component_by_id:
            made += component_slides(fw, plan, activity, number)
            number += len(activity.prompts)
        else:
            made += closing_slides(inputs, docname, activity)
    assert diagram is not None, "a session plan looks at the diagram"
    return made, diagram


def slides(inputs: PrintInputs) -> list[PdfDocument]:
    """The deck of every scenario (or of those in `only`)."""
    out = []
    for docname, page in inputs.chosen:
        meta = page.scenario
        made, diagram = deck(inputs, docname, page)
        marks = {c.id: mark_of(inputs.fw, c.id) for c in inputs.fw.components}
        out.append(PdfDocument(slides_stem(meta.id), "slides.html",
                               {**inputs.common(f"{meta.title}: slides for the room"), "slides": made,
                                "diagram": diagram, "marks": marks, "geometry": geometry_css(inputs.fw)},
                               ("slides.css",), own_size=True))
    return out


def geometry_css(fw: Framework) -> str:
    """The sizes the slides were laid out for, given to slides.css from the one place they are set."""
    return (f".slide {{ width: {PAGE_W}pt; height: {PAGE_H}pt; padding: {PAD_TOP}pt {PAD_X}pt {PAD_BOTTOM}pt; }}"
            f".slide-head {{ padding-bottom: 4pt; border-bottom-width: 2pt; margin-bottom: {RULE - 6}pt; }}"
            f".slide .mark .shape {{ width: {SHAPE}pt; height: {SHAPE}pt; }}"
            "")


DOCUMENTS = slides
