"""Screenshots of every page type at a phone's and a laptop's width, light and dark, to look at.

    python benchmarks/screenshots.py SITE_FOLDER OUT_FOLDER [--full]

The site is served on 127.0.0.1 (as a reader gets it); each page is shot at 390 and
1280 px wide with the theme set to light and to dark (Furo's toggle stores the choice
in localStorage as "theme"). Only the first screen unless --full.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from conftest import PAGE_TYPES as READER_PAGES  # noqa: E402

PAGE_TYPES = {**READER_PAGES, "search": "search.html?q=mentor"}
WIDTHS = {"phone": (390, 844), "laptop": (1280, 800)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("out")
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--only", default="", help="comma-separated page types")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    kinds = args.only.split(",") if args.only else list(PAGE_TYPES)
    with serve(Path(args.site)) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for mode in ("light", "dark"):
            for device, (w, h) in WIDTHS.items():
                ctx = browser.new_context(viewport={"width": w, "height": h}, color_scheme=mode)
                ctx.add_init_script(f"localStorage.setItem('theme', '{mode}')")
                page = ctx.new_page()
                for kind in kinds:
                    page.goto(f"{base}/{PAGE_TYPES[kind]}")
                    if kind == "search":  # shoot the results, not the "Searching for" line before them
                        page.wait_for_selector("#gb-search-results li", timeout=15000)
                    page.wait_for_timeout(50)
                    page.screenshot(path=str(out / f"{kind}-{device}-{mode}.png"), full_page=args.full)
                ctx.close()
        browser.close()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
