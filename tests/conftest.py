"""Shared fixtures: Sphinx test roots, copied to a temporary folder when a test edits them."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml

pytest_plugins = ("sphinx.testing.fixtures",)
collect_ignore = ["roots"]

ROOTS = Path(__file__).parent / "roots"
PROJECT = Path(__file__).parent.parent
sys.path.insert(0, str(PROJECT / "benchmarks"))  # corpus.py: synthetic handbooks and copies of this checkout


UNIT = Path(__file__).parent / "unit"
# What a unit test may not start: a Sphinx build, the site command, a package build or a browser.
HEAVY_COMMANDS = {"sphinx", "sphinx-build", "site", "build", "chromium", "glassbox_pdf"}


@pytest.fixture(autouse=True)
def _unit_tests_build_nothing(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """tests/unit/ is the tier a developer runs in a minute: a test there that builds a Sphinx project,
    runs the site command or starts a browser fails and says where it belongs."""
    if UNIT not in Path(str(request.node.path)).parents:
        return
    from sphinx.application import Sphinx

    def no_build(*args: object, **kwargs: object) -> None:
        raise AssertionError("this test builds a Sphinx project: move it to tests/site/")

    real_init = subprocess.Popen.__init__

    def guarded(self: subprocess.Popen, args: object, *rest: object, **kwargs: object) -> None:
        words = [os.path.basename(str(a)) for a in (args if isinstance(args, (list, tuple)) else str(args).split())]
        if HEAVY_COMMANDS & set(words):
            raise AssertionError(f"this test runs {' '.join(map(str, words))}: move it to tests/site/")
        real_init(self, args, *rest, **kwargs)

    monkeypatch.setattr(Sphinx, "__init__", no_build)
    monkeypatch.setattr(subprocess.Popen, "__init__", guarded)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


@pytest.fixture
def copy_root(tmp_path: Path) -> Callable[[str], Path]:
    """Copy a test root into tmp_path, so the test may edit its sources."""

    def copy(name: str = "basic") -> Path:
        dest = tmp_path / name
        shutil.copytree(ROOTS / f"test-{name}", dest)
        return dest

    return copy


def pdf_pages(path: Path) -> list[str]:
    """The text of each page of a PDF, read by poppler's pdftotext (Debian's poppler-utils, which setup.sh
    installs): twenty times faster than pypdf's extract_text on a handbook of two hundred pages."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")[:-1]  # each page ends with a form feed


def html_files(outdir: Path) -> dict[str, bytes]:
    """Every HTML page of a build, by relative path."""
    return {str(p.relative_to(outdir)): p.read_bytes() for p in sorted(outdir.rglob("*.html"))}


class SiteBuild:
    """The real handbook built as it is published (`python -m glassbox_handbook site`: HTML with warnings as
    errors, its search index, then every PDF copied into the site), in a process of its own.

    It starts as soon as the tests are collected, at a lower priority (nice 10), and runs beside the tests
    that do not need it, which pytest runs first (`pytest_collection_modifyitems`): the build's two to three
    minutes, most of them its 150 PDFs, fill cores those tests leave idle. The `site` fixture waits for it."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="glassbox-test-site-"))
        self.out = self.folder / "html"
        self.log = self.folder / "build.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                ["nice", "-n", "10", sys.executable, "-m", "glassbox_handbook", "--root", str(PROJECT), "site",
                 "--out", str(self.out)],
                stdout=subprocess.DEVNULL, stderr=log, start_new_session=True)

    def wait(self) -> Path:
        status = self.process.wait()
        said = self.log.read_text(encoding="utf-8")
        assert status == 0, said
        from glassbox_handbook.web.site import no_address

        assert said.strip() in ("", no_address()), said  # the handbook is in English
        return self.out

    def stop(self) -> None:
        if self.process.poll() is None:  # the run ended early (-x, Ctrl-C): the build and its workers go too
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)


_SITE_BUILD = pytest.StashKey[SiteBuild]()


def _needs_site(item: pytest.Item) -> bool:
    return "site" in getattr(item, "fixturenames", ())


@pytest.hookimpl(trylast=True)  # after -k and -m have deselected what will not run
def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    """Files whose tests need the real site run last, each file whole (its module fixtures are made once),
    and the site's build starts now, in the background (`SiteBuild`), when some test needs it."""
    late = {item.path for item in items if _needs_site(item)}
    items.sort(key=lambda item: item.path in late)  # stable: the order within each group is pytest's own
    if late and not config.option.collectonly and not os.environ.get("GLASSBOX_TEST_SITE") \
            and _SITE_BUILD not in config.stash:
        config.stash[_SITE_BUILD] = SiteBuild()


def pytest_unconfigure(config: pytest.Config) -> None:
    build = config.stash.get(_SITE_BUILD, None)
    if build is not None:
        build.stop()


@pytest.fixture(scope="session")
def site(request: pytest.FixtureRequest) -> Path:
    """The real handbook, built once per test session as it is published (`SiteBuild`).

    While fixing tests one at a time, GLASSBOX_TEST_SITE may name a site already built from this
    checkout with that command; CI and scripts/test.sh never set it, so they always build."""
    given = os.environ.get("GLASSBOX_TEST_SITE")
    if given:
        return Path(given)
    if _SITE_BUILD not in request.config.stash:  # asked for by a test that did not name it (getfixturevalue)
        request.config.stash[_SITE_BUILD] = SiteBuild()
    return request.config.stash[_SITE_BUILD].wait()


# The date every reproducible PDF build of the toy root is stamped with.
EPOCH = "1700000000"


def build_toy_pdfs(out: Path, *options: str) -> str:
    """Build the toy root (tests/roots/test-basic) into `out` with the pdf builder in both paper sizes, warnings
    as errors, dated by SOURCE_DATE_EPOCH so that two builds give the same bytes; return what it printed."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    out.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([sys.executable, "-m", "sphinx", "-W", "-b", "glassbox_pdf", *options, "-d", str(out / ".doctrees"),
                           str(ROOTS / "test-basic"), str(out)], capture_output=True, text=True, env=env, cwd=out.parent)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="session")
def toy_pdfs(tmp_path_factory) -> Path:
    """The toy root's PDFs, built once per session for every test that only reads them."""
    out = tmp_path_factory.mktemp("toy-pdf") / "out"
    build_toy_pdfs(out)
    return out


# Debian's Chromium (Playwright cannot download its own browser here). The flags keep it
# from reaching for the network on its own, which this machine's closed network refuses.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """One real Chromium for the whole session (Playwright allows one sync driver per process)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


# One page of each type a reader meets, for the checks that go page type by page type
# (validators, screenshots, page weights and Lighthouse in benchmarks/).
PAGE_TYPES = {
    "landing": "index.html",
    "component": "handbook/components/change-facilitators.html",
    "concept": "handbook/concepts/negotiated-authority.html",
    "scenario": "scenarios/special-education.html",
    "matrix": "handbook/views/matrix.html",
    "explorer": "scenarios/index.html",
    "prompt index": "handbook/views/prompts.html",
    "workshop": "handbook/workshop.html",
}


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 as `python -m http.server` would; yields the base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


VOCABULARY = yaml.safe_load((PROJECT / "handbook" / "framework.yaml").read_text(encoding="utf-8"))


def srlc_words(role_names: bool = True) -> set[str]:
    """Every name and id the handbook's framework file defines.

    Role names ("Principal", "Mentor teacher") are also plain English that code may use in
    advice ("write a mentor teacher instead of a name"); code is checked for their ids only.
    Its licence, CC BY 4.0, is not among them: it is also the licence of any framework file that
    names none (`srlc_licence()`).
    """
    v = VOCABULARY
    words = {v["framework"][k] for k in ("id", "name", "short_name", "base_name", "base_short_name", "source")}
    for kind in ("components", "concepts", "dimensions", "trajectories"):
        words |= {item["name"] for item in v[kind]} | {item["id"] for item in v[kind]}
    words |= {r["id"] for r in v["roles"] if "-" in r["id"] or role_names} | (
        {r["name"] for r in v["roles"]} if role_names else set())
    words |= {level["name"] for level in v["levels"]} | {level["id"] for level in v["levels"]}
    words |= {f["label"] for f in v["facts"].values()}
    words |= set(v.get("scenario_sections", []))
    return {w for w in words if len(w) > 3}


def srlc_output_words() -> set[str]:
    """This handbook's framework words and the SRLC's shape words the builder used to print into any
    framework's site: none may reach the pages or PDFs of another framework's handbook."""
    return srlc_words() | {"SRLC", "learning core", "glass-box", "glass box", "school-only", "school side",
                           "university side", "university", "teacher", "partnership"}


def srlc_licence() -> set[str]:
    """The handbook's licence, as its framework file names it."""
    return {VOCABULARY["licence"]["id"], VOCABULARY["licence"]["name"]}
