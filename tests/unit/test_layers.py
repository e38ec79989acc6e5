"""The package's shape: its folders are the pipeline's layers, and imports only run down them.

Read from the source with `ast`, so an import inside a function counts as much as one at the top.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[2] / "builder" / "glassbox_handbook"
NAME = "glassbox_handbook"

# Bottom to top: a module may import from its own layer and from those before it, never after.
LAYERS = ("version", "words", "settings", "privacy", "core", "domain", "views", "web", "pdf", "sphinx_ext", "cli", "__init__", "__main__")
SPHINX_FREE = ("version", "words", "settings", "privacy", "core")  # importable without Sphinx (the contributor's check starts fast)


def modules() -> dict[str, Path]:
    return {".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports(path: Path, module: str) -> list[tuple[int, str]]:
    """(line, imported module) for every import of the package or of anything else, at any depth."""
    out: list[tuple[int, str]] = []
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            out.append((node.lineno, target))
            out += [(node.lineno, f"{target}.{a.name}") for a in node.names if f"{target}.{a.name}" in modules()]
    return out


def test_the_package_root_holds_at_most_twelve_modules():
    root = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(root) <= 12, root


def test_every_layer_is_a_folder_or_a_root_module_and_every_module_has_a_layer():
    for module in modules():
        assert layer(module) in LAYERS, f"{module} is in no layer: add its folder to LAYERS in the order it imports"


@pytest.mark.parametrize("module", sorted(modules()))
def test_imports_only_run_down_the_layers(module):
    here = LAYERS.index(layer(module))
    for line, target in imports(modules()[module], module):
        if target != NAME and not target.startswith(NAME + "."):
            continue
        there = LAYERS.index(layer(target))
        assert there <= here, (f"{modules()[module]}:{line}: {module} ({LAYERS[here]}) imports {target} "
                               f"({LAYERS[there]}), a layer above it")


@pytest.mark.parametrize("module", sorted(m for m in modules() if layer(m) in SPHINX_FREE))
def test_the_lower_layers_never_import_sphinx(module):
    for line, target in imports(modules()[module], module):
        if module == f"{NAME}.settings" and target == "sphinx.config":
            continue  # add_settings imports ENUM when Sphinx calls it, never at import time
        assert not target.startswith("sphinx"), f"{modules()[module]}:{line}: {module} imports {target}"


def test_the_code_has_one_import_name_and_no_relative_or_second_path():
    """Every internal import is absolute and names `glassbox_handbook`: nothing reaches the same code as
    `builder.glassbox_handbook` (builder/ is a folder, not a package) or through a relative path."""
    assert not (PACKAGE.parent / "__init__.py").exists()
    for path in modules().values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert node.level == 0, f"{path}:{node.lineno}: a relative import"
            if isinstance(node, ast.ImportFrom | ast.Import):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                assert not any(n == "builder" or n.startswith("builder.") for n in names), f"{path}:{node.lineno}"


def test_the_check_for_these_tests_sees_an_upward_import(tmp_path):
    """The rule can fail: a core module that imports a view is reported with its line."""
    fake = tmp_path / "glassbox_handbook" / "core"
    fake.mkdir(parents=True)
    path = fake / "oops.py"
    path.write_text("def f():\n    from glassbox_handbook.views import registry\n")
    found = [(line, t) for line, t in imports(path, f"{NAME}.core.oops") if t.startswith(NAME)]
    assert (2, f"{NAME}.views") in found
    assert LAYERS.index(layer(f"{NAME}.views")) > LAYERS.index(layer(f"{NAME}.core.oops"))
