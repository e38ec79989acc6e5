#!/bin/sh
# Set up a fresh Debian 12 machine (Python 3.11) for building and testing.
# Installs the system packages the PDFs and browser tests need (when run as
# root and they are missing), then a virtual environment in .venv.
set -eu
cd "$(dirname "$0")/.."

need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v pdftoppm >/dev/null 2>&1 || need="$need poppler-utils"
fc-list 2>/dev/null | grep -qi dejavu || need="$need fonts-dejavu-core"
dpkg -s libpango-1.0-0 >/dev/null 2>&1 || need="$need libpango-1.0-0 libpangoft2-1.0-0"
if [ -n "$need" ]; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null
  else
    echo "Please install with your package manager:$need" >&2
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
