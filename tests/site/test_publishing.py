"""Publishing: a failed or interrupted build never replaces the last good site; two clean builds are identical."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOTS, html_files


def _site(root: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "glassbox_handbook", "--root", str(root), "site", "--no-pdf", "--out", str(out)],
                          capture_output=True, text=True)


def _fingerprint(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def published(tmp_path) -> tuple[Path, Path, dict[str, str]]:
    """A copy of the test root, its site published once, and that site's fingerprint."""
    root = tmp_path / "src"
    shutil.copytree(ROOTS / "test-basic", root)
    out = tmp_path / "public" / "html"
    assert _site(root, out).returncode == 0
    return root, out, _fingerprint(out)


def test_a_bad_scenario_leaves_the_last_good_site_in_place(published):
    root, out, good = published
    first = root / "scenarios" / "first.md"
    first.write_text(first.read_text().replace("levels: [top-pair]", "levels: [nowhere]"))
    result = _site(root, out)
    assert result.returncode != 0
    assert "unknown level 'nowhere'" in result.stderr and "still holds the last good site" in result.stderr
    assert _fingerprint(out) == good


def test_an_interrupted_build_leaves_the_last_good_site_in_place(published):
    root, out, good = published
    (root / "scenarios" / "first.md").write_text((root / "scenarios" / "first.md").read_text().replace("FIRST-ALPHA", "CHANGED"))
    proc = subprocess.Popen([sys.executable, "-m", "glassbox_handbook", "--root", str(root), "site", "--no-pdf", "--out", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 30
    while not (out.parent / ".work" / "html-next").exists() and time.time() < deadline:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # the whole build, Sphinx included, stops mid-way
    proc.wait()
    assert _fingerprint(out) == good


def test_two_clean_builds_give_byte_identical_html(tmp_path):
    builds = []
    for name in ("one", "two"):
        out = tmp_path / name / "html"
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
        subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", "-d", str(tmp_path / name / "d"),
                        str(ROOTS / "test-basic"), str(out)], check=True, env=env)
        builds.append(html_files(out))
    assert builds[0] == builds[1]
