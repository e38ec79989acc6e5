"""Design prompt cards: every prompt of the handbook on a card of one size, on a grid of cut lines.

A stack of cards is cut on a guillotine or with scissors, so every card has
the same size and the cut lines run straight across the page. A card never
grows: its text is measured first (`fit`), set a step smaller when it is
long, and continued on the next card, marked so, when even the smallest
step does not hold it. Each card is labelled by what it belongs to: a
component's name and its mark (shape and code), or a concept's or page's name.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from glassbox_handbook.core.downloads import CARDS, session_cards_stem
from glassbox_handbook.core.facts import names
from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.model import Page, PagePrompt
from glassbox_handbook.pdf.documents import Mark, PdfDocument, PrintInputs, SessionKit, continued_word, mark_of, session_kits
from glassbox_handbook.pdf.fit import Para, fits, flow, settable, step_down, text_width, wrap
from glassbox_handbook.words import _

MM = 72 / 25.4
COLS = 2
CARD_W, CARD_H = 87 * MM, 76 * MM  # two across and three down fit both A4 and US Letter inside the margins
PAD = 4.5 * MM
CUT = 0.6  # the dashed cut line: each card's border, drawn over its neighbour's (cards.css)
INNER_W, INNER_H = CARD_W - 2 * PAD - 2 * CUT, CARD_H - 2 * PAD - 2 * CUT
SHAPE = 8 * MM
TEXT_SIZES = (12.0, 11.0, 10.0, 9.0)  # the prompt's type, largest first; 9 pt is the smallest printed
HEAD, CODE, FOOT, MORE = 11.0, 11.0, 8.0, 8.0  # the name, the mark's code, the source line, "continues"
LEADING, HEAD_LEADING = 1.3, 1.2
HEAD_RULE = 2.0  # the rule under the head and the padding above it, in points
HEAD_GAP = 3 * MM  # the head's rule and the space after it
FOOT_GAP = 2.5 * MM


def continues() -> str:
    """What the foot of a card that goes on on the next says (one line at the size MORE)."""
    return _("Continues on the next card")


class Card(NamedTuple):
    label: str  # what the prompt belongs to: a component's name, or a concept's or page's
    mark: Mark | None
    continued: bool  # it goes on from the card before
    more: bool  # it goes on on the next card
    name_w: float  # the width its name is set in
    paras: list[Para]  # the prompt text (kind "text") and the source line (kind "foot")


def mark_width(fw: Framework) -> float:
    """The mark's column: the shape and the widest code of the framework, so that names line up."""
    widest = max((text_width(c.mark, CODE, bold=True) for c in fw.components), default=0.0)
    return SHAPE + 1.5 * MM + widest + 2.5 * MM


def head_lines(label: str, width: float, continued: bool) -> int:
    return len(wrap(f"{label} {continued_word()}" if continued else label, width, HEAD, bold=True))


def head_pad(lines: int, marked: bool) -> float:
    """Space above the name, so that a name shorter than the mark's shape is centred on it."""
    return max(0.0, (SHAPE - lines * HEAD * HEAD_LEADING) / 2) if marked else 0.0


def head_height(label: str, width: float, continued: bool, marked: bool) -> float:
    lines = head_lines(label, width, continued)
    return max(SHAPE if marked else 0.0, lines * HEAD * HEAD_LEADING + head_pad(lines, marked)) + HEAD_GAP


def cards_for(label: str, mark: Mark | None, text: str, foot: str, name_w: float) -> list[Card]:
    """One prompt's card, or its cards when it needs more than one; every card the same size."""
    paras = [Para(text, TEXT_SIZES[0], "text", LEADING), Para(foot, FOOT, "foot", LEADING, before=FOOT_GAP)]
    room = INNER_H - head_height(label, name_w, False, mark is not None)
    fitted = step_down(paras, TEXT_SIZES, {"text"}, INNER_W, room)
    if fits(fitted, INNER_W, room):
        return [Card(label, mark, False, False, name_w, settable(fitted, INNER_W))]
    more = MORE * LEADING + FOOT_GAP  # every card but the last ends with a "continues" line
    first = room - more
    rest = INNER_H - head_height(label, name_w, True, mark is not None) - more
    boxes = flow(fitted, INNER_W, first, rest)
    return [Card(label, mark, i > 0, i < len(boxes) - 1, name_w, box) for i, box in enumerate(boxes)]


def label_of(fw: Framework, page: Page, prompt: PagePrompt) -> tuple[str, Mark | None]:
    comp = fw.component_by_id.get(prompt.component)
    if comp:
        return comp.name, mark_of(fw, comp.id)
    concept = fw.concept_by_id.get(prompt.concept)
    return (concept.name if concept else page.title), None


def deck(inputs: PrintInputs) -> list[Card]:
    """Every card, the scenarios' prompts first (in title order), then the handbook's own pages'."""
    fw = inputs.fw
    roles = {r.id: r.name for r in fw.roles}
    marked_w = INNER_W - mark_width(fw)
    # A large corpus's scenario prompts are in the packets; a deck of thousands of cards helps nobody.
    scenario_pages = [] if inputs.brief else [p for _, p in inputs.scenarios]
    own_pages = [p for _, p in sorted(inputs.pages.items()) if p.scenario is None]
    out: list[Card] = []
    for page in scenario_pages + own_pages:
        source = page.scenario.title if page.scenario else page.title
        for prompt in page.prompts:
            label, mark = label_of(fw, page, prompt)
            foot = [_("From: {source}").format(source=source)] if source != label else []
            if prompt.roles:
                foot.append(_("For: {roles}").format(roles=", ".join(roles.get(r, r) for r in prompt.roles)))
            out += cards_for(label, mark, prompt.text, " · ".join(foot), marked_w if mark else INNER_W)
    return out


def geometry_css(fw: Framework) -> str:
    """The sizes the cards were measured for, given to the stylesheet from the one place they are set."""
    pt = "pt"
    return (f".card-grid {{ width: {COLS * CARD_W:.2f}{pt}; }}"
            f".card {{ width: {CARD_W:.2f}{pt}; height: {CARD_H:.2f}{pt}; padding: {PAD:.2f}{pt}; }}"
            f".card {{ border-width: {CUT}{pt}; margin: 0 0 -{CUT}{pt} -{CUT}{pt}; }}"
            f".card-head {{ font-size: {HEAD}{pt};"
            f" line-height: {HEAD_LEADING}; margin-bottom: {HEAD_GAP - HEAD_RULE:.2f}{pt}; }}"
            f".card-mark .shape {{ width: {SHAPE:.2f}{pt}; height: {SHAPE:.2f}{pt}; }}"
            f".card-mark .code, .legend .code {{ font-size: {CODE}{pt}; }}"
            f".card-foot, .card-more {{ bottom: {PAD:.2f}{pt}; left: {PAD:.2f}{pt}; right: {PAD:.2f}{pt}; }}"
            f".card-text, .card-foot, .card-more {{ line-height: {LEADING}; }}"
            f".card-foot {{ margin-top: {FOOT_GAP:.2f}{pt}; }} .card-more {{ font-size: {MORE}{pt}; }}")


def rows(cards: list[Card]) -> list[list[dict[str, Any]]]:
    """Cards as the template sets them: rows of COLS, each card's paragraphs with their sizes."""
    items = []
    for card in cards:
        text = [p for p in card.paras if p.kind == "text"]
        foot = [p for p in card.paras if p.kind == "foot"]
        marked = card.mark is not None
        pad = head_pad(head_lines(card.label, card.name_w, card.continued), marked)
        items.append({"card": card, "text": text, "head_pad": round(pad, 2),
                      "head_min": round(SHAPE - pad, 2) if marked else 0,
                      "head_left": round(INNER_W - card.name_w, 2), "foot": " ".join(p.text for p in foot),
                      "foot_size": foot[0].size if foot else FOOT, "pinned": not card.more})
    return [items[i:i + COLS] for i in range(0, len(items), COLS)]


def cards(inputs: PrintInputs) -> list[PdfDocument]:
    fw = inputs.fw
    title = _("{project}: design prompt cards").format(project=inputs.common("")["project"])
    legend = [(c.name, mark_of(fw, c.id)) for c in fw.components]
    return [PdfDocument(CARDS, "cards.html",
                        {**inputs.common(title), "heading": title, "rows": rows(deck(inputs)),
                         "scenarios_left_out": inputs.left_out, "legend": legend, "geometry": geometry_css(fw),
                         "continued": continued_word(), "continues": continues()}, ("cards.css",))]


def session_deck(fw: Framework, kit: SessionKit) -> list[Card]:
    """The cards of one ready-made session: its prompts only, numbered and worded as its handout."""
    marked_w = INNER_W - mark_width(fw)
    out: list[Card] = []
    for q in kit.plan.questions(fw):
        comp = fw.component_by_id.get(q.component)
        label = _("Prompt {number} · {name}").format(number=q.number, name=comp.name if comp else "")
        foot = _("For: {roles}").format(roles=names(fw.role_by_id, q.roles)) if q.roles else kit.page.scenario.title
        out += cards_for(label, mark_of(fw, q.component), q.text, foot, marked_w if comp else INNER_W)
    return out


def session_cards(inputs: PrintInputs) -> list[PdfDocument]:
    """Each ready-made session's cards, one set per group."""
    fw = inputs.fw
    out = []
    for kit in session_kits(inputs):
        meta = kit.page.scenario
        count = len(kit.plan.questions(fw))
        title = _("{title}: this session's cards").format(title=meta.title)
        intro = _("One set per group. The numbers are the handout's and the slides': prompt {first} to {last}.")
        out.append(PdfDocument(session_cards_stem(meta.id, kit.tail), "cards.html",
                               {**inputs.common(title + kit.room_title),
                                "heading": title, "session_intro": intro.format(first=1, last=count),
                                "rows": rows(session_deck(fw, kit)), "scenarios_left_out": 0, "legend": [],
                                "geometry": geometry_css(fw), "continued": continued_word(), "continues": continues()},
                               ("cards.css",)))
    return out


def all_cards(inputs: PrintInputs) -> list[PdfDocument]:
    return cards(inputs) + session_cards(inputs)


DOCUMENTS = all_cards
