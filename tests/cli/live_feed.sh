#!/bin/bash
# A scraper feeding JSON Lines into `extract --format jsonl` on standard input: the records of
# an article must come out while the feed waits for the next one, not only when it ends — with
# one job and with several (where documents travel to the workers in batches).
# usage: live_feed.sh LINIMASA
set -u
linimasa=$(realpath "$1")
source "$(dirname "$0")/check_lib.sh"
cd "$work" || exit 2

# Written for this test: two short reports, each with one visit.
first='{"id": "feed-1", "published": "2024-06-19", "text": "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu (19/6/2024) dini hari."}'
second='{"id": "feed-2", "published": "2023-09-13", "text": "Kim Jong Un tiba di Kosmodrom Vostochny pada Rabu (13/9/2023) untuk bertemu Putin."}'

# waits up to 20 s for FILE to hold N records; false when it never does
wait_for_records() {
  local file=$1 n=$2
  for _ in $(seq 200); do
    [ "$(grep -c '"record"' "$file" 2> /dev/null)" -ge "$n" ] && return 0
    sleep 0.1
  done
  return 1
}

for jobs in 1 2; do
  rm -f feed out.jsonl
  mkfifo feed
  "$linimasa" extract -q --jobs "$jobs" --format jsonl - < feed > out.jsonl 2> err.txt &
  pid=$!
  exec 3> feed
  echo "$first" >&3
  wait_for_records out.jsonl 1 || fail "--jobs $jobs: no record while the feed waits after the first article"
  grep -q '"document":"feed-1"' out.jsonl || fail "--jobs $jobs: the first article's record is missing: $(cat out.jsonl)"
  echo "$second" >&3
  wait_for_records out.jsonl 2 || fail "--jobs $jobs: no record for the second article while the feed waits"
  exec 3>&-
  wait "$pid"
  status=$?
  [ "$status" -eq 0 ] || fail "--jobs $jobs: exit $status once the feed closed: $(cat err.txt)"
  [ "$(grep -c '"document":"feed-2"' out.jsonl)" -ge 1 ] || fail "--jobs $jobs: the second article's record is missing"
done

finish "live feed"
