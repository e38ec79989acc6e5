"""The hostile corpus (tests/hostile_cases.py) through the Sphinx build: each case is refused with its
located message, with no traceback, and not a single page is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_cases import CASES, GOOD  # tests/hostile_cases.py


@pytest.mark.parametrize("name, spoil, expected, line", CASES, ids=[c[0] for c in CASES])
def test_build_refuses_and_publishes_nothing(make_app, copy_root, name, spoil, expected, line):
    src = copy_root()
    bad = spoil(GOOD)
    (src / "scenarios" / "first.md").write_bytes(bad if isinstance(bad, bytes) else bad.encode())
    app = make_app("html", srcdir=src, freshenv=True)
    with pytest.raises(SystemExit) as stopped:
        app.build()
    assert stopped.value.code == 1
    log = app.warning.getvalue()
    located = [m for m in log.splitlines() if expected in m and f"scenarios/first.md:{line}:" in m]
    assert located, log
    assert "Traceback" not in log and "Build stopped" in log
    assert not list(Path(app.outdir).rglob("*.html"))


def test_byte_order_mark_is_tolerated_like_sphinx_does(make_app, copy_root):
    src = copy_root()
    (src / "scenarios" / "first.md").write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    app = make_app("html", srcdir=src, freshenv=True)
    app.build()
    assert "First scenario" in (Path(app.outdir) / "views.html").read_text()
