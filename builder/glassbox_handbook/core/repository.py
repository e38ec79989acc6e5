"""Where the handbook's repository is, so that the site, README and the issue form can link to it.

Known from, in order: the `glassbox_repository` setting; `GITHUB_REPOSITORY`
(GitHub Actions sets it to OWNER/NAME in every workflow run); the git remote
`origin` of the checkout, read from `.git/config` without running git. Only
GitHub addresses are understood, since the contribution route is GitHub's
issue form. Unknown is a normal answer (""): the site then says how to
contribute without it.
"""

from __future__ import annotations

import configparser
import os
import re
from collections.abc import Mapping
from pathlib import Path

_GITHUB = re.compile(r"^(?:https://github\.com/|git@github\.com:|ssh://git@github\.com/)"
                     r"(?P<slug>[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}?)(?:\.git)?/?$")
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}$")


def github_url(address: str) -> str:
    """https://github.com/OWNER/NAME for a GitHub address or an OWNER/NAME slug; "" for anything else."""
    address = address.strip()
    if _SLUG.match(address):
        return f"https://github.com/{address}"
    m = _GITHUB.match(address)
    return f"https://github.com/{m.group('slug')}" if m else ""


def _origin(root: Path) -> str:
    """The URL of the remote `origin` in the checkout's git config, or "" (no checkout, no such remote)."""
    git = root / ".git"
    if git.is_file():  # a worktree: `.git` names the real folder
        text = git.read_text(encoding="utf-8", errors="replace").strip()
        if not text.startswith("gitdir:"):
            return ""
        git = (root / text.split(":", 1)[1].strip()).resolve()
        common = git / "commondir"
        git = (git / common.read_text(encoding="utf-8").strip()).resolve() if common.is_file() else git
    config = configparser.ConfigParser(strict=False, interpolation=None)
    try:
        config.read(git / "config", encoding="utf-8")
    except (configparser.Error, OSError):
        return ""
    return config.get('remote "origin"', "url", fallback="")


def repository_url(given: str, root: Path, environ: Mapping[str, str] = os.environ) -> str:
    """The repository's web address, or "" when it is not known."""
    for candidate in (given, environ.get("GITHUB_REPOSITORY", ""), _origin(root)):
        url = github_url(candidate) if candidate else ""
        if url:
            return url
    return ""


# The files outside the site that name the repository, and how each names it. Written by
# `python -m glassbox_handbook repository --write`, so that they say what the site says; with the
# address unknown they say nothing of it (never a placeholder).
_README_START, _README_END = "<!-- repository: written by `python -m glassbox_handbook repository --write` -->", "<!-- /repository -->"


def _readme(text: str, url: str) -> str:
    start, end = text.find(_README_START), text.find(_README_END)
    if start < 0 or end < start:
        return text
    inner = (f'```sh\npip install "git+{url}"\n```\n' if url else
             "```sh\npip install .            # in a copy of the repository\n```\n")
    return text[:start + len(_README_START)] + "\n" + inner + text[end:]


def _pyproject(text: str, url: str) -> str:
    block = re.compile(r"\n\[project\.urls\]\n(?:[^\[\n][^\n]*\n|\n)*")
    text = block.sub("\n", text)
    if not url:
        return text
    urls = f'\n[project.urls]\nHomepage = "{url}"\nSource = "{url}"\nIssues = "{url}/issues"\n'
    at = text.find("\n[project.optional-dependencies]")
    return text[:at] + "\n" + urls.rstrip("\n") + text[at:] if at >= 0 else text + urls


def _citation(text: str, url: str) -> str:
    text = re.sub(r"^repository-code: .*\n", "", text, flags=re.M)
    return re.sub(r"^(license: .*\n)", rf'\1repository-code: "{url}"\n', text, count=1, flags=re.M) if url else text


def fill_files(root: Path, url: str) -> list[Path]:
    """Write the repository's address into README.md, pyproject.toml and CITATION.cff; the files changed."""
    changed = []
    for name, edit in (("README.md", _readme), ("pyproject.toml", _pyproject), ("CITATION.cff", _citation)):
        path = root / name
        if not path.is_file():
            continue
        old = path.read_text(encoding="utf-8")
        new = edit(old, url)
        if new != old:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed
