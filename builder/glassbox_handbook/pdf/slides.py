"""Slides to project in the room: one 16:9 deck per scenario, in the order of its 60-minute session.

The deck follows the session plan (`glassbox_handbook.core.session`), so slides, guide and
packet agree: a title, the facts the opening reads aloud, the highlighted
diagram, each component the session works on and then each of its prompts,
the reflection, and the close with its next steps. Every slide shows the
minutes of its activity. Type is 20 pt at the least and 24 pt or more for
the body, so the back row can read it; a slide has one size, so its text is
laid out here (`fit`): set a step smaller when long, down to 20 pt, then
continued on a next slide marked "continued", never cut off.

One deck is made for each room with a ready-made kit (`documents.session_kits`):
the steps' words, the prompts and their "For:" lines are the room's. After the
felt difficulty, the framework is introduced in plain words from the framework
file (`plain`, each component's `plain`), one group of components a slide.
The diagram is drawn for the slide, not shrunk from the page's: the levels
as a column, the components as rows with their marks, every word at 18 pt or
more; what the session works on is white on black, what the scenario shows has
a thick outline, what it leaves out a dashed one, so the marks survive a grey
or washed-out projector. It comes back on the reflection, where people put
their dots on the printed poster.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from glassbox_handbook.core.downloads import slides_stem
from glassbox_handbook.core.facts import names
from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.frontmatter import FACTS
from glassbox_handbook.core.model import Page
from glassbox_handbook.core.session import Activity, SessionPlan
from glassbox_handbook.pdf.documents import (
    PdfDocument,
    PrintInputs,
    SessionKit,
    continued_word,
    mark_of,
    page_url,
    session_kits,
)
from glassbox_handbook.pdf.fit import Para, fits, flow, height_of, settable, step_down, text_width
from glassbox_handbook.pdf.slide_board import board
from glassbox_handbook.words import _, _n

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


class Slide(NamedTuple):
    kind: str  # title, facts, framework, diagram, enacted, component, prompt, reflect, close
    bookmark: str
    head: list[Para]  # the kicker (time and part) and the heading, across the slide
    body: list[Para]  # what is under the head (on a diagram slide: nothing, the diagram is)
    continued: bool = False
    offset: float = 0.0  # space above the body: a title slide's words sit nearer the middle
    board: dict[str, Any] | None = None  # on a diagram slide: the diagram drawn for the slide (`board`)


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
    mark = continued_word()
    again = bookmark if bookmark.endswith(mark) else f"{bookmark} {mark}"
    return [Slide(kind, bookmark if i == 0 else again, settable(head if i == 0 else more, head_w),
                  settable(box, width), i > 0) for i, box in enumerate(boxes)]


def continued_head(head: list[Para]) -> list[Para]:
    """The head of a slide that goes on from the one before: its heading, or else its kicker, marked so."""
    last = max((i for i, p in enumerate(head) if p.kind == "heading"), default=0)
    mark = continued_word()
    return [p._replace(text=f"{p.text} {mark}") if i == last and not p.text.endswith(mark) else p
            for i, p in enumerate(head)]


def kicker(activity: Activity | None, text: str) -> Para:
    when = _("{start}–{end} min").format(start=activity.start, end=activity.end) + " · " if activity else ""
    return Para(when + text, KICKER, "kicker", 1.2, bold=True)


def body(text: str, kind: str = "text", before: float = 10.0, **more: Any) -> Para:
    return Para(text, BODY[0], kind, 1.25, before=before, **more)


def title_slides(inputs: PrintInputs, kit: SessionKit) -> list[Slide]:
    fw, meta, common, plan = inputs.fw, kit.page.scenario, inputs.common(""), kit.plan
    url = page_url(inputs.baseurl, kit.docname)
    focus = names(fw.component_by_id, plan.focus)
    title = [Para(meta.title, TITLES[0], "title", 1.15, bold=True),
             body(_("Working on: {components}").format(components=focus), before=16),
             body(_("For: {room}").format(room=kit.room.name), before=6),
             Para(common["date"] + (f" · {url}" if url.startswith("http") else ""), FLOOR, "foot", 1.2, before=24)]
    workshop = _("a {minutes}-minute workshop").format(minutes=plan.minutes)
    head = [kicker(None, f"{common['project']} · {workshop}")]
    return [centred(s) for s in paginate("title", meta.title, head, title, TITLES, {"title"})]


def fact_slides(fw: Framework, page: Page, opening: Activity) -> list[Slide]:
    """The opening reads the difficulty and the project aloud, then the room answers; then the other facts."""
    meta = page.scenario

    def facts(fields: tuple[str, ...]) -> list[Para]:
        return [p for f in fields if getattr(meta, f) for p in (
            Para(fw.fact_label(f), FLOOR, "label", 1.2, bold=True, before=12), body(getattr(meta, f), before=2))]

    told, rest = FACTS[:2], FACTS[2:]
    kick, glance = _("Opening"), _("The scenario at a glance")
    return [*paginate("facts", opening.title, [kicker(opening, kick), heading(opening.title, HEADINGS, W)],
                      facts(told) + [body(opening.what, "task", before=16, indent=TASK)], BODY, {"text", "task"}),
            *paginate("facts", glance, [kicker(opening, kick), heading(glance, HEADINGS, W)], facts(rest), BODY,
                      {"text"})]


def diagram_slides(fw: Framework, page: Page, plan: SessionPlan, step: Activity) -> list[Slide]:
    """The diagram drawn for the slide; then the room's question and what the diagram shows, in words."""
    meta = page.scenario
    head = settable([kicker(step, step.title)], W)
    shown = Slide("diagram", step.title, head, [], board=board(fw, page, plan, H - height_of(head, W) - RULE, W))
    enacted = [c.id for c in fw.components if page.section_for(c.id) is not None]
    levels = names(fw.level_by_id, meta.levels)
    at_levels = _n("At the {levels} level:", "At the {levels} levels:", len(meta.levels)).format(levels=levels)
    answer = [body(step.what, "task", before=0, indent=TASK), body(at_levels, before=16)]
    if set(enacted) == set(fw.component_by_id):
        answer.append(body(_("every component of the diagram."), before=6))
    else:
        answer += [body(fw.component_by_id[c].name, "item", before=6, indent=mark_indent(fw, BODY[0]), ref=c) for c in enacted]
    title = _("Enacted here")
    bookmark = _("{step}: enacted here").format(step=step.title)
    return [shown, *paginate("enacted", bookmark, [kicker(step, step.title), heading(title, HEADINGS, W)],
                             answer, BODY, {"text", "item", "task"})]


def _level_line(fw: Framework, level: Any) -> str:
    """A level on the framework slide: its two sides ("District and college"), or its name."""
    pair = fw.paired(level)
    return _("{one} and {other}").format(one=pair[0], other=pair[1].lower()) if pair else level.name


def framework_slides(fw: Framework, step: Activity) -> list[Slide]:
    """The framework in plain words, from the framework file: what opening the glass box means, the
    levels, then each group of components, every one in its plain sentence (its definition when the
    file gives none); the room's task last."""
    kick = kicker(step, _("The framework"))
    out: list[Slide] = []
    if fw.plain.glass_box:
        glass_box = _("Opening the glass box")
        out += paginate("framework", glass_box, [kick, heading(glass_box, HEADINGS, W)],
                        [body(fw.plain.glass_box, "lead", before=0)], BODY, {"lead"})
    levels = [body(_level_line(fw, lv), "text", before=8) for lv in fw.levels]
    lead = [body(fw.plain.levels, "lead", before=0)] if fw.plain.levels else []
    the_levels = _("The levels")
    out += paginate("framework", the_levels, [kick, heading(the_levels, HEADINGS, W)], lead + levels, BODY,
                    {"lead", "text"})
    groups: dict[str, list] = {}
    for c in fw.components:
        groups.setdefault(c.group, []).append(c)
    indent = mark_indent(fw, BODY[-1])
    for group, comps in groups.items():
        paras = []
        for c in comps:
            paras.append(Para(c.name, BODY[-1], "item", 1.2, bold=True, before=12, indent=indent, ref=c.id))
            paras.append(body(c.plain or c.definition, "text", before=2))
        out += paginate("framework", _("The parts: {group}").format(group=group), [kick, heading(group, HEADINGS, W)],
                        paras, BODY, {"text", "item"})
    out += paginate("framework", step.title, [kick, heading(step.title, HEADINGS, W)],
                    [body(step.what, "task", before=0, indent=TASK)], BODY, {"task"})
    return out


def component_slides(fw: Framework, plan: SessionPlan, activity: Activity) -> list[Slide]:
    """The component's summary read aloud and what groups do, then a slide per prompt, numbered as the
    handout and the cards number it, in the room's words."""
    comp = fw.component_by_id[activity.component]
    questions = plan.questions(fw)
    title = heading(comp.name, HEADINGS, W, indent=mark_indent(fw, HEADINGS[0]), ref=comp.id)
    out = paginate("component", comp.name, [kicker(activity, activity.title), title],
                   [body(activity.read_aloud, "lead", before=0), body(activity.what, "task", before=16, indent=TASK)],
                   BODY, {"lead", "task"})
    for q in (q for q in questions if q.id in {p.id for p in activity.prompts}):
        label = _("Prompt {number} of {total}").format(number=q.number, total=len(questions))
        paras = [Para(q.text, PROMPT[0], "prompt", 1.2)]
        if q.roles:
            paras.append(Para(_("For: {roles}").format(roles=names(fw.role_by_id, q.roles)), FLOOR, "foot", 1.2, before=14))
        out += paginate("prompt", f"{label}: {comp.name}", [kicker(activity, label), title], paras, PROMPT, {"prompt"})
    return out


def closing_slides(inputs: PrintInputs, kit: SessionKit, activity: Activity) -> list[Slide]:
    """The reflection, or the close with its debrief questions, its next steps and where the scenario is."""
    docname = kit.docname
    paras = [body(activity.what, "lead", before=0)]
    close = activity.kind == "close"
    if close:
        paras += [body(q.format(**kit.room.words), "item", before=8) for q in inputs.fw.workshop.debrief]
        common, url = inputs.common(""), page_url(inputs.baseurl, docname)
        if url.startswith("http"):
            paras.append(Para(_("The scenario online: {url}").format(url=url), FLOOR, "foot", 1.2, before=18))
        paras.append(Para(f"{common['edition']} {common['licence']}.", FLOOR, "foot", 1.2, before=10))
    return paginate("close" if close else "reflect", activity.title, [
        kicker(activity, _("Close") if close else _("Reflect")), heading(activity.title, HEADINGS, W)], paras, BODY,
        {"lead", "item"})


def dots_slide(fw: Framework, page: Page, activity: Activity) -> Slide:
    """The diagram again where people mark it: the poster on the wall is the same drawing."""
    dots = _("Put your dot on the poster")
    head = settable([kicker(activity, dots)], W)
    return Slide("diagram", dots, head, [], board=board(fw, page, None, H - height_of(head, W) - RULE, W))


def deck(inputs: PrintInputs, kit: SessionKit) -> list[Slide]:
    """The slides of one ready-made session, in the order of its plan."""
    fw, page, plan = inputs.fw, kit.page, kit.plan
    made = title_slides(inputs, kit)
    for activity in plan.activities:
        if activity.kind == "opening":
            made += fact_slides(fw, page, activity)
        elif activity.kind == "framework":
            made += framework_slides(fw, activity)
        elif activity.kind == "diagram":
            made += diagram_slides(fw, page, plan, activity)
        elif activity.kind == "component" and activity.component in fw.component_by_id:
            made += component_slides(fw, plan, activity)
        else:
            made += closing_slides(inputs, kit, activity)
            if activity.kind in ("gaps", "strengths"):
                made.append(dots_slide(fw, page, activity))
    return made


def slides(inputs: PrintInputs) -> list[PdfDocument]:
    """The deck of every ready-made session (each chosen scenario, each room with a kit)."""
    out = []
    marks = {c.id: mark_of(inputs.fw, c.id) for c in inputs.fw.components}
    for kit in session_kits(inputs):
        meta = kit.page.scenario
        room = kit.room_title
        out.append(PdfDocument(slides_stem(meta.id, kit.tail), "slides.html",
                               {**inputs.common(_("{title}: slides for the room").format(title=meta.title) + room),
                                "slides": deck(inputs, kit),
                                "marks": marks, "geometry": geometry_css(inputs.fw)},
                               ("slides.css",), own_size=True))
    return out


def geometry_css(fw: Framework) -> str:
    """The sizes the slides were laid out for, given to slides.css from the one place they are set."""
    return (f".slide {{ width: {PAGE_W}pt; height: {PAGE_H}pt; padding: {PAD_TOP}pt {PAD_X}pt {PAD_BOTTOM}pt; }}"
            f".slide-head {{ padding-bottom: 4pt; border-bottom-width: 2pt; margin-bottom: {RULE - 6}pt; }}"
            f".slide .mark .shape {{ width: {SHAPE}pt; height: {SHAPE}pt; }}")


DOCUMENTS = slides
