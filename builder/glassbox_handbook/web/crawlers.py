"""What search engines and lost readers get: `sitemap.xml`, a 404 page and `robots.txt`.

The 404 page comes from sphinx-notfound-page (a kept library, set up with the
extension, so every project has one); this module points it at the site's
address (`html_baseurl`). The sitemap is our own, and short: sphinx-sitemap was
tried and dropped, because it starts a `multiprocessing.Manager` server process
at every builder's start (the PDF builder's too, and builds with no address),
and a process forked from one that runs threads (a test run with its browser
open) deadlocked there and then held the interpreter's exit for good. Ours reads
the pages the build wrote, in the main process, after the build:

- the sitemap is written when the address is known (without it there is none),
  one URL for each page written, at its own path under the address;
- the 404 page's links are absolute paths under the address's path (`/` without
  one), so they work from whatever missing URL the server answers with it;
- `robots.txt` allows every page and names the sitemap when there is one.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from sphinx.application import Sphinx
from sphinx.config import Config

from glassbox_handbook.words import _

SITEMAP = "sitemap.xml"
NOTFOUND_DEFAULT_PREFIX = "/en/latest/"  # sphinx-notfound-page's default outside Read the Docs
NOT_PAGES = ["404.html", "search.html", "genindex.html"]  # written pages that are no page to find by search


def address(config: Config) -> str:
    """The site's public address with a final slash, or ''."""
    base = (config.html_baseurl or "").strip()
    return base if not base or base.endswith("/") else base + "/"


def point_at_address(_app: Sphinx, config: Config) -> None:
    base = address(config)
    if config.notfound_urls_prefix == NOTFOUND_DEFAULT_PREFIX:
        config.notfound_urls_prefix = (urlparse(base).path or "/") if base else "/"
    if config.notfound_context.get("title") == "Page not found" and "couldn't find" in config.notfound_context.get("body", ""):
        config.notfound_context = not_found_page(config.notfound_urls_prefix)


def not_found_page(prefix: str) -> dict[str, str]:
    """The 404 page's title and body, in the project's language, its links absolute under `prefix`."""
    at = escape(prefix, quote=True)
    title, search_words, home_words = _("Page not found"), escape(_("search the site")), escape(_("its first page"))
    search = f'<a href="{at}search.html">{search_words}</a>'
    home = f'<a href="{at}index.html">{home_words}</a>'
    text = escape(_("There is no page at this address. It may have moved: {search} or start from {home}."))
    return {"title": title, "body": f"<h1>{escape(title)}</h1>\n<p>{text.format(search=search, home=home)}</p>"}


def write_sitemap(outdir: Path, base: str) -> None:
    """Every page the build wrote (not the 404, search and index pages), at its address, in path order."""
    pages = sorted(str(p.relative_to(outdir)) for p in outdir.rglob("*.html")
                   if not p.relative_to(outdir).parts[0].startswith("_"))
    urls = "".join(f"<url><loc>{escape(base + page)}</loc></url>\n" for page in pages if page not in NOT_PAGES)
    (outdir / SITEMAP).write_text('<?xml version="1.0" encoding="utf-8"?>\n'
                                  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n",
                                  encoding="utf-8")


def write_robots(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.name != "glassbox":
        return
    base = address(app.config)
    if base:
        write_sitemap(Path(app.outdir), base)
    lines = ["User-agent: *", "Allow: /"] + ([f"Sitemap: {base}{SITEMAP}"] if base else [])
    (Path(app.outdir) / "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def setup_crawlers(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("notfound.extension")
    app.connect("config-inited", point_at_address, priority=400)
    app.connect("build-finished", write_robots)
    return {}
