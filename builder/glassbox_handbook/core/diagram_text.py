"""The framework diagram in words: its caption's list of the core and the structured text alternative beside
the drawing (a nested list with the same links), for glassbox_handbook.core.diagram."""

from __future__ import annotations

from docutils import nodes

from glassbox_handbook.core.diagram_parts import Uri
from glassbox_handbook.core.facts import and_list
from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.frontmatter import ScenarioMeta
from glassbox_handbook.words import _


def core_names(fw: Framework) -> str:
    """The components drawn at every level, by name: "A, B and C"."""
    return and_list([fw.component_by_id[cid].name for cid in fw.core])


def core_sentence(fw: Framework, level: str) -> str:
    """What the drawing shows at a level, in words: its core, linked both ways when there is more than one."""
    if len(fw.core) > 1:
        return _("{level}: {components}, linked both ways").format(level=level, components=core_names(fw))
    return _("{level}: {components}").format(level=level, components=core_names(fw))


def text_version(fw: Framework, uri: Uri, paired: bool, highlight: ScenarioMeta | None,
         section_anchor: dict[str, str]) -> nodes.bullet_list:
    """The structured text alternative: the same links, as a nested list."""
    def comp_item(cid: str) -> nodes.list_item:
        comp = fw.component_by_id[cid]
        href = uri("", section_anchor[cid]) if highlight and cid in section_anchor else uri(fw.component_page(cid), "")
        kids: list[nodes.Node] = [nodes.reference(comp.name, comp.name, refuri=href, internal=True)]
        if highlight:
            kids.append(nodes.Text(" " + (_("(enacted in this scenario)") if cid in section_anchor else _("(not enacted here)"))))
        return nodes.list_item("", nodes.paragraph("", "", *kids))

    top = nodes.bullet_list(classes=["gb-diagram-alt"])
    levels = fw.levels if paired else fw.base_levels
    for level in levels:
        name = level.name
        if highlight:
            name += " " + (_("(a level of this scenario)") if level.id in highlight.levels else _("(not a level of this scenario)"))
        inner = nodes.bullet_list()
        for cid in fw.core:
            inner += comp_item(cid)
        top += nodes.list_item("", nodes.paragraph("", core_sentence(fw, name)), inner)
    if fw.around_core:
        rest = nodes.bullet_list()
        for c in fw.around_core:
            rest += comp_item(c.id)
        words = (_("Across and between the levels (the dashed links join each level to the next):") if len(levels) > 1
                 else _("Across the level:"))
        top += nodes.list_item("", nodes.paragraph("", words), rest)
    return top
