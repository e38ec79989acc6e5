"""Pagefind (the site's search) against Sphinx's own search, on the same pages and queries.

    python benchmarks/search_compare.py PAGEFIND_SITE SPHINX_SITE

PAGEFIND_SITE is the site as published:

    python -m glassbox_handbook site --no-pdf --out PAGEFIND_SITE

SPHINX_SITE is the same sources, the same builder and the same theme, with
Sphinx's own search page and index (searchindex.js) in place of Pagefind:

    python -m sphinx -b glassbox -D glassbox_search=sphinx . SPHINX_SITE

For each query, in a fresh browser context (an empty cache, as a first visit),
this opens `search.html?q=...` from a local HTTP server and prints where the
page the query names comes in the results, the first five results, how many of
them show an excerpt with the searched words marked, and the bytes the browser
loaded, split into the search's code, its index, and the pages Sphinx fetches
to cut excerpts from (its search downloads each result's whole HTML page).
Then it opens the search page from file:// and says what a reader sees there.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

# Each query and the page a reader means by it, which should come first.
QUERIES = {
    "change facilitators": "handbook/components/change-facilitators.html",  # a component's name
    "adaptive capacity": "handbook/components/adaptive-capacity.html",  # another component
    "negotiated authority": "handbook/concepts/negotiated-authority.html",  # a concept
    "productive tension": "handbook/concepts/productive-tension.html",  # another concept
    "special education": "scenarios/special-education.html",  # a scenario's subject
    "teacher fellow": "scenarios/teacher-fellow-role.html",  # another scenario's subject
    "mentor": "scenarios/mentoring.html",  # one common word, in many pages
}
OFFLINE_QUERY = "special education"

# How each search page shows its results, and what it says when it is done.
ENGINES = {
    "pagefind": {"items": "#gb-search-results > li", "link": "p:first-child a", "mark": "mark",
                 "status": "#gb-search-status", "done": r"best first|No page matches|could not be loaded"},
    "sphinx": {"items": "#search-results ul.search > li", "link": "a", "mark": "span.highlighted",
               "status": "#search-results .search-summary", "done": r"Search finished|did not match"},
}

# What each file the search page loads is for.
INDEX = re.compile(r"/pagefind/.*\.pf_|/pagefind/pagefind-entry\.json|/searchindex\.js")
CODE = re.compile(r"/pagefind/|/gb-search\.|/(searchtools|language_data|documentation_options|doctools|"
                  r"sphinx_highlight)\.js")


def kind_of(url: str, page_url: str) -> str:
    path = url.split("?")[0]
    if INDEX.search(path):
        return "index"
    if CODE.search(path):
        return "code"
    if path.endswith(".html") and path != page_url.split("?")[0]:
        return "pages"  # result pages fetched for their excerpts
    return "page"  # the search page itself: its HTML, the theme's CSS and scripts, the icon


def weigh(loaded: list[tuple[str, bytes]], page_url: str) -> dict[str, tuple[int, int]]:
    """Bytes by kind of file: (as served by python -m http.server, which compresses nothing; gzipped).

    Each file counts once: Sphinx fetches a page again for each of its sections that matches,
    which a browser's cache may answer.
    """
    out: dict[str, tuple[int, int]] = {k: (0, 0) for k in ("code", "index", "pages", "page")}
    for url, body in dict(loaded).items():
        kind = kind_of(url, page_url)
        raw, gz = out[kind]
        out[kind] = (raw + len(body), gz + len(gzip.compress(body, 6)))
    return out


def search(browser, site_url: str, engine: str, query: str, expected: str = "") -> dict:
    """One search, as a first visit: results, excerpts, bytes, what the page said.

    Sphinx lists every result at once; Pagefind's page shows ten at a time, so when `expected` is not
    among them, "Show more results" is pressed (after the bytes are counted) until it is, up to 300.
    """
    sel = ENGINES[engine]
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    loaded: list[tuple[str, bytes]] = []
    errors: list[str] = []

    def finished(request) -> None:
        response = request.response()
        loaded.append((request.url, response.body() if response else b""))

    page.on("requestfinished", finished)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    url = f"{site_url}/search.html?q={query.replace(' ', '+')}"
    page.goto(url)
    status = page.locator(sel["status"])
    offline = site_url.startswith("file:")
    try:
        page.wait_for_function("([s, done]) => new RegExp(done).test(document.querySelector(s)?.textContent ?? '')",
                               arg=[sel["status"], sel["done"]], timeout=5000 if offline else 180000)
    except Exception:  # noqa: BLE001 - from file:// Pagefind never starts: that is the finding
        pass
    if not offline:
        if engine == "sphinx":  # it fetches each result's page for its excerpt once it has listed them all
            page.wait_for_function("[...document.querySelectorAll('ul.search > li')].every(li => li.querySelector('p.context'))",
                                   timeout=180000)
        page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    items = page.locator(sel["items"])
    bytes_loaded, shown = weigh(loaded, url), items.count()
    top = []
    for i in range(min(shown, 5)):
        item = items.nth(i)
        link = item.locator(sel["link"]).first
        title, text = link.inner_text().strip(), item.inner_text().strip()
        href = link.evaluate("a => a.href").removeprefix(site_url + "/").split("?")[0]
        top.append({"title": title, "href": href.replace(".html", ""), "excerpt": len(text) - len(title) >= 40,
                    "marked": item.locator(sel["mark"]).count() > 0})
    more = page.locator("#gb-search-more")
    while engine == "pagefind" and expected not in result_paths(items, sel["link"], site_url) and more.is_visible() and items.count() < 300:
        before = items.count()
        more.click()
        page.wait_for_function(f"document.querySelectorAll('{sel['items']}').length > {before}")
    said = status.inner_text().strip() if status.count() else ""
    found = re.search(r"(\d+) pages?", said)
    paths = result_paths(items, sel["link"], site_url)
    result = {
        "top": top, "paths": paths, "shown": shown, "said": said,
        # Sphinx lists a page once for its text and again for each section title that matches
        "results": int(found.group(1)) if found else (1 if "one page" in said else shown),
        "pages": len(set(paths)) if engine == "sphinx" else int(found.group(1)) if found else shown,
        "bytes": bytes_loaded, "errors": errors,
        "offline_message": engine == "pagefind" and page.locator("#gb-search-offline").is_visible(),
    }
    context.close()
    return result


def result_paths(items, link: str, site_url: str) -> list[str]:
    """The page each listed result links to, from the site's root, without its section."""
    hrefs = items.locator(link).evaluate_all("els => els.map(a => a.href)")
    return [re.sub(r"[?#].*", "", h).removeprefix(site_url + "/") for h in hrefs]


def rank(paths: list[str], expected: str) -> str:
    return str(paths.index(expected) + 1) if expected in paths else f"not in {len(paths)}"


def kib(n: int) -> str:
    return f"{n / 1024:,.1f}"


def main() -> None:
    from playwright.sync_api import sync_playwright

    sites = {"pagefind": Path(sys.argv[1]).resolve(), "sphinx": Path(sys.argv[2]).resolve()}
    print("| query | expected first | engine | its rank | results (pages) | first five | excerpts (words marked) "
          "| code KiB | index KiB | result pages KiB | search total KiB (gzipped) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    offline = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        rows: dict[str, dict[str, dict]] = {q: {} for q in QUERIES}
        for engine, site in sites.items():
            with serve(site) as base:
                for query in QUERIES:
                    rows[query][engine] = search(browser, base, engine, query, QUERIES[query])
            offline[engine] = search(browser, site.as_uri(), engine, OFFLINE_QUERY)
        browser.close()
    for query, expected in QUERIES.items():
        for engine, r in rows[query].items():
            b = r["bytes"]
            total = sum(b[k][0] for k in ("code", "index", "pages"))
            total_gz = sum(b[k][1] for k in ("code", "index", "pages"))
            first = "; ".join(t["href"] for t in r["top"])
            excerpts = f"{sum(t['excerpt'] for t in r['top'])}/{len(r['top'])} ({sum(t['marked'] for t in r['top'])})"
            print(f"| {query} | {expected.removesuffix('.html')} | {engine} | {rank(r['paths'], expected)} | {r['results']} ({r['pages']}) "
                  f"| {first} | {excerpts} | {kib(b['code'][0])} | {kib(b['index'][0])} | {kib(b['pages'][0])} "
                  f"| {kib(total)} ({kib(total_gz)}) |")
    print()
    for engine, r in offline.items():
        excerpts = sum(t["excerpt"] for t in r["top"])
        print(f"- {engine} from file:// ({OFFLINE_QUERY!r}): {r['shown']} results shown, {excerpts} of the first "
              f"{len(r['top'])} with an excerpt; offline message shown: {r['offline_message']}; status: {r['said'][:100]!r}; "
              f"errors: {len(r['errors'])} {r['errors'][:1]}")


if __name__ == "__main__":
    main()
