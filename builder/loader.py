"""Load the framework file and the bibliography keys once per process.

Both are needed while reading (in every parallel worker), while resolving
and by the command-line check; caching on path and modification time keeps
that to one parse per file per process.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from sphinx.environment import BuildEnvironment

from .framework import Framework, load_framework


@lru_cache(maxsize=8)
def _framework(path: str, mtime: float) -> Framework:
    return load_framework(path)


def load_cached(path: str | Path) -> Framework:
    path = Path(path).resolve()
    return _framework(str(path), path.stat().st_mtime if path.exists() else 0.0)


def framework_path(env: BuildEnvironment) -> Path:
    return Path(env.srcdir) / env.config.glassbox_framework


def framework_for(env: BuildEnvironment) -> Framework:
    return load_cached(framework_path(env))


@lru_cache(maxsize=8)
def _bib_keys(paths: tuple[str, ...], mtimes: tuple[float, ...]) -> frozenset[str]:
    from pybtex.database import parse_file

    keys: set[str] = set()
    for path in paths:
        keys.update(parse_file(path, bib_format="bibtex").entries.keys())
    return frozenset(keys)


def bib_keys(paths: list[Path]) -> frozenset[str]:
    resolved = tuple(str(p.resolve()) for p in paths)
    return _bib_keys(resolved, tuple(Path(p).stat().st_mtime for p in resolved))


def bib_keys_for(env: BuildEnvironment) -> frozenset[str]:
    return bib_keys([Path(env.srcdir) / name for name in env.config.bibtex_bibfiles])
