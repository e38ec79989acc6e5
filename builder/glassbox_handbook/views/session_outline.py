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
from glassbox_handbook.words import _


def render(ctx: ViewContext, node: nodes.Element) -> list[nodes.Node]:
    words = ctx.fw.workshop
    lengths = words.lengths

    def minutes(block: str) -> list[str]:
        return [str(fixed_blocks(ctx.fw, n)[block]) for n in lengths]

    rest = [str(n - sum(fixed_blocks(ctx.fw, n).values())) for n in lengths]
    room = ctx.fw.workshop.rooms[0]
    # The steps' words name one scenario's parts; an outline for any scenario names them in general.
    clean = {**room.words, "component": _("the scenario's component"), "summary": _("its summary"), "gaps": _("them"),
             "felt_difficulty": _("the felt difficulty"), "project": _("the collaborative project"),
             "listen": _("the component's own signs"), "focus": _("the focus")}
    opening = [[words.framework.title, *minutes("framework"), words.framework.what.format(**clean)]] if words.framework else []
    rows = [
        [words.opening.title, *minutes("opening"), words.opening.what],
        *opening,
        [words.diagram.title, *minutes("diagram"), words.diagram.what],
        [_("The components, one at a time"), *rest,
         [para(words.component.what.format(**clean)),
          para(_("A {short}-minute session takes up to {few} components, a {long}-minute one up to {many}; they share "
                 "this time equally.").format(short=lengths[0], few=words.components[lengths[0]], long=lengths[-1],
                                              many=words.components[lengths[-1]]))]],
        [_("{gaps}, or: {strengths}").format(gaps=words.gaps.title, strengths=words.strengths.title.lower()),
         *minutes("reflect"),
         [para(_("Where the scenario leaves components out:"), " ", words.gaps.what.format(**clean)),
          para(_("Where it enacts every one:"), " ", words.strengths.what.format(**clean))]],
        [words.close.title, *minutes("close"), words.close.what.format(**clean)],
    ]
    headers = [_("Step"), *(_("{n} min").format(n=n) for n in lengths), _("What happens")]
    return [table(headers, rows, ["glassbox-session-outline"], _("A session on one scenario, at each length"))]


VIEW = View("session-outline", render)
