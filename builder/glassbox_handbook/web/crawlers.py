"""What search engines and lost readers get: `sitemap.xml`, a 404 page and `robots.txt`.

The sitemap comes from sphinx-sitemap and the 404 page from sphinx-notfound-page
(both kept libraries; set up with the extension, so every project has them). This
module only points them at the site's address (`html_baseurl`):

- the sitemap is written when the address is known; without it there is no
  sitemap and no warning (sphinx-sitemap's would fail a `-W` build), and its URLs
  are the pages' own paths under the address (sphinx-sitemap's default puts the
  language and the version in front, for Read the Docs);
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

SITEMAP_DEFAULT_SCHEME = "{lang}{version}{link}"  # sphinx-sitemap's default, for Read the Docs' URLs
NOTFOUND_DEFAULT_PREFIX = "/en/latest/"  # sphinx-notfound-page's default outside Read the Docs
NOT_PAGES = ["404.html", "search.html", "genindex.html"]  # written pages that are no page to find by search


def address(config: Config) -> str:
    """The site's public address with a final slash, or ''."""
    base = (config.html_baseurl or "").strip()
    return base if not base or base.endswith("/") else base + "/"


def point_at_address(_app: Sphinx, config: Config) -> None:
    base = address(config)
    if config.sitemap_url_scheme == SITEMAP_DEFAULT_SCHEME:
        config.sitemap_url_scheme = "{link}"
    if not base and "sitemap.configuration" not in config.suppress_warnings:
        config.suppress_warnings = [*config.suppress_warnings, "sitemap.configuration"]
    if not config.sitemap_excludes:
        config.sitemap_excludes = list(NOT_PAGES)
    if config.notfound_urls_prefix == NOTFOUND_DEFAULT_PREFIX:
        config.notfound_urls_prefix = (urlparse(base).path or "/") if base else "/"
    if config.notfound_context.get("title") == "Page not found" and "couldn't find" in config.notfound_context.get("body", ""):
        prefix = escape(config.notfound_urls_prefix, quote=True)
        config.notfound_context = {
            "title": "Page not found",
            "body": f"<h1>Page not found</h1>\n<p>There is no page at this address. It may have moved: "
                    f'<a href="{prefix}search.html">search the site</a> or start from '
                    f'<a href="{prefix}index.html">its first page</a>.</p>'}


def write_robots(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.name != "glassbox":
        return
    base = address(app.config)
    lines = ["User-agent: *", "Allow: /"] + ([f"Sitemap: {base}{app.config.sitemap_filename}"] if base else [])
    (Path(app.outdir) / "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def setup_crawlers(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_sitemap")
    app.setup_extension("notfound.extension")
    app.connect("config-inited", point_at_address, priority=400)
    app.connect("build-finished", write_robots)
    return {}
