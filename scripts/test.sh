#!/bin/sh
# Install what the tests need and run the whole suite (SQLite unless DATABASE_URL says otherwise).
set -eu
cd "$(dirname "$0")/.."
sh scripts/install.sh test
# The browser tests (motcua/e2e) drive Debian's chromium; .ci/run installs it, here we only say so.
command -v chromium >/dev/null || echo "chromium is missing: the browser tests will fail (apt-get install chromium)" >&2
export MOTCUA_TESTING=1
exec .venv/bin/pytest "$@"
