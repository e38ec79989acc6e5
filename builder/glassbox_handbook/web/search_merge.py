"""Merge search-index data written by parallel workers, through the index's public freeze and load.

Each write worker feeds the pages it writes into its own copy of Sphinx's
`IndexBuilder` and returns `IndexBuilder.freeze()`: the same data, in the
same format, that becomes `searchindex.js`. The main process joins those
frozen parts with its own, by docname, and gives the result back to its
index with `IndexBuilder.load()`. Freezing the loaded index again gives
exactly what a serial build's index freezes to (tests/test_build.py
compares the files byte for byte).
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Iterable
from typing import Any

from sphinx.search import IndexBuilder

Frozen = dict[str, Any]


def freeze(indexer: IndexBuilder) -> Frozen | None:
    """The index's data, or None for an index that has no page yet."""
    try:
        return indexer.freeze()
    except ValueError:  # freeze() cannot unpack the titles of an empty index
        return None


def _docs(terms: dict[str, Any], names: tuple[str, ...]) -> dict[str, set[str]]:
    return {word: {names[i] for i in ([at] if isinstance(at, int) else at)} for word, at in terms.items()}


def merge(parts: Iterable[Frozen | None]) -> Frozen | None:
    """One frozen index from several, each page taken from the part that holds it."""
    parts = [p for p in parts if p is not None]
    if not parts:
        return None
    files: dict[str, Any] = {}
    titles: dict[str, Any] = {}
    all_titles: dict[str, list[tuple[str, Any]]] = {}
    terms: dict[str, set[str]] = {}
    title_terms: dict[str, set[str]] = {}
    for part in parts:
        names = tuple(part["docnames"])
        for i, name in enumerate(names):
            files[name], titles[name] = part["filenames"][i], part["titles"][i]
            all_titles[name] = []
        for title, places in part["alltitles"].items():
            for at, anchor in places:
                all_titles[names[at]].append((title, anchor))
        for merged, own in ((terms, part["terms"]), (title_terms, part["titleterms"])):
            for word, docs in _docs(own, names).items():
                merged.setdefault(word, set()).update(docs)
    docnames = tuple(sorted(titles))
    index = {name: i for i, name in enumerate(docnames)}

    def frozen_terms(mapping: dict[str, set[str]]) -> dict[str, Any]:
        return {word: index[next(iter(docs))] if len(docs) == 1 else sorted(index[d] for d in docs)
                for word, docs in mapping.items()}

    alltitles: dict[str, list[tuple[int, Any]]] = {}
    for name in docnames:
        for title, anchor in all_titles[name]:
            alltitles.setdefault(title, []).append((index[name], anchor))
    return {**parts[0], "docnames": docnames, "filenames": [files[d] for d in docnames],
            "titles": tuple(titles[d] for d in docnames), "terms": frozen_terms(terms),
            "titleterms": frozen_terms(title_terms), "alltitles": alltitles, "indexentries": {}}


def load(indexer: IndexBuilder, frozen: Frozen | None) -> None:
    """Give the merged data back to the index (it is written to searchindex.js at the end of the build)."""
    if frozen is not None:
        indexer.load(io.BytesIO(pickle.dumps(frozen)), "pickle")
