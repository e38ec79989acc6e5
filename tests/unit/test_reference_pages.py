"""The framework file and the directives documented from the code, the JSON Schema for editors, and the
messages a wrong framework file gets (no build here)."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from glassbox_handbook.cli import reference_pages
from glassbox_handbook.core.framework import Framework, load_framework
from glassbox_handbook.core.framework_reference import models
from glassbox_handbook.core.problems import ProblemList
from glassbox_handbook.settings import PREFIX, Settings
from glassbox_handbook.views import registry

PROJECT = Path(__file__).parents[2]
PAGES = PROJECT / "handbook" / "reference"
SCAFFOLD = PROJECT / "builder" / "glassbox_handbook" / "cli" / "scaffold" / "en"


def test_the_checked_in_reference_pages_and_schema_are_what_the_code_writes():
    """Regenerate with: glassbox-handbook framework-reference > handbook/reference/framework-file.md (and
    directives-reference > handbook/reference/directives.md, framework-schema > the scaffold's framework.schema.json)."""
    assert (PAGES / "framework-file.md").read_text() == reference_pages.framework_page()
    assert (PAGES / "directives.md").read_text() == reference_pages.directives_page()
    assert (SCAFFOLD / "framework.schema.json").read_text() == reference_pages.framework_schema()


def test_every_languages_new_project_has_the_schema_and_a_framework_file_that_passes_it():
    scaffolds = sorted(d for d in SCAFFOLD.parent.iterdir() if d.is_dir() and d.name != "__pycache__")
    assert [d.name for d in scaffolds] >= ["en", "es"]
    schema = reference_pages.framework_schema()
    for folder in scaffolds:
        assert (folder / "framework.schema.json").read_text() == schema, folder.name
        jsonschema.validate(yaml.safe_load((folder / "framework.yaml").read_text()), json.loads(schema))
        load_framework(folder / "framework.yaml")


def test_every_key_of_the_framework_file_has_a_row_with_its_type_and_what_it_changes():
    page = (PAGES / "framework-file.md").read_text()
    sections = re.split(r"^\(framework-file-\w+\)=\n", page, flags=re.M)[1:]
    assert len(sections) == len(models())
    for (_path, model), section in zip(models(), sections, strict=True):
        for name, field in model.model_fields.items():
            assert field.description, f"{model.__name__}.{name} has no docstring: the reference would say nothing"
            row = re.search(rf"^\| `{name}` \| (.+?) \| (yes|no \(default: .+?\)) \| .*\| (.+) \|$", section, re.M)
            assert row and row.group(3).strip() == " ".join(field.description.split()).replace("|", "\\|"), (model, name)


def test_the_reference_shows_the_example_projects_values():
    page = (PAGES / "framework-file.md").read_text()
    assert "| `name` | text | yes | `Open Practice Framework` |" in page
    assert "| `side` | text | no (default: `''`) |" in page


def test_every_view_directive_and_setting_is_on_the_directives_page():
    page = (PAGES / "directives.md").read_text()
    for name in registry():
        assert re.search(rf"^\| `{re.escape(name)}` \| \S", page, re.M), name
    for name in ("enactment", "design-prompt", "{concept}"):
        assert f"| `{name}`" in page
    for field in dataclasses.fields(Settings):
        assert f"`{PREFIX}{field.name}`" in page, field.name
    readme = (PROJECT / "README.md").read_text()
    assert "handbook/reference/framework-file.md" in readme and "handbook/reference/directives.md" in readme
    assert "handbook/reference/framework-file" in (PROJECT / "index.md").read_text()


def test_the_new_projects_framework_file_passes_its_schema_and_the_handbooks_too():
    schema = json.loads((SCAFFOLD / "framework.schema.json").read_text())
    for path in (SCAFFOLD / "framework.yaml", PROJECT / "handbook" / "framework.yaml"):
        jsonschema.validate(yaml.safe_load(path.read_text()), schema)
    assert (SCAFFOLD / "framework.yaml").read_text().startswith("# yaml-language-server: $schema=framework.schema.json\n")
    with pytest.raises(jsonschema.ValidationError, match="'name' is a required property"):
        bad = yaml.safe_load((SCAFFOLD / "framework.yaml").read_text())
        del bad["roles"][0]["name"]
        jsonschema.validate(bad, schema)


def _spoilt(tmp_path: Path, old: str, new: str) -> str:
    text = (SCAFFOLD / "framework.yaml").read_text()
    assert old in text
    (tmp_path / "framework.yaml").write_text(text.replace(old, new))
    with pytest.raises(ProblemList) as caught:
        load_framework(tmp_path / "framework.yaml")
    return str(caught.value)


def test_a_missing_part_is_reported_with_the_shape_it_takes(tmp_path):
    text = (SCAFFOLD / "framework.yaml").read_text()
    levels = re.search(r"^levels:\n(  .*\n)+", text, re.M).group(0)
    message = _spoilt(tmp_path, levels, "")
    assert "required field `levels` is missing; add it, shaped like this:" in message
    assert re.search(r"\n +levels: +# Where the work happens.*\n +- id: <id \(lower-case letters, digits, hyphens\)> +# Its id", message)
    assert "name: <text>" in message and "framework-reference" in message


def test_a_missing_key_says_what_it_takes_and_an_unknown_key_lists_those_allowed(tmp_path):
    message = _spoilt(tmp_path, "{id: member, name: Team member, lens: true}", "{id: member, lens: true, colour: red}")
    assert re.search(r"framework\.yaml:\d+:\d+: required field `roles\.0\.name` is missing", message)
    assert "name: <text>" in message
    assert "unknown field `roles.0.colour`; remove it; the fields are: `id`, `name`, `side`, `lens`" in message


def test_a_yaml_syntax_error_is_reported_with_its_line_and_column(tmp_path):
    message = _spoilt(tmp_path, "  short_name: OPF\n", "  short_name: [OPF\n")
    line = next(n for n, text in enumerate((tmp_path / "framework.yaml").read_text().splitlines(), 1) if "[OPF" in text)
    assert re.search(rf"framework\.yaml:{line + 1}:9: the framework file is not valid YAML", message), message  # where the parser stops
    assert "Traceback" not in message


def test_the_framework_model_is_the_schema_source():
    assert Framework.model_json_schema()["properties"]["components"]["description"].startswith("The framework's parts")
