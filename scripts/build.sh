#!/bin/sh
# Build the website (and its PDFs) into _build/html.
# The site is built into a fresh folder and swapped in only when the whole
# build succeeded, so a failed build never leaves a half-written site where
# the last good one was.
set -eu
cd "$(dirname "$0")/.."
PY=.venv/bin/python
next=_build/.html-next
rm -rf "$next"
# Keep the doctree cache between builds so rebuilds stay incremental.
$PY -m sphinx -W --keep-going -b html -d _build/doctrees . "$next"
if $PY -c "import builder.pdf" 2>/dev/null; then
  $PY -m sphinx -W --keep-going -b pdf -d _build/doctrees-pdf . _build/pdf
  mkdir -p "$next/_downloads/pdf"
  cp _build/pdf/*.pdf "$next/_downloads/pdf/"
fi
rm -rf _build/.html-old
[ -d _build/html ] && mv _build/html _build/.html-old
mv "$next" _build/html
rm -rf _build/.html-old
echo "The site is in _build/html (open _build/html/index.html)."
