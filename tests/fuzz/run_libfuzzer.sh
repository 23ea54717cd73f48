#!/bin/sh
# Builds one libFuzzer target with clang++ (the main build uses g++, which has no libFuzzer)
# and runs it for a bounded time. Exit status is libFuzzer's: non-zero when it found a crash,
# a sanitizer report, a leak or a hang, so the ctest fails.
#
# usage: run_libfuzzer.sh CXX SOURCE_DIR WORK_DIR NAME SECONDS SEED_CORPUS DICT SOURCES...
#   SOURCES are relative to SOURCE_DIR; WORK_DIR receives the binary, the growing corpus and
#   any crash artifacts (the committed seed corpus is only read).
set -eu

cxx=$1 source_dir=$2 work_dir=$3 name=$4 seconds=$5 seeds=$6 dict=$7
shift 7

mkdir -p "$work_dir/corpus" "$work_dir/artifacts"
sources=""
for source in "$@"; do
    sources="$sources $source_dir/$source"
done

# -fPIC: Qt 6 is built with reduced relocations and refuses non-PIC code.
# shellcheck disable=SC2086,SC2046
"$cxx" -std=c++20 -g -O1 -fPIC -fno-omit-frame-pointer \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I"$source_dir/core" $(pkg-config --cflags Qt6Core) \
    $sources $(pkg-config --libs Qt6Core) -o "$work_dir/$name"

exec "$work_dir/$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=4096 -dict="$dict" -artifact_prefix="$work_dir/artifacts/" -print_final_stats=1 \
    "$work_dir/corpus" "$seeds"
