#!/bin/sh
# Run the whole test suite on both supported combinations (made by scripts/setup.sh):
#   .venv        Python 3.11, Sphinx 9.0.x
#   .venv-py313  Python 3.13, Sphinx 9.2.x
# Both always run, side by side (each is mostly one process at a time, and a machine has
# two cores or more); each one's output is shown whole when it ends. The script fails if
# either fails. GLASSBOX_TEST_SERIAL=1 runs them one after the other instead, printing as
# they go. Arguments go to pytest (e.g. ./scripts/test.sh -x -k pdf).
set -u
cd "$(dirname "$0")/.." || exit 1

VENVS=".venv .venv-py313"
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

# One venv's run: its combination, pytest's own output, its exit status and seconds.
run_one() {
  venv=$1
  shift
  combo=$("$venv/bin/python" -c 'import platform, sphinx; print(f"Python {platform.python_version()}, Sphinx {sphinx.__version__}")')
  echo "==== $venv: $combo"
  start=$(date +%s)
  # each run keeps its temporary files apart, so the two never meet in one folder
  "$venv/bin/python" -m pytest --basetemp="$logs/tmp-${venv#.}" "$@"
  status=$?
  echo "==== $venv: $combo: pytest exit $status in $(($(date +%s) - start)) s"
  return "$status"
}

failed=""
started=""
for venv in $VENVS; do
  if [ ! -x "$venv/bin/python" ]; then
    echo "test: $venv is missing; run ./scripts/setup.sh (.venv-py313 needs a Python 3.13: pyenv install 3.13, or set PYTHON313)" >&2
    failed="$failed $venv"
    continue
  fi
  if [ "${GLASSBOX_TEST_SERIAL:-}" = "1" ]; then
    run_one "$venv" "$@" || failed="$failed $venv"
  else
    ( run_one "$venv" "$@" >"$logs/${venv#.}.log" 2>&1; echo $? >"$logs/${venv#.}.status" ) &
    started="$started $venv"
  fi
done
wait
for venv in $started; do
  cat "$logs/${venv#.}.log"
  [ "$(cat "$logs/${venv#.}.status" 2>/dev/null)" = 0 ] || failed="$failed $venv"
done

if [ -n "$failed" ]; then
  echo "test: FAILED in:$failed" >&2
  exit 1
fi
echo "test: passed on both (.venv and .venv-py313)"
