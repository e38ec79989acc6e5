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
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glassbox_handbook.cli import main
from glassbox_handbook.core.framework import load_framework
from glassbox_handbook.core.scenario import parse_scenario

ROOT = Path(__file__).parent / "roots" / "test-basic"
GOOD = (ROOT / "scenarios" / "first.md").read_text()
FW = load_framework(ROOT / "framework.yaml")


def sub(old: str, new: str):
    def apply(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)
    return apply


# (case id, how to spoil the good scenario, expected message, expected line)
CASES = [
    ("bad-yaml", sub("primary_focus: Fitting things.", "primary_focus: [unclosed"), "not valid YAML", 7),
    ("tab-indent", sub("  - name: Test Writer", "\t- name: Test Writer"), "indented with a tab", 13),
    ("non-utf8", lambda t: t.replace("Body.", "Caf\udce9 body.").encode("utf-8", "surrogateescape"), "not UTF-8", 31),
    ("empty-file", lambda t: "", "does not start with front matter", 1),
    ("unclosed-front-matter", sub("---\n\n# First", "\n# First"), "front matter is never closed", 1),
    ("near-miss-key", sub("title: First scenario", "titel: First scenario"), "did you mean `title`?", 3),
    ("wrong-type", sub("roles: [teacher, leader]", "roles: teacher"), "`roles` must be a list", 9),
    ("wrong-type-privacy", sub("deidentified: true", "deidentified: maybe"), "privacy.deidentified", 17),
    ("missing-field", sub("primary_focus: Fitting things.\n", ""), "required field `primary_focus` is missing", 2),
    ("unknown-level", sub("levels: [top-pair]", "levels: [top-piar]"), "did you mean 'top-pair'?", 8),
    ("unknown-role", sub("roles: [teacher, leader]", "roles: [teacher, leeder]"), "did you mean 'leader'?", 9),
    ("unknown-component", sub("## Beta", "## Betta"), "did you mean 'Beta'?", 38),
    ("duplicate-section", sub("## Beta", "## Alpha"), "'Alpha' has a second section", 38),
    ("bad-licence", sub("license: TOY-1.0", "license: all rights reserved"), "license", 15),
    ("yaml-alias", sub("levels: [top-pair]", "levels: &x [top-pair]"), "anchor or alias", 8),
    ("script-tag", sub("Body.", "Body.\n\n<script>alert(1)</script>"), "raw HTML is not allowed", 33),
    ("inline-html", sub("Body.", 'Body <img src=x onerror="alert(1)">.'), "raw HTML", 31),
    ("javascript-link", sub("Body.", "Body [x](javascript:alert(1))."), "`javascript:`", 31),
    ("data-link", sub("Body.", "Body [x](data:text/html;base64,PHNjcmlwdD4=)."), "`data:`", 31),
    ("include-passwd", sub("Body.", "Body.\n\n```{include} /etc/passwd\n```"), "{include} is not allowed", 33),
    ("raw-directive", sub("Body.", "Body.\n\n```{raw} html\n<b>x</b>\n```"), "{raw} is not allowed", 33),
    ("eval-rst", sub("Body.", "Body.\n\n```{eval-rst}\n.. raw:: html\n```"), "{eval-rst} is not allowed", 33),
    ("nested-hostile", sub("Body.", "Body.\n\n:::{note}\n```{literalinclude} ../conf.py\n```\n:::"), "{literalinclude}", 34),
    ("image-outside", sub("Body.", "Body.\n\n![x](../../conf.png)"), "points outside scenarios/", 33),
    ("image-remote", sub("Body.", "Body.\n\n![x](https://tracker.example/x.png)"), "not a file in scenarios/", 33),
    ("huge-file", lambda t: t + "\n" + "word " * 60_000, "over the 195 KB limit", 1),
    ("personal-details", sub("Body.", "Ask principal Maria Lopez at maria@example.org."), "could identify someone", 31),
    ("summary-missing", sub(":::{enactment}\n:basis: reported\nFIRST-ALPHA summary.\n:::\n", ""), "has no {enactment} summary", 24),
    ("prompt-without-roles", sub(":roles: teacher\nFirst alpha", "First alpha"), "has no `:roles:`", 33),
]


@pytest.mark.parametrize("name, spoil, expected, line", CASES, ids=[c[0] for c in CASES])
def test_check_refuses_with_located_message(tmp_path, name, spoil, expected, line):
    bad = spoil(GOOD)
    root = tmp_path / "proj"
    (root / "scenarios").mkdir(parents=True)
    for f in ("framework.yaml", "refs.bib"):
        (root / f).write_bytes((ROOT / f).read_bytes())
    target = root / "scenarios" / "first.md"
    target.write_bytes(bad if isinstance(bad, bytes) else bad.encode())
    err, out = io.StringIO(), io.StringIO()
    with redirect_stderr(err), redirect_stdout(out):
        rc = main(["--root", str(root), "--framework", "framework.yaml", "--bib", "refs.bib", "check", str(target)])
    assert rc == 1
    messages = [m for m in err.getvalue().splitlines() if expected in m]
    assert messages, err.getvalue()
    assert messages[0].startswith(f"{target}:{line}:"), messages[0]
    assert "Traceback" not in err.getvalue()


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


def test_duplicate_id_is_refused_by_check(tmp_path):
    root = tmp_path / "proj"
    (root / "scenarios").mkdir(parents=True)
    for f in ("framework.yaml", "refs.bib"):
        (root / f).write_bytes((ROOT / f).read_bytes())
    (root / "scenarios" / "first.md").write_text(GOOD)
    (root / "scenarios" / "copy").mkdir()
    (root / "scenarios" / "copy" / "first.md").write_text(GOOD)
    err = io.StringIO()
    with redirect_stderr(err), redirect_stdout(io.StringIO()):
        rc = main(["--root", str(root), "--framework", "framework.yaml", "--bib", "refs.bib", "check",
                   str(root / "scenarios"), str(root / "scenarios" / "copy")])
    assert rc == 1 and "the id 'first' is already used by" in err.getvalue()


# -- fuzzing: whatever the input, check answers 0 or 1 with located messages ---------

_yaml_scalars = st.one_of(st.text(max_size=30), st.integers(), st.booleans(), st.none(), st.lists(st.text(max_size=10), max_size=3))
_keys = st.sampled_from(["id", "title", "levels", "roles", "trajectory", "sources", "contributors", "license", "status",
                         "privacy", "felt_difficulty", "x-unknown", "primary_focus"])
_lines = st.one_of(
    st.sampled_from(["## Alpha", "## Beta", "## Nope", "# Title", ":::{enactment}", ":basis: reported", ":::",
                     ":::{design-prompt}", ":roles: teacher", "{term}`one idea`", "<b>x</b>", "```{raw} html", "```",
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
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    from glassbox_handbook.core import body
    from glassbox_handbook.domain.loader import bib_keys

    project = Path(__file__).resolve().parent.parent
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
