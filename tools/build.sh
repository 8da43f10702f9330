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
# A clean build takes minutes (SQLite is compiled twice): say how far each tree is,
# from ninja's own "[done/total]" counter, so nobody waits in silence.
progress() { grep -oE '^\[[0-9]+/[0-9]+\]' "$1" 2>/dev/null | tail -1; }
echo "build: native (build/) and browser (build-wasm/) side by side; logs in */last-build.log"
while kill -0 $native 2>/dev/null || kill -0 $wasm 2>/dev/null; do
  for _ in $(seq 30); do
    { kill -0 $native 2>/dev/null || kill -0 $wasm 2>/dev/null; } || break
    sleep 1
  done
  if kill -0 $native 2>/dev/null || kill -0 $wasm 2>/dev/null; then
    echo "build: native $(progress build/last-build.log || true)  wasm $(progress build-wasm/last-build.log || true)"
  fi
done
ok=0
wait $native || { echo "native build failed:"; tail -40 build/last-build.log; ok=1; }
wait $wasm || { echo "wasm build failed:"; tail -40 build-wasm/last-build.log; ok=1; }
[ $ok -eq 0 ] || exit 1

build/bin/pietura build --quiet
