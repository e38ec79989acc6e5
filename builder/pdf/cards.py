"""Design prompt cards, every prompt of the handbook labelled by its component, as plain data."""

from __future__ import annotations

from ..downloads import CARDS
from .documents import PdfDocument, PrintInputs, shape_uri


def cards(inputs: PrintInputs) -> PdfDocument:
    fw = inputs.fw
    roles = {r.id: r.name for r in fw.roles}
    # A large corpus's scenario prompts are in the packets; a deck of thousands of cards helps nobody.
    scenario_pages = [] if inputs.brief else [p for _, p in inputs.scenarios]
    own_pages = [p for _, p in sorted(inputs.pages.items()) if p.scenario is None]
    out = []
    for page in scenario_pages + own_pages:
        source = page.scenario.title if page.scenario else page.title
        for p in page.prompts:
            comp = fw.component_by_id.get(p.component)
            shape = comp.shape if comp else "circle"
            out.append({"text": p.text, "component": comp.name if comp else "General", "shape": shape_uri(shape),
                        "shape_name": shape, "source": source, "roles": ", ".join(roles.get(r, r) for r in p.roles)})
    title = f"{inputs.common('')['project']}: design prompt cards"
    return PdfDocument(CARDS, "cards.html",
                       {**inputs.common(title), "cards": out, "scenarios_left_out": inputs.left_out,
                        "legend": [(c.name, c.shape, shape_uri(c.shape)) for c in fw.components]})
