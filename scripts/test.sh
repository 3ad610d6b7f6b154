#!/bin/sh
# Install what the tests need and run the whole suite (SQLite unless DATABASE_URL says otherwise).
set -eu
cd "$(dirname "$0")/.."
sh scripts/install.sh test
# The browser tests (motcua/e2e) drive Debian's chromium: install it when missing and we can.
if ! command -v chromium >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && apt-get install -y -qq chromium
    else
        echo "chromium is missing: the browser tests will fail (sudo apt-get install chromium)" >&2
    fi
fi
# The centre's spoken calls use espeak-ng's Vietnamese voice (offline speech synthesis).
if ! command -v espeak-ng >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && apt-get install -y -qq espeak-ng
    else
        echo "espeak-ng is missing: the spoken-call tests will fail (sudo apt-get install espeak-ng)" >&2
    fi
fi
sh scripts/ocr-packages.sh
export MOTCUA_TESTING=1
exec .venv/bin/pytest "$@"
