"""The foundation others build on: public Sphinx API only, small modules, no cycles, no framework words in code.

Another framework's file (the toy one of tests/roots/test-basic) must give a
handbook with none of this handbook's vocabulary in it, on the web and in print.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import pdf_pages

PROJECT = Path(__file__).parents[2]
BUILDER = PROJECT / "builder"
ROOTS = Path(__file__).parents[1] / "roots"
VOCABULARY = yaml.safe_load((PROJECT / "handbook" / "framework.yaml").read_text(encoding="utf-8"))


def modules() -> list[Path]:
    return sorted(BUILDER.rglob("*.py"))


def srlc_words(role_names: bool = True) -> set[str]:
    """Every name and id the handbook's framework file defines, and its licence.

    Role names ("Principal", "Mentor teacher") are also plain English that code may use in
    advice ("write a mentor teacher instead of a name"); code is checked for their ids only.
    """
    v = VOCABULARY
    words = {v["framework"][k] for k in ("id", "name", "short_name", "base_name", "base_short_name", "source")}
    for kind in ("components", "concepts", "dimensions", "trajectories"):
        words |= {item["name"] for item in v[kind]} | {item["id"] for item in v[kind]}
    words |= {r["id"] for r in v["roles"] if "-" in r["id"] or role_names} | (
        {r["name"] for r in v["roles"]} if role_names else set())
    words |= {level["name"] for level in v["levels"]["paired"]} | {level["id"] for level in v["levels"]["paired"]}
    words |= {v["licence"]["id"], v["licence"]["name"]} | {f["label"] for f in v["facts"].values()}
    words |= set(v.get("scenario_sections", []))
    return {w for w in words if len(w) > 3}


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
        name = ".".join(path.relative_to(PROJECT).with_suffix("").parts).removesuffix(".__init__")
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
        name = ".".join(path.relative_to(PROJECT).with_suffix("").parts).removesuffix(".__init__")
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        deps = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
                deps |= {target} if node.module else {f"{base}.{a.name}" for a in node.names}
            in_type_checking = False
            del in_type_checking
        graph[name] = deps
    # imports under `if TYPE_CHECKING:` do not run; leave them out
    for path in modules():
        name = ".".join(path.relative_to(PROJECT).with_suffix("").parts).removesuffix(".__init__")
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
    # A package's __init__ importing its own submodules is how Python packages work; only real cycles count.
    real = [c for c in cycles if not all(c[0].startswith(m) or m.startswith(c[0]) for m in c)]
    assert real == []


def test_no_framework_id_or_licence_name_in_builder_code():
    words = srlc_words(role_names=False)
    found = []
    for path in [*modules(), *BUILDER.rglob("*.js"), *BUILDER.rglob("*.html"), *BUILDER.rglob("*.md")]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0] if path.suffix == ".py" else line
            for word in words:
                if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", code, re.I):
                    found.append(f"{path.relative_to(PROJECT)}:{number}: {word}")
    assert found == []


@pytest.fixture(scope="module")
def other_framework(tmp_path_factory) -> Path:
    """The toy framework's handbook, built for the web (its print build is the session's `toy_pdfs`)."""
    out = tmp_path_factory.mktemp("other")
    result = subprocess.run([sys.executable, "-m", "sphinx", "-W", "-q", "-b", "glassbox", "-d", str(out / "d"),
                             str(ROOTS / "test-basic"), str(out / "glassbox")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out


def test_another_frameworks_handbook_holds_none_of_this_frameworks_words(other_framework, toy_pdfs):
    words = srlc_words()
    texts = {str(p.relative_to(other_framework)): BeautifulSoup(p.read_text(), "html.parser").get_text(" ")
             for p in (other_framework / "glassbox").rglob("*.html")}
    texts |= {p.name: " ".join(pdf_pages(p)) for p in toy_pdfs.glob("*.pdf")}
    assert len([k for k in texts if k.endswith(".pdf")]) >= 4 and len(texts) > 8
    found = {(name, word) for name, body in texts.items() for word in words
             if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", body, re.I)}
    assert found == set()
