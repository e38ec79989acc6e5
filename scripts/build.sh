#!/bin/sh
# Build the website and its PDFs into _build/html; see glassbox_handbook/web/site.py.
set -eu
cd "$(dirname "$0")/.."
exec .venv/bin/python -m glassbox_handbook site "$@"
