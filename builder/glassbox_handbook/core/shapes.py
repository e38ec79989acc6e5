"""What a key of a YAML file expects, in words a writer reads: its type and, when it is missing, its shape.

Read from the pydantic model of the file, so the message for a missing key (`load_framework`) and the
framework file's reference page (`core/framework_reference.py`) say the same as the model accepts.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Literal

from pydantic import BaseModel

from glassbox_handbook.core.vocabulary import ID


def anchor(model: type[BaseModel]) -> str:
    return "framework-file-" + model.__name__.lower()


def models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for a in typing.get_args(annotation) for m in models_in(a)]


def type_words(annotation: Any, field: Any = None, link: bool = True) -> str:
    """A field's type in plain words ("list of Component", "one of: school, university"); with `link`, a
    part of the file that has its own table links to it (a MyST {ref})."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is Literal:
        return "one of: " + ", ".join(str(a) for a in args)
    if origin in (types.UnionType, typing.Union):
        kept = [a for a in args if a is not type(None)]
        return " or ".join(type_words(a, link=link) for a in kept) + (" (or left out)" if len(kept) < len(args) else "")
    if origin is list:
        return "list of " + type_words(args[0], link=link)
    if origin is dict:
        return f"map from {type_words(args[0], link=link)} to {type_words(args[1], link=link)}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"{{ref}}`{annotation.__name__} <{anchor(annotation)}>`" if link else annotation.__name__
    if annotation is str:
        pattern = next((m.pattern for m in getattr(field, "metadata", []) if hasattr(m, "pattern")), None)
        return "id (lower-case letters, digits, hyphens)" if pattern == ID else "text"
    return {int: "whole number", bool: "true or false"}.get(annotation, getattr(annotation, "__name__", str(annotation)))


def field_at(root: type[BaseModel], loc: tuple) -> Any:
    """The pydantic field at a validation error's location (list indexes and map keys skipped), or None."""
    model: type[BaseModel] | None = root
    field = None
    for part in loc:
        if isinstance(part, int) or model is None or part not in model.model_fields:
            continue
        field = model.model_fields[part]
        inner = models_in(field.annotation)
        model = inner[0] if inner else None
    return field


def expected_shape(root: type[BaseModel], loc: tuple) -> str:
    """How to write a missing key: `key: <type>` and, for a part with keys of its own, its required keys."""
    field = field_at(root, loc)
    if field is None:
        return ""
    key = loc[-1]
    lines = [f"{key}: <{type_words(field.annotation, field, link=False)}>  # {field.description or ''}".rstrip(" #")]
    inner = models_in(field.annotation)
    if inner:
        listed = typing.get_origin(field.annotation) is list
        lines = [f"{key}:"]
        for i, (name, sub) in enumerate(f for f in inner[0].model_fields.items() if f[1].is_required()):
            lead = "  - " if listed and i == 0 else "    " if listed else "  "
            lines.append(f"{lead}{name}: <{type_words(sub.annotation, sub, link=False)}>  # {sub.description or ''}"
                         .rstrip(" #"))
        lines[0] += f"  # {field.description}" if field.description else ""
    lines.append("(the framework file's reference describes every key: glassbox-handbook framework-reference)")
    return "\n".join(lines)
