"""Lighthouse (mobile, simulated throttling) and page weight for every page type of a built site.

    python benchmarks/lighthouse.py SITE_FOLDER [--runs 3] [--json out.json]

The site is served on 127.0.0.1 by Python's http.server, as tests/conftest.py serves
it (no compression: the weights are the files' own bytes). For each page type this
runs Lighthouse 12 (`node_modules/.bin/lighthouse`, Debian's Chromium) `--runs` times
and reports the median performance score with the other three categories, first
contentful paint, and the bytes the page loaded as Lighthouse counts them
(`total-byte-weight`), next to the bytes counted by a real browser load
(benchmarks/weight.py: every response's body).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE))
from conftest import serve  # noqa: E402
from weight import PAGE_TYPES, page_weights  # noqa: E402

LIGHTHOUSE = HERE.parent / "node_modules" / ".bin" / "lighthouse"
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse(url: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        cmd = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={FLAGS}"]
        subprocess.run(cmd, check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
        report = json.loads(out.read_text())
    audits = report["audits"]
    failed = sorted(k for k, a in audits.items() if a.get("score") is not None and a["score"] < 1
                    and a.get("scoreDisplayMode") in ("binary", "numeric") and k not in _METRICS)
    return {"scores": {c: report["categories"][c]["score"] for c in CATEGORIES},
            "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
            "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
            "tbt": audits["total-blocking-time"]["numericValue"], "cls": audits["cumulative-layout-shift"]["numericValue"],
            "bytes": audits["total-byte-weight"]["numericValue"], "failed": failed}


_METRICS = {"first-contentful-paint", "largest-contentful-paint", "speed-index", "interactive", "total-blocking-time",
            "max-potential-fid", "cumulative-layout-shift", "server-response-time"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json")
    parser.add_argument("--only", default="", help="comma-separated page types")
    args = parser.parse_args()
    site = Path(args.site)
    kinds = args.only.split(",") if args.only else list(PAGE_TYPES)
    rows = {}
    with serve(site) as base:
        weights = page_weights(base, kinds)
        for kind in kinds:
            runs = [lighthouse(f"{base}/{PAGE_TYPES[kind]}") for _ in range(args.runs)]
            best = sorted(runs, key=lambda r: r["scores"]["performance"])[len(runs) // 2]
            best["perf_runs"] = [r["scores"]["performance"] for r in runs]
            best["fcp"] = statistics.median(r["fcp"] for r in runs)
            best["weight"] = weights[kind]
            rows[kind] = best
    print("| page type | performance (runs) | accessibility | best practices | SEO | FCP (s) | LCP (s) | TBT (ms) | CLS | Lighthouse KiB | loaded KiB | requests |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for kind, r in rows.items():
        s = r["scores"]
        runs = ", ".join(f"{p:.2f}" for p in r["perf_runs"])
        print(f"| {kind} | {s['performance']:.2f} ({runs}) | {s['accessibility']:.2f} | {s['best-practices']:.2f} | "
              f"{s['seo']:.2f} | {r['fcp']:.1f} | {r['lcp']:.1f} | {r['tbt']:.0f} | {r['cls']:.3f} | {r['bytes'] / 1024:.0f} | {r['weight']['bytes'] / 1024:.0f} | "
              f"{r['weight']['requests']} |")
    for kind, r in rows.items():
        if r["failed"]:
            print(f"{kind}: audits below 1: {', '.join(r['failed'])}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
