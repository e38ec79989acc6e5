#!/bin/sh
# Run the whole test suite on both supported combinations (made by scripts/setup.sh):
#   .venv        Python 3.11, Sphinx 9.0.x
#   .venv-py313  Python 3.13, Sphinx 9.2.x
# Both always run; the script fails if either fails. Arguments go to pytest
# (e.g. ./scripts/test.sh -x -k pdf).
set -u
cd "$(dirname "$0")/.." || exit 1

failed=""
for venv in .venv .venv-py313; do
  if [ ! -x "$venv/bin/python" ]; then
    echo "test: $venv is missing; run ./scripts/setup.sh (.venv-py313 needs a Python 3.13: pyenv install 3.13, or set PYTHON313)" >&2
    failed="$failed $venv"
    continue
  fi
  combo=$("$venv/bin/python" -c 'import platform, sphinx; print(f"Python {platform.python_version()}, Sphinx {sphinx.__version__}")')
  echo "==== $venv: $combo"
  start=$(date +%s)
  "$venv/bin/python" -m pytest "$@"
  status=$?
  echo "==== $venv: $combo: pytest exit $status in $(($(date +%s) - start)) s"
  [ "$status" = 0 ] || failed="$failed $venv"
done

if [ -n "$failed" ]; then
  echo "test: FAILED in:$failed" >&2
  exit 1
fi
echo "test: passed on both (.venv and .venv-py313)"
