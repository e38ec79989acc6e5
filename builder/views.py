"""Generated views, built from domain data alone.

Each function returns docutils nodes, so the same views go to the website
and to the PDFs. Links are made with the builder's own URI scheme, so they
are right whether the pages are separate files or one PDF.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes

from .domain import GlassboxDomain
from .framework import Framework
from .scenario import ScenarioMeta

Uri = Callable[[str, str], str]  # (docname, anchor) -> URI from the page being written
TABLE2 = ("felt_difficulty", "collaborative_project", "primary_focus", "illustrative_evidence")


def _label(field: str) -> str:
    return ScenarioMeta.model_fields[field].title or field


def link(uri: Uri, docname: str, anchor: str, text: str, classes: list[str] | None = None) -> nodes.reference:
    return nodes.reference(text, text, internal=True, refuri=uri(docname, anchor), classes=classes or [])


def para(*children: nodes.Node | str, classes: list[str] | None = None) -> nodes.paragraph:
    kids = [nodes.Text(c) if isinstance(c, str) else c for c in children]
    return nodes.paragraph("", "", *kids, classes=classes or [])


def badge(text: str, kind: str) -> nodes.inline:
    return nodes.inline(text, text, classes=["glassbox-badge", f"glassbox-badge-{kind}"])


def joined(entries: list[list[nodes.Node]], separator: str) -> list[nodes.Node]:
    """The entries' nodes in one run, with `separator` between entries."""
    out: list[nodes.Node] = []
    for i, entry in enumerate(entries):
        out += ([nodes.Text(separator)] if i else []) + entry
    return out


def run_in(entries: list[list[nodes.Node]], classes: list[str]) -> nodes.paragraph:
    """Entries one after another in a paragraph: how a printed handbook of a large corpus lists scenarios."""
    return para(*joined(entries, " · "), classes=[*classes, "glassbox-brief"])


def table(headers: list[str], rows: list[list[Any]], classes: list[str], caption: str = "",
          stub: bool = True, row_ids: list[str] | None = None) -> nodes.container:
    """A table with a header row (and a row-header column when `stub`), wrapped so it can scroll."""
    tbl = nodes.table(classes=["glassbox-table", *classes], ids=[f"table-{classes[0]}"] if classes else [])
    if caption:
        tbl += nodes.title(caption, caption)
    group = nodes.tgroup(cols=len(headers))
    tbl += group
    for _ in headers:
        group += nodes.colspec(colwidth=1, stub=0)
    if stub:
        group[0]["stub"] = 1
    head = nodes.thead()
    group += head
    hrow = nodes.row()
    for text in headers:
        hrow += nodes.entry("", para(text))
    head += hrow
    body = nodes.tbody()
    group += body
    for i, cells in enumerate(rows):
        row = nodes.row(ids=[row_ids[i]] if row_ids else [])
        for cell in cells:
            entry = nodes.entry()
            for item in cell if isinstance(cell, list) else [cell]:
                entry += para(item) if isinstance(item, (str, nodes.Inline, nodes.Text)) else item
            row += entry
        body += row
    wrapper = nodes.container(classes=["glassbox-table-scroll"])
    wrapper += tbl
    return wrapper


# -- views ---------------------------------------------------------------------


def enacted_in(fw: Framework, domain: GlassboxDomain, uri: Uri, kind: str, item_id: str,
               brief: bool = False) -> list[nodes.Node]:
    """Backlinks from a component or concept page; `brief` (print, large corpus) leaves out the summaries."""
    items = nodes.bullet_list(classes=["glassbox-enacted-in"])
    entries: list[list[nodes.Node]] = []
    if kind == "component":
        for docname, rec in domain.scenarios():
            for sec in rec["sections"]:
                if sec["component"] == item_id:
                    basis = fw.basis_by_id.get(sec["basis"])
                    summary = [] if brief else [": ", sec["summary"]]
                    entries.append([link(uri, docname, sec["anchor"], rec["scenario"]["title"]), *summary, " ",
                                    badge(basis.name if basis else sec["basis"], sec["basis"])])
        empty = "No scenario in this handbook enacts this component yet; see Contribute a scenario to add one."
    else:
        for docname, rec in domain.scenarios():
            seen: list[tuple[str, str]] = []
            for use in rec["terms"]:
                if use["concept"] == item_id and (use["anchor"], use["section"]) not in seen:
                    seen.append((use["anchor"], use["section"]))
            if seen and brief:
                entries.append([link(uri, docname, seen[0][0], rec["scenario"]["title"])])
            elif seen:
                entries.append([nodes.strong("", rec["scenario"]["title"]), nodes.Text(": "),
                                *joined([[link(uri, docname, anchor, section)] for anchor, section in seen], ", ")])
        empty = "No scenario in this handbook uses this concept yet."
    if not entries:
        return [para(empty, classes=["glassbox-empty"])]
    if brief:
        return [run_in(entries, ["glassbox-enacted-in"])]
    for entry in entries:
        items += nodes.list_item("", para(*entry))
    return [items]


def matrix(fw: Framework, domain: GlassboxDomain, uri: Uri, brief: bool = False) -> list[nodes.Node]:
    """Scenarios by components; `brief` (print, large corpus) shows each cell's basis without the summary."""
    rows = []
    for docname, rec in domain.scenarios():
        by_comp = {s["component"]: s for s in rec["sections"]}
        cells: list[Any] = [[link(uri, docname, "", rec["scenario"]["title"])]]
        for comp in fw.components:
            sec = by_comp.get(comp.id)
            if sec is None:
                cells.append([para(badge("Gap: not enacted", "gap"), classes=["glassbox-gap"])])
            else:
                basis = fw.basis_by_id.get(sec["basis"])
                read = link(uri, docname, sec["anchor"], "Read the section", classes=["glassbox-cell-link"])
                read["reftitle"] = f"{comp.name} in {rec['scenario']['title']}"
                mark = badge(basis.name if basis else sec["basis"], sec["basis"])
                cells.append([para(mark)] if brief else [para(sec["summary"]), para(mark, " ", read)])
        rows.append(cells)
    headers = ["Scenario", *(c.name for c in fw.components)]
    caption = "Scenarios by component: the glass-box matrix"
    if brief:
        caption += " (in brief: each cell shows only its basis; the summaries are on the website and in each scenario's packets)"
    return [table(headers, rows, ["glassbox-matrix"], caption)]


def problems_table(fw: Framework, domain: GlassboxDomain, uri: Uri, brief: bool = False) -> list[nodes.Node]:
    """The paper's Table 2 for every scenario; `brief` (print, large corpus) keeps the first column."""
    fields = TABLE2[:1] if brief else TABLE2
    rows = []
    for docname, rec in domain.scenarios():
        meta = rec["scenario"]
        first = [para(link(uri, docname, "", meta["title"])), para(meta["felt_difficulty"])]
        rows.append([first, *(meta[f] for f in fields[1:])])
    caption = "Problems of practice as shared learning priorities"
    if brief:
        caption += " (in brief: the other columns are on the website and in each scenario's packets)"
    return [table([_label(f) for f in fields], rows, ["glassbox-problems"], caption, stub=not brief)]


def levels_view(fw: Framework, domain: GlassboxDomain, uri: Uri, brief: bool = False) -> list[nodes.Node]:
    rows = []
    scenarios = list(domain.scenarios())
    for level in fw.levels.srlc:
        found = [(d, r) for d, r in scenarios if level.id in r["scenario"]["levels"]]
        links = [[link(uri, docname, "", rec["scenario"]["title"])] for docname, rec in found]
        listing: nodes.Node = run_in(links, []) if brief else nodes.bullet_list(
            "", *(nodes.list_item("", para(*entry)) for entry in links))
        rows.append([level.name, f"{level.school_side} and {level.university_side}", str(len(found)),
                     [listing] if found else "None yet"])
    headers = ["Level pair", "Who meets there", "Scenarios", "Which"]
    return [table(headers, rows, ["glassbox-levels"], "Scenarios at each level pair",
                  row_ids=[f"level-{level.id}" for level in fw.levels.srlc])]


def prompt_index(fw: Framework, domain: GlassboxDomain, uri: Uri, docname: str, brief: bool = False) -> list[nodes.Node]:
    """Every prompt by component, then each scenario's count; `brief` (print, large corpus) prints
    the handbook's own prompts and leaves the scenarios' prompts to their packets."""
    out: list[nodes.Node] = []
    all_prompts = [(d, r, p) for d, r in sorted(domain.docs.items()) for p in r["prompts"]
                   if not (brief and r["scenario"])]

    def entry(d: str, rec: dict, p: dict) -> nodes.list_item:
        source = rec["scenario"]["title"] if rec["scenario"] else rec["title"]
        where = source if p["section"] == rec["title"] else f"{source}, {p['section']}"
        roles = ", ".join(fw.role_by_id[r].name for r in p["roles"] if r in fw.role_by_id)
        return nodes.list_item("", para(p["text"]), para(
            "From ", link(uri, d, p["id"], where), f" · For: {roles}" if roles else "", classes=["glassbox-prompt-source"]),
            classes=["glassbox-prompt-entry", *(f"glassbox-role-{r}" for r in p["roles"])], ids=[],
            **{"data-roles": " ".join(p["roles"])})

    by_comp = nodes.section(ids=["prompts-by-component"])
    by_comp += nodes.title("", "Prompts by component")
    for comp in fw.components:
        found = [x for x in all_prompts if x[2]["component"] == comp.id]
        sec = nodes.section(ids=[f"prompts-{comp.id}"])
        sec += nodes.title("", f"{comp.name} ({len(found)})")
        lst = nodes.bullet_list(classes=["glassbox-prompt-list"])
        for d, rec, p in found:
            lst += entry(d, rec, p)
        sec += lst if found else para("No prompts yet.")
        if brief:
            left = sum(1 for _, r in domain.scenarios() for p in r["prompts"] if p["component"] == comp.id)
            sec += para(f"The scenarios hold {left} more prompts on {comp.name.lower()}; each scenario's "
                        "workshop packet prints them.", classes=["glassbox-prompt-more"])
        by_comp += sec
    out.append(by_comp)
    # Each scenario's prompts are printed once, above; here a scenario leads to its own page,
    # where they sit in context. (Printing them twice made this page ten megabytes at 1000 scenarios.)
    by_scen = nodes.section(ids=["prompts-by-scenario"])
    by_scen += nodes.title("", "Prompts by scenario")
    listing = nodes.bullet_list(classes=["glassbox-prompt-scenarios"])
    for d, rec in domain.scenarios():
        count = len(rec["prompts"])
        listing += nodes.list_item("", para(link(uri, d, "", rec["scenario"]["title"]),
                                            f": {count} prompt{'s' if count != 1 else ''}"))
    by_scen += listing if len(listing) else para("No scenarios yet.")
    out.append(by_scen)
    return out


def olc_srlc_table(fw: Framework) -> list[nodes.Node]:
    info = fw.framework
    rows = [[d.name, d.olc, d.srlc] for d in fw.dimensions]
    headers = ["Dimension", f"{info.base_name} ({info.base_short_name})", f"{info.name} ({info.short_name})"]
    return [table(headers, rows, ["glassbox-dimensions"],
                  f"The same learning constructs under different conditions: {info.base_short_name} and {info.short_name}")]


def glossary(fw: Framework, uri: Uri) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for heading, items, page in (("Components", fw.components, fw.component_page),
                                 ("Concepts", fw.concepts, fw.concept_page)):
        sec = nodes.section(ids=[f"glossary-{heading.lower()}"])
        sec += nodes.title("", heading)
        dl = nodes.definition_list(classes=["glassbox-glossary"])
        for item in sorted(items, key=lambda i: i.name.casefold()):
            dl += nodes.definition_list_item(
                "", nodes.term("", "", link(uri, page(item.id), "", item.name)),
                nodes.definition("", para(item.definition)), ids=[f"term-{item.id}"])
        sec += dl
        out.append(sec)
    return out


def scenario_list(fw: Framework, domain: GlassboxDomain, uri: Uri, brief: bool = False) -> list[nodes.Node]:
    if brief:  # print, large corpus: the titles; each scenario's facts are in its packets
        return [run_in([[link(uri, d, "", r["scenario"]["title"])] for d, r in domain.scenarios()], ["glassbox-scenario-list"])]
    lst = nodes.bullet_list(classes=["glassbox-scenario-list"])
    for docname, rec in domain.scenarios():
        meta = rec["scenario"]
        comps = [fw.component_by_id[s["component"]].name for s in rec["sections"] if s["component"] in fw.component_by_id]
        traj = fw.trajectory_by_id.get(meta["trajectory"])
        item = nodes.list_item("", para(nodes.strong("", "", link(uri, docname, "", meta["title"]))),
                               para(meta["felt_difficulty"]),
                               para(f"{len(comps)} components · {traj.name if traj else meta['trajectory']} · "
                                    + ", ".join(fw.level_by_id[x].name for x in meta["levels"] if x in fw.level_by_id),
                                    classes=["glassbox-scenario-facts"]))
        lst += item
    return [lst]


def scenario_card(fw: Framework, rec: dict, uri: Uri, docname: str, site_url: str, project: str) -> nodes.container:
    """The facts panel under a scenario's title: Table 2 facts, levels, roles, credit, citation."""
    meta = rec["scenario"]
    card = nodes.container(classes=["glassbox-card"])
    dl = nodes.definition_list(classes=["glassbox-facts"])

    def add(label: str, *body: nodes.Node | str) -> None:
        dl.append(nodes.definition_list_item("", nodes.term(label, label), nodes.definition("", para(*body))))

    for f in TABLE2:
        add(_label(f), meta[f])
    add("Levels", ", ".join(fw.level_by_id[x].name for x in meta["levels"] if x in fw.level_by_id))
    add("Roles involved", ", ".join(fw.role_by_id[x].name for x in meta["roles"] if x in fw.role_by_id))
    traj = fw.trajectory_by_id[meta["trajectory"]]
    add("Trajectory", nodes.strong("", traj.name), f": {traj.description}")
    jump: list[nodes.Node | str] = []
    for i, sec in enumerate(s for s in rec["sections"] if s["component"] in fw.component_by_id):
        jump += ([", "] if i else []) + [link(uri, docname, sec["anchor"], fw.component_by_id[sec["component"]].name)]
    add("Components enacted", *jump)
    card += dl
    people: list[nodes.Node | str] = []
    for i, person in enumerate(meta["contributors"]):
        people += [", "] if i else []
        people.append(person["name"])
        if person.get("orcid"):
            url = f"https://orcid.org/{person['orcid']}"
            people += [" (ORCID ", nodes.reference(url, url, refuri=url), ")"]
    status = "Reviewed" if meta["status"] == "reviewed" else "Draft: not yet reviewed"
    card += para("Written by ", *people, " · ", badge(status, meta["status"]), " · Licence: CC BY 4.0",
                 classes=["glassbox-credit"])
    names = "; ".join(p["name"] for p in meta["contributors"])
    where = f"{site_url.rstrip('/')}/{docname}.html" if site_url else f"{docname}.html"
    cite = nodes.container(classes=["glassbox-cite", "no-search"])
    cite += para(nodes.strong("", "How to cite this scenario: "),
                 f"{names}. {meta['title']}. In {project}. {where}. Licensed CC BY 4.0.")
    card += cite
    return card


def contributors(fw: Framework, domain: GlassboxDomain, uri: Uri) -> list[nodes.Node]:
    """Everyone credited in a scenario's front matter, with the scenarios they wrote."""
    people: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for docname, rec in domain.scenarios():
        for person in rec["scenario"]["contributors"]:
            key = (person["name"], person.get("orcid") or "")
            people.setdefault(key, []).append((docname, rec["scenario"]["title"]))
    lst = nodes.bullet_list(classes=["glassbox-contributors"])
    for (name, orcid), written in sorted(people.items(), key=lambda item: item[0][0].casefold()):
        kids: list[nodes.Node | str] = [nodes.strong("", name)]
        if orcid:
            url = f"https://orcid.org/{orcid}"
            kids += [" (ORCID ", nodes.reference(url, url, refuri=url), ")"]
        kids.append(": ")
        for i, (docname, title) in enumerate(written):
            kids += ([", "] if i else []) + [link(uri, docname, "", title)]
        lst += nodes.list_item("", para(*kids))
    return [lst]


def sources(rec: dict, bib: dict, uri: Uri, references: str, anchor: str) -> list[nodes.Node]:
    """A scenario's sources, each linked to its entry in the reference list."""
    lst = nodes.bullet_list(classes=["glassbox-sources"])
    for key in rec["scenario"]["sources"]:
        entry = bib.get(key)
        if entry is None:
            continue
        label = (link(uri, references, nodes.make_id(anchor.format(key=key)), entry.label) if references
                 else nodes.Text(entry.label))
        lst += nodes.list_item("", para(label, ". ", nodes.emphasis("", entry.title), "."))
    return [lst]
