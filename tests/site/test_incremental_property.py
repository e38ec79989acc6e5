"""Property: any sequence of scenario edits, additions and deletions, each followed by an
incremental build, gives the same HTML as a clean build of the same sources."""

from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

from conftest import ROOTS, html_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

TEMPLATE = (ROOTS / "test-basic" / "scenarios" / "first.md").read_text()
COMPONENTS = ["Alpha", "Beta", "Gamma", "Delta"]
_counter = itertools.count()

action = st.one_of(
    st.tuples(st.just("edit"), st.integers(0, 5), st.text(alphabet="abcdefgh ", min_size=1, max_size=12)),
    st.tuples(st.just("add"), st.sampled_from(COMPONENTS), st.sampled_from(COMPONENTS)),
    st.tuples(st.just("delete"), st.integers(0, 5), st.just("")),
    st.tuples(st.just("retitle"), st.integers(0, 5), st.text(alphabet="xyz", min_size=1, max_size=6)),
)


def _scenarios(src: Path) -> list[Path]:
    return sorted(p for p in (src / "scenarios").glob("*.md") if p.name != "index.md")


def _apply(src: Path, step: tuple) -> None:
    kind, a, b = step
    existing = _scenarios(src)
    if kind == "add" or not existing:
        if kind != "add":  # nothing left to edit or delete: add one instead
            a, b = "Alpha", "Beta"
        sid = f"gen{next(_counter)}"
        comp2 = b if b != a else ("Beta" if a != "Beta" else "Gamma")
        text = (TEMPLATE.replace("id: first", f"id: {sid}").replace("First scenario", f"Scenario {sid}")
                .replace("## Alpha", "## @FIRST@").replace("## Beta", "## @SECOND@")
                .replace("@FIRST@", a).replace("@SECOND@", comp2))
        (src / "scenarios" / f"{sid}.md").write_text(text)
        return
    target = existing[a % len(existing)]
    text = target.read_text()
    if kind == "edit":
        target.write_text(text.replace(" summary.", f" summary {b.strip() or 'x'}.", 1))
    elif kind == "retitle":
        old = text.split("\ntitle: ", 1)[1].split("\n", 1)[0]
        target.write_text(text.replace(f"title: {old}", f"title: {old} {b}").replace(f"# {old}", f"# {old} {b}"))
    elif kind == "delete":
        target.unlink()


@settings(max_examples=int(os.environ.get("INCREMENTAL_EXAMPLES", "4")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=st.lists(action, min_size=1, max_size=3))
def test_incremental_builds_equal_clean_builds(make_app, tmp_path_factory, steps):
    work = tmp_path_factory.mktemp("prop")
    src = work / "src"
    shutil.copytree(ROOTS / "test-basic", src)
    make_app("html", srcdir=src, builddir=work / "inc", freshenv=True).build()
    for i, step in enumerate(steps):
        _apply(src, step)
        inc = make_app("html", srcdir=src, builddir=work / "inc")
        inc.build()
        clean = make_app("html", srcdir=src, builddir=work / f"clean{i}", freshenv=True)
        clean.build()
        got, want = html_files(Path(inc.outdir)), html_files(Path(clean.outdir))
        # Sphinx keeps the old output file of a deleted page; nothing links to it any more.
        for stale in set(got) - set(want):
            got.pop(stale)
        assert got == want, f"after {steps[: i + 1]}"
