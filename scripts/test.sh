#!/bin/sh
# Install what the tests need and run the whole suite (SQLite unless DATABASE_URL says otherwise).
set -eu
cd "$(dirname "$0")/.."
sh scripts/install.sh test
export MOTCUA_TESTING=1
exec .venv/bin/pytest "$@"
