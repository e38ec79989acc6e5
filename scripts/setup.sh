#!/bin/sh
# Set up a fresh Debian 12 machine for building and testing:
#   1. the Debian packages the PDFs and browser tests need, when they are missing
#      (installed as root, or with passwordless sudo; otherwise named for you);
#   2. .venv        Python 3.11 with the newest Sphinx it can run (9.0.x), the package
#                   (editable) and its test dependencies; cffconvert in .venv/cffconvert
#                   (it pins an old jsonschema that check-jsonschema cannot share);
#   3. .venv-py313  the same on Python 3.13, with Sphinx 9.2.x; without a Python 3.13
#                   the site still builds, and scripts/test.sh fails until it is there;
#   4. the JavaScript dev dependencies, when package.json exists.
# Set PYTHON311 / PYTHON313 to choose the interpreters. A second run installs nothing
# that is already there and takes a few seconds.
set -eu
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }

# A Python of exactly this minor version: $1 is "3.11" or "3.13", then candidates.
# (A pyenv shim can exist and still refuse to run, so each candidate is tried.)
find_python() {
  want=$1
  shift
  for py in "$@"; do
    [ -n "$py" ] || continue
    if "$py" -c "import sys; sys.exit(sys.version_info[:2] != tuple(map(int, '$want'.split('.'))))" 2>/dev/null; then
      command -v "$py"
      return 0
    fi
  done
  return 1
}

PY311_CANDIDATES='python3.11 python3 /usr/bin/python3.11 /root/.pyenv/versions/3.11*/bin/python3.11'
PY313_CANDIDATES='python3.13 /usr/local/bin/python3.13 /root/.pyenv/versions/3.13*/bin/python3.13'
# Globs that match nothing stay as they are and fail the version test.
# shellcheck disable=SC2086  # the candidate lists are split on purpose
py311=$(find_python 3.11 "${PYTHON311:-}" $PY311_CANDIDATES) || py311=""

# 1. Debian packages.
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v pdftoppm >/dev/null 2>&1 || need="$need poppler-utils"
command -v zbarimg >/dev/null 2>&1 || need="$need zbar-tools"
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || fc-list 2>/dev/null | grep -qi dejavu || need="$need fonts-dejavu-core"
dpkg -s libpango-1.0-0 >/dev/null 2>&1 || need="$need libpango-1.0-0 libpangoft2-1.0-0"
# Debian 12's python3 is 3.11; its venv module is a package of its own.
{ [ -n "$py311" ] && "$py311" -c "import ensurepip" 2>/dev/null; } || need="$need python3 python3-venv"
[ ! -f package.json ] || command -v npm >/dev/null 2>&1 || need="$need npm"
# The Nu Html Checker (npm vnu-jar, tests/test_validators.py) runs on Java.
command -v java >/dev/null 2>&1 || need="$need default-jre-headless"
if [ -n "$need" ]; then
  if [ "$(id -u)" = "0" ]; then
    sudo=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo"
  else
    sudo="none"
  fi
  if [ "$sudo" = "none" ]; then
    echo "setup: please install with your package manager:$need" >&2
  else
    say "installing Debian packages:$need"
    $sudo apt-get update -qq
    # shellcheck disable=SC2086  # $need is a list of package names
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $need >/dev/null
  fi
fi

# shellcheck disable=SC2086
py311=$(find_python 3.11 "${PYTHON311:-}" $PY311_CANDIDATES) || {
  echo "setup: no Python 3.11 found; install it (Debian 12: apt-get install python3 python3-venv) or set PYTHON311" >&2
  exit 1
}
# shellcheck disable=SC2086
py313=$(find_python 3.13 "${PYTHON313:-}" $PY313_CANDIDATES) || py313=""

# 2 and 3. Virtual environments. A stamp records what was installed (interpreter and
# pyproject.toml); when it matches, nothing is installed again.
stamp_of() {
  { "$1" -c "import sys; print(sys.version)"; cat pyproject.toml; } | sha256sum | cut -d' ' -f1
}

make_venv() {  # $1 folder, $2 interpreter
  venv=$1
  stamp=$(stamp_of "$2")
  if [ -x "$venv/bin/python" ] && [ "$(cat "$venv/.glassbox-setup" 2>/dev/null)" = "$stamp" ]; then
    return 0
  fi
  say "installing the package and its test dependencies into $venv ($("$2" --version))"
  [ -x "$venv/bin/python" ] || "$2" -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -e ".[test]"
  echo "$stamp" >"$venv/.glassbox-setup"
}

make_venv .venv "$py311"
if [ -n "$py313" ]; then
  make_venv .venv-py313 "$py313"
else
  # The site builds without it; scripts/test.sh fails until it is there.
  echo "setup: no Python 3.13 found, so no .venv-py313: the tests need it (pyenv install 3.13, or set PYTHON313)" >&2
fi

# cffconvert 2.0 requires jsonschema<4, check-jsonschema requires jsonschema>=4: its own venv.
if ! .venv/cffconvert/bin/cffconvert --version >/dev/null 2>&1; then
  say "installing cffconvert into .venv/cffconvert"
  .venv/bin/python -m venv .venv/cffconvert
  .venv/cffconvert/bin/python -m pip install -q --disable-pip-version-check "cffconvert==2.0.0"
fi

for venv in .venv .venv-py313; do
  [ -x "$venv/bin/python" ] || continue
  say "$venv: $("$venv/bin/python" -c 'import platform, sphinx; print(f"Python {platform.python_version()}, Sphinx {sphinx.__version__}")')"
done

# 4. JavaScript dev dependencies (typescript, eslint), never a browser download.
if [ -f package.json ]; then
  node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$node_major" -lt 20 ]; then
    echo "setup: package.json needs Node.js 20 or later (found: $(node --version 2>/dev/null || echo none)); Debian 12's own is 18" >&2
  fi
  if [ -f package-lock.json ]; then
    lock=$(sha256sum package.json package-lock.json | sha256sum | cut -d' ' -f1)
    if [ "$(cat node_modules/.glassbox-setup 2>/dev/null)" != "$lock" ]; then
      say "npm ci"
      PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
      mkdir -p node_modules && echo "$lock" >node_modules/.glassbox-setup
    fi
  else
    say "npm install (no package-lock.json)"
    PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund
  fi
fi
