"""Rules for the code itself: public Sphinx API only, small modules, no import cycles, no framework words."""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from pathlib import Path

from conftest import srlc_licence, srlc_words

PROJECT = Path(__file__).parents[2]
BUILDER = PROJECT / "builder"


def modules() -> list[Path]:
    return sorted(BUILDER.rglob("*.py"))


def test_no_private_sphinx_name_is_imported_or_overridden():
    found = []
    for path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(("sphinx", "docutils")):
                found += [f"{path}: {node.module}.{a.name}" for a in node.names
                          if a.name.startswith("_") and a.name not in ("_", "__")]  # `__` is the public translator
                found += [f"{path}: {node.module}"] if any(p.startswith("_") for p in node.module.split(".")) else []
        text = path.read_text(encoding="utf-8")
        found += [f"{path}: {m.group(0)}" for m in re.finditer(
            r"\b(?:app|env|builder|indexer|config|domain|document|self\.(?:env|app|builder|indexer|config))\._[a-z]\w*", text)]
    # A method of ours whose name starts with "_" must not be one that a Sphinx or docutils base class has.
    for path in modules():
        name = ".".join(path.relative_to(BUILDER).with_suffix("").parts).removesuffix(".__init__")
        if name.endswith("__main__"):
            continue  # running it is running the command line
        module = importlib.import_module(name)
        for cls in vars(module).values():
            if not (inspect.isclass(cls) and cls.__module__ == name):
                continue
            bases = [b for b in cls.__mro__[1:] if b.__module__.startswith(("sphinx", "docutils"))]
            for attr in vars(cls):
                if attr.startswith("_") and not attr.startswith("__") and any(attr in vars(b) for b in bases):
                    found.append(f"{name}.{cls.__name__}.{attr} overrides a private method")
    assert found == []


def test_no_module_is_over_300_lines():
    files = [*modules(), *BUILDER.rglob("*.js")]
    long = {str(p.relative_to(PROJECT)): n for p in files if (n := len(p.read_text().splitlines())) > 300}
    assert long == {}


def test_no_import_cycle_among_the_builder_modules():
    graph: dict[str, set[str]] = {}
    for path in modules():
        name = ".".join(path.relative_to(BUILDER).with_suffix("").parts).removesuffix(".__init__")
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        deps = set()
        del package
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("glassbox_handbook"):
                deps |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
            elif isinstance(node, ast.Import):
                deps |= {a.name for a in node.names if a.name.startswith("glassbox_handbook")}
        graph[name] = deps
    # imports under `if TYPE_CHECKING:` do not run; leave them out
    for path in modules():
        name = ".".join(path.relative_to(BUILDER).with_suffix("").parts).removesuffix(".__init__")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
                for sub in ast.walk(node):
                    if isinstance(sub, ast.ImportFrom) and sub.module:
                        graph[name] = {d for d in graph[name] if not d.endswith("." + sub.module.lstrip("."))}
    known = set(graph)
    graph = {k: {d for d in v if d in known and d != k} for k, v in graph.items()}
    visiting, done, cycles = set(), set(), []

    def visit(node: str, path: list[str]) -> None:
        if node in visiting:
            cycles.append(path[path.index(node):] + [node])
            return
        if node in done:
            return
        visiting.add(node)
        for dep in sorted(graph[node]):
            visit(dep, [*path, node])
        visiting.discard(node)
        done.add(node)

    for node in sorted(graph):
        visit(node, [])
    assert sum(len(v) for v in graph.values()) > 100, "the import graph was not read"
    # A package's __init__ importing its own submodules is how Python packages work; only real cycles count.
    real = [c for c in cycles if not all(c[0].startswith(m) or m.startswith(c[0]) for m in c)]
    assert real == []


# The licence a framework file that names none gets (CC BY 4.0, the handbook's too) is declared in one module
# and described in the model's reference, and the example project's scenarios name it; nowhere else may the
# builder name a licence.
DEFAULT_LICENCE = {BUILDER / "glassbox_handbook" / "core" / "framework_defaults.py", BUILDER / "glassbox_handbook" / "core" / "framework.py"}


def test_no_framework_id_or_licence_name_in_builder_code():
    words = srlc_words(role_names=False)
    found = []
    for path in [*modules(), *BUILDER.rglob("*.js"), *BUILDER.rglob("*.html"), *BUILDER.rglob("*.md")]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0] if path.suffix == ".py" else line
            for word in words | (set() if path in DEFAULT_LICENCE or "scaffold" in path.parts else srlc_licence()):
                if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", code, re.I):
                    found.append(f"{path.relative_to(PROJECT)}:{number}: {word}")
    assert found == []
