"""The Glass-Box Handbook builder: a Sphinx extension (`extensions = ["glassbox_handbook"]`).

The package is layered; each folder imports only from those listed before it (`version` first)
(tests/unit/test_layers.py keeps it so):

- `settings`: every `glassbox_*` setting, declared once;
- `privacy/`: what could identify a person or a place (word lists, the scan);
- `core/`: no Sphinx: the framework file, a scenario's front matter and body,
  problems with their place, session plans, the skeleton, the check's cache;
- `domain/`: the Sphinx side's data: nodes, the domain that owns each
  scenario's record, the transforms that fill it;
- `views/`: what the directives show (matrix, diagram, lists, a scenario's page);
- `web/`: the website's builder, theme, navigation, assets, metadata and site;
- `pdf/`: the printable kit's builder and documents;
- `sphinx_ext/`: directives, roles, collect and resolve, and `setup`;
- `cli`: the command line.

`setup` lives in `glassbox_handbook.sphinx_ext.extension`; it is imported only when Sphinx loads
the extension, so `python -m glassbox_handbook check` starts without importing Sphinx's
application and builders (a contributor's check stays quick).
"""

from __future__ import annotations

from typing import Any

from glassbox_handbook.version import __version__

__all__ = ["__version__", "setup"]


def setup(app: Any) -> Any:
    from glassbox_handbook.sphinx_ext.extension import setup as setup_extension

    return setup_extension(app)
