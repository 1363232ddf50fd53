#!/bin/bash
# Broken rule files are reported as file:line:col: error: ... with exit status 2, by lint and
# by extract, and a failed extract never touches an earlier output file.
# usage: rules_errors.sh LINIMASA SHIPPED_RULES_DIR
set -u
linimasa=$1
shipped=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

fresh() {
  rm -rf "$work/rules"
  cp -r "$shipped" "$work/rules"
}

# check NAME EXPECTED_STDERR_REGEX: lint must exit 2 and print a matching line.
check() {
  "$linimasa" lint --rules "$work/rules" > "$work/out.txt" 2> "$work/err.txt"
  local status=$?
  [ "$status" -eq 2 ] || fail "$1: lint exit status $status, expected 2"
  grep -qE -- "$2" "$work/err.txt" || { fail "$1: expected a line matching: $2"; cat "$work/err.txt"; }
}

fresh
"$linimasa" lint --rules "$work/rules" > "$work/out.txt" 2> "$work/err.txt" || fail "the shipped rules must lint clean: $(cat "$work/err.txt")"

fresh
printf -- "- id: broken\n  type: meeting\n  triggers: ['ber(temu']\n" > "$work/rules/events/zz-broken.yaml"
check "invalid regex" "rules/events/zz-broken.yaml:3:[0-9]+: error: invalid trigger pattern: missing \)"

fresh
printf -- "- id: broken\n  type: [meeting\n" > "$work/rules/events/zz-broken.yaml"
check "broken YAML" "rules/events/zz-broken.yaml:[23]:[0-9]+: error: "

fresh
printf -- "- id: typo\n  type: meeting\n  triggers: ['bertemu']\n  exampels: []\n" > "$work/rules/events/zz-typo.yaml"
check "unknown key" "rules/events/zz-typo.yaml:4:3: error: unknown key 'exampels' \(did you mean 'examples'\?\)"

fresh
printf -- "- id: meet-again\n  type: meeting\n  triggers: ['bertemu']\n  examples:\n    - text: Mereka bertemu.\n      expect: {actors: [Nobody Known]}\n" > "$work/rules/events/zz-undefined.yaml"
check "undefined actor" "rules/events/zz-undefined.yaml:5:[0-9]+: error: .*undefined actor 'Nobody Known'"

fresh
id=$(cat "$work"/rules/events/*.yaml | grep -m1 -E '^- id: ' | sed 's/^- id: //')
printf -- "- id: %s\n  type: meeting\n  triggers: ['bertemu']\n" "$id" > "$work/rules/events/zz-dup.yaml"
check "duplicate id" "rules/events/zz-dup.yaml:1:1: error: duplicate rule id '$id'"

fresh
printf 'planned: [akan\n' > "$work/rules/status.yaml"
check "broken status cues" "rules/status.yaml:[0-9]+:[0-9]+: error: "

fresh
printf -- "- id: broken\n  type: meeting\n  triggers: ['ber(temu']\n" > "$work/rules/events/zz-broken.yaml"
echo "Mereka bertemu pada 13 September 2023." > "$work/a.txt"
echo "earlier" > "$work/timeline.csv"
"$linimasa" extract --rules "$work/rules" -o "$work/timeline.csv" "$work/a.txt" 2> "$work/err.txt"
[ $? -eq 2 ] || fail "extract with broken rules must exit 2"
[ "$(cat "$work/timeline.csv")" = "earlier" ] || fail "extract with broken rules changed the output file"

if [ "$failures" -eq 0 ]; then
  echo "rules errors: all checks passed"
  exit 0
fi
exit 1
