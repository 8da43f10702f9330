#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/, clang-14 with ASan+UBSan, into build-fuzz/)
# and runs them over their committed seed corpora.
#
#   tools/fuzz.sh                 # every target, 10 s each (the short run)
#   tools/fuzz.sh all 600         # the longer run: 10 minutes each
#   tools/fuzz.sh hours_lv 60     # one target
#   tools/fuzz.sh build           # build only;  tools/fuzz.sh list: the target names
#
# The corpus is copied to a temporary folder, so a run never changes the repository;
# what the fuzzer learns is thrown away with it. A crash, a hang (-timeout) or a
# broken promise is saved under build-fuzz/crashes/<target>/ and named on the FAIL
# line; reproduce it with `build-fuzz/fuzz_<target> FILE`. Exit status: non-zero
# when any target failed. One line per target goes to stdout, the full libFuzzer
# log to build-fuzz/logs/<target>.txt.
set -uo pipefail
cd "$(dirname "$0")/.."

TARGETS=(hours hours_lv search content snapshot booking import delta)
what=${1:-all}
seconds=${2:-10}

if [ "$what" = list ]; then printf '%s\n' "${TARGETS[@]}"; exit 0; fi

build() {
    if [ ! -f build-fuzz/build.ninja ]; then
        cmake -S tests/fuzz -B build-fuzz -G Ninja \
            -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null || return 1
    fi
    # One job: the machines have two cores, and the other builds use them too.
    cmake --build build-fuzz -- -j1 > build-fuzz/last-build.log 2>&1 ||
        { echo "fuzz build failed:"; tail -40 build-fuzz/last-build.log; return 1; }
}

# FUZZ_BUILT=1: the caller (tools/test.sh) has just built; skip the up-to-date check.
[ "${FUZZ_BUILT:-0}" = 1 ] && [ "$what" != build ] || build || exit 1
[ "$what" = build ] && exit 0

if [ "$what" = all ]; then
    run=("${TARGETS[@]}")
elif [[ " ${TARGETS[*]} " == *" $what "* ]]; then
    run=("$what")
else
    echo "usage: tools/fuzz.sh [all|build|list|$(IFS='|'; echo "${TARGETS[*]}")] [SECONDS]" >&2
    exit 2
fi

mkdir -p build-fuzz/logs
status=0
for t in "${run[@]}"; do
    work=$(mktemp -d)
    cp tests/fuzz/corpus/"$t"/* "$work"/ 2>/dev/null
    # The mutated-snapshot target starts from the real snapshot (built, not committed).
    [ "$t" = snapshot ] && cp build-fuzz/catalogue.sqlite "$work"/real-snapshot.sqlite
    crashes=build-fuzz/crashes/$t
    mkdir -p "$crashes"
    dict=(); [ -f tests/fuzz/"$t".dict ] && dict=(-dict=tests/fuzz/"$t".dict)
    # -timeout: one input taking longer is a hang, reported like a crash.
    # -max_len 4096 keeps text inputs short; the snapshot target needs its seed's size.
    maxlen=4096; [ "$t" = snapshot ] && maxlen=$(stat -c %s build-fuzz/catalogue.sqlite)
    log=build-fuzz/logs/$t.txt
    before=$(find "$crashes" -type f | wc -l)
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
    build-fuzz/fuzz_"$t" "$work" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -max_len="$maxlen" \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/" > "$log" 2>&1
    rc=$?
    runs=$(grep -oE '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$')
    corpus=$(ls "$work" | wc -l)
    rm -rf "$work"
    if [ "$rc" -eq 0 ]; then
        echo "  ok   fuzz_$t (${runs:-?} runs in ${seconds} s, corpus $(ls tests/fuzz/corpus/"$t" | wc -l) -> $corpus)"
    else
        status=1
        found=$(grep -oE "Test unit written to [^ ]+" "$log" | tail -1 | sed 's/Test unit written to //')
        [ -z "$found" ] && [ "$(find "$crashes" -type f | wc -l)" -gt "$before" ] &&
            found=$(ls -t "$crashes"/* | head -1)
        echo "  FAIL fuzz_$t (exit $rc): input saved at ${found:-<none: see $log>}; reproduce: build-fuzz/fuzz_$t ${found:-}"
        { grep -E -A1 "ERROR:|SUMMARY:|broken promise|ALARM" "$log" | grep -vE "^--$" | head -6
          grep -E "#[0-9]+ 0x.* in (pietura|LLVMFuzzerTestOneInput)" "$log" | head -12; } | sed "s/^/       /"
    fi
done
exit $status
