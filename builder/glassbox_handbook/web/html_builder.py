"""The `glassbox` builder: Sphinx's HTML builder, with whole pages written in the workers.

With `-j N`, Sphinx's HTML builder resolves every page (cross-references,
toctrees, our generated views at doctree-resolved, the search-index feed)
in the main process and leaves only the final rendering to N-1 workers. On
a handbook whose pages are mostly generated, that serial part is most of
the writing, so a second core barely helps (benchmarks/RESULTS.md).

This builder gives each of N workers whole pages: resolve, index and
render, through the builder's public methods. The main process then merges
what it needs for `finish` (the search index, through `IndexBuilder.freeze`
and `load`: `glassbox_handbook.web.search_merge`; the images to copy) in document order,
so the output of `-j N` is byte-identical to that of `-j 1`
(tests/test_build.py). With `-j 1`, or when pages carry index entries
(which the index's public `load` does not restore), it is Sphinx's own
writer; a few pages (`SERIAL_BELOW`) are written in the main process. Everything that runs at doctree-resolved is read-only on the
environment (glassbox_handbook/sphinx_ext/resolve.py), which is what makes resolving in a worker
safe.
"""

from __future__ import annotations

import gc
from collections.abc import Set
from typing import Any

import jinja2
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.locale import __
from sphinx.util import logging
from sphinx.util.build_phase import BuildPhase
from sphinx.util.display import status_iterator
from sphinx.util.parallel import ParallelTasks, make_chunks

from glassbox_handbook.web import search_merge
from glassbox_handbook.web.navigation import uses_furo
from glassbox_handbook.web.theme import uses_pagefind

logger = logging.getLogger(__name__)

# Collector thresholds during a build (generation 0, 1, 2); CPython's defaults are (700, 10, 10).
GC_THRESHOLDS = (100_000, 50, 100)

# Fewer pages than this are written in the main process even with -j N: forking a process that
# holds a large handbook, and copying the memory each worker then touches, costs more than a few
# pages take to write (an edit to one scenario at N = 1000 rewrites about a dozen: benchmarks/RESULTS.md).
SERIAL_BELOW = 40

ChunkResult = tuple[search_merge.Frozen | None, dict[str, str]]


class CompiledTemplates(jinja2.BytecodeCache):
    """Page templates compiled once per process, kept in memory (Jinja's own bytecode cache, not on disk).

    Each build makes a new template environment, which compiles the theme's templates again: most
    of a second. `glassbox-handbook preview` builds in processes forked from one that has built once,
    so with this cache every rebuild after a save finds the templates compiled.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()


class GlassboxHTMLBuilder(StandaloneHTMLBuilder):
    """The HTML site, written in parallel page by page."""

    name = "glassbox"
    epilog = __("The HTML pages are in %(outdir)s.")
    workers = 1  # every process gets pages (Sphinx's keeps one back): -j N, set by extension.note_workers

    def init(self) -> None:
        super().init()
        environment = getattr(self.templates, "environment", None)
        if isinstance(environment, jinja2.Environment):
            environment.bytecode_cache = COMPILED
        # With Pagefind (the default) and our theme's search page, Sphinx's indexer would only write a
        # searchindex.js that no page loads: it does not run. The search page is still written
        # (gen_additional_pages). Another theme keeps its own search page and so Sphinx's index.
        self.search = not (uses_furo(self.config) and uses_pagefind(self.config))
        # A handbook build keeps millions of objects alive to the end (the environment, and with
        # -j 1 every page's doctree). CPython's default collector thresholds make it walk all of
        # them again and again: a fifth of a 1000-scenario build. Collecting less often, as mypy
        # does for the same reason, keeps that to a few per cent; the thresholds are put back when
        # the build finishes. What an earlier build in this process froze (see write_documents)
        # becomes collectable again here.
        gc.unfreeze()
        previous = gc.get_threshold()
        gc.set_threshold(*GC_THRESHOLDS)

        def finished(_app: object, _exc: BaseException | None) -> None:
            gc.set_threshold(*previous)
            # Freeze what the build leaves behind too: a process that ends now (sphinx-build)
            # then skips a last walk over all of it, seconds at 1000 scenarios.
            gc.freeze()

        self.events.connect("build-finished", finished, priority=900)

    def gen_additional_pages(self) -> None:
        super().gen_additional_pages()
        if not self.search:  # Pagefind's search page (our theme's search.html), which Sphinx writes only with its index
            logger.info("search ", nonl=True)
            self.handle_page("search", {}, "search.html")

    def write_documents(self, docnames: Set[str]) -> None:
        # What is alive once reading is done lives until the build ends: freeze it, so the
        # collector no longer walks it while pages are written, and forked write workers do
        # not touch (and so copy) its memory. It stays frozen until the process exits, or
        # until the next build in this process (init) makes it collectable again.
        gc.freeze()
        has_index_entries = any(self.env.domains.index_domain.entries.values())
        if not self.parallel_ok or self.workers < 2 or has_index_entries:
            super().write_documents(docnames)
        elif len(docnames) < SERIAL_BELOW:
            self.write_here(sorted(docnames))
        else:
            self.write_in_workers(sorted(docnames))

    def write_page(self, docname: str) -> None:
        """Resolve, index and render one page, with the builder's public methods."""
        self.phase = BuildPhase.RESOLVING
        doctree = self.env.get_and_resolve_doctree(docname, self, tags=self.tags)
        self.phase = BuildPhase.WRITING
        self.write_doc_serialized(docname, doctree)
        self.write_doc(docname, doctree)

    def write_here(self, docnames: list[str]) -> None:
        """A few pages (an incremental build's): written in this process, as with -j 1."""
        for docname in status_iterator(docnames, __("writing output... "), "darkgreen", len(docnames),
                                       self.config.verbosity):
            self.write_page(docname)

    def write_in_workers(self, docnames: list[str]) -> None:
        # The first page is written here, so templates are compiled once, before forking.
        first, rest = docnames[0], docnames[1:]
        self.write_page(first)
        chunks = make_chunks(rest, self.workers)
        progress = status_iterator(chunks, __("writing output... "), "darkgreen", len(chunks), self.config.verbosity)
        results: dict[int, ChunkResult] = {}

        def done(index: int) -> Any:
            def on_chunk_done(_chunk: list[str], result: ChunkResult) -> None:
                results[index] = result
                next(progress)
            return on_chunk_done

        tasks = ParallelTasks(self.workers)
        for index, chunk in enumerate(chunks):
            tasks.add_task(self.write_chunk, chunk, done(index))
        tasks.join()
        logger.info("")
        # In chunk order, as a serial build would have fed them.
        own = search_merge.freeze(self.indexer) if self.indexer is not None else None
        parts = [results[i][0] for i in range(len(chunks))]
        if self.indexer is not None:
            search_merge.load(self.indexer, search_merge.merge([own, *parts]))
        for index in range(len(chunks)):
            self.images.update(results[index][1])

    def write_chunk(self, docnames: list[str]) -> ChunkResult:
        """In a worker: write these pages; return their search-index data and new images."""
        if self.indexer is not None:
            self.indexer.prune(())  # the worker's copy starts empty: what it returns is these pages alone
        images_before = set(self.images)
        for docname in docnames:
            self.write_page(docname)
        frozen = search_merge.freeze(self.indexer) if self.indexer is not None else None
        return frozen, {k: v for k, v in self.images.items() if k not in images_before}


def setup_glassbox_builder(app: Sphinx) -> None:
    app.add_builder(GlassboxHTMLBuilder)
