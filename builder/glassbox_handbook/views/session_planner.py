"""The session planner: a workshop leader's own plan for one scenario, made in the browser.

The printed facilitator packets hold each scenario's default plan; the planner
lets a leader choose another length, other components or other prompts and
still get the plan those packets would give (`glassbox_handbook.core.session.plan_session`).
So that the two cannot drift apart, the page carries no plan of its own: it
embeds, as JSON, every scenario's facts, sections and prompts and the
framework file's `workshop` block whole (the rules and every step's words), and
`static/gb-planner.js` runs the same algorithm on them; `tests/test_planner.py`
runs both on every scenario and compares. Everything is in the page, so the
planner works offline and from `file://`. On paper there is nothing to choose:
the printed page points to the website's planner and to the packets.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING, Any

from docutils import nodes

from glassbox_handbook.core import downloads
from glassbox_handbook.core.frontmatter import FACTS
from glassbox_handbook.core.session import chosen_rule, kit_minutes, kit_rooms, room, scenario_values
from glassbox_handbook.views import Slices, Uri, View, ViewContext
from glassbox_handbook.views import paging as lists
from glassbox_handbook.views.common import filled, json_script, para, where_online
from glassbox_handbook.words import _

if TYPE_CHECKING:
    from glassbox_handbook.core.framework import Framework
    from glassbox_handbook.core.model import Page

WORKSHOP_PAGE = "handbook/workshop"


def planner_data(fw: Framework, pages: Iterable[tuple[str, Page]], uri: Uri) -> dict[str, Any]:
    """What the script plans from: the framework's session rules and words, and each scenario page's content."""
    scenarios = []
    for docname, page in pages:
        meta = page.scenario
        scenarios.append({
            "id": meta.id, "title": meta.title, "href": uri(docname, ""),
            "facts": {f: getattr(meta, f) for f in FACTS},
            "values": scenario_values(page),
            "sections": [s._asdict() for s in page.sections],
            "prompts": [{"id": p.id, "text": p.text, "component": p.component, "roles": list(p.roles)}
                        for p in page.prompts if p.component],
        })
    return {
        # A room that names no side has every side; a role with no side is in every room (the script asks no more).
        "workshop": {**fw.workshop.model_dump(mode="json"), "focus_order": fw.focus_order,
                     "rooms": [{**r.model_dump(mode="json"), "sides": fw.room_sides(r)} for r in fw.workshop.rooms]},
        "chosenRule": chosen_rule(),  # in the project's language, as the printed plans say it
        "room": {str(m): room(fw, m) for m in fw.workshop.lengths},
        "components": [{"id": c.id, "name": c.name, "shape": c.shape, "listen": c.listen, "definition": c.definition}
                       for c in fw.components],
        "roles": [{"id": r.id, "name": r.name, "side": r.side or "both"} for r in fw.roles],
        "kitMinutes": kit_minutes(fw),
        "facts": [{"key": f, "label": fw.fact_label(f)} for f in FACTS],
        "scenarios": scenarios,
        "worksheet": uri("handbook/worksheet", ""),  # where "Our own account" takes the session's questions
    }


#: Scenarios per list file of the planner: a scenario's plan needs its whole text, so the files are small.
PER_FILE = 10


def packet_links(fw: Framework, config: Any, sid: str, folder: str) -> list[Any]:
    """[label, [[paper, link], ...]] for each of a scenario's printed files."""
    return [[label, [[downloads.paper_name(p), folder + downloads.pdf_name(stem(sid), p)] for p in config.glassbox_pdf_papers]]
            for label, stem in downloads.scenario_kinds()]


def kit_links(fw: Framework, config: Any, sid: str, folder: str) -> dict[str, list[Any]]:
    """Room id -> [label, [[paper, link], ...]] for each ready-made file of that room's session on the scenario."""
    return {r.id: [[label, [[text, folder + name] for text, name in files]]
                   for label, files in downloads.session_files(sid, tail, list(config.glassbox_pdf_papers))]
            for r, tail in kit_rooms(fw)}


def long_lists(fw: Framework, domain: Any, href: Uri, config: Any) -> dict[str, tuple[int, list[Any]]]:
    """Each scenario's plan data, with its packets and kits (their links from the site's top folder)."""
    entries = planner_data(fw, domain.scenarios(), href)["scenarios"]
    for entry in entries:
        entry["packets"] = packet_links(fw, config, entry["id"], f"{downloads.SITE_FOLDER}/")
        entry["kits"] = kit_links(fw, config, entry["id"], f"{downloads.SITE_FOLDER}/")
    return {"planner": (PER_FILE, entries)} if len(entries) > lists.page_size(config) else {}


def packets_note(ctx: ViewContext) -> str:
    """What a scenario's printed packets are, above their links (gb-lists.js writes it above those it loads)."""
    return _("This scenario's printed files ({room}): the facilitator guide holds its {minutes}-minute plan as "
             "the rule makes it, the session handout its prompts, and the participant packet every prompt, "
             "for self-study.").format(room=ctx.fw.workshop.rooms[0].name, minutes=kit_minutes(ctx.fw))


def packets(ctx: ViewContext) -> str:
    """Each scenario's printed packets (the script shows those of the scenario chosen): the default, said so."""
    papers = list(ctx.config.glassbox_pdf_papers)
    folder = f"{ctx.root}{downloads.SITE_FOLDER}/"
    out = []
    said = escape(packets_note(ctx))
    kinds = downloads.scenario_kinds()
    for __, page in ctx.domain.scenarios():
        sid = page.scenario.id
        rows = "".join(
            f"<li>{escape(label)}: " + " · ".join(
                f'<a href="{escape(folder + downloads.pdf_name(stem(sid), p), quote=True)}">'
                f"{escape(downloads.pdf_label(p))}</a>" for p in papers) + "</li>"
            for label, stem in kinds)
        out.append(f'<div class="gb-plan-packets" data-scenario="{escape(sid, quote=True)}" hidden>'
                   f"<p>{said}</p><ul>{rows}</ul></div>")
    return "".join(out)


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    data = planner_data(ctx.fw, ctx.domain.scenarios(), ctx.uri)
    for entry in data["scenarios"]:
        entry["kits"] = kit_links(ctx.fw, ctx.config, entry["id"], f"{ctx.root}{downloads.SITE_FOLDER}/")
    total, size = len(data["scenarios"]), lists.shown(ctx)
    options = "".join(f'<option value="{escape(s["id"], quote=True)}">{escape(s["title"])}</option>'
                      for s in data["scenarios"])
    packet_html = packets(ctx)
    if total > size:  # the chosen scenario's data loads when it is chosen (gb-lists.js)
        data = {**data, "scenarios": [],
                "more": {"name": "planner", "size": PER_FILE, "root": ctx.root, "note": packets_note(ctx)}}
        packet_html = ""
    workshop = escape(ctx.uri(WORKSHOP_PAGE, "downloads"), quote=True)
    minutes = _("{n} minutes")
    lengths = "".join(f'<label class="gb-plan-choice"><input type="radio" name="minutes" value="{m}"'
                      f'{" checked" if i == 0 else ""}> {escape(minutes.format(n=m))}</label>'
                      for i, m in enumerate(ctx.fw.workshop.lengths))
    rooms = "".join(f'<label class="gb-plan-choice"><input type="radio" name="room" value="{escape(r.id, quote=True)}"'
                    f'{" checked" if i == 0 else ""}> {escape(r.name)}</label>' for i, r in enumerate(ctx.fw.workshop.rooms))
    printed = _("printed packets")
    packets_link = f'<a href="{workshop}">{escape(printed)}</a>'
    w = {key: escape(text, quote=True) for key, text in {
        "nojs": _("The planner needs JavaScript. Without it, the {printed_packets} hold every scenario's plan and "
                  "handouts, ready to print."),
        "choose": _("Choose the session"), "scenario": _("Scenario"), "length": _("Length"),
        "room": _("Who is in the room"), "components": _("Components (optional)"),
        "print": _("Print the plan and handouts"), "download": _("Download as Markdown"),
        "copy": _("Copy link to this plan"), "worksheet": _("After the session: our own account in the worksheet"),
        "kit": _("Ready-made files")}.items()}
    html = (
        '<div class="gb-planner" id="gb-planner">'
        f'<p class="gb-plan-nojs">{w["nojs"].format(printed_packets=packets_link)}</p>'
        '<form class="gb-plan-form" hidden aria-labelledby="gb-plan-form-heading">'
        f'<h2 id="gb-plan-form-heading">{w["choose"]}</h2>'
        f'<p class="gb-plan-field"><label for="gb-plan-scenario">{w["scenario"]}</label>'
        f'<select id="gb-plan-scenario" name="scenario">{options}</select></p>'
        f'<fieldset class="gb-plan-lengths"><legend>{w["length"]}</legend>{lengths}</fieldset>'
        f'<fieldset class="gb-plan-rooms"><legend>{w["room"]}</legend>{rooms}</fieldset>'
        '<fieldset class="gb-plan-components" aria-describedby="gb-plan-components-hint">'
        f'<legend>{w["components"]}</legend>'
        '<p class="gb-plan-hint" id="gb-plan-components-hint"></p><div class="gb-plan-boxes"></div></fieldset>'
        '<div class="gb-plan-prompts"></div>'
        f'<p class="gb-plan-actions"><button type="button" class="gb-btn gb-plan-print">{w["print"]}</button> '
        f'<button type="button" class="gb-btn gb-plan-download">{w["download"]}</button> '
        f'<button type="button" class="gb-btn gb-plan-copy">{w["copy"]}</button> '
        f'<button type="button" class="gb-btn gb-plan-worksheet">{w["worksheet"]}</button></p>'
        "</form>"
        '<p class="gb-plan-status" role="status" aria-live="polite"></p>'
        + packet_html +
        f'<section class="gb-plan-kit" hidden aria-label="{w["kit"]}"></section>'
        '<section class="gb-plan-output" hidden aria-labelledby="gb-plan-heading"></section>'
        '<section class="gb-plan-handout" hidden aria-labelledby="gb-handout-heading"></section>'
        + json_script("gb-planner-data", data)
        + "</div>"
    )
    return [nodes.raw("", html, format="html")]


def render_print(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    """On paper: the planner works on screen only; where to find it, and which printed packets stand in for it."""
    where = where_online(ctx)
    paper = ctx.config.glassbox_pdf_papers[0]
    slot = _("<scenario>")  # where a file's name holds the scenario's id
    guide = downloads.guide_pdf(slot, paper)
    handout = downloads.pdf_name(downloads.handout_stem(slot), paper)
    packet = downloads.packet_pdf(slot, paper)
    said = _("The planner works on screen, so this printed handbook cannot hold it: open {where} to use it. For a "
             "session by the rule, print the scenario's files instead: {guide} holds its {minutes}-minute plan, "
             "{handout} the handout for each person and {packet} every prompt, for self-study.")
    def file(name: str) -> nodes.literal:  # a file's name is never broken across two lines (gb-file, print.css)
        return nodes.literal(name, name, classes=["gb-file"])

    return [para(*filled(said, where=where, guide=file(guide), minutes=str(kit_minutes(ctx.fw)),
                         handout=file(handout), packet=file(packet)),
                 classes=["glassbox-planner-print"])]


def depends(slices: Slices, docname: str, page: Page) -> Any:
    """Every scenario's facts, sections and prompts: the planner shows all three."""
    return [(d, p.scenario, p.sections, p.prompts) for d, p in slices.scenarios]


VIEW = View("session-planner", render, print=render_print, depends=depends, lists=long_lists)
