#!/bin/sh
# `meson compile -C build bench`: the date engine in process (bench_dates), then the real
# linimasa binary end to end on the synthetic news archive (bench_cli; the corpus is written
# into the build folder once). Override the size with BENCH_MB (default 256 MiB); set
# BENCH_ARTICLES to a folder of real *.txt articles to measure on them too (bench_cli --articles).
# usage: run_bench.sh BENCH_DATES BENCH_CLI LINIMASA CORPUS_DIR
set -e
echo "== bench_dates: DateEngine::analyze in process, one thread, 128 MiB"
"$1" --mb 128
echo
echo "== bench_cli: linimasa dates/extract end to end, ${BENCH_MB:-256} MiB of news with events"
"$2" --linimasa "$3" --dir "$4" --mb "${BENCH_MB:-256}" ${BENCH_ARTICLES:+--articles "$BENCH_ARTICLES"}
