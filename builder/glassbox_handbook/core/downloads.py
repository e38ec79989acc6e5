"""Names of the printable files, and the download links the website shows for them.

The PDF builder writes files under these names and the site build copies
them into the site's `pdf/` folder; the website links to them from the
workshop page and from each scenario's facts card. One module holds the
names so the two sides cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes

from glassbox_handbook.words import _

SITE_FOLDER = "pdf"
PAPER_NAMES = {"a4": "A4", "letter": "US Letter"}  # the paper sizes the builder knows, in English


def paper_name(paper: str) -> str:
    """A paper size as a reader calls it, in the project's language (an unknown size by its own name)."""
    names = {"a4": _("A4"), "letter": _("US Letter")}
    return names.get(paper, paper)


Files = list[tuple[str, list[tuple[str, str]]]]  # [(label, [(link text, file name), ...]), ...]

HANDBOOK = "handbook"
CARDS = "prompt-cards"


def packet_stem(scenario_id: str) -> str:
    """The participant packet: one for each person in the room."""
    return f"packet-{scenario_id}"


def room_tail(room: str) -> str:
    """What a session file's name adds for its room: nothing for the default room (the framework file's
    first), whose files keep the names they always had; `-<room>` for another."""
    return f"-{room}" if room else ""


def guide_stem(scenario_id: str, room: str = "") -> str:
    """The facilitator guide: one for the person leading the session (`room`: "" for the default room)."""
    return f"guide-{scenario_id}{room_tail(room)}"


def handout_stem(scenario_id: str, room: str = "") -> str:
    """The session handout: one per person, the session's prompts only."""
    return f"handout-{scenario_id}{room_tail(room)}"


def session_cards_stem(scenario_id: str, room: str = "") -> str:
    """The session's cards: one set per group, numbered as the handout."""
    return f"cards-{scenario_id}{room_tail(room)}"


POSTER = "poster"  # the framework's diagram to put on a wall for dot voting


def scenario_kinds() -> tuple[tuple[str, Callable[[str], str]], ...]:
    """What a scenario's page and the workshop page offer for each scenario, in this order: (label, stem)."""
    return ((_("Facilitator guide"), guide_stem), (_("Session handout"), handout_stem),
            (_("Participant packet (every prompt, for self-study)"), packet_stem))


def pdf_name(stem: str, paper: str | None) -> str:
    """A printable file's name: its stem and its paper size (None: a document of its own page size)."""
    return f"{stem}-{paper}.pdf" if paper else f"{stem}.pdf"


def handbook_pdf(paper: str) -> str:
    return pdf_name(HANDBOOK, paper)


def packet_pdf(scenario_id: str, paper: str) -> str:
    return pdf_name(packet_stem(scenario_id), paper)


def guide_pdf(scenario_id: str, paper: str) -> str:
    return pdf_name(guide_stem(scenario_id), paper)


def cards_pdf(paper: str) -> str:
    return pdf_name(CARDS, paper)


def slides_stem(scenario_id: str, room: str = "") -> str:
    return f"slides-{scenario_id}{room_tail(room)}"


def slides_pdf(scenario_id: str, room: str = "") -> str:
    """Slides are 16:9, not paper: one file, no paper size in its name."""
    return pdf_name(slides_stem(scenario_id, room), None)


def session_kinds() -> tuple[tuple[str, Callable[..., str], bool], ...]:
    """A session's files, as the planner and the guide list them: (label, stem, sized by paper)."""
    return ((_("Facilitator guide"), guide_stem, True), (_("Session handout"), handout_stem, True),
            (_("Slides to project"), slides_stem, False), (_("Session cards"), session_cards_stem, True))


def session_files(scenario_id: str, room: str, papers: list[str]) -> Files:
    """A ready-made session's files for one room ("" the default), each in every paper size (slides: one file)."""
    return [(label, _sized(papers, lambda p, stem=stem: pdf_name(stem(scenario_id, room), p)) if sized
             else [(slides_label(), pdf_name(stem(scenario_id, room), None))]) for label, stem, sized in session_kinds()]


def pdf_label(paper: str) -> str:
    """A download link's words for one paper size: 'A4 (PDF)'."""
    return _("{paper} (PDF)").format(paper=paper_name(paper))


def slides_label() -> str:
    """A download link's words for the slides, which are 16:9, not paper."""
    return _("16:9 (PDF)")


def _sized(papers: list[str], name: Callable[[str], str]) -> list[tuple[str, str]]:
    return [(pdf_label(p), name(p)) for p in papers]


def scenario_files(scenario_id: str, papers: list[str]) -> Files:
    """A scenario's facilitator guide and participant packet, each in every paper size, and its slides
    (one file: slides are 16:9, not paper). Plain data: the links below and the long list's entries."""
    return [(label, _sized(papers, lambda p, stem=stem: pdf_name(stem(scenario_id), p))) for label, stem in scenario_kinds()] \
        + [(_("Slides to project"), [(slides_label(), slides_pdf(scenario_id))])]


def _files(root: str, label: str, names: list[tuple[str, str]]) -> nodes.paragraph:
    """'Label: A4 · US Letter', each a link to its PDF. Abbreviations are not spelt out here ("gb-no-abbr"):
    in a link's short label the long form read "A4 (PDF (Portable Document Format))"."""
    para = nodes.paragraph("", "", nodes.strong("", label), nodes.Text(": "), classes=["glassbox-download", "no-search", "gb-no-abbr"])
    for i, (text, name) in enumerate(names):
        if i:
            para += nodes.Text(" · ")
        para += nodes.reference(text, text, refuri=f"{root}{SITE_FOLDER}/{name}", classes=["glassbox-pdf"])
    return para


def scenario_links(root: str, scenario_id: str, papers: list[str]) -> list[nodes.Node]:
    """A scenario's files as links (`scenario_files`)."""
    return [_files(root, label, names) for label, names in scenario_files(scenario_id, papers)]


def all_links(root: str, scenarios: list[tuple[str, str]], papers: list[str]) -> list[nodes.Node]:
    """The workshop page's downloads: handbook, cards, and every scenario's guide, packet and slides."""
    out: list[nodes.Node] = [
        _files(root, _("The whole handbook"), _sized(papers, handbook_pdf)),
        _files(root, _("Design prompt cards to cut out"), _sized(papers, cards_pdf)),
        _files(root, _("The framework's dot-voting poster"), _sized(papers, lambda p: pdf_name(POSTER, p))),
    ]
    listing = nodes.bullet_list(classes=["glassbox-downloads"])
    for scenario_id, title in scenarios:
        item = nodes.list_item("", nodes.paragraph("", title, classes=["glassbox-download-title"]))
        item.extend(scenario_links(root, scenario_id, papers))
        listing += item
    out.append(listing)
    return out
