"""Benchmark harness: the handbook builder against plain Sphinx + MyST on the same corpus.

Usage: python benchmarks/run.py [--sizes 50,200,1000] [--out benchmarks/RESULTS.md]

For each N it generates a corpus (benchmarks/corpus.py), then measures, in
one run and on one machine: full builds at -j 1 and -j 2 with the extension
and without it (the baseline), an incremental build after editing one
scenario (and checks its output equals a clean build), `python -m glassbox_handbook
check` over every scenario, the PDFs when the pdf builder is present, peak
memory, the size of the site and the weight of one scenario page.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import make_baseline, make_corpus  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from glassbox_handbook.web.html_builder import GC_THRESHOLDS

PY = sys.executable
# The printed documents of the workshop kit, by the start of their file names (glassbox_handbook/pdf/documents.py)
KIT = (("guide", "guide-{sample}"), ("packet", "packet-{sample}"), ("slides", "slides-{sample}"),
       ("cards", "prompt-cards"), ("handbook", "handbook-a4"))


CPU: dict[str, float] = {}  # CPU seconds (user + system) of each measured command, by the label `run` was given


def run(cmd: list[str], cwd: Path | None = None, label: str = "") -> tuple[float, int]:
    """Seconds and peak resident memory (MiB) of one command; fails loudly if it fails.

    Its CPU seconds go to CPU[label]: on a machine others are using, those stay comparable where
    wall-clock seconds do not (for one process; a -j 2 build's speed-up needs the wall clock).
    """
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if label:
        CPU[label] = usage.ru_utime + usage.ru_stime
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode()[-2000:]}")
    return seconds, usage.ru_maxrss // 1024


def sphinx(src: Path, out: Path, jobs: int, builder: str = "html", fresh: bool = True,
           gc_thresholds: tuple[int, ...] | None = None, label: str = "") -> tuple[float, int]:
    if fresh and out.exists():
        shutil.rmtree(out)
    args = ["-q", "-b", builder, "-j", str(jobs), "-d", str(out / ".doctrees"), str(src), str(out / builder)]
    if gc_thresholds is None:
        return run([PY, "-m", "sphinx", *args], label=label)
    # plain Sphinx tuned as our extension tunes the process: the collector thresholds its builder sets,
    # and pybtex's plain-text backend registered once (glassbox_handbook/domain/loader.py), to show what those alone are worth
    code = (f"import gc, sys; gc.set_threshold(*{gc_thresholds!r}); from pybtex.plugin import find_plugin, register_plugin; "
            "register_plugin('pybtex.backends', 'plaintext', find_plugin('pybtex.backends', 'plaintext'), force=True); "
            f"from sphinx.cmd.build import main; sys.exit(main({args!r}))")
    return run([PY, "-c", code], label=label)


def html_tree(out: Path) -> dict[str, bytes]:
    """Every page and the search index: what must not depend on -j or on building incrementally."""
    # searchindex.js is there only with Sphinx's search (the baseline; the extension's site uses Pagefind)
    index = [out / "searchindex.js"] if (out / "searchindex.js").exists() else []
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted([*out.rglob("*.html"), *index])}


def page_weight(site: Path, rel: str) -> int:
    page = site / rel
    html = page.read_text()
    total = len(html.encode())
    for ref in re.findall(r'(?:href|src)="([^"#?]+\.(?:css|js))', html):
        f = (page.parent / ref).resolve()
        if f.exists():
            total += f.stat().st_size
    return total


def measure(n: int, work: Path, pdf_max: int, repeat: int = 1, edits: int = 3) -> dict:
    corpus = make_corpus(work / f"corpus-{n}", n)
    # the scenario edited, weighed and printed: a synthetic one, or at N = 9 (the handbook as it is) a real one
    sample = "synthetic-0000" if (corpus / "scenarios" / "synthetic-0000.md").exists() else "special-education"
    base = make_baseline(corpus, work / f"baseline-{n}")
    r: dict = {"n": n}
    runs: dict[str, list[float]] = {}
    mems: list[int] = []
    # The full builds take turns, `repeat` times, and the median counts: on a shared machine
    # one run can be seconds off.
    for _ in range(repeat):
        for key, src, jobs, builder, gc_thresholds in (
                ("ext_j1", corpus, 1, "glassbox", None), ("base_j1", base, 1, "html", None),
                ("ext_j2", corpus, 2, "glassbox", None), ("base_j2", base, 2, "html", None),
                ("base_j1_gc", base, 1, "html", GC_THRESHOLDS)):
            seconds, mem = sphinx(src, work / key.replace("_", "-"), jobs, builder, gc_thresholds=gc_thresholds, label=key)
            runs.setdefault(key, []).append(seconds)
            if key.startswith("ext"):
                mems.append(mem)
    r.update({key: statistics.median(times) for key, times in runs.items()})
    r["peak_mib"] = max(mems)
    r["j1_equals_j2"] = html_tree(work / "ext-j1" / "glassbox") == html_tree(work / "ext-j2" / "glassbox")
    # Incremental, the comparison that matters to a user: edit one scenario's summary and rebuild in place, against
    # plain Sphinx's own incremental build after the same edit (the baseline corpus, where the first two enactments
    # are admonitions). `edits` edits, each a new one; the medians count. Then compare with a clean build.
    victim = corpus / "scenarios" / f"{sample}.md"
    base_victim = base / "scenarios" / f"{sample}.md"
    incr: dict[str, list[float]] = {}
    for k in range(edits):
        mark = f"Edited {k}. "
        victim.write_text(victim.read_text().replace(":::{enactment}\n:basis: reported\n", f":::{{enactment}}\n:basis: reported\n{mark}", 1)
                          .replace(":::{enactment}\n:basis: interpretation\n", f":::{{enactment}}\n:basis: interpretation\n{mark}", 1))
        base_victim.write_text(base_victim.read_text().replace(":::{note}\n", f":::{{note}}\n{mark}", 2))
        for key, src, out, jobs, builder in (("incremental", corpus, "ext-j1", 1, "glassbox"),
                                              ("incremental_j2", corpus, "ext-j2", 2, "glassbox"),
                                              ("base_incremental", base, "base-j1", 1, "html"),
                                              ("base_incremental_j2", base, "base-j2", 2, "html")):
            seconds, _ = sphinx(src, work / out, jobs, builder, fresh=False, label=key)
            incr.setdefault(key, []).append(seconds)
    r.update({key: statistics.median(times) for key, times in incr.items()})
    sphinx(corpus, work / "ext-clean", 1, "glassbox")
    r["incremental_equals_clean"] = html_tree(work / "ext-j1" / "glassbox") == html_tree(work / "ext-clean" / "glassbox")
    r["noop_j2"], _ = sphinx(corpus, work / "ext-j2", 2, "glassbox", fresh=False)
    r["base_noop_j2"], _ = sphinx(base, work / "base-j2", 2, fresh=False)
    # and the check's: starting Python with the checker imported, and markdown-it's parse of every scenario body alone
    # (one process, the check's own parser configuration)
    r["check_start"], _ = run([PY, "-c", "import glassbox_handbook.cli, glassbox_handbook.core.scenario"], label="check_start")
    parse = ("import sys; from pathlib import Path; from glassbox_handbook.core.body import parser; md = parser(); "
             "[md.parse(f.read_text().split('\\n---\\n', 1)[-1]) for f in Path(sys.argv[1]).glob('*.md')]")
    r["check_parse"], _ = run([PY, "-c", parse, str(corpus / "scenarios")], label="check_parse")
    # the check three ways: cold (the corpus is fresh, so its cache is empty), after one file is edited, and warm
    check = [PY, "-m", "glassbox_handbook", "--root", str(corpus), "check", "-q"]
    r["check"], _ = run(check, label="check")
    victim.write_text(victim.read_text() + "\nOne more sentence, to edit the file.\n")
    r["check_edit"], _ = run(check, label="check_edit")
    r["check_warm"], _ = run(check, label="check_warm")
    r["cpu"] = {k: round(v, 2) for k, v in CPU.items()}
    site = work / "ext-j1" / "glassbox"
    r["site_mib"] = sum(f.stat().st_size for f in site.rglob("*") if f.is_file()) / 2**20
    r["page_kib"] = page_weight(site, f"scenarios/{sample}.html") / 1024
    r["base_page_kib"] = page_weight(work / "base-j1" / "html", f"scenarios/{sample}.html") / 1024
    r["assets_kib"] = sum(f.stat().st_size for f in (site / "_static").glob("*") if f.name.startswith(("glassbox", "gb-"))) / 1024
    print(f"N={n} (HTML part): {json.dumps({k: round(v, 2) if isinstance(v, float) else v for k, v in r.items()})}", flush=True)
    # PDFs: the whole handbook and one workshop packet (A4), seconds from the builder's own timings
    if n > pdf_max:
        return r
    out = work / "ext-pdf"
    shutil.rmtree(out, ignore_errors=True)
    r["pdf"], r["pdf_peak_mib"] = run([PY, "-m", "sphinx", "-q", "-b", "glassbox_pdf", "-d", str(out / ".doctrees"),
                                       "-D", f"glassbox_pdf_scenarios={sample}", "-D", "glassbox_pdf_papers=a4",
                                       str(corpus), str(out / "pdf")])
    timings = json.loads((out / "pdf" / "timings.json").read_text())
    r["pdf_handbook"] = timings["handbook-a4.pdf"]
    r["pdf_packet"] = next(v for k, v in timings.items() if k.startswith(f"packet-{sample}"))
    # the workshop kit of one scenario, as the builder timed each file (A4; slides have their own size)
    r["kit"] = {kind: next((v for k, v in timings.items() if k.startswith(prefix.format(sample=sample))), None)
                for kind, prefix in KIT}
    r["pdf_pages"] = len(__import__("pypdf").PdfReader(out / "pdf" / "handbook-a4.pdf").pages)
    # the same PDFs at -j 2, where the pdf builder writes them in two processes
    r["pdf_j2"], _ = run([PY, "-m", "sphinx", "-q", "-j", "2", "-b", "glassbox_pdf", "-d", str(out / ".doctrees-j2"),
                          "-D", f"glassbox_pdf_scenarios={sample}", "-D", "glassbox_pdf_papers=a4",
                          str(corpus), str(out / "pdf-j2")])
    return r


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="50,200,1000")
    parser.add_argument("--out", default=str(Path(__file__).parent / "RESULTS.md"))
    parser.add_argument("--pdf-max", type=int, default=200,
                        help="largest N for which the PDFs are built (a 1000-scenario handbook PDF has thousands of pages)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each full build; the median is reported")
    parser.add_argument("--edits", type=int, default=3, help="incremental builds after an edit, each timed; the median is reported")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    results = []
    with tempfile.TemporaryDirectory(prefix="glassbox-bench-") as tmp:
        for n in sizes:
            r = measure(n, Path(tmp), args.pdf_max, args.repeat, args.edits)
            results.append(r)
            print(f"N={n}: ext -j1 {r['ext_j1']:.1f}s (baseline {r['base_j1']:.1f}s, ratio {r['ext_j1'] / r['base_j1']:.2f}); "
                  f"-j2 {r['ext_j2']:.1f}s (speed-up {r['ext_j1'] / r['ext_j2']:.2f}x); incremental {r['incremental']:.1f}s "
                  f"({100 * r['incremental'] / r['ext_j1']:.0f}% of full, equals clean: {r['incremental_equals_clean']}); "
                  f"check {r['check']:.2f}s; peak {r['peak_mib']} MiB", flush=True)
    lines = [
        "# Benchmark results", "",
        f"- Date: {datetime.date.today().isoformat()}",
        f"- Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}",
        f"- Command: `.venv/bin/python benchmarks/run.py --sizes {args.sizes} --pdf-max {args.pdf_max} --repeat {args.repeat} --edits {args.edits}`"
        f" (full builds: median of {args.repeat} runs, taking turns)",
        "- Baseline: the same corpus built by plain Sphinx + MyST (+ sphinxcontrib-bibtex and the theme), our extension left out,"
        " with admonitions for our blocks and static link lists in place of generated views.",
        "- The extension's builds use its `glassbox` builder (glassbox_handbook/web/html_builder.py); the baseline uses Sphinx's `html` builder."
        f" That builder sets the collector thresholds to {GC_THRESHOLDS}, and the extension registers pybtex's plain-text backend"
        " once (sphinxcontrib-bibtex looks it up for every citation); the baseline is also timed tuned the same way.", "",
        "The headline: an incremental build after one edit to one scenario, against plain Sphinx's own incremental build"
        f" after the same edit (median of {args.edits} edits; below 1.00 the extension is faster):", "",
        "| N | ext incremental -j1 (s) | plain Sphinx incremental -j1 (s) | ratio -j1 | ext incremental -j2 (s) |"
        " plain Sphinx incremental -j2 (s) | ratio -j2 |", "|" + "---|" * 7,
        *(f"| {r['n']} | {r['incremental']:.2f} | {r['base_incremental']:.2f} | {r['incremental'] / r['base_incremental']:.2f}x | "
          f"{r['incremental_j2']:.2f} | {r['base_incremental_j2']:.2f} | {r['incremental_j2'] / r['base_incremental_j2']:.2f}x |"
          for r in results), "", "Everything measured:", "",
        "| N | ext -j1 (s) | baseline -j1 (s) | ratio | baseline -j1 tuned the same way (s) | ratio to it | ext -j2 (s) | baseline -j2 (s) | -j2 speed-up | incremental -j1 (s) |"
        " incr / full -j1 | incremental -j2 (s) | incr / full -j2 | incr = clean | -j1 = -j2 | check cold / one file edited / unchanged (s) | peak MiB | site MiB | scenario page KiB (baseline) |"
        " our CSS+JS KiB | handbook PDF / one packet / whole pdf build -j1, -j2 (s) |",
        "|" + "---|" * 21,
    ]
    for r in results:
        pdf = (f"{r['pdf_handbook']:.1f} ({r['pdf_pages']} pages) / {r['pdf_packet']:.2f} / {r['pdf']:.1f}, {r['pdf_j2']:.1f}; "
               f"peak {r['pdf_peak_mib']} MiB") if "pdf" in r else "not run (see below)"
        lines.append(
            f"| {r['n']} | {r['ext_j1']:.1f} | {r['base_j1']:.1f} | {r['ext_j1'] / r['base_j1']:.2f} | {r['base_j1_gc']:.1f} | "
            f"{r['ext_j1'] / r['base_j1_gc']:.2f} | {r['ext_j2']:.1f} | "
            f"{r['base_j2']:.1f} | {r['ext_j1'] / r['ext_j2']:.2f}x | {r['incremental']:.1f} | {100 * r['incremental'] / r['ext_j1']:.1f}% | "
            f"{r['incremental_j2']:.1f} | {100 * r['incremental_j2'] / r['ext_j2']:.1f}% | "
            f"{r['incremental_equals_clean']} | {r['j1_equals_j2']} | {r['check']:.2f} / {r['check_edit']:.2f} / {r['check_warm']:.2f} | {r['peak_mib']} | {r['site_mib']:.1f} | "
            f"{r['page_kib']:.0f} ({r['base_page_kib']:.0f}) | {r['assets_kib']:.0f} | {pdf} |")
    lines += ["", "Floors: plain Sphinx's own incremental build after the same edit (the baseline corpus), a build with"
              " nothing to do at `-j 2`, and what a cold check cannot go below (seconds):", "",
              "| N | baseline incremental -j1 | of its full -j1 | baseline incremental -j2 | of its full -j2 |"
              " nothing changed -j2: ext / baseline | Python start with the checker imported | markdown-it's parse of"
              " every scenario, one process (with start-up) |", "|" + "---|" * 8]
    lines += [f"| {r['n']} | {r['base_incremental']:.1f} | {100 * r['base_incremental'] / r['base_j1']:.1f}% | "
              f"{r['base_incremental_j2']:.1f} | {100 * r['base_incremental_j2'] / r['base_j2']:.1f}% | "
              f"{r['noop_j2']:.1f} / {r['base_noop_j2']:.1f} | {r['check_start']:.2f} | {r['check_parse']:.2f} |" for r in results]
    kits = [r for r in results if "kit" in r]
    if kits:
        lines += ["", "Seconds for each printed document of one scenario's workshop kit (A4; the builder's own timings, timings.json):", "",
                  "| N | " + " | ".join(kind for kind, _ in KIT) + " |", "|" + "---|" * (len(KIT) + 1)]
        lines += [f"| {r['n']} | " + " | ".join("-" if r["kit"][k] is None else f"{r['kit'][k]:.2f}" for k, _ in KIT) + " |" for r in kits]
    if len(results) >= 2:
        a, b = results[-2], results[-1]
        growth = (b["ext_j1"] / b["n"]) / (a["ext_j1"] / a["n"])
        lines += ["", f"Time per scenario at N={b['n']} is {growth:.2f}x that at N={a['n']} (linear growth means close to 1)."]
    if any("pdf" not in r for r in results):
        lines += ["", f"PDFs were built only up to N={args.pdf_max}: the handbook PDF holds every scenario in full, so at"
                  " N=1000 it runs to thousands of pages (at N=200 it already has the page count and memory shown above);"
                  " packets stay well under a second each at any N."]
    Path(args.out).write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
