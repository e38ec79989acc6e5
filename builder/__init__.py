"""The Glass-Box Handbook builder: a Sphinx extension (`extensions = ["builder"]`).

`setup` lives in `builder.extension`; it is imported only when Sphinx loads
the extension, so `python -m builder check` starts without importing Sphinx's
application and builders (a contributor's check stays quick).
"""

from __future__ import annotations

from typing import Any

__version__ = "0.2.0"


def setup(app: Any) -> Any:
    from .extension import setup as setup_extension

    return setup_extension(app)
