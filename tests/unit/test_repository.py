"""The repository's address: one setting, found on GitHub Actions or from the git remote, and no link when unknown."""

from __future__ import annotations

import tomllib
from pathlib import Path

import yaml
from docutils import nodes
from glassbox_handbook.cli import main
from glassbox_handbook.core.repository import fill_files, github_url, repository_url
from glassbox_handbook.views.contribute_routes import routes

PROJECT = Path(__file__).resolve().parents[2]


def test_github_addresses_in_every_form_become_one_web_address():
    for given in ("owner/name", "https://github.com/owner/name", "https://github.com/owner/name.git",
                  "git@github.com:owner/name.git", "ssh://git@github.com/owner/name"):
        assert github_url(given) == "https://github.com/owner/name", given
    for other in ("", "https://gitlab.com/owner/name", "javascript:alert(1)", "owner/name/extra", "<b>x</b>/y"):
        assert github_url(other) == "", other


def test_the_setting_wins_then_github_actions_then_the_git_remote(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text('[remote "origin"]\n\turl = git@github.com:from/remote.git\n')
    assert repository_url("set/here", tmp_path, {"GITHUB_REPOSITORY": "from/actions"}) == "https://github.com/set/here"
    assert repository_url("", tmp_path, {"GITHUB_REPOSITORY": "from/actions"}) == "https://github.com/from/actions"
    assert repository_url("", tmp_path, {}) == "https://github.com/from/remote"
    assert repository_url("", tmp_path / "nowhere", {}) == ""


def test_a_worktree_reads_the_remote_of_its_main_checkout(tmp_path):
    main_git = tmp_path / "main" / ".git"
    (main_git / "worktrees" / "wt").mkdir(parents=True)
    (main_git / "config").write_text('[remote "origin"]\n\turl = https://github.com/main/checkout\n')
    (main_git / "worktrees" / "wt" / "commondir").write_text("../..\n")
    wt = tmp_path / "wt"
    wt.mkdir()
    (wt / ".git").write_text(f"gitdir: {main_git / 'worktrees' / 'wt'}\n")
    assert repository_url("", wt, {}) == "https://github.com/main/checkout"


def test_the_address_is_written_into_readme_pyproject_and_citation_and_taken_out_again(tmp_path):
    for name in ("conf.py", "README.md", "pyproject.toml", "CITATION.cff"):
        (tmp_path / name).write_bytes((PROJECT / name).read_bytes())
    assert "<this repository" not in (tmp_path / "README.md").read_text()
    assert main(["--root", str(tmp_path), "repository", "--url", "owner/name", "--write"]) == 0
    assert 'pip install "git+https://github.com/owner/name"' in (tmp_path / "README.md").read_text()
    urls = tomllib.loads((tmp_path / "pyproject.toml").read_text())["project"]["urls"]
    assert urls == {"Homepage": "https://github.com/owner/name", "Source": "https://github.com/owner/name",
                    "Issues": "https://github.com/owner/name/issues"}
    assert yaml.safe_load((tmp_path / "CITATION.cff").read_text())["repository-code"] == "https://github.com/owner/name"
    fill_files(tmp_path, "")  # unknown again: no address anywhere, and no placeholder
    for name in ("README.md", "pyproject.toml", "CITATION.cff"):
        text = (tmp_path / name).read_text()
        assert "owner/name" not in text and text == (PROJECT / name).read_text(), name


def test_the_contribute_page_links_only_routes_that_lead_somewhere():
    def links(found: list[nodes.Node]) -> list[str]:
        return [r["refuri"] for n in found for r in n.findall(nodes.reference)]

    unknown = routes("", "", "worksheet.html")
    assert links(unknown) == ["worksheet.html"] and "whoever pointed you" in unknown[0].astext()
    known = routes("https://github.com/o/n", "", "worksheet.html")
    assert "https://github.com/o/n/issues/new?template=propose-scenario.yml" in links(known)
    assert "ask someone who has one" in known[0].astext()
    mailed = routes("", "team@example.org", "worksheet.html")
    assert links(mailed) == ["worksheet.html", "mailto:team@example.org"]
