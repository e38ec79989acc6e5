"""What a reader's browser loads for each page type: bytes and requests, counted in real Chromium.

    python benchmarks/weight.py SITE_FOLDER

Each page is opened from a local HTTP server in a fresh browser context (an empty
cache, as a first visit) and every response's body is added up: HTML, CSS, JS,
fonts, images, whatever the page asks for while it loads. tests/test_reader.py
holds the budgets; this prints the numbers for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS, PAGE_TYPES, serve  # noqa: E402


def load(browser, url: str) -> dict:
    """Bytes and requests of one first visit to `url` (the page and all it loads)."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    page = ctx.new_page()
    seen: list[tuple[str, int]] = []
    page.on("requestfinished", lambda r: seen.append((r.url, len(r.response().body()) if r.response() else 0)))
    page.goto(url, wait_until="networkidle")
    ctx.close()
    return {"bytes": sum(n for _, n in seen), "requests": len(seen), "files": seen}


def page_weights(base: str, kinds: list[str] | None = None) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        out = {kind: load(browser, f"{base}/{PAGE_TYPES[kind]}") for kind in (kinds or PAGE_TYPES)}
        browser.close()
    return out


def main() -> None:
    with serve(Path(sys.argv[1])) as base:
        for kind, w in page_weights(base).items():
            print(f"{kind:14} {w['bytes'] / 1024:7.1f} KiB {w['requests']:3} requests")
            if "-v" in sys.argv:
                for url, n in w["files"]:
                    print(f"{'':14} {n / 1024:7.1f} KiB {url.replace(base, '')}")


if __name__ == "__main__":
    main()
