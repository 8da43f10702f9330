#!/usr/bin/env bash
# Builds everything from a clean clone or incrementally: the native tools and tests
# (build/), the browser core (build-wasm/), and the portal itself (dist/).
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs   # Debian's Emscripten optimizer needs its modules

[ -f build/build.ninja ] || cmake --preset native >/dev/null
[ -f build-wasm/build.ninja ] || cmake --preset wasm >/dev/null

# Two cores: the native and the wasm trees build side by side.
cmake --build --preset native -- -j1 > build/last-build.log 2>&1 &
native=$!
cmake --build --preset wasm -- -j1 > build-wasm/last-build.log 2>&1 &
wasm=$!
ok=0
wait $native || { echo "native build failed:"; tail -40 build/last-build.log; ok=1; }
wait $wasm || { echo "wasm build failed:"; tail -40 build-wasm/last-build.log; ok=1; }
[ $ok -eq 0 ] || exit 1

build/bin/pietura build --quiet
