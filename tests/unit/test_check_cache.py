"""`check` answers unchanged files from its cache, and never with a stale answer."""

from __future__ import annotations

import glassbox_handbook.core.scenario
import pytest
from glassbox_handbook.cli import main
from glassbox_handbook.cli.check import CACHE
from test_cli import _project_copy


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A copy of the handbook's scenarios, with a count of the files the check parses."""
    root = _project_copy(tmp_path)
    parsed: list[str] = []
    real = glassbox_handbook.core.scenario.parse_scenario

    def counting(text, path, *args, **kwargs):
        parsed.append(path)
        return real(text, path, *args, **kwargs)

    monkeypatch.setattr(glassbox_handbook.core.scenario, "parse_scenario", counting)
    monkeypatch.chdir(root)
    return root, parsed


def _check(parsed: list[str], capsys, *args: str) -> tuple[int, int, str]:
    """(exit status, files parsed, what was printed) of one `check`."""
    parsed.clear()
    capsys.readouterr()
    rc = main(["check", *args])
    out = capsys.readouterr()
    return rc, len(parsed), out.out + out.err


def _scenarios(root) -> int:
    return len([p for p in (root / "scenarios").glob("*.md") if p.name != "index.md" and not p.name.startswith("_")])


def test_a_second_check_parses_no_unchanged_file_and_prints_the_same(project, capsys):
    root, parsed = project
    first = _check(parsed, capsys)
    assert first[0] == 0 and first[1] == _scenarios(root) > 1
    again = _check(parsed, capsys)
    assert again == (0, 0, first[2])


def test_an_edited_file_alone_is_read_again_and_its_problems_shown_every_time(project, capsys):
    root, parsed = project
    _check(parsed, capsys)
    path = root / "scenarios" / "mentoring.md"
    path.write_text(path.read_text() + "\nWrite to ana.lopez@example.org for the notes.\n")
    rc, count, out = _check(parsed, capsys)
    assert (rc, count) == (1, 1) and "an e-mail address" in out
    assert _check(parsed, capsys) == (1, 0, out)  # problems are remembered too, and printed again


def test_a_deleted_image_is_reported_though_the_scenario_is_unchanged(project, capsys):
    root, parsed = project
    (root / "scenarios" / "images").mkdir()
    image = root / "scenarios" / "images" / "map.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    path = root / "scenarios" / "mentoring.md"
    path.write_text(path.read_text() + "\n![A map of the partnership's sites](images/map.png)\n")
    assert _check(parsed, capsys)[0] == 0
    image.unlink()
    rc, count, out = _check(parsed, capsys)
    assert rc == 1 and count == _scenarios(root) and "the image 'images/map.png' does not exist" in out


@pytest.mark.parametrize("changed", ["handbook/framework.yaml", "handbook/references.bib"])
def test_a_changed_framework_or_bibliography_reads_every_file_again(project, capsys, changed):
    root, parsed = project
    _check(parsed, capsys)
    with open(root / changed, "a", encoding="utf-8") as f:
        f.write("\n% edited\n" if changed.endswith(".bib") else "\n# edited\n")
    assert _check(parsed, capsys)[:2] == (0, _scenarios(root))


def test_no_cache_reads_every_file_and_keeps_nothing(project, capsys):
    root, parsed = project
    assert _check(parsed, capsys, "--no-cache")[:2] == (0, _scenarios(root))
    assert _check(parsed, capsys, "--no-cache")[:2] == (0, _scenarios(root))
    assert not (root / CACHE).exists()


def test_a_broken_store_or_an_unwritable_folder_never_fails_the_check(project, capsys):
    root, parsed = project
    first = _check(parsed, capsys)
    (store,) = (root / CACHE).glob("*.json")
    store.write_text('{"scenarios/mentoring.md": ["x", 3, null], "half', encoding="utf-8")
    assert _check(parsed, capsys) == (0, _scenarios(root), first[2])
    assert not list((root / CACHE).glob("*.tmp"))
    for p in (root / CACHE).iterdir():
        p.unlink()
    (root / CACHE).rmdir()
    (root / CACHE).write_text("not a folder")  # mkdir fails: the results are not kept, the check still answers
    assert _check(parsed, capsys) == (0, _scenarios(root), first[2])
    assert _check(parsed, capsys)[1] == _scenarios(root)


def test_a_bad_framework_is_still_refused_when_every_file_is_remembered(project, capsys):
    root, parsed = project
    _check(parsed, capsys)
    fw = root / "handbook" / "framework.yaml"
    fw.write_text(fw.read_text().replace("components:", "componnts:", 1))
    rc, _, out = _check(parsed, capsys)
    assert rc == 1 and "framework.yaml" in out
