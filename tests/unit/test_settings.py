"""Every setting is declared once (glassbox_handbook/settings.py), and README's table is made from it."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path
from types import SimpleNamespace

from glassbox_handbook.settings import DEFAULTS, PREFIX, Settings, add_settings, settings_table

PROJECT = Path(__file__).parents[2]
PACKAGE = PROJECT / "builder" / "glassbox_handbook"


def test_readme_holds_the_table_made_from_the_settings_object():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert settings_table() in readme, "regenerate README's table: python -m glassbox_handbook settings"


def test_no_module_but_settings_declares_a_setting():
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "add_config_value":
                assert path.name == "settings.py", f"{path}:{node.lineno} declares a setting outside settings.py"


def test_every_setting_is_registered_with_its_default_type_rebuild_and_help():
    registered = {}
    app = SimpleNamespace(add_config_value=lambda name, default, rebuild, types, description: registered.update(
        {name: (default, rebuild, types, description)}))
    add_settings(app)
    fields = dataclasses.fields(Settings)
    assert set(registered) == {PREFIX + f.name for f in fields}
    for f in fields:
        default, rebuild, types, description = registered[PREFIX + f.name]
        assert default == getattr(DEFAULTS, f.name) and rebuild in ("env", "html", "")
        assert description and description[0].isupper()


def test_a_projects_config_becomes_typed_settings_and_missing_ones_default():
    config = SimpleNamespace(glassbox_scenarios="cases", glassbox_pdf_papers=["letter"])
    settings = Settings.of(config)
    assert settings.scenarios == "cases" and settings.pdf_papers == ["letter"]
    assert settings.framework == DEFAULTS.framework and settings.list_max_entries == 60


def test_list_defaults_are_not_shared_between_settings_objects():
    a, b = Settings(), Settings()
    assert a.pdf_papers == b.pdf_papers and a.pdf_papers is not b.pdf_papers
