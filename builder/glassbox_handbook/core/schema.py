"""The JSON Schema of scenario front matter, generated from the pydantic model.

Editors (VS Code with the YAML extension, for instance) use it to autocomplete
and check front matter while a contributor types. It is generated, never
written by hand, and a test fails when the checked-in copy is out of date:
run `python -m glassbox_handbook schema > scenarios/scenario.schema.json` to refresh it.
"""

from __future__ import annotations

import json

from glassbox_handbook.core.framework import Framework
from glassbox_handbook.core.frontmatter import ScenarioMeta


def scenario_schema(fw: Framework) -> dict:
    schema = ScenarioMeta.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"{fw.framework.short_name} scenario front matter"
    props = schema["properties"]
    props["levels"]["items"] = {"enum": [level.id for level in fw.levels]}
    props["roles"]["items"] = {"enum": [r.id for r in fw.roles]}
    for field, fact in fw.facts.items():
        props[field]["title"], props[field]["description"] = fact.label, fact.hint
    props["trajectory"]["enum"] = [t.id for t in fw.trajectories]
    props["license"]["enum"] = [fw.licence.id]
    return schema


def schema_text(fw: Framework) -> str:
    return json.dumps(scenario_schema(fw), indent=2, ensure_ascii=False) + "\n"
