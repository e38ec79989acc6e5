"""The shape of a workshop session, for any scenario: the steps and their minutes at each length.

It is drawn from the same rules as every session plan (framework file,
`workshop`; `glassbox_handbook.core.session`), so the workshop page can never promise a
timing that the printed guides and the planner do not keep.
"""

from __future__ import annotations

from docutils import nodes

from glassbox_handbook.views import View, ViewContext
from glassbox_handbook.views.common import para, table


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    words = ctx.fw.workshop
    lengths = words.lengths

    def minutes(block: str) -> list[str]:
        return [str(words.blocks[block][n]) for n in lengths]

    rest = [str(n - sum(b[n] for b in words.blocks.values())) for n in lengths]
    clean = {"component": "the scenario's component", "summary": "its summary", "gaps": "them",
             "felt_difficulty": "the felt difficulty", "project": "the collaborative project"}
    rows = [
        [words.opening.title, *minutes("opening"), words.opening.what],
        [words.diagram.title, *minutes("diagram"), words.diagram.what],
        ["The components, one at a time", *rest,
         [para(words.component.what.format(**clean)),
          para(f"A {lengths[0]}-minute session takes up to {words.components[lengths[0]]} components, a "
               f"{lengths[-1]}-minute one up to {words.components[lengths[-1]]}; they share this time equally.")]],
        [f"{words.gaps.title}, or: {words.strengths.title.lower()}", *minutes("reflect"),
         [para("Where the scenario leaves components out: ", words.gaps.what.format(**clean)),
          para("Where it enacts every one: ", words.strengths.what)]],
        [words.close.title, *minutes("close"), words.close.what],
    ]
    headers = ["Step", *(f"{n} min" for n in lengths), "What happens"]
    return [table(headers, rows, ["glassbox-session-outline"], "A session on one scenario, at each length")]


VIEW = View("session-outline", render)
