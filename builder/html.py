"""The website builder: Sphinx's HTML builder, with whole pages written in the workers.

With `-j N`, Sphinx's HTML builder resolves every page (cross-references,
toctrees, our generated views at doctree-resolved, the search-index feed)
in the main process and leaves only the final rendering to N-1 workers. On
a handbook whose pages are mostly generated, that serial part is most of
the writing, so a second core barely helps (benchmarks/RESULTS.md).

This builder (`-b glassbox`) gives each worker whole pages: resolve, index
and render. The main process then merges what it needs for `finish` (the
search-index entries and the images to copy) in document order, so the
output of `-j N` is byte-identical to that of `-j 1` (tests/test_build.py).
Everything that runs at doctree-resolved is read-only on the environment
(builder/resolve.py), which is what makes resolving in a worker safe.

It overrides `Builder._write_parallel`, a private method; pyproject.toml pins
Sphinx to the minor version this was written against.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence, Set
from typing import Any

from sphinx.builders import _write_docname
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.locale import __
from sphinx.util import logging
from sphinx.util.display import status_iterator
from sphinx.util.parallel import ParallelTasks, make_chunks

logger = logging.getLogger(__name__)

# What IndexBuilder.feed writes, per page: merged by update, or per word by set union.
_PER_PAGE = ("_titles", "_filenames", "_all_titles", "_index_entries")
_PER_WORD = ("_mapping", "_title_mapping")
_FED = _PER_PAGE + _PER_WORD

# Collector thresholds during a build (generation 0, 1, 2); CPython's defaults are (700, 10, 10).
GC_THRESHOLDS = (100_000, 50, 100)

ChunkResult = tuple[dict[str, Any] | None, dict[str, str]]


class GlassboxHTMLBuilder(StandaloneHTMLBuilder):
    """The HTML site, written in parallel page by page."""

    name = "glassbox"
    epilog = __("The HTML pages are in %(outdir)s.")

    def init(self) -> None:
        super().init()
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

    def write_documents(self, docnames: Set[str]) -> None:
        # What is alive once reading is done lives until the build ends: freeze it, so the
        # collector no longer walks it while pages are written, and forked write workers do
        # not touch (and so copy) its memory. It stays frozen until the process exits, or
        # until the next build in this process (init) makes it collectable again.
        gc.freeze()
        super().write_documents(docnames)

    def _write_parallel(self, docnames: Sequence[str], nproc: int) -> None:
        nproc += 1  # Sphinx keeps one process back for resolving; here the workers resolve.
        # The first page is written here, so templates are compiled once, before forking.
        first, rest = docnames[0], docnames[1:]
        _write_docname(first, env=self.env, builder=self, tags=self.tags)
        chunks = make_chunks(rest, nproc)
        progress = status_iterator(chunks, __("writing output... "), "darkgreen", len(chunks), self.config.verbosity)
        results: dict[int, ChunkResult] = {}

        def done(index: int) -> Any:
            def on_chunk_done(_chunk: list[str], result: ChunkResult) -> None:
                results[index] = result
                next(progress)
            return on_chunk_done

        tasks = ParallelTasks(nproc)
        for index, chunk in enumerate(chunks):
            tasks.add_task(self._write_chunk, chunk, done(index))
        tasks.join()
        logger.info("")
        # In chunk order, so the search index is fed in the same order as by a serial build.
        for index in range(len(chunks)):
            index_data, images = results[index]
            self._merge_index(index_data)
            self.images.update(images)

    def _write_chunk(self, docnames: list[str]) -> ChunkResult:
        """In a worker: write these pages; return their search-index entries and new images."""
        indexer = self.indexer
        if indexer is not None:
            # The worker's copy of the index starts empty, so what it returns is these pages' entries alone.
            for field in _FED:
                setattr(indexer, field, {})
        images_before = set(self.images)
        for docname in docnames:
            _write_docname(docname, env=self.env, builder=self, tags=self.tags)
        index_data = None if indexer is None else {field: getattr(indexer, field) for field in _FED}
        return index_data, {k: v for k, v in self.images.items() if k not in images_before}

    def _merge_index(self, data: dict[str, Any] | None) -> None:
        if data is None or self.indexer is None:
            return
        for field in _PER_PAGE:
            getattr(self.indexer, field).update(data[field])
        for field in _PER_WORD:
            mapping: dict[str, set[str]] = getattr(self.indexer, field)
            for word, pages in data[field].items():
                mapping.setdefault(word, set()).update(pages)
