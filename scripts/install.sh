#!/bin/sh
# Create .venv and install motcua with its locked dependencies.
# Usage: sh scripts/install.sh [base|test]
set -eu
cd "$(dirname "$0")/.."
lock="requirements/${1:-base}.lock"
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$lock"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
