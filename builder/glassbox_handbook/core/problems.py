"""Problems found in a contributor's file, and how they are told.

A problem always carries the file, a line and column, what is wrong and how
to fix it, because the people who read these messages are teacher educators
editing Markdown in a web form, not programmers reading tracebacks.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from glassbox_handbook.words import _


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    col: int
    message: str
    fix: str = ""
    identifying: bool = False  # the message quotes what could identify someone (the privacy check's findings)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}" if self.line else self.path
        return f"{where}: {self.message}" + (f"; {self.fix}" if self.fix else "")


class ProblemList(Exception):
    """Raised where one or more problems make a file unusable."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


_CHOICES = re.compile(r"\^\(([a-z-]+(?:\|[a-z-]+)+)\)\$")  # a pattern such as ^(obtained|not-needed)$


def _type_words(kind: str) -> str | None:
    """What a value of pydantic's type `kind` is, in words (looked up when a problem is told); None for a type
    these messages do not name."""
    return {
        "string_type": _("text"),
        "list_type": _("a list, like [a, b]"),
        "tuple_type": _("a list, like [a, b]"),
        "dict_type": _("a group of fields"),
        "bool_type": _("true or false"),
        "model_type": _("a group of fields"),
    }.get(kind)


class Located(ValueError):
    """A model validator's error that knows where in the file the value at fault is (`("roles", 1, "side")`),
    so that its problem points at that line (a check across parts of a file otherwise points at the top)."""

    def __init__(self, message: str, loc: tuple[str | int, ...]) -> None:
        super().__init__(message)
        self.loc = loc


def pydantic_problems(exc: Any, path: str, lines: dict[tuple, tuple[int, int]], fix_default: str,
                      shape: Any = None) -> list[Problem]:
    """Turn a pydantic ValidationError into problems with the YAML line of each field.

    `lines` maps a location tuple (as pydantic reports it) to the (line, col)
    where that value starts in the file; missing fields point at their parent. `shape(loc)`, when given,
    says how a missing key is written (its type, and the keys of a part that has its own).
    """
    problems = []
    for err in exc.errors():
        loc = tuple(err.get("loc", ()))
        ctx = err.get("ctx") or {}
        if isinstance(ctx.get("error"), Located):  # a check across parts knows the value at fault
            loc = loc + ctx["error"].loc
        where = _nearest(lines, loc)
        field = ".".join(str(part) for part in loc) or "(top)"
        kind = err.get("type", "")
        if kind == "missing":
            message = _("required field `{field}` is missing").format(field=field)
            fix = _("add `{key}:` with a value").format(key=loc[-1])
            if shape is not None and (written := shape(loc)):
                fix = _("add it, shaped like this:") + "\n" + "\n".join("    " + line for line in written.splitlines())
        elif kind == "extra_forbidden":
            known = known_fields(exc, loc)
            close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
            message = _("unknown field `{field}`").format(field=field)
            fix = (_("did you mean `{name}`?").format(name=close[0]) if close else
                   _("remove it; the fields are: {fields}").format(fields=", ".join(f"`{k}`" for k in known)) if known else _("remove it"))
        elif (words := _type_words(kind)) is not None:
            message = _("`{field}` must be {kind}, not {value}").format(field=field, kind=words,
                                                                       value=_describe(err.get("input")))
            fix = fix_default
        elif kind == "value_error" and ctx.get("error"):
            message, fix = f"`{field}`: {ctx['error']}", ""
        elif kind == "string_pattern_mismatch" and (choices := _CHOICES.fullmatch(str(ctx.get("pattern", "")))):
            # A field that takes one of a few answers (consent): say which, not how ids are spelt.
            message = _("`{field}` is {value!r}, not one of the answers it takes").format(field=field, value=err.get("input"))
            fix = _("write one of: {choices}").format(choices=", ".join(choices.group(1).split("|")))
        elif kind == "string_pattern_mismatch":
            message = _("`{field}` is {value!r}, which is not a valid id").format(field=field, value=err.get("input"))
            fix = _("use lower-case letters, digits and hyphens, like `my-scenario`")
        elif kind == "string_too_short" and err.get("input") == "":
            # A draft leaves empty what its team has not written yet (the worksheet writes no filler).
            message = _("`{field}` is empty").format(field=field)
            fix = _("write it in your own words; the template's comment says what it asks for")
        else:
            # pydantic's own words for a rarer mistake (English: pydantic has no catalog of its own).
            message, fix = f"`{field}`: {err.get('msg', 'invalid value')}", fix_default
        problems.append(Problem(path, where[0], where[1], message, fix))
    return problems


def known_fields(exc: Any, loc: tuple) -> list[str]:
    """The field names allowed where an unknown one was found (top level or a nested model)."""
    model = getattr(exc, "_glassbox_model", None)
    if model is None:
        return []
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        annotation = model.model_fields[part].annotation
        inner = getattr(annotation, "__args__", (annotation,))
        model = next((a for a in inner if hasattr(a, "model_fields")), None)
        if model is None:
            return []
    return list(model.model_fields)


def _nearest(lines: dict[tuple, tuple[int, int]], loc: tuple) -> tuple[int, int]:
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return (1, 1)


def _describe(value: Any) -> str:
    if value is None:
        return _("empty")
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, (int, float)):
        return _("a number")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a group of fields")
    return repr(value)
