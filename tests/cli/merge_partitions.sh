#!/bin/bash
# The map/reduce contract of docs/scale.md: for any partition of a corpus into parts,
# `merge` of the parts' `extract --format jsonl` equals `extract` over the whole corpus, byte
# for byte, with any --jobs. Checked on samples/ split into 2 and 3 groups of files, and on
# the same articles as one JSON Lines corpus split into line ranges read from standard input.
# usage: merge_partitions.sh LINIMASA SAMPLES_DIR
set -u
linimasa=$1
samples=$2
source "$(dirname "$0")/check_lib.sh"

# same EXPECTED ACTUAL WHAT: the two files must be identical.
same() {
  if ! cmp -s "$1" "$2"; then
    fail "$3"
    diff "$1" "$2" | head -20
  fi
}

cd "$work" || exit 2
mkdir -p all
cp "$samples"/*.txt all/
files=(all/*.txt)
[ "${#files[@]}" -ge 6 ] || { echo "too few samples in $samples"; exit 2; }

# The same articles as JSON Lines: one {"id", "text"} per line (Windows-1252 files transcoded).
json_text() {
  local text
  if ! text=$(iconv -f UTF-8 -t UTF-8 "$1" 2> /dev/null); then text=$(iconv -f CP1252 -t UTF-8 "$1") || return 1; fi
  printf '%s' "$text" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' -e 's/\r/\\r/g' | awk '{ printf "%s\\n", $0 }'
}
for f in "${files[@]}"; do
  printf '{"id": "%s", "text": "%s"}\n' "$(basename "$f" .txt)" "$(json_text "$f")"
done > corpus.jsonl

for jobs in 1 2; do
  "$linimasa" extract -q --jobs "$jobs" all > whole-$jobs.csv 2> /dev/null
  "$linimasa" extract -q --jobs "$jobs" --format jsonl all > whole-$jobs.jsonl 2> /dev/null
  [ -s whole-$jobs.csv ] || fail "extract --jobs $jobs of all samples gave nothing"
  same whole-1.csv whole-$jobs.csv "extract --jobs $jobs differs from --jobs 1"
  same whole-1.jsonl whole-$jobs.jsonl "extract --format jsonl --jobs $jobs differs from --jobs 1"

  # Two groups: the first half and the second half of the files.
  half=$(( ${#files[@]} / 2 ))
  "$linimasa" extract -q --jobs "$jobs" --format jsonl "${files[@]:0:half}" > a-$jobs.jsonl 2> /dev/null
  "$linimasa" extract -q --jobs "$jobs" --format jsonl "${files[@]:half}" > b-$jobs.jsonl 2> /dev/null
  "$linimasa" merge a-$jobs.jsonl b-$jobs.jsonl > merged2-$jobs.csv || fail "merge of 2 parts failed"
  same whole-$jobs.csv merged2-$jobs.csv "merge(extract(A), extract(B)) != extract(A+B) (2 groups, --jobs $jobs)"
  "$linimasa" merge b-$jobs.jsonl a-$jobs.jsonl > merged2r-$jobs.csv
  same whole-$jobs.csv merged2r-$jobs.csv "merge depends on the order of its parts (--jobs $jobs)"
  cat a-$jobs.jsonl b-$jobs.jsonl > ab-$jobs.jsonl
  same whole-$jobs.jsonl ab-$jobs.jsonl "records of contiguous parts do not concatenate to the whole (--jobs $jobs)"

  # Three interleaved groups (file i goes to part i mod 3).
  parts=()
  for k in 0 1 2; do
    group=()
    for i in "${!files[@]}"; do [ $((i % 3)) -eq "$k" ] && group+=("${files[$i]}"); done
    "$linimasa" extract -q --jobs "$jobs" --format jsonl "${group[@]}" > part$k-$jobs.jsonl 2> /dev/null
    parts+=(part$k-$jobs.jsonl)
  done
  "$linimasa" merge "${parts[@]}" > merged3-$jobs.csv || fail "merge of 3 parts failed"
  same whole-$jobs.csv merged3-$jobs.csv "merge of 3 interleaved parts != extract of all (--jobs $jobs)"

  # JSON Lines: the corpus split into 3 line ranges, each read from standard input (the map
  # step of Hadoop Streaming or Spark), merged from standard input and files.
  "$linimasa" extract -q --jobs "$jobs" corpus.jsonl > jwhole-$jobs.csv 2> /dev/null
  [ -s jwhole-$jobs.csv ] || fail "extract of corpus.jsonl gave nothing"
  split -n l/3 corpus.jsonl chunk-$jobs-
  for c in chunk-$jobs-*; do
    "$linimasa" extract -q --jobs "$jobs" --format jsonl - < "$c" > "$c.events" 2> /dev/null
  done
  cat chunk-$jobs-aa.events | "$linimasa" merge - chunk-$jobs-ab.events chunk-$jobs-ac.events > jmerged-$jobs.csv \
    || fail "merge of JSON Lines parts failed"
  same jwhole-$jobs.csv jmerged-$jobs.csv "merge of JSON Lines parts != extract of the corpus (--jobs $jobs)"
done

finish "merge partitions"
