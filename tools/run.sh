#!/usr/bin/env bash
# The run command: install what is missing, build, and serve the portal on
# http://localhost:8080 (PORT=... to change).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
tools/build.sh
exec build/bin/pietura serve --port "${PORT:-8080}"
