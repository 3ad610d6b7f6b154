#!/bin/sh
# Install, build the demo database under var/ and serve it on http://127.0.0.1:$PORT (default 8000),
# with the background worker beside it (stopping the demo stops both).
set -eu
cd "$(dirname "$0")/.."
sh scripts/install.sh base
# The display screens speak the calls with espeak-ng's Vietnamese voice (offline).
if ! command -v espeak-ng >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && apt-get install -y -qq espeak-ng
    else
        echo "espeak-ng is missing: screens will show calls without speaking them (sudo apt-get install espeak-ng)" >&2
    fi
fi
sh scripts/ocr-packages.sh
export MOTCUA_DEBUG="${MOTCUA_DEBUG:-1}"
PORT="${PORT:-8000}"
.venv/bin/motcua demo --port "$PORT"
# The background worker (docs/jobs.md): notifications (to the sandbox, shown in the admin), deadline
# work, audit checkpoints. It runs beside the server and stops with the demo.
.venv/bin/motcua worker &
worker=$!
trap 'kill -TERM "$worker" 2>/dev/null || true; wait "$worker" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM
.venv/bin/motcua runserver "127.0.0.1:$PORT"
