"""Shared fixtures: Sphinx test roots, copied to a temporary folder when a test edits them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)
collect_ignore = ["roots"]

ROOTS = Path(__file__).parent / "roots"
PROJECT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


@pytest.fixture
def copy_root(tmp_path: Path) -> Callable[[str], Path]:
    """Copy a test root into tmp_path, so the test may edit its sources."""

    def copy(name: str = "basic") -> Path:
        dest = tmp_path / name
        shutil.copytree(ROOTS / f"test-{name}", dest)
        return dest

    return copy


def html_files(outdir: Path) -> dict[str, bytes]:
    """Every HTML page of a build, by relative path."""
    return {str(p.relative_to(outdir)): p.read_bytes() for p in sorted(outdir.rglob("*.html"))}


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real handbook, built once per test session as it is published: HTML with warnings
    as errors, then every PDF copied into the site (`python -m builder site`)."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run([sys.executable, "-m", "builder", "--root", str(PROJECT), "site", "--out", str(out / "html")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr
    return out / "html"
