"""The framework file's reference, written from its model: every key, its type, whether it is required,
an example and what it changes on the site.

The words come from the model itself (each field's docstring, `core/vocabulary.py`), so the page and the
JSON Schema editors read (`Framework.model_json_schema()`) cannot drift from what the build accepts. The
examples are taken from a framework file given by the caller (`glassbox-handbook new`'s example).
"""

from __future__ import annotations

import typing
from typing import Any

import yaml
from pydantic import BaseModel, TypeAdapter

from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.shapes import anchor, models_in, type_words

EXAMPLE_CHARS = 70


def models(root: type[BaseModel] = Framework) -> list[tuple[str, type[BaseModel]]]:
    """Every model of the file with the path of its first use (`components[]`, `workshop.opening`), top first."""
    found: dict[type[BaseModel], str] = {root: ""}
    queue = [root]
    while queue:
        model = queue.pop(0)
        for name, field in model.model_fields.items():
            path = f"{found[model]}.{name}".lstrip(".")
            for inner in models_in(field.annotation):
                if inner not in found:
                    found[inner] = path + ("[]" if typing.get_origin(field.annotation) is list else "")
                    queue.append(inner)
    return [(path, model) for model, path in found.items()]


def example_at(example: Any, path: str) -> Any:
    """The value at `a.b[].c` in an example file (the first item of each list), or None."""
    value = example
    for part in path.split("."):
        if not part:
            continue
        listed = part.endswith("[]")
        value = value.get(part.removesuffix("[]")) if isinstance(value, dict) else None
        if listed:
            value = value[0] if isinstance(value, list) and value else None
    return value


def _example(value: Any) -> str:
    if value is None:
        return ""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000, sort_keys=False).strip()
    text = text.removesuffix("...").strip()
    text = text if len(text) <= EXAMPLE_CHARS else text[: EXAMPLE_CHARS - 1] + "…"
    return "`" + text.replace("|", "\\|").replace("`", "'") + "`"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def reference(example: dict[str, Any]) -> str:
    """The framework file's reference page, in MyST Markdown."""
    out = ["# The framework file", "",
           "<!-- Written by `glassbox-handbook framework-reference` from the framework file's model "
           "(glassbox_handbook/core/vocabulary.py); a test keeps this page equal to it. -->", "",
           "The framework file (`glassbox_framework` in `conf.py`, `framework.yaml` in a new project) holds every word "
           "the handbook uses about its framework: the builder has none of its own. It is YAML. Each table below is one "
           "part of the file: its keys, the kind of value each takes, whether it must be given, an example (from the "
           "project `glassbox-handbook new` makes) and what it changes on the site. A key that is not required may be "
           "left out; the default is given.", "",
           "Editors that read JSON Schema (VS Code with the YAML extension, PyCharm) check the file as you type when "
           "its first line is `# yaml-language-server: $schema=framework.schema.json`; `glassbox-handbook "
           "framework-schema > framework.schema.json` writes that schema, and a new project has it.", ""]
    for path, model in models():
        title = "The whole file" if not path else f"`{path}` ({model.__name__})"
        doc = (model.__doc__ or "").strip().split("\n\n")[0]
        out += [f"({anchor(model)})=", f"## {title}", ""]
        if doc and model is not Framework:
            out += [" ".join(doc.split()), ""]
        out += ["| Key | Type | Required | Example | What it changes |", "| --- | --- | --- | --- | --- |"]
        for name, field in model.model_fields.items():
            required = "yes" if field.is_required() else f"no (default: {_default(field)})"
            # A part with a table of its own shows its example there.
            shown = "" if models_in(field.annotation) else _example(example_at(example, f"{path}.{name}".lstrip(".")))
            out.append(f"| `{name}` | {type_words(field.annotation, field)} | {required} | {shown} | "
                       f"{_cell(field.description or '')} |")
        out.append("")
    return "\n".join(out)


def _default(field: Any) -> str:
    value = TypeAdapter(field.annotation).dump_python(field.get_default(call_default_factory=True), mode="json")
    return "none" if value is None else _example(value)
