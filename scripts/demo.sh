#!/bin/sh
# Install, build the demo database under var/ and serve it on http://127.0.0.1:8000.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install.sh base
sh scripts/ocr-packages.sh
export MOTCUA_DEBUG="${MOTCUA_DEBUG:-1}"
.venv/bin/motcua demo
exec .venv/bin/motcua runserver 127.0.0.1:8000
