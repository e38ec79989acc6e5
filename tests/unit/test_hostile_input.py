"""A corpus of malformed and hostile scenarios, each refused with its own located message.

Every case goes through both doors a scenario can come in by: the
contributor's `python -m glassbox_handbook check` and the Sphinx build. Neither may
show a traceback, and the build must not write a single page.
"""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from glassbox_handbook.cli import main
from glassbox_handbook.core.framework import load_framework
from glassbox_handbook.core.scenario import parse_scenario
from hostile_cases import CASES, GOOD, ROOT  # tests/hostile_cases.py
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FW = load_framework(ROOT / "framework.yaml")


@pytest.mark.parametrize("name, spoil, expected, line", CASES, ids=[c[0] for c in CASES])
def test_check_refuses_with_located_message(tmp_path, name, spoil, expected, line):
    bad = spoil(GOOD)
    root = tmp_path / "proj"
    (root / "scenarios").mkdir(parents=True)
    for f in ("conf.py", "framework.yaml", "refs.bib"):
        (root / f).write_bytes((ROOT / f).read_bytes())
    target = root / "scenarios" / "first.md"
    target.write_bytes(bad if isinstance(bad, bytes) else bad.encode())
    err, out = io.StringIO(), io.StringIO()
    with redirect_stderr(err), redirect_stdout(out):
        rc = main(["--root", str(root), "check", str(target)])
    assert rc == 1
    messages = [m for m in err.getvalue().splitlines() if expected in m]
    assert messages, err.getvalue()
    assert messages[0].startswith(f"{target}:{line}:"), messages[0]
    assert "Traceback" not in err.getvalue()


def test_duplicate_id_is_refused_by_check(tmp_path):
    root = tmp_path / "proj"
    (root / "scenarios").mkdir(parents=True)
    for f in ("conf.py", "framework.yaml", "refs.bib"):
        (root / f).write_bytes((ROOT / f).read_bytes())
    (root / "scenarios" / "first.md").write_text(GOOD)
    (root / "scenarios" / "copy").mkdir()
    (root / "scenarios" / "copy" / "first.md").write_text(GOOD)
    err = io.StringIO()
    with redirect_stderr(err), redirect_stdout(io.StringIO()):
        rc = main(["--root", str(root), "check",
                   str(root / "scenarios"), str(root / "scenarios" / "copy")])
    assert rc == 1 and "the id 'first' is already used by" in err.getvalue()


# -- fuzzing: whatever the input, check answers 0 or 1 with located messages ---------

_yaml_scalars = st.one_of(st.text(max_size=30), st.integers(), st.booleans(), st.none(), st.lists(st.text(max_size=10), max_size=3))
_keys = st.sampled_from(["id", "title", "levels", "roles", "trajectory", "sources", "contributors", "license", "status",
                         "privacy", "felt_difficulty", "x-unknown", "primary_focus"])
_lines = st.one_of(
    st.sampled_from(["## Alpha", "## Beta", "## Nope", "# Title", ":::{enactment}", ":basis: reported", ":::",
                     ":::{design-prompt}", ":roles: teacher", "{concept}`one idea`", "<b>x</b>", "```{raw} html", "```",
                     "[a](javascript:x)", "![i](x.png)", "---", "\t- a", "&anchor", "{cite:p}`nokey`"]),
    st.text(max_size=40),
)


@settings(max_examples=int(__import__("os").environ.get("FUZZ_EXAMPLES", "60")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(front=st.dictionaries(_keys, _yaml_scalars, max_size=8), body=st.lists(_lines, max_size=25),
       mangle=st.booleans())
def test_fuzzed_scenarios_never_crash_the_check(front, body, mangle):
    import yaml

    text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + "\n".join(body) + "\n"
    if mangle:
        text = GOOD[: len(GOOD) // 2] + "\n".join(body)
    parsed = parse_scenario(text, "scenarios/first.md", FW, {"doe2020"})
    assert (parsed.scenario is None) == bool(parsed.problems)
    for problem in parsed.problems:
        assert problem.path == "scenarios/first.md" and problem.line >= 1 and problem.col >= 1 and problem.message


def test_parsing_only_the_inline_text_the_walk_reads_finds_exactly_what_parsing_all_of_it_finds(monkeypatch):
    """The check leaves prose without `<`, `{` or `[` unparsed (glassbox_handbook.core.body); with every inline text
    parsed, every hostile case and every real scenario gives the same problems and the same model."""
    from glassbox_handbook.core import body
    from glassbox_handbook.domain.loader import bib_keys
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    project = Path(__file__).resolve().parents[2]
    real_fw = load_framework(project / "handbook" / "framework.yaml")
    keys = set(bib_keys([project / "handbook" / "references.bib"]))
    texts = [(t, "scenarios/first.md", FW, {"doe2020"}) for t in (spoil(GOOD) for _, spoil, _, _ in CASES)
             if isinstance(t, str)]
    texts += [(f.read_text(encoding="utf-8"), f"scenarios/{f.name}", real_fw, keys)
              for f in sorted((project / "scenarios").glob("*.md")) if f.name != "index.md" and not f.name.startswith("_")]
    assert len(texts) > 30
    lazy = [parse_scenario(t, name, fw, k) for t, name, fw, k in texts]
    whole = create_md_parser(MdParserConfig(enable_extensions=set(body.MYST_EXTENSIONS)), RendererHTML)
    whole.disable("table")
    monkeypatch.setattr(body, "_MD", whole)
    assert [parse_scenario(t, name, fw, k) for t, name, fw, k in texts] == lazy
    assert any(p.scenario is not None and p.scenario.sections for p in lazy)
    assert sum(len(p.problems) for p in lazy) >= len(CASES) - 2
