"""Generate a synthetic handbook of N scenarios in the real format, and its plain-Sphinx twin.

The scenarios are valid and varied (3 to 7 components each, every level,
design prompts with roles, concept terms, a table). The twin ("baseline")
holds the same words built by plain Sphinx + MyST with our extension left
out: admonitions in place of our blocks, and static Markdown links and
tables in place of every generated view.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
WORDS = ("mentor teacher candidate district college inquiry evidence routine coursework supervision principal "
         "program course classroom school partnership feedback priority coherence agenda meeting cycle practice "
         "induction pathway role learning tool protocol data planning").split()


def _sentence(rng: random.Random, n: int = 14) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _framework() -> dict:
    return yaml.safe_load((PROJECT / "handbook" / "framework.yaml").read_text())


def scenario_text(i: int, rng: random.Random, fw: dict) -> str:
    comps = rng.sample(fw["components"], rng.randint(3, 7))
    comps.sort(key=lambda c: fw["components"].index(c))
    levels = rng.sample([lvl["id"] for lvl in fw["levels"]], rng.randint(1, 3))
    roles = rng.sample([r["id"] for r in fw["roles"]], rng.randint(2, 5))
    terms = [c["terms"][0] for c in fw["concepts"]]
    front = {
        "id": f"synthetic-{i:04d}", "title": f"Synthetic problem {i:04d}: {rng.choice(WORDS)} and {rng.choice(WORDS)}",
        "felt_difficulty": _sentence(rng), "collaborative_project": _sentence(rng, 8), "primary_focus": _sentence(rng, 9),
        "illustrative_evidence": _sentence(rng, 16), "levels": levels, "roles": roles,
        "trajectory": rng.choice([t["id"] for t in fw["trajectories"]]), "sources": ["shepard_srlc"],
        "contributors": [{"name": f"Writer {i % 37}"}], "license": fw["licence"]["id"], "status": "draft",
        "privacy": {"deidentified": True, "consent": "not-needed"},
    }
    out = ["---", yaml.safe_dump(front, sort_keys=False, allow_unicode=True).strip(), "---", "", f"# {front['title']}", "",
           f"{_sentence(rng, 30)} This is {{concept}}`{rng.choice(terms)}` at work {{cite:p}}`shepard_srlc`.", ""]
    for comp in comps:
        basis = rng.choice(["reported", "interpretation"])
        cite = " {cite:p}`shepard_srlc`" if basis == "reported" else ""  # a reported section cites its source
        out += [f"## {comp['name']}", "", ":::{enactment}", f":basis: {basis}",
                _sentence(rng, 20), ":::", "", f"{_sentence(rng, 40)} {{concept}}`{rng.choice(terms)}` {_sentence(rng, 25)}{cite}", "",
                "| Who | What |", "|---|---|", f"| {rng.choice(WORDS)} | {_sentence(rng, 6)} |", ""]
        for _ in range(rng.randint(1, 3)):
            out += [":::{design-prompt}", f":roles: {', '.join(rng.sample(roles, min(2, len(roles))))}",
                    _sentence(rng, 22)[:-1] + "?", ":::", ""]
    return "\n".join(out)


# What a checkout holds beside its sources when git cannot say which files are its own.
NOT_SOURCES = ("_build", ".venv*", "node_modules", ".git", "__pycache__", ".*_cache", ".hypothesis", "*.egg-info")


def checkout_files(root: Path = PROJECT) -> list[str]:
    """The files a fresh clone or a fork of `root` holds, plus new files not yet committed: what git lists
    (tracked, or untracked and not ignored). Without git, every file outside the folders it would ignore.
    Copying only these keeps the virtual environments and node_modules (hundreds of MB) out of a copy."""
    try:
        listed = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                                capture_output=True, text=True)
    except OSError:  # no git on this machine
        listed = None
    if listed is not None and listed.returncode == 0 and listed.stdout:
        return sorted({name for name in listed.stdout.split("\0") if name and (root / name).is_file()})
    skip = shutil.ignore_patterns(*NOT_SOURCES)
    found: list[str] = []
    for folder, dirs, files in os.walk(root):
        ignored = skip(folder, dirs + files)
        dirs[:] = [d for d in dirs if d not in ignored]
        found += [str((Path(folder) / f).relative_to(root)) for f in files if f not in ignored]
    return sorted(found)


def copy_checkout(dest: Path, leave_out: Iterable[str] = (), root: Path = PROJECT) -> Path:
    """Copy the checkout's own files (`checkout_files`) to dest, without the top-level folders in leave_out."""
    skipped = set(leave_out)
    for name in checkout_files(root):
        if name.split("/", 1)[0] in skipped:
            continue
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / name, target)
    return dest


def make_corpus(dest: Path, n: int, seed: int = 1) -> Path:
    """A copy of the handbook whose scenarios are n synthetic ones."""
    if dest.exists():
        shutil.rmtree(dest)
    copy_checkout(dest, leave_out=("tests", "benchmarks", "builder"))
    # the handbook's own scenarios stay (its pages link to them); synthetic ones make up the rest of n
    real = [f for f in (dest / "scenarios").glob("*.md") if f.name != "index.md" and not f.name.startswith("_")]
    rng, fw = random.Random(seed), _framework()
    for i in range(max(n - len(real), 0)):
        (dest / "scenarios" / f"synthetic-{i:04d}.md").write_text(scenario_text(i, rng, fw), encoding="utf-8")
    return dest


# Furo builds the whole navigation tree for every page, shown or not, so plain Sphinx grows with the
# square of the number of scenarios (55 s at N=200 against our builder's 27 s, which prunes the scenario
# list past 60). The baseline is given no navigation tree at all: that flatters it a little, and keeps the
# ratio about what our extension costs, not about Furo.
BASELINE_NAV = """
html_sidebars = {"**": ["sidebar/brand.html", "sidebar/search.html", "sidebar/scroll-start.html", "sidebar/scroll-end.html"]}


def setup(app):
    app.connect("html-page-context", lambda app, pagename, templatename, context, doctree:
                context.__setitem__("toctree", lambda *args, **kwargs: ""), priority=100)
"""

_VIEW = re.compile(r":::\{(enacted-in|glassbox-matrix|problems-table|levels-view|prompt-index|dimensions-table|"
                   r"framework-glossary|scenario-list|framework-diagram|scenario-downloads|contributors-list|scenario-explorer|"
                   r"self-study-map|scenario-worksheet|session-outline|session-planner)\}"
                   r"[^\n]*\n(?::[^\n]*\n)*:::\n?")


def _listing(m: re.Match, md: Path, up: str, rows: list[tuple[str, str, list[str]]]) -> str:
    """Static Markdown standing in for one generated view of the extension."""
    if m.group(1) in ("framework-diagram", "framework-glossary", "dimensions-table", "scenario-downloads", "self-study-map",
                      "scenario-worksheet", "session-outline", "session-planner"):
        return ""
    if m.group(1) == "enacted-in" and md.parent.name != "components":
        return ""
    comp = md.stem if md.parent.name == "components" else None
    lines = []
    for stem, title, sections in rows:
        if comp is None or any(s.lower().replace(" ", "-") == comp for s in sections):
            anchor = f"#{comp}" if comp else ""
            lines.append(f"- [{title}]({up}scenarios/{stem}.md{anchor}): " + ", ".join(sections))
    return "\n".join(lines) + "\n"


def make_baseline(corpus: Path, dest: Path) -> Path:
    """The same corpus for plain Sphinx + MyST: our blocks become admonitions, views become static links."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(corpus, dest)
    conf = dest / "conf.py"
    conf.write_text(conf.read_text().replace('"sphinxcontrib.bibtex", "glassbox_handbook"]', '"sphinxcontrib.bibtex"]') + BASELINE_NAV)
    scen = sorted((dest / "scenarios").glob("synthetic-*.md"))
    # one static listing, standing in for every generated view (matrix, backlinks, indexes)
    rows = []
    for f in scen:
        text = f.read_text()
        title = re.search(r"^# (.+)$", text, re.M).group(1)
        sections = re.findall(r"^## (.+)$", text, re.M)
        rows.append((f.stem, title, sections))
    for md in dest.rglob("*.md"):
        text = md.read_text()
        depth = len(md.relative_to(dest).parts) - 1
        up = "../" * depth
        text = text.replace(":::{enactment}", ":::{note}").replace(":::{design-prompt}", ":::{admonition} Design prompt")
        text = re.sub(r"^:(basis|roles): .*\n", "", text, flags=re.M)
        text = re.sub(r"\{term\}`([^`<]+?)(?:\s*<[^>]+>)?`", r"*\1*", text)

        text = _VIEW.sub(lambda m, md=md, up=up: _listing(m, md, up, rows), text)
        md.write_text(text)
    return dest
