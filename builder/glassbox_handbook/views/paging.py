"""Lists longer than a page: how many entries a page holds, and the "Show more" control under them.

The views that list scenarios (matrix, prompt index, explorer, a component's
"enacted in", the planner's choice of scenario) call these while they render;
the files that hold the rest of each list are written by the web writer
(`glassbox_handbook.web.lists`), which reads its sizes and folder from here.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape
from typing import Any

from glassbox_handbook.settings import DEFAULTS
from glassbox_handbook.words import _

FOLDER = "_lists"
MAX_ENTRIES, MAX_DETAILS = DEFAULTS.list_max_entries, DEFAULTS.list_max_details
Href = Callable[[str, str], str]  # (docname, anchor) -> address from the site's top folder


def page_size(config: Any) -> int:
    """Entries per page of a list of scenarios (a line or two each)."""
    return max(1, int(getattr(config, "glassbox_list_max_entries", MAX_ENTRIES)))


def detail_size(config: Any) -> int:
    """Entries per page of a list whose entries are long: the matrix's rows, a component's prompts."""
    return max(1, int(getattr(config, "glassbox_list_max_details", MAX_DETAILS)))


def shown(ctx: Any, detailed: bool = False) -> int:
    """How many entries of a list the page being written holds: on the web the first page, on paper all."""
    if ctx.options.medium != "web":
        return 1 << 62
    return detail_size(ctx.config) if detailed else page_size(ctx.config)


def all_pages(config: Any, total: int) -> list[str]:
    """Docnames of the plain paged list of every scenario (none when one page holds them all)."""
    size = page_size(config)
    if total <= size:
        return []
    return [f"{config.glassbox_scenarios}/all/{n + 1}" for n in range((total + size - 1) // size)]


def scenarios_word() -> str:
    """What a list of scenarios counts, after a number ("10 of 40 scenarios")."""
    return _("scenarios")


def _e(text: str) -> str:
    return escape(str(text), quote=True)


def more(ctx: Any, name: str, kind: str, total: int, target: str, what: str = "", meta: Any = None,
         detailed: bool = False, first: int | None = None, note: str = "") -> str:
    """The control under a shortened list: what is shown, a link for readers without JavaScript,
    and the button that loads the next page (`data-gb-more`, read by gb-lists.js). `first`: how many
    entries the page holds, when not a whole page (0: the list loads when its `<details>` opens). `what`: what the
    list counts, in the reader's words ("scenarios")."""
    what = what or _("entries")
    size = shown(ctx, detailed)
    held = min(size, total) if first is None else first
    pages = all_pages(ctx.config, sum(1 for __ in ctx.domain.scenarios()))
    everyone = ""
    if pages:
        label = _("all scenarios")
        link = f'<a href="{_e(ctx.uri(pages[0], ""))}">{_e(label)}</a>'
        everyone = ('<p class="gb-more-all">'
                    + _e(_("Every scenario is on its own page, and listed {n} a page in {all_scenarios}."))
                    .format(n=page_size(ctx.config), all_scenarios=link) + "</p>")
    status = note or _("The first {shown} of {total} {what} are shown here.").format(shown=held, total=total, what=what)
    button = _("Show {n} more").format(n=min(size, total - held))
    return (f'<div class="gb-more" data-gb-more="{_e(name)}" data-gb-kind="{_e(kind)}" data-gb-total="{total}" '
            f'data-gb-shown="{held}" data-gb-size="{size}" data-gb-root="{_e(ctx.root)}" '
            f'data-gb-target="{_e(target)}" data-gb-what="{_e(what)}"'
            + (f' data-gb-meta="{_e(json.dumps(meta, ensure_ascii=False, separators=(",", ":")))}"' if meta else "") + ">"
            f'<p class="gb-more-status" role="status">{_e(status)}</p>'
            f'<button type="button" class="gb-btn gb-more-button" hidden>{_e(button)}</button>'
            f"{everyone}</div>")
