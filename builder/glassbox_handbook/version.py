"""The package's version: pyproject.toml reads it without importing anything (setuptools' `attr`),
and the extension reports it to Sphinx. Its own module, at the bottom of the layers, so nothing
imports the package's root from below."""

__version__ = "0.2.0"
