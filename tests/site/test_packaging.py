"""The package as a user gets it.

An sdist and a wheel are built from the tracked files (`python -m build`, the wheel made
from the sdist), each must carry every tracked file under `builder/glassbox_handbook/`; the wheel is then
installed (not editable) into a fresh virtual environment, with its dependencies
resolved by pip as a user's would be, beside PyPI's unrelated `builder` package (the
name this project's code once had), and that environment builds a copy of
`tests/roots/test-basic` (a framework of its own, nothing of the SRLC) outside the
checkout with `-b glassbox` and `-b glassbox_pdf`. Only public entry points are used:
`extensions = ["myst_parser", "glassbox_handbook"]`, the builder names, the `sphinx.builders`
entry points. The installed `glassbox-handbook` command then makes, builds (site and PDFs) and checks a
new project in English, with no word of the SRLC's, and one in Spanish (`new --language es`), with no
English word of the builder's (tests/english_left.py).

The fixtures are module-scoped: one build, one venv, one project copy (about a minute).
`-m "not packaging"` leaves this module out of a quick local run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.packaging

PROJECT = Path(__file__).resolve().parents[2]
BASIC = PROJECT / "tests" / "roots" / "test-basic"
USER_EXTENSIONS = '["myst_parser", "glassbox_handbook"]'
OTHER_BUILDER = "builder==0.1.0"
PACKAGE = "builder/glassbox_handbook/"

# Run `python -m sphinx ARGS` in the fresh venv, then say which `glassbox_handbook` module that
# same process imported (the one the build really used).
DRIVER = """
import json, runpy, sys
sys.argv = ["sphinx", *sys.argv[1:]]
try:
    runpy.run_module("sphinx", run_name="__main__", alter_sys=True)
    status = 0
except SystemExit as exc:
    status = exc.code
module = sys.modules.get("glassbox_handbook")
print("IMPORTED " + json.dumps({"glassbox_handbook": getattr(module, "__file__", None)}))
sys.exit(status)
"""


def clean_env() -> dict[str, str]:
    """The environment without anything that would point Python at the checkout or this venv."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"}}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p != str(Path(sys.executable).parent))
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def run(cmd: list[str], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(cmd, cwd=cwd, env=clean_env(), capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def tracked(folder: str) -> list[str]:
    """Git-tracked files under `folder`, less caches (what a clone of the repository has)."""
    out = subprocess.run(["git", "ls-files", "-z", folder], cwd=PROJECT, capture_output=True, text=True, check=True).stdout
    return sorted(f for f in out.split("\0") if f and "__pycache__" not in f and not f.endswith((".pyc", ".pyo"))
                  and (PROJECT / f).is_file())


@pytest.fixture(scope="module")
def dists(tmp_path_factory) -> dict[str, Path]:
    """sdist and wheel built from a copy of the tracked files, as from a fresh clone."""
    src = tmp_path_factory.mktemp("src")
    for name in tracked("."):
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(PROJECT / name, src / name)
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--outdir", str(out), str(src)], cwd=src)
    wheels, sdists = sorted(out.glob("*.whl")), sorted(out.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, sorted(p.name for p in out.iterdir())
    return {"wheel": wheels[0], "sdist": sdists[0]}


@pytest.fixture(scope="module")
def venv(dists, tmp_path_factory) -> dict[str, Path]:
    """A fresh venv with the wheel installed from its file, dependencies from the index."""
    root = tmp_path_factory.mktemp("user-venv") / "venv"
    run([sys.executable, "-m", "venv", str(root)], cwd=root.parent)
    python = root / "bin" / "python"
    run([str(python), "-m", "pip", "install", "-q", str(dists["wheel"])], cwd=root.parent, timeout=900)
    # PyPI's `builder` 0.1.0 (a batch-pipeline library, Python 2 code): its dependencies are left out,
    # since they do not install on Python 3; its own files are what could meet ours.
    run([str(python), "-m", "pip", "install", "-q", "--no-deps", OTHER_BUILDER], cwd=root.parent, timeout=900)
    purelib = run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=root.parent)
    return {"python": python, "site": Path(purelib.stdout.strip()).resolve()}


def user_project(dest: Path, extensions: str) -> Path:
    """A copy of the test root outside the checkout, with `extensions` as a user writes them."""
    shutil.copytree(BASIC, dest, ignore=shutil.ignore_patterns("_build", "__pycache__"))
    conf = dest / "conf.py"
    text, count = re.subn(r"^extensions\s*=.*$", f"extensions = {extensions}", conf.read_text(), flags=re.M)
    assert count == 1, "tests/roots/test-basic/conf.py should set extensions on one line"
    assert "sys.path" not in text, "the user project must not put the checkout on sys.path"
    conf.write_text(text)
    return dest


def sphinx(venv: dict[str, Path], project: Path, builder: str) -> Path:
    out = project / "_build" / builder
    result = run([str(venv["python"]), "-c", DRIVER, "-W", "-q", "-b", builder, "-d", str(project / "_build" / f"doctrees-{builder}"),
                  ".", str(out)], cwd=project)
    imported = json.loads(result.stdout.rsplit("IMPORTED ", 1)[1])["glassbox_handbook"]
    assert imported, f"-b {builder} did not import the builder package"
    path = Path(imported).resolve()
    assert path.is_relative_to(venv["site"]), f"builder came from {path}, not the fresh venv's {venv['site']}"
    assert not path.is_relative_to(PROJECT), f"builder came from the checkout: {path}"
    return out


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    where = tmp_path_factory.mktemp("user-project")
    assert not where.resolve().is_relative_to(PROJECT), "the user project must be outside the checkout"
    return user_project(where / "handbook", USER_EXTENSIONS)


def test_wheel_carries_every_file_of_the_package_under_its_own_name(dists):
    names = set(zipfile.ZipFile(dists["wheel"]).namelist())
    missing = [f for f in tracked(PACKAGE) if f.removeprefix("builder/") not in names]
    assert not missing, f"not in the wheel: {missing}"
    stray = [n for n in names if not n.startswith(("glassbox_handbook/", "glassbox_handbook-"))]
    assert not stray, f"the wheel installs something besides glassbox_handbook/: {stray}"
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")], "the wheel carries bytecode caches"


def test_sdist_carries_every_file_under_builder(dists):
    with tarfile.open(dists["sdist"]) as tar:
        names = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    missing = [f for f in tracked(PACKAGE) if f not in names]
    assert not missing, f"not in the sdist: {missing}"
    assert "pyproject.toml" in names and "README.md" in names


def test_wheel_registers_both_builders_by_name(dists):
    wheel = zipfile.ZipFile(dists["wheel"])
    [entry_points] = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    text = wheel.read(entry_points).decode()
    section = re.search(r"^\[sphinx\.builders\]\n((?:[^\[\n].*\n?)*)", text, flags=re.M)
    assert section, text
    entries = dict(re.findall(r"^(\S+)\s*=\s*(\S+)\s*$", section.group(1), flags=re.M))
    assert entries == {"glassbox": "glassbox_handbook", "glassbox_pdf": "glassbox_handbook"}


def assert_site(out: Path, wheel: Path) -> None:
    """The pages are there, and so are the package's own scripts and stylesheets they link to."""
    for page in ("index.html", "scenarios/first.html", "scenarios/second.html", "components/alpha.html", "views.html"):
        assert (out / page).is_file(), f"no {page} in {sorted(p.name for p in out.iterdir())}"
    ours = {Path(n).name for n in zipfile.ZipFile(wheel).namelist() if n.endswith((".js", ".css"))}
    # a scenario page: it has prompts and terms, so it links the scripts for them (a page links only what it uses)
    page = out / "scenarios" / "first.html"
    linked = set(re.findall(r"_static/([\w.-]+\.(?:js|css))", page.read_text(encoding="utf-8"))) & ours
    assert any(n.endswith(".js") for n in linked) and any(n.endswith(".css") for n in linked), (linked, ours)
    for name in linked:
        assert (out / "_static" / name).is_file(), f"{page.name} links _static/{name}, which is not there"


def test_installed_wheel_builds_pages(dists, venv, project):
    assert_site(sphinx(venv, project, "glassbox"), dists["wheel"])


def test_installed_wheel_builds_pdfs(venv, project):
    out = sphinx(venv, project, "glassbox_pdf")
    names = {p.name for p in out.glob("*.pdf")}
    expected = {f"{base}-{paper}.pdf" for paper in ("a4", "letter")
                for base in ("handbook", "prompt-cards", *(f"{kind}-{s}" for s in ("first", "second")
                                                             for kind in ("packet", "guide")))}
    assert expected <= names, f"missing: {sorted(expected - names)}"
    for name in expected:
        assert (out / name).read_bytes().startswith(b"%PDF-"), name
    assert len(PdfReader(out / "handbook-a4.pdf").pages) > 1


def test_builder_entry_point_alone_selects_the_builder(dists, venv, tmp_path_factory):
    """With no `glassbox_handbook` in `extensions`, `-b glassbox` loads it through the entry point."""
    bare = user_project(tmp_path_factory.mktemp("entry-point") / "handbook", '["myst_parser"]')
    assert_site(sphinx(venv, bare, "glassbox"), dists["wheel"])


def test_wheel_version_is_the_package_version(dists):
    """pyproject.toml takes the version from glassbox_handbook/version.py, read without importing it."""
    source = (PROJECT / PACKAGE / "version.py").read_text(encoding="utf-8")
    [version] = re.findall(r'^__version__\s*=\s*["\']([^"\']+)["\']', source, flags=re.M)
    assert dists["wheel"].name.startswith(f"glassbox_handbook-{version}-"), dists["wheel"].name
    assert dists["sdist"].name == f"glassbox_handbook-{version}.tar.gz", dists["sdist"].name


def page_text(path: Path) -> str:
    """A page's words (the worksheet's de-identification checklist included: its examples are the framework's
    own roles and levels, glassbox_handbook/core/issue_form.py)."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(), "html.parser").get_text(" ")


def made_with_the_installed_command(venv: dict[str, Path], where: Path, *language: str) -> dict[str, Path]:
    """`glassbox-handbook new` (the console script the wheel installed), `build` (site and PDFs), `check`."""
    assert not where.resolve().is_relative_to(PROJECT)
    command = str(venv["python"].parent / "glassbox-handbook")
    run([command, "new", "ours", *language], cwd=where)
    root = where / "ours"
    run([command, "build"], cwd=root, timeout=900)
    checked = run([command, "check"], cwd=root)
    # the command line speaks the project's language
    said = "Revisión de 2 archivos de escenario: no hay problemas." if "es" in language else "2 scenario files checked: no problems."
    assert said in checked.stdout
    site = root / "_build" / "html"
    assert len(list((site / "pdf").glob("*.pdf"))) >= 10 and len(list(site.rglob("*.html"))) >= 15
    return {"root": root, "site": site, "pdf": site / "pdf"}


@pytest.fixture(scope="module")
def english_project(venv, tmp_path_factory) -> dict[str, Path]:
    return made_with_the_installed_command(venv, tmp_path_factory.mktemp("user-new"))


@pytest.fixture(scope="module")
def spanish_project(venv, tmp_path_factory) -> dict[str, Path]:
    return made_with_the_installed_command(venv, tmp_path_factory.mktemp("user-new-es"), "--language", "es")


def test_installed_command_makes_builds_and_checks_a_new_project_with_no_srlc_word(english_project):
    from conftest import pdf_pages, srlc_output_words

    site = english_project["site"]
    texts = {str(p.relative_to(site)): page_text(p) for p in site.rglob("*.html")}
    texts |= {p.name: " ".join(pdf_pages(p)) for p in sorted(english_project["pdf"].glob("*.pdf"))}
    found = sorted({(name, word) for name, body in texts.items() for word in srlc_output_words()
                    if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", body, re.I)})
    assert found == []


def test_installed_command_makes_a_spanish_project_with_no_english_word_of_the_builders(spanish_project,
                                                                                       english_project):
    """`new --language es`, built and checked with the wheel: no message of the builder's catalog and no common
    English word in any page's visible text or any PDF (tests/english_left.py). The same check finds both
    in the English project, so it is not blind."""
    from english_left import describe, pdf_texts, report, site_texts

    english = report(site_texts(english_project["site"]) | pdf_texts(english_project["pdf"]))
    assert len(english) >= 20 and any(w.startswith("“") for left in english.values() for w, _c in left)
    assert any(name.endswith(".pdf") for name in english)
    found = report(site_texts(spanish_project["site"]) | pdf_texts(spanish_project["pdf"]))
    assert found == {}, describe(found)


def test_the_unrelated_builder_package_keeps_its_own_files_beside_ours(venv):
    """Both are installed in one venv and neither touches the other's files: `builder` is PyPI's own
    (its __init__ imports `util`, Python 2 style, so it fails on Python 3 exactly as it does alone),
    and `glassbox_handbook` imports and builds (the tests above ran beside it)."""
    probe = ("import importlib.util, json, glassbox_handbook; spec = importlib.util.find_spec('builder'); "
             "print(json.dumps([glassbox_handbook.__file__, spec.origin]))")
    ours, theirs = map(Path, json.loads(run([str(venv["python"]), "-c", probe], cwd=venv["site"]).stdout))
    assert ours.is_relative_to(venv["site"] / "glassbox_handbook") and theirs == venv["site"] / "builder" / "__init__.py"
    assert theirs.read_text().lstrip().startswith("import util")
    alone = subprocess.run([str(venv["python"]), "-c", "import builder"], cwd=venv["site"], env=clean_env(),
                           capture_output=True, text=True)
    assert "No module named 'util'" in alone.stderr  # its own behaviour, the same without us
    # Uninstalling ours leaves theirs whole (the old name's uninstall deleted its __init__.py).
    run([str(venv["python"]), "-m", "pip", "uninstall", "-y", "-q", "glassbox-handbook"], cwd=venv["site"])
    assert theirs.is_file() and not (venv["site"] / "glassbox_handbook").exists()

