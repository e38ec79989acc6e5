"""Pagefind (the site's search) against Sphinx's own search, on the same pages and queries.

    python benchmarks/search_compare.py PAGEFIND_SITE SPHINX_SITE

PAGEFIND_SITE is the site as published (`python -m builder site --no-pdf`);
SPHINX_SITE is the same sources built with Sphinx's own search page, e.g.
`python -m sphinx -b glassbox -D html_theme=basic . SPHINX_SITE` (the basic
theme keeps Sphinx's search page and its index, searchindex.js). For each query
this prints the first five results, the bytes the browser loaded to answer it
(everything the search page fetched after its own HTML, CSS and the theme's
scripts), whether each result shows an excerpt, and what happens from file://.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

QUERIES = ("change facilitators", "special education", "negotiated authority", "mentor")
ENGINES = {
    "pagefind": {"items": "#gb-search-results > li", "link": "p:first-child a", "done": "#gb-search-status"},
    "sphinx": {"items": "#search-results ul.search > li", "link": "a", "done": "#search-results .search-summary"},
}


def run(browser, base: str, engine: str, query: str, file_url: str | None = None) -> dict:
    sel = ENGINES[engine]
    page = browser.new_page()
    loaded: list[tuple[str, int]] = []
    page.on("requestfinished", lambda r: loaded.append((r.url, len(r.response().body()) if r.response() else 0)))
    page.on("pageerror", lambda e: loaded.append((f"error {e}", 0)))
    url = f"{file_url or base}/search.html?q={query.replace(' ', '+')}"
    page.goto(url)
    try:
        page.wait_for_function(f"(document.querySelector('{sel['done']}')?.textContent ?? '').trim().length > 0"
                               f" && !document.querySelector('{sel['done']}').textContent.startsWith('Searching')", timeout=20000)
    except Exception:  # noqa: BLE001 - from file:// one of them never finishes; that is the finding
        pass
    page.wait_for_timeout(300)
    items = page.locator(sel["items"])
    titles = [items.nth(i).locator(sel["link"]).first.inner_text().strip() for i in range(min(items.count(), 5))]
    excerpts = sum(1 for i in range(min(items.count(), 5)) if len(items.nth(i).inner_text()) > len(titles[i]) + 60)
    status = page.locator(sel["done"]).inner_text() if page.locator(sel["done"]).count() else ""
    search_bytes = sum(n for u, n in loaded if any(k in u for k in ("pagefind", "searchindex", "searchtools", "language_data",
                                                                     "stemmer", "doctools", "documentation_options",
                                                                     "sphinx_highlight", "gb-search")))
    offline = page.locator("#gb-search-offline").is_visible() if engine == "pagefind" else None
    page.close()
    return {"titles": titles, "count": items.count(), "excerpts": excerpts, "bytes": search_bytes, "status": status,
            "offline_message": offline, "errors": [u for u, _ in loaded if u.startswith("error")]}


def main() -> None:
    from playwright.sync_api import sync_playwright

    sites = {"pagefind": Path(sys.argv[1]), "sphinx": Path(sys.argv[2])}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for engine, site in sites.items():
            with serve(site) as base:
                for query in QUERIES:
                    r = run(browser, base, engine, query)
                    print(f"{engine:8} {query!r:24} {r['count']:3} shown, {r['bytes'] / 1024:6.1f} KiB, "
                          f"excerpts {r['excerpts']}/5: {' | '.join(r['titles'])}")
            r = run(browser, "", engine, "mentor", file_url=site.as_uri())
            print(f"{engine:8} from file://: {r['count']} results, offline message: {r['offline_message']}, "
                  f"status: {r['status'][:80]!r}, errors: {r['errors'][:1]}")
        browser.close()


if __name__ == "__main__":
    main()
