#!/usr/bin/env bash
# The test command: install what is missing, build, run every test — C++ unit tests
# (Boost.Test), the wasm core under Node.js, browser end-to-end tests in Debian's
# headless Chromium — print the benchmark report, and end with one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh || exit 1
tools/build.sh || exit 1

passed=0
failed=0
log=build/test-logs
rm -rf "$log" && mkdir -p "$log"

echo "== C++ unit tests (Boost.Test)"
for t in build/tests/*_test; do
  name=$(basename "$t")
  if "$t" --report_level=short --color_output=no > "$log/$name.txt" 2>&1; then rc=0; else rc=$?; fi
  p=$(grep -oE '[0-9]+ test cases? out of [0-9]+ passed' "$log/$name.txt" | head -1 | grep -oE '^[0-9]+' || true)
  f=$(grep -oE '[0-9]+ test cases? out of [0-9]+ failed' "$log/$name.txt" | head -1 | grep -oE '^[0-9]+' || true)
  a=$(grep -oE '[0-9]+ test cases? out of [0-9]+ aborted' "$log/$name.txt" | head -1 | grep -oE '^[0-9]+' || true)
  p=${p:-0}; f=$(( ${f:-0} + ${a:-0} ))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi   # crashed before reporting
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$f" -eq 0 ]; then echo "  ok   $name ($p)"; else echo "  FAIL $name ($p passed, $f failed)"; sed 's/^/       /' "$log/$name.txt" | tail -40; fi
done

FUZZ_SECONDS=8
echo "== Fuzzing (libFuzzer, $FUZZ_SECONDS s each)"
# Each target is one test: it passes when a short run over its committed corpus finds
# no crash, hang or broken promise. The first run builds build-fuzz/ (a few minutes).
if tools/fuzz.sh build > "$log/fuzz-build.txt" 2>&1; then
  for t in $(tools/fuzz.sh list); do
    if FUZZ_BUILT=1 tools/fuzz.sh "$t" "$FUZZ_SECONDS" > "$log/fuzz-$t.txt" 2>&1; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1))
    fi
    cat "$log/fuzz-$t.txt"
  done
else
  failed=$((failed + 1)); echo "  FAIL fuzz build"; tail -40 "$log/fuzz-build.txt" | sed 's/^/       /'
fi

echo "== Node.js tests (wasm core, browser end-to-end)"
# The tests' temporary sites (two national builds among them) go to memory when there is
# a tmpfs: on ext4 without a journal, as on this kind of VM, removing a build's tens of
# thousands of files slows every file creation for minutes after (recently_deleted()),
# and the benchmark below times builds on the disk.
scratch=""
if [ -d /dev/shm ] && [ -w /dev/shm ]; then scratch=$(mktemp -d /dev/shm/pietura-tests.XXXXXX) || scratch=""; fi
TMPDIR=${scratch:-${TMPDIR:-/tmp}} node --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$log/node.tap" \
  tests/node/ 2>&1 | grep -vE '^\s*$' | sed 's/^/  /'
[ -n "$scratch" ] && rm -rf "$scratch"
np=$(grep -E '^# pass ' "$log/node.tap" | awk '{print $3}')
nf=$(grep -E '^# fail ' "$log/node.tap" | awk '{print $3}')
if [ -z "$np" ]; then nf=1; np=0; fi
passed=$((passed + np)); failed=$((failed + ${nf:-0}))

echo "== Benchmark report"
node tools/bench.mjs || echo "  (benchmark report failed)"

echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
