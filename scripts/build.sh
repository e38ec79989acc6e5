#!/bin/sh
# Build the website and its PDFs into _build/html; see builder/site.py.
set -eu
cd "$(dirname "$0")/.."
exec .venv/bin/python -m builder site "$@"
