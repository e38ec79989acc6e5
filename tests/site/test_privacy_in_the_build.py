"""The privacy check inside the Sphinx build: a scenario that names people or cites nothing for a
reported section stops the build, each finding at its file, line and column."""

from __future__ import annotations

import re

import pytest


def test_the_build_refuses_identifying_details_and_an_uncited_reported_section(make_app, copy_root):
    src = copy_root()
    framework = src / "framework.yaml"
    framework.write_text(framework.read_text().replace("when: when a source says so}", "when: when a source says so, cited: true}"))
    first = src / "scenarios" / "first.md"
    first.write_text(first.read_text().replace("\nBody.\n", "\nBody, as Maria, the mentor teacher, said.\n"))
    app = make_app("html", srcdir=src, freshenv=True)
    with pytest.raises(SystemExit):
        app.build()
    log = app.warning.getvalue()
    # the role is beside the name already: the advice takes the name out rather than writing the role twice
    assert re.search(r"scenarios/first\.md:\d+:10: 'Maria' looks like a personal name.*take the name out: the role "
                     r"beside it, “mentor teacher”, already says who", log)
    assert re.search(r"scenarios/first\.md:26:1: the section 'Alpha' is marked `reported` but cites no source; "
                     r"cite the source with \{cite:p\}`key`", log)
    assert "Traceback" not in log
