"""The check's memory: a scenario file that has not changed since the last check is not read again.

A contributor runs `python -m glassbox_handbook check` again and again while editing one scenario of a
checkout that holds many; parsing all of them every time is most of the wait. Each file's result
(the messages to print and its id) is kept under a digest of its path and bytes. The store itself
is named by a digest of everything else a result depends on: the framework and bibliography
files, the checker's own code, the privacy check's word lists, the libraries the parse runs on and
the other files beside the scenarios (images, which the check looks for). When any of those
changes, the name changes and the check starts from an empty store, so it never prints a stale
answer. A store that cannot be read or written is treated as empty: caching never fails a check.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from glassbox_handbook.privacy.names import list_files

Result = tuple[list[str], "str | None"]
FORMAT = 1  # bump when what a result holds changes
# What the check's parse runs on; an upgrade rewrites their `__init__.py`, so its size and time change.
LIBRARIES = ("markdown_it", "mdit_py_plugins", "myst_parser", "pydantic", "pydantic_core", "yaml")
KEEP = 3  # stores kept in the folder (one per Python and per recent framework edit, say)


def _stat(path: Path) -> str:
    info = path.stat()
    return f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n"


def _beside(folder: Path) -> Iterable[Path]:
    """Every file under a scenarios folder that is not a scenario: what an image reference may find."""
    for base, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            if not name.endswith(".md"):
                yield Path(base, name)


def store_key(read: Iterable[Path], folders: Iterable[Path]) -> str:
    """The digest of what every result depends on besides its own file (see the module's docstring)."""
    digest = hashlib.blake2b(digest_size=12)
    digest.update(f"{FORMAT} {sys.version_info[:2]}\n".encode())
    for path in read:
        digest.update(path.read_bytes() if path.is_file() else b"\0missing")
    code = sorted(Path(__file__).parents[1].rglob("*.py"))  # the whole package
    libraries = [Path(spec.origin) for spec in map(importlib.util.find_spec, LIBRARIES) if spec and spec.origin]
    for path in [*code, *libraries, *list_files(), *(p for f in sorted({f.resolve() for f in folders}) for p in _beside(f))]:
        digest.update(_stat(path).encode())
    return digest.hexdigest()


def digest(path: Path, data: bytes) -> str:
    """Of a file's bytes and where it is (the same relative path from another folder is another file)."""
    return hashlib.blake2b(os.path.abspath(path).encode() + b"\0" + data, digest_size=16).hexdigest()


class CheckCache:
    """The last result of each file path, with the digest of the bytes it was found for, kept in
    `folder / <store key>.json`. One entry per path: an edited file replaces its entry."""

    def __init__(self, folder: Path | None, key: str) -> None:
        self.file = folder / f"{key}.json" if folder else None
        self.entries: dict[str, list] = {}  # path -> [digest, messages, scenario id or None]
        self.changed = False
        if self.file:
            try:
                loaded = json.loads(self.file.read_text("utf-8"))
                self.entries = {k: v for k, v in loaded.items() if isinstance(v, list) and len(v) == 3}
            except (OSError, ValueError, AttributeError):
                self.entries = {}

    def get(self, path: Path, data_digest: str) -> Result | None:
        entry = self.entries.get(str(path))
        if entry is None or entry[0] != data_digest:
            return None
        return list(entry[1]), entry[2]

    def put(self, path: Path, data_digest: str, result: Result) -> None:
        self.entries[str(path)] = [data_digest, result[0], result[1]]
        self.changed = True

    def save(self) -> None:
        """Replace the store at once (never half-written), forget files that are gone, and drop the
        oldest other stores. A folder that cannot be written is left as it is."""
        if not self.file or not self.changed:
            return
        tmp = None
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            data = {k: v for k, v in self.entries.items() if os.path.exists(k)}
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.file.parent, delete=False,
                                             suffix=".tmp") as out:
                tmp = out.name
                json.dump(data, out, separators=(",", ":"))
            os.replace(tmp, self.file)
            tmp = None
            others = sorted((p for p in self.file.parent.glob("*.json") if p != self.file),
                            key=lambda p: p.stat().st_mtime, reverse=True)
            for old in others[KEEP - 1:]:
                old.unlink(missing_ok=True)
        except OSError:
            if tmp:
                Path(tmp).unlink(missing_ok=True)
