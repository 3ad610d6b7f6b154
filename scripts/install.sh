#!/bin/sh
# Create .venv and install motcua with its locked dependencies.
# Usage: sh scripts/install.sh [base|test]
set -eu
cd "$(dirname "$0")/.."
lock="requirements/${1:-base}.lock"
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
# pip runs again only when the lock or pyproject.toml changed since the last complete install
# into this .venv (scripts/test.sh and .ci/run call this script before each suite; a no-op pip
# pass over the lock and the editable build costs ~10 s each time).
stamp=".venv/.motcua-installed-${1:-base}"
wanted="$(cat "$lock" pyproject.toml | sha256sum | cut -d' ' -f1)"
# --no-compile: pip would byte-compile all ≈ 7,200 modules of the lock (≈ 16 s of CPU of the ≈ 58 s
# of a fresh install, 30 Nov 2026); Python compiles the ≈ 1,000 that the tests import when it
# first imports them (no measurable CPU in a collection run), and caches them as usual.
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    rm -f .venv/.motcua-installed-*
    # pip's output (hundreds of lines of index warnings on some machines) is shown only when it fails.
    log="$(mktemp)"
    if ! { .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-compile --upgrade pip &&
           .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-compile -r "$lock" &&
           .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-compile --no-deps -e . ; } >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        echo "install: pip failed (output above)" >&2
        exit 1
    fi
    rm -f "$log"
    echo "$wanted" > "$stamp"
fi
if [ "${1:-base}" = test ]; then
    # axe-core for the accessibility checks of the browser tests (package-lock.json pins it;
    # --prefer-offline reuses npm's cache, so a second install needs no network).
    if ! command -v npm >/dev/null; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            apt-get update -qq && apt-get install -y -qq npm
        else
            echo "npm is missing: the accessibility checks will fail (sudo apt-get install npm)" >&2
        fi
    fi
    if command -v npm >/dev/null && { [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/oidc-provider/package.json ]; }; then
        npm ci --prefer-offline --no-audit --no-fund --silent
    fi
fi
