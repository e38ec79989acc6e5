"""The reference pages written from the code: the framework file's (its model), and the directives' and
settings' (the view registry, the directives and the settings object). Tests keep the checked-in pages
(`handbook/reference/`) equal to what these functions write, so a new view, setting or key is documented
or the tests fail."""

from __future__ import annotations

import importlib
from importlib import resources
from typing import Any

import yaml


def scaffold_framework(language: str = "en") -> dict[str, Any]:
    """The example framework file of `glassbox-handbook new`: the reference page's examples."""
    path = resources.files("glassbox_handbook.cli") / "scaffold" / language / "framework.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def framework_page() -> str:
    from glassbox_handbook.core.framework_reference import reference

    return reference(scaffold_framework())


def framework_schema() -> str:
    import json

    from glassbox_handbook.core.framework import Framework

    schema = Framework.model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "Glass-Box Handbook framework file", **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _first_paragraph(doc: str | None) -> str:
    return " ".join((doc or "").strip().split("\n\n")[0].split())


def directives_page() -> str:
    from glassbox_handbook.settings import settings_table
    from glassbox_handbook.sphinx_ext.directives import DesignPromptDirective, EnactmentDirective, ViewDirective
    from glassbox_handbook.sphinx_ext.roles import ConceptRole
    from glassbox_handbook.views import registry

    out = ["# Directives, roles and settings", "",
           "<!-- Written by `glassbox-handbook directives-reference` from the view registry "
           "(glassbox_handbook/views/), the directives and glassbox_handbook/settings.py; a test keeps this page "
           "equal to them. -->", "",
           "A page places a view with a directive on lines of its own, which the builder fills from the framework "
           "file and the scenarios when the site is built:", "", "```markdown", ":::{glassbox-matrix}", ":::", "```", "",
           "## Views", "",
           "Every view takes an optional `:scenario: ID` option, which shows it for that one scenario (the "
           "diagram with the scenario's components marked, for example); a view of one of several things takes its id "
           f"as the argument (`:::{{crosswalk-table}} ID`). {_first_paragraph(ViewDirective.__doc__)}",
           "", "| Directive | What it shows |", "| --- | --- |"]
    for name, view in sorted(registry().items()):
        module = importlib.import_module(view.web.__module__)
        out.append(f"| `{name}` | {_first_paragraph(module.__doc__).replace('|', '/')} |")
    out += ["", "## In scenarios", "", "| Directive or role | Options | What it is |", "| --- | --- | --- |"]
    for name, directive in (("enactment", EnactmentDirective), ("design-prompt", DesignPromptDirective)):
        options = ", ".join(f"`:{o}:`" for o in directive.option_spec)
        out.append(f"| `{name}` | {options} | {_first_paragraph(directive.__doc__)} |")
    out += [f"| `{{concept}}` role | | {_first_paragraph(ConceptRole.__doc__)} |", "",
            "## Settings", "", "Set these in `conf.py`:", "", settings_table()]
    return "\n".join(out)
