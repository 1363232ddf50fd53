#!/usr/bin/env bash
# Runs a fuzz target for the `fuzz-replay` and `fuzz` test suites (fuzz/meson.build).
#
#   smoke.sh replay EXE ARTIFACTS TARGET INPUT...          every file under the INPUTs, once
#   smoke.sh fuzz   EXE ARTIFACTS TARGET SECONDS [-FLAG...] SEED...   libFuzzer for SECONDS from the SEEDs
#
# Replay hands the files themselves to the target, which libFuzzer and standalone_main.cpp
# both run once each. Fuzzing starts from a scratch corpus folder in front of the read-only
# seed folders (libFuzzer writes new inputs to its first folder), with fuzz/TARGET.dict when
# there is one, and a crash, leak or slow
# input is written to ARTIFACTS/TARGET-crash-* (etc.) to minimise and keep in
# fuzz/regressions/TARGET/. The last line says how many inputs ran.
set -uo pipefail
mode=$1 exe=$2 artifacts=$3 target=$4
shift 4

# Sanitizer reports must fail the run, and name source lines when the build has them.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export TMPDIR=$scratch  # the rules target's throwaway rule folders go here too

case $mode in
replay)
  mapfile -t files < <(find "$@" -type f | LC_ALL=C sort)
  [ ${#files[@]} -gt 0 ] || { echo "no inputs under $*" >&2; exit 1; }
  "$exe" "${files[@]}" > "$scratch/log" 2>&1
  status=$?
  if [ $status -ne 0 ]; then
    tail -n 60 "$scratch/log"
    echo "fuzz_$target: an input failed (exit $status)"
    exit 1
  fi
  echo "fuzz_$target: ${#files[@]} inputs replayed, no crash"
  ;;
fuzz)
  seconds=$1
  shift
  mkdir -p "$scratch/corpus" "$artifacts"
  dict=()
  [ -f "$(dirname "$0")/$target.dict" ] && dict=(-dict="$(dirname "$0")/$target.dict")
  # -timeout: an input that takes 10 s even under the sanitizers is a non-linear path (a
  # finding). Inputs grow up to the largest seed (the rule files reach 70 KB).
  "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/$target-" "${dict[@]}" "$scratch/corpus" "$@" > "$scratch/log" 2>&1
  status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$scratch/log" | tail -n 1)
  if [ $status -ne 0 ]; then
    tail -n 80 "$scratch/log"
    echo "fuzz_$target: failed after ${runs:-?} executions (exit $status); the input is in $artifacts"
    exit 1
  fi
  grep -E '^(INFO: seed corpus|#[0-9]+[[:space:]]+(INITED|DONE))' "$scratch/log" | tail -n 3
  echo "fuzz_$target: ${runs:-?} executions in $seconds s, no crash"
  ;;
*)
  echo "usage: smoke.sh replay|fuzz ..." >&2
  exit 2
  ;;
esac
