"""Build the whole website, PDFs included, and publish it in one step.

The site is built into a fresh folder beside the published one: the HTML
pages, then their search index (Pagefind, into the site's `pagefind/` folder),
then every PDF, copied into the site's `pdf/` folder. Only when all
of it succeeded is the new folder swapped in for the old one, so a failed
build (a bad scenario, an interrupted run) never leaves a half-written site
where the last good one was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from glassbox_handbook.core.downloads import SITE_FOLDER
from glassbox_handbook.words import _


def no_address() -> str:
    """Said once per build when the site's address is unknown (README, "Printable material", says the same)."""
    return _("{variable} is not set, so each packet prints its scenario page's path instead of a QR code and full "
             "address; set it to the site's public address, e.g. {example}").format(
                 variable="GLASSBOX_BASEURL", example="GLASSBOX_BASEURL=https://example.org/handbook/ glassbox-handbook build")


def _sphinx(builder: str, src: Path, doctrees: Path, out: Path) -> int:
    # -j auto: reading and (with the glassbox builder) writing use every core; the output does not depend on it.
    cmd = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-j", "auto", "-b", builder, "-d", str(doctrees),
           str(src), str(out)]
    return subprocess.run(cmd, check=False).returncode


def _search_index(site: Path) -> int:
    """Pagefind reads the written pages and writes the search bundle the search page loads.

    Its binary ships in the `pagefind_bin` wheel; it indexes each page's article only
    (`data-pagefind-body`, set by glassbox_handbook/web/theme.py), not the parts marked `data-pagefind-ignore`.
    """
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", "pagefind", "--keep-index-url", "--silent"]
    return subprocess.run(cmd, check=False).returncode


def build_site(src: Path, out: Path, work: Path, pdf: bool = True) -> int:
    """Build into `work`, then replace `out` with it. Returns 0 on success, else the failing step's status."""
    if not os.environ.get("GLASSBOX_BASEURL"):
        print(no_address(), file=sys.stderr)
    fresh = work / "html-next"
    shutil.rmtree(fresh, ignore_errors=True)
    status = _sphinx("glassbox", src, work / "doctrees", fresh)
    if status == 0:
        status = _search_index(fresh)
    if status == 0 and pdf:
        status = _sphinx("glassbox_pdf", src, work / "doctrees-pdf", work / "pdf")
        if status == 0:
            (fresh / SITE_FOLDER).mkdir(exist_ok=True)
            for file in sorted((work / "pdf").glob("*.pdf")):
                shutil.copy2(file, fresh / SITE_FOLDER / file.name)
    if status != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        print(_("The build failed; {folder} still holds the last good site.").format(folder=out), file=sys.stderr)
        return status
    old = work / "html-old"
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        os.replace(out, old)
    os.replace(fresh, out)
    shutil.rmtree(old, ignore_errors=True)
    print(_("The site is in {folder} (open {page}).").format(folder=out, page=out / "index.html"))
    return 0
