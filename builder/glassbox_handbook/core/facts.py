"""A scenario's facts as every output shows them: the one presenter of them.

The page's facts card, the packet, the slides, the lists of scenarios and the
worksheet all show the same facts with the same labels, and join the names of
levels, roles and components the same way. They take them from here, so a new
fact or a new way of naming is written once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.frontmatter import FACTS, ScenarioMeta
from glassbox_handbook.words import _


class Named(Protocol):
    name: str


def names(by_id: Mapping[str, Named], ids: Iterable[str | None]) -> str:
    """The names of the ids the framework knows, in the order given, joined for a sentence or a cell
    (unknown ids were refused by the check; a page with problems still renders what it can)."""
    return ", ".join(by_id[i].name for i in ids if i is not None and i in by_id)


def and_list(items: list[str]) -> str:
    """Names for a sentence: "A", "A and B", "A, B and C"."""
    if len(items) < 2:
        return "".join(items)
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def or_list(items: list[str]) -> str:
    """Names for a choice: "A", "A or B", "A, B or C"."""
    if len(items) < 2:
        return "".join(items)
    return _("{items} or {last}").format(items=", ".join(items[:-1]), last=items[-1])


def scenario_facts(fw: Framework, meta: ScenarioMeta) -> list[tuple[str, str]]:
    """The four facts, then the levels and roles, as (label, value)."""
    out = [(fw.fact_label(f), getattr(meta, f)) for f in FACTS]
    out.append((_("Levels"), names(fw.level_by_id, meta.levels)))
    out.append((_("Roles involved"), names(fw.role_by_id, meta.roles)))
    return out
