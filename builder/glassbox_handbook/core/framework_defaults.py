"""What a framework file that leaves a part out gets instead, so that a small framework stays short.

The defaults' words are the builder's own and go through its catalog: each is looked up when the
file is read, in the language of the project being built (`words.use_language` runs first). The
licence a file that names none gets is CC BY 4.0, the licence open educational resources most
often take. `fill_in` completes what depends on the rest of the file (a component's group, mark and
shape; the facts a file does not label).
"""

from __future__ import annotations

from typing import Any

from glassbox_handbook.core.vocabulary import SHAPES, Fact, Licence, Named, initials
from glassbox_handbook.words import _


def trajectories() -> list[Named]:
    return [Named(id="moving", name=_("Moving forward"),
                  description=_("The people involved kept working on the problem, and things changed.")),
            Named(id="stuck", name=_("Stuck"),
                  description=_("The problem is known, but nothing has changed yet."))]


def bases() -> list[Named]:
    return [Named(id="reported", name=_("Reported in a source"), short=_("Reported"), cited=True,
                  description=_("Follows what a published source says about this case."),
                  when=_("when a published source describes it")),
            Named(id="interpretation", name=_("Interpretation"),
                  description=_("The writer's own reading, offered as possibilities and questions, not as findings."),
                  when=_("when it is your own reading")),
            Named(id="first-hand", name=_("First-hand"), credited=True,
                  description=_("Told by people who took part, about their own work; credited to them."),
                  when=_("when the section tells what your own team did"))]


def origins() -> list[Named]:
    return [Named(id="contributed", name=_("Contributed"), description=_("The contributors' own account."))]


def licence() -> Licence:
    return Licence(id="CC-BY-4.0", name=_("Creative Commons Attribution 4.0 International"),
                   url="https://creativecommons.org/licenses/by/4.0/")


def facts() -> dict[str, Fact]:
    words = {
        "felt_difficulty": (_("The difficulty"), _("What people felt was not working, in their own words (one or two sentences).")),
        "collaborative_project": (_("The shared project"), _("What the people involved set out to do together.")),
        "primary_focus": (_("The focus"), _("What the work was mainly about.")),
        "illustrative_evidence": (_("The evidence"), _("What people said, made or did that shows the difficulty or the change.")),
    }
    return {key: Fact(label=label, hint=hint) for key, (label, hint) in words.items()}


def fill_in(data: Any) -> Any:
    """The raw file with what depends on its other parts filled in; left as it is where it is not shaped as
    expected (the model's validation then says what is wrong)."""
    if not isinstance(data, dict):
        return data
    data = dict(data)
    info = data.get("framework")
    name = info.get("name") if isinstance(info, dict) else None
    components = data.get("components")
    if isinstance(components, list) and all(isinstance(c, dict) for c in components):
        data["components"] = _components(components, name if isinstance(name, str) else "")
    given = data.get("facts")
    if isinstance(given, dict):
        data["facts"] = {**{k: v for k, v in facts().items() if k not in given}, **given}
    return data


def _components(components: list[dict[str, Any]], group: str) -> list[dict[str, Any]]:
    """Each component with a group, a shape and a code of its own where the file gives none."""
    taken_shapes = {c.get("shape") for c in components}
    free = [s for s in SHAPES if s not in taken_shapes] or list(SHAPES)
    codes = {str(c["code"]).upper() for c in components if c.get("code")}
    out, shaped = [], 0
    for comp in components:
        comp = dict(comp)
        comp["group"] = comp.get("group") or group
        if not comp.get("shape"):
            comp["shape"] = free[shaped % len(free)]
            shaped += 1
        if not comp.get("code") and isinstance(comp.get("name"), str) and comp["name"]:
            comp["code"] = _code(comp["name"], codes)
            codes.add(comp["code"].upper())
        out.append(comp)
    return out


def _code(name: str, taken: set[str]) -> str:
    """The component's initials, or the first letters of its name when another has them: distinct, two letters
    where it can be (a mark's code sits in a slot two letters wide on slides and cards)."""
    letters = "".join(ch for ch in name if ch.isalnum())
    candidates = [initials(name).upper()[:2], letters[:2].title(), letters[:3].title()]
    candidates += [f"{letters[:1].upper()}{n}" for n in range(2, 100)]
    return next(c for c in candidates if c and c.upper() not in taken)
