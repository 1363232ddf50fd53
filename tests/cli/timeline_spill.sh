#!/bin/bash
# The timeline built a partition at a time from temporary files (past the memory budget for
# events, timeline/partitioned_timeline.h) is the timeline built in memory, byte for byte: the
# CSV and the --explain text, for `extract` and for `merge`, with budgets from one event per
# batch upwards (--event-memory BYTES, a hidden option for tests). Checked on samples/ and on
# generated event records with several types and statuses, merges within and across documents
# and rows that share an identity (ids with -2, -3). A temporary file that cannot be made or
# written is an error: exit status 2, a message that says where, and an -o file left as it was.
# usage: timeline_spill.sh LINIMASA SAMPLES_DIR
set -u
linimasa=$(realpath "$1")
samples=$(realpath "$2")
source "$(dirname "$0")/check_lib.sh"

# same EXPECTED ACTUAL WHAT: the two files must be identical.
same() {
  if ! cmp -s "$1" "$2"; then
    fail "$3"
    diff "$1" "$2" | head -10
  fi
}

# expect_in FILE TEXT: FILE must contain TEXT.
expect_in() {
  grep -qF -- "$2" "$1" || { fail "expected in $(basename "$1"): $2"; head -5 "$1"; }
}

cd "$work" || exit 2

# Event records as `extract --format jsonl` writes them, from a fixed pseudo-random sequence:
# 4 types, 4 statuses, days, months, years and dates without a year, four date bases, none,
# one or two of four actors, places in three countries, 300 documents (20 events each). No two
# records are the same event (each has its own offset): the order of records can never matter.
awk '
function pick(n) { seed = (seed * 69069 + 1) % 4294967296; return int(seed / 65536) % n }  # exact in doubles
BEGIN {
  split("visit meeting letter_exchange phone_call", types, " ")
  split("occurred planned occurred denied negated", statuses, " ")
  split("Kim Jong Un|Sergei Shoigu|Vladimir Putin|Xi Jinping", names, "|")
  split("|Pyongyang|Vladivostok|Moskow|Beijing", places, "|")
  split("|North Korea|Russia|Russia|China", countries, "|")
  seed = 20260102
  for (i = 0; i < 6000; i++) {
    day = sprintf("2023-0%d-%02d", 1 + pick(3), 1 + pick(20))
    precision = "day"; basis = "explicit"; text = "tanggal " day
    k = pick(10)
    if (k == 0) { day = substr(day, 1, 7); precision = "month"; text = "bulan " day }
    else if (k == 1) { day = "2023"; precision = "year"; text = "tahun 2023" }
    else if (k == 2) { day = "XXXX-08-15"; basis = "unanchored"; text = "15 Agustus" }
    else if (k <= 5) { basis = "publication"; text = "" }
    else if (k == 6) { basis = "relative" }
    a = 1 + pick(4); b = 1 + pick(4)
    actors = "\"" names[a] "\""
    if (b != a && pick(3) == 0) actors = (a < b) ? actors ",\"" names[b] "\"" : "\"" names[b] "\"," actors
    if (pick(8) == 0) actors = ""
    p = 1 + pick(5)
    printf "{\"record\":\"linimasa-event/1\",\"type\":\"%s\",\"status\":\"%s\",\"date\":\"%s\",\"date_end\":\"\",", \
      types[1 + pick(4)], statuses[1 + pick(5)], day
    printf "\"precision\":\"%s\",\"date_basis\":\"%s\",\"date_text\":\"%s\",\"actors\":[%s],", precision, basis, text, actors
    printf "\"location\":\"%s\",\"location_country\":\"%s\",\"evidence\":\"Kalimat %d, \\\"dikutip\\\".\",", places[p], countries[p], i
    printf "\"rule\":\"r@events/x.yaml:1\",\"trigger\":\"bertemu\",\"document\":\"doc-%03d\",\"offset\":%d,\"why\":\"alasan %d\"}\n", \
      pick(300), 10 + 37 * i, i
  }
}' > events.jsonl

"$linimasa" merge --explain events.jsonl > memory.csv 2> memory.why || fail "merge of the generated records failed"
rows=$(grep -c '^ev-' memory.csv)
[ "$rows" -gt 1000 ] || fail "the generated records gave only $rows rows"
for what in ',meeting,' ',phone_call,' ',negated,' ',planned,' '-2,' '-3,' ',XXXX-08-15,'; do
  expect_in memory.csv "$what"
done
expect_in memory.why "merged "
for budget in 1 700 20000; do
  "$linimasa" merge --explain --event-memory "$budget" events.jsonl > spilled.csv 2> spilled.why \
    || fail "merge --event-memory $budget failed"
  same memory.csv spilled.csv "merge: the timeline built from partitions (budget $budget) differs from the one in memory"
  same memory.why spilled.why "merge --explain: the explanation from partitions (budget $budget) differs"
done

# Split into parts in another order, merged with a tiny budget: still the same timeline.
split -n l/3 events.jsonl part-
"$linimasa" merge --event-memory 1 part-ac part-aa part-ab > parts.csv || fail "merge of 3 parts failed"
same memory.csv parts.csv "merge of 3 parts with a tiny budget differs from merge of the whole"

# extract over the samples: as the golden timeline, in memory and from partitions. (Run from
# the folder above, so that document ids are samples/NAME.txt as in the golden file.)
extract_samples() {
  (cd "$(dirname "$samples")" && "$linimasa" extract -q "$@" "$(basename "$samples")")
}
extract_samples --explain > samples.csv 2> samples.why
same "$samples/expected-timeline.csv" samples.csv "extract of samples/ differs from the golden timeline"
for budget in 1 5000; do
  extract_samples --explain --event-memory "$budget" --jobs 2 > spilled.csv 2> spilled.why
  same samples.csv spilled.csv "extract --event-memory $budget of samples/ differs"
  same samples.why spilled.why "extract --explain --event-memory $budget of samples/ differs"
done

# Where no temporary file can be made: a clear error, exit status 2, -o left as it was.
echo "the earlier timeline" > kept.csv
TMPDIR=$work/no-such-folder "$linimasa" extract -q --event-memory 1 -o kept.csv "$samples" > /dev/null 2> err.txt
status=$?
[ "$status" -eq 2 ] || fail "a temporary file that cannot be made: exit status $status, expected 2"
expect_in err.txt "cannot create a temporary file in $work/no-such-folder"
expect_in err.txt "kept.csv is left as it was"
[ "$(cat kept.csv)" = "the earlier timeline" ] || fail "-o was changed although the run failed"

# A full disk (here: a file size limit, whose signal linimasa ignores): the same.
( ulimit -f 8; "$linimasa" extract -q --event-memory 1 -o kept.csv "$samples" > /dev/null 2> err.txt )
status=$?
[ "$status" -eq 2 ] || fail "a temporary file that cannot be written: exit status $status, expected 2"
expect_in err.txt "cannot write a temporary file in"
expect_in err.txt "kept.csv is left as it was"
[ "$(cat kept.csv)" = "the earlier timeline" ] || fail "-o was changed although writing a temporary file failed"
ls -A "$work" | grep -q '^\.kept\.csv\.tmp' && fail "a temporary output file was left behind"

finish "timeline spill"
