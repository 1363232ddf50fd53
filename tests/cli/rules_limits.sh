#!/bin/bash
# Rule files past every limit are an error at file:line:col with exit status 2, or load,
# within seconds, and never crash: lists and mappings nested 100000 deep (yaml-cpp's parser
# is recursive), huge files (50 MiB, a million entries), aliases of aliases, and patterns past
# RE2's memory budget in every place a rule pattern is compiled (event triggers, alone and
# together; furniture lines, inline markers, blocks, list markers; lexicon grammar fragments).
# usage: rules_limits.sh LINIMASA SHIPPED_RULES_DIR
set -u
linimasa=$1
shipped=$2
source "$(dirname "$0")/check_lib.sh"
# lint_status NAME: runs lint (60 s at most) and sets $status; a crash or a hang is a failure.
lint_status() {
  local start=$SECONDS
  timeout 60 "$linimasa" lint --rules "$work/rules" > "$work/out.txt" 2> "$work/err.txt"
  status=$?
  if [ "$status" -eq 124 ]; then
    fail "$1: lint did not finish in 60 s"
  elif [ "$status" -ge 128 ]; then
    fail "$1: lint died of signal $((status - 128))"
  fi
  [ $((SECONDS - start)) -le 30 ] || fail "$1: lint took $((SECONDS - start)) s"
  [ -n "${TIMING:-}" ] && echo "$1: $((SECONDS - start)) s"
}

# check NAME REGEX: lint exits 2 with a line matching REGEX.
check() {
  lint_status "$1"
  [ "$status" -eq 2 ] || fail "$1: lint exit status $status, expected 2"
  grep -qE -- "$2" "$work/err.txt" || { fail "$1: expected a line matching: $2"; head -c 2000 "$work/err.txt"; }
}

# loads NAME: lint either accepts the rules or reports errors (exit 0 or 2) in time.
loads_or_fails_clearly() {
  lint_status "$1"
  [ "$status" -eq 0 ] || [ "$status" -eq 2 ] || fail "$1: lint exit status $status, expected 0 or 2"
  [ "$status" -eq 2 ] && ! grep -qE "error: " "$work/err.txt" && fail "$1: exit status 2 without an error line"
  return 0
}

repeat() {  # repeat N TEXT: TEXT N times over, on one line
  yes -- "$2" | head -n "$1" | tr -d '\n'
}

# --- Deep nesting ---------------------------------------------------------------------------
fresh "$shipped"
printf -- "- id: deep\n  type: meeting\n  triggers: %s\n" "$(repeat 100000 '[')" > "$work/rules/events/zz-deep.yaml"
# "  triggers: " is 12 columns; the bracket at depth 257 is column 12 + 257.
check "100000 unclosed [" "rules/events/zz-deep.yaml:3:269: error: lists and mappings nested more than 256 levels deep"

fresh "$shipped"
printf -- "- id: deep\n  type: meeting\n  triggers: %s%s\n" "$(repeat 100000 '{a: ')" "$(repeat 100000 '}')" \
  > "$work/rules/events/zz-deep.yaml"
check "100000 nested flow mappings" "rules/events/zz-deep.yaml:3:1037: error: lists and mappings nested more than 256 levels deep"

fresh "$shipped"
{
  printf -- "- id: deep\n  type: meeting\n  x:\n"
  indent="    "
  for ((i = 0; i < 3000; i++)); do
    printf '%sa:\n' "$indent"
    indent+="  "
  done
} > "$work/rules/events/zz-deep.yaml"
check "3000 nested block mappings" "rules/events/zz-deep.yaml:[0-9]+:[0-9]+: error: lists and mappings nested too deeply"

fresh "$shipped"
printf '%sx\n' "$(repeat 100000 '- ')" > "$work/rules/events/zz-deep.yaml"
check "100000 nested block lists on one line" "rules/events/zz-deep.yaml:1:[0-9]+: error: lists and mappings nested too deeply"

# Every kind of rule file goes through the same guard.
for file in actors.yaml places.yaml lexicon/id.yaml boilerplate.yaml outlets.yaml segmentation.yaml status.yaml \
            attachment.yaml; do
  fresh "$shipped"
  printf '%s\n' "$(repeat 5000 '[')" > "$work/rules/$file"
  check "deep $file" "rules/$file:1:257: error: lists and mappings nested more than 256 levels deep"
done

# --- Huge files -------------------------------------------------------------------------------
fresh "$shipped"
{
  printf '# %s\n' "$(head -c 52428800 /dev/zero | tr '\0' 'x')"
  cat "$shipped/events/diplomacy.yaml"
} > "$work/rules/events/diplomacy.yaml"
loads_or_fails_clearly "a 50 MiB rule file"
[ "$status" -eq 0 ] || fail "a 50 MiB comment must not stop the rules loading: $(head -3 "$work/err.txt")"

fresh "$shipped"
{
  echo "neutral:"
  seq 1 1000000 | sed 's/^/  - kata/'
  grep -v '^neutral:' "$shipped/status.yaml"
} > "$work/rules/status.yaml"
loads_or_fails_clearly "a list of a million entries"

fresh "$shipped"
{
  printf 'neutral: &a0 [w0, w1, w2, w3, w4, w5, w6, w7, w8, w9]\n'
  for i in 1 2 3 4 5 6 7 8 9; do
    printf 'denied_%s: &a%s [%s]\n' "$i" "$i" "$(repeat 9 "*a$((i - 1)), ")*a$((i - 1))"
  done
  printf 'negated_after: *a9\n'
  grep -v '^neutral:\|^negated_after:' "$shipped/status.yaml"
} > "$work/rules/status.yaml"
check "aliases of aliases (10^10 words)" "rules/status.yaml:2:1: error: unknown key 'denied_1'"

# --- Patterns past RE2's memory budget --------------------------------------------------------
big="$(repeat 10 '\pL{1000}')"
big_sed=${big//\\/\\\\}

fresh "$shipped"
printf -- "- id: too-big\n  type: meeting\n  triggers: ['bertemu', '%s']\n" "$big" > "$work/rules/events/zz-big.yaml"
check "a trigger past the budget" "rules/events/zz-big.yaml:3:25: error: invalid trigger pattern: pattern too large - compile failed"
echo "Putin dan Kim bertemu pada 13 September 2023." > "$work/a.txt"
echo "earlier" > "$work/timeline.csv"
timeout 60 "$linimasa" extract --rules "$work/rules" -o "$work/timeline.csv" "$work/a.txt" 2> "$work/err.txt"
status=$?
[ "$status" -eq 2 ] || fail "extract with a trigger past the budget: exit status $status, expected 2"
grep -q "rules/events/zz-big.yaml:3:25: error: invalid trigger pattern: pattern too large" "$work/err.txt" ||
  fail "extract with a trigger past the budget: no file:line:col error"
[ "$(cat "$work/timeline.csv")" = "earlier" ] || fail "extract with a trigger past the budget changed the output file"

fresh "$shipped"
fair="$(repeat 3 '\pL{1000}')"
for i in 1 2; do
  printf -- "- id: large-%s\n  type: meeting\n  triggers: ['bertemu', '%s']\n" "$i" "$fair"
done > "$work/rules/events/zz-large.yaml"
check "triggers together past the budget" "rules/events/zz-large.yaml:[0-9]+:1: error: the triggers together are too large for RE2's memory budget \(64 MiB\); the largest is in rule 'large-[12]'"

# check_furniture NAME LINE_TEXT KEY: the big pattern first in KEY's pattern on the first line
# holding LINE_TEXT.
check_furniture() {
  fresh "$shipped"
  local file="$work/rules/boilerplate.yaml"
  local line col
  line=$(grep -nF -- "$2" "$file" | head -1 | cut -d: -f1)
  [ -n "$line" ] || { fail "$1: the shipped boilerplate.yaml has no '$2' any more"; return; }
  col=$(sed -n "${line}p" "$file" | awk -v s="$3: '" '{print index($0, s) + length(s)}')
  sed -i "${line}s/$3: '/&${big_sed}|/" "$file"
  check "$1" "rules/boilerplate.yaml:$line:$col: error: invalid pattern in '$3': pattern too large - compile failed"
}
check_furniture "a furniture line past the budget" "pattern: 'iklan" pattern
check_furniture "an inline marker past the budget" "pattern: '\b(baca juga" pattern
check_furniture "a block start past the budget" "start: '" start
check_furniture "a block end past the budget" "end: '" end
check_furniture "block items past the budget" "items: '" items
check_furniture "a list marker past the budget" "      pattern: '" pattern

fresh "$shipped"
line=$(grep -n "^  year: '" "$work/rules/lexicon/id.yaml" | cut -d: -f1)
sed -i "s/^  year: '/&$(repeat 4 "$big_sed")|/" "$work/rules/lexicon/id.yaml"
check "a grammar fragment past the budget" "rules/lexicon/id.yaml:$line:[0-9]+: error: grammar fragment 'year': pattern too large - compile failed"
[ "$(grep -c 'error:' "$work/err.txt")" -eq 1 ] || { fail "a failed grammar fragment is reported once, not again by its users"; head -5 "$work/err.txt"; }

fresh "$shipped"
{
  sed -n '1,/^grammar:/p' "$shipped/lexicon/id.yaml"
  echo "  y0: 'ab'"
  for i in $(seq 1 30); do echo "  y$i: '{y$((i - 1))}{y$((i - 1))}'"; done
  sed -n '/^grammar:/,$p' "$shipped/lexicon/id.yaml" | tail -n +2
} > "$work/rules/lexicon/id.yaml"
line=$(grep -n "^  y19: " "$work/rules/lexicon/id.yaml" | cut -d: -f1)
check "a grammar doubling at every level" "rules/lexicon/id.yaml:$line:[0-9]+: error: grammar fragment 'y19' expands to more than 4 MiB of pattern"

finish "rules limits"
