#!/bin/sh
# Builds the fuzz targets (libFuzzer with AddressSanitizer, release) and runs each for a bounded time,
# growing the corpus kept in corpus/<target>/. A crash stops that target and leaves the input as
# artifacts/<target>/crash-*; rerun one input with `.build/release/<target> <file>`.
#   ./run.sh [seconds per target, default 60] [target ...]
#   ./run.sh --seeds   writes the seed corpus again from the project's own types
set -eu
cd "$(dirname "$0")"

# lld: gold stops with an internal error on these links; SwiftPM's entry point for an executable
# is <module>_main, so each target's @main hands over to libFuzzer (FuzzDriver).
swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld

if [ "${1:-}" = "--seeds" ]; then
    ASAN_OPTIONS=detect_leaks=0 .build/release/fuzz-seeds corpus
    exit 0
fi

seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-fuzz-month fuzz-import fuzz-catalogue}
status=0
for target in $targets; do
    mkdir -p "corpus/$target" "artifacts/$target"
    echo "== $target: $seconds s"
    # Inputs up to 2 KB, like the seeds: longer ones slow the search and swell the corpus kept in git.
    if ! .build/release/"$target" -max_total_time="$seconds" -max_len=2048 -timeout=10 -rss_limit_mb=4096 \
        -artifact_prefix="artifacts/$target/" "corpus/$target" 2>"artifacts/$target/log.txt"; then
        status=1
        tail -n 40 "artifacts/$target/log.txt"
    fi
    grep -E '^(#[0-9]+\s+DONE|Done)' "artifacts/$target/log.txt" || tail -n 3 "artifacts/$target/log.txt"
    # Keep only the inputs that add coverage, so the corpus stays small.
    rm -rf "artifacts/$target/merged" && mkdir "artifacts/$target/merged"
    .build/release/"$target" -merge=1 "artifacts/$target/merged" "corpus/$target" 2>>"artifacts/$target/log.txt"
    rm -rf "corpus/$target" && mv "artifacts/$target/merged" "corpus/$target"
    echo "corpus: $(ls "corpus/$target" | wc -l) files, $(cat "corpus/$target"/* | wc -c) bytes"
done
exit $status
