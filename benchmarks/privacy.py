"""What the privacy check costs: loading its word lists, and scanning 1000 scenarios in one process.

    .venv/bin/python benchmarks/privacy.py [N]

Two corpora of N scenarios: the synthetic one of benchmarks/corpus.py (the
one `run.py` times `check` on), and the handbook's own scenarios repeated,
which are longer (up to 20 KB) and hold many more capitalised words. The
numbers go into benchmarks/RESULTS.md by hand.
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import make_corpus  # noqa: E402
from glassbox_handbook.core.framework import load_framework  # noqa: E402
from glassbox_handbook.core.frontmatter import PROSE_FIELDS, split_front_matter  # noqa: E402
from glassbox_handbook.domain.loader import bib_names  # noqa: E402
from glassbox_handbook.privacy.names import lists  # noqa: E402
from glassbox_handbook.privacy.scan import scan  # noqa: E402


def _scan_all(texts: list[str], allowed: frozenset[str]) -> tuple[float, int]:
    start = time.process_time()
    found = sum(len(scan(t, split_front_matter(t)[1], allowed, prose_fields=PROSE_FIELDS)) for t in texts)
    return time.process_time() - start, found


def main(n: int = 1000) -> None:
    start = time.process_time()
    lists()
    load = time.process_time() - start
    lists.cache_clear()
    tracemalloc.start()
    lists()
    memory = tracemalloc.get_traced_memory()[0] / 2**20
    tracemalloc.stop()
    fw = load_framework(PROJECT / "handbook" / "framework.yaml")
    allowed = fw.words | bib_names([PROJECT / "handbook" / "references.bib"])
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(Path(tmp) / "corpus", n)
        synthetic = [p.read_text(encoding="utf-8") for p in sorted((corpus / "scenarios").glob("synthetic-*.md"))]
    real = [p.read_text(encoding="utf-8") for p in sorted((PROJECT / "scenarios").glob("*.md")) if p.stem not in ("index", "_template")]
    repeated = [real[i % len(real)] for i in range(n)]
    print(f"word lists: loaded in {load * 1000:.0f} ms of CPU, {memory:.0f} MiB")
    for name, texts in (("synthetic", synthetic), ("handbook scenarios repeated", repeated)):
        seconds, found = _scan_all(texts, allowed)
        size = sum(map(len, texts)) / 2**20
        print(f"{name}: {len(texts)} scenarios, {size:.1f} MiB, privacy scan {seconds:.2f} s of CPU in one process, {found} findings")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
