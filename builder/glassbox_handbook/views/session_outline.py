"""The shape of a workshop session, for any scenario: the steps and their minutes at each length.

It is drawn from the same rules as every session plan (framework file,
`workshop`; `glassbox_handbook.core.session`), so the workshop page can never promise a
timing that the printed guides and the planner do not keep.
"""

from __future__ import annotations

from docutils import nodes

from glassbox_handbook.core.session import fixed_blocks
from glassbox_handbook.views import View, ViewContext
from glassbox_handbook.views.common import para, table


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    words = ctx.fw.workshop
    lengths = words.lengths

    def minutes(block: str) -> list[str]:
        return [str(fixed_blocks(ctx.fw, n)[block]) for n in lengths]

    rest = [str(n - sum(fixed_blocks(ctx.fw, n).values())) for n in lengths]
    room = ctx.fw.workshop.rooms[0]
    clean = {**room.words, "component": "the scenario's component", "summary": "its summary", "gaps": "them",
             "felt_difficulty": "the felt difficulty", "project": "the collaborative project",
             "listen": "the component's own signs", "focus": "the focus"}
    opening = [[words.framework.title, *minutes("framework"), words.framework.what.format(**clean)]] if words.framework else []
    rows = [
        [words.opening.title, *minutes("opening"), words.opening.what],
        *opening,
        [words.diagram.title, *minutes("diagram"), words.diagram.what],
        ["The components, one at a time", *rest,
         [para(words.component.what.format(**clean)),
          para(f"A {lengths[0]}-minute session takes up to {words.components[lengths[0]]} components, a "
               f"{lengths[-1]}-minute one up to {words.components[lengths[-1]]}; they share this time equally.")]],
        [f"{words.gaps.title}, or: {words.strengths.title.lower()}", *minutes("reflect"),
         [para("Where the scenario leaves components out: ", words.gaps.what.format(**clean)),
          para("Where it enacts every one: ", words.strengths.what.format(**clean))]],
        [words.close.title, *minutes("close"), words.close.what.format(**clean)],
    ]
    headers = ["Step", *(f"{n} min" for n in lengths), "What happens"]
    return [table(headers, rows, ["glassbox-session-outline"], "A session on one scenario, at each length")]


VIEW = View("session-outline", render)
