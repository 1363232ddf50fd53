#!/bin/bash
# Broken rule files are reported as file:line:col: error: ... with exit status 2, by lint and
# by extract, and a failed extract never touches an earlier output file. Covered: invalid
# regexes, broken YAML, bytes that are not UTF-8 text, unknown keys (in every kind of rule
# file, with a did-you-mean), duplicate ids and keys (naming the first place too), a missing
# rules folder. Limits (deep, huge, patterns past RE2's memory budget): rules_limits.sh.
# usage: rules_errors.sh LINIMASA SHIPPED_RULES_DIR
set -u
linimasa=$1
shipped=$2
source "$(dirname "$0")/check_lib.sh"
# check NAME EXPECTED_STDERR_REGEX: lint must exit 2 and print a matching line.
check() {
  "$linimasa" lint --rules "$work/rules" > "$work/out.txt" 2> "$work/err.txt"
  local status=$?
  [ "$status" -lt 128 ] || fail "$1: lint died of signal $((status - 128))"
  [ "$status" -eq 2 ] || fail "$1: lint exit status $status, expected 2"
  grep -qE -- "$2" "$work/err.txt" || { fail "$1: expected a line matching: $2"; cat "$work/err.txt"; }
}

# at FILE TEXT [NTH]: line:col where TEXT starts on the NTH (default first) line holding it.
at() {
  awk -v s="$2" -v nth="${3:-1}" 'index($0, s) { if (++n == nth) { print NR ":" index($0, s); exit } }' "$1"
}

# line_of FILE TEXT [NTH]: the line number alone.
line_of() {
  at "$@" | cut -d: -f1
}

fresh "$shipped"
"$linimasa" lint --rules "$work/rules" > "$work/out.txt" 2> "$work/err.txt" || fail "the shipped rules must lint clean: $(cat "$work/err.txt")"

fresh "$shipped"
printf -- "- id: broken\n  type: meeting\n  triggers: ['ber(temu']\n" > "$work/rules/events/zz-broken.yaml"
check "invalid regex" "rules/events/zz-broken.yaml:3:[0-9]+: error: invalid trigger pattern: missing \)"

fresh "$shipped"
printf -- "- id: broken\n  type: [meeting\n" > "$work/rules/events/zz-broken.yaml"
check "broken YAML" "rules/events/zz-broken.yaml:[23]:[0-9]+: error: "

fresh "$shipped"
printf -- "- id: typo\n  type: meeting\n  triggers: ['bertemu']\n  exampels: []\n" > "$work/rules/events/zz-typo.yaml"
check "unknown key" "rules/events/zz-typo.yaml:4:3: error: unknown key 'exampels' \(did you mean 'examples'\?\)"

fresh "$shipped"
printf -- "- id: meet-again\n  type: meeting\n  triggers: ['bertemu']\n  examples:\n    - text: Mereka bertemu.\n      expect: {actors: [Nobody Known]}\n" > "$work/rules/events/zz-undefined.yaml"
check "undefined actor" "rules/events/zz-undefined.yaml:5:[0-9]+: error: .*undefined actor 'Nobody Known'"

fresh "$shipped"
id=$(cat "$work"/rules/events/*.yaml | grep -m1 -E '^- id: ' | sed 's/^- id: //')
printf -- "- id: %s\n  type: meeting\n  triggers: ['bertemu']\n" "$id" > "$work/rules/events/zz-dup.yaml"
check "duplicate id" "rules/events/zz-dup.yaml:1:1: error: duplicate rule id '$id'"

fresh "$shipped"
printf 'planned: [akan\n' > "$work/rules/status.yaml"
check "broken status cues" "rules/status.yaml:[0-9]+:[0-9]+: error: "

# --- Bytes that are not UTF-8 text, wherever they are --------------------------------------
fresh "$shipped"
printf -- "- id: bad-bytes\n  type: meeting\n  triggers: ['bert\xffemu']\n" > "$work/rules/events/zz-bytes.yaml"
check "invalid UTF-8 in a trigger" "rules/events/zz-bytes.yaml:3:19: error: not valid UTF-8 \(byte 0xFF\): a rule file must be UTF-8 text"

fresh "$shipped"
n=$(($(wc -l < "$work/rules/places.yaml") + 1))
printf '# Daftar tempat \xe9\n' >> "$work/rules/places.yaml"
check "invalid UTF-8 in a comment" "rules/places.yaml:$n:17: error: not valid UTF-8 \(byte 0xE9\)"

fresh "$shipped"
n=$(($(wc -l < "$work/rules/lexicon/id.yaml") + 1))
printf 'seasons_extra: [musim \xc0\xaf]\n' >> "$work/rules/lexicon/id.yaml"
check "an overlong UTF-8 form in the lexicon" "rules/lexicon/id.yaml:$n:23: error: not valid UTF-8 \(byte 0xC0\)"

fresh "$shipped"
printf -- "- id: nul\n  type: meeting\n  triggers: ['ber\000temu']\n" > "$work/rules/events/zz-nul.yaml"
check "a NUL byte" "rules/events/zz-nul.yaml:3:18: error: NUL byte: a rule file must be text"

fresh "$shipped"
printf 'planned: [akan, \001bakal]\n' > "$work/rules/status.yaml.new"
tail -n +2 "$work/rules/status.yaml" | grep -v '^planned:' >> "$work/rules/status.yaml.new"
mv "$work/rules/status.yaml.new" "$work/rules/status.yaml"
check "a control character" "rules/status.yaml:1:17: error: control character 0x01: a rule file must be text"

# --- Unknown keys, in every kind of rule file, with a did-you-mean -------------------------
fresh "$shipped"
sed -i 's/{name: Japan, kind: country,/{name: Japan, knd: x, kind: country,/' "$work/rules/actors.yaml"
check "unknown key in actors.yaml" "rules/actors.yaml:$(at "$work/rules/actors.yaml" "knd:"): error: unknown key 'knd' \(did you mean 'kind'\?\)"

fresh "$shipped"
n=$(($(wc -l < "$work/rules/actors.yaml") + 1))
printf 'role: []\n' >> "$work/rules/actors.yaml"
check "unknown section in actors.yaml" "rules/actors.yaml:$n:1: error: unknown key 'role' \(did you mean 'roles'\?\)"

fresh "$shipped"
sed -i 's/{name: Sochi, kind: city,/{name: Sochi, kind: city, contry: Russia,/' "$work/rules/places.yaml"
check "unknown key in places.yaml" "rules/places.yaml:$(at "$work/rules/places.yaml" "contry:"): error: unknown key 'contry' \(did you mean 'country'\?\)"

fresh "$shipped"
sed -i 's/^  - id: advertisement$/&\n    patern: x/' "$work/rules/boilerplate.yaml"
check "unknown key in boilerplate.yaml" "rules/boilerplate.yaml:$(at "$work/rules/boilerplate.yaml" "patern:"): error: unknown key 'patern' \(did you mean 'pattern'\?\)"

fresh "$shipped"
sed -i 's/^lines:$/line:/' "$work/rules/boilerplate.yaml"
check "unknown section in boilerplate.yaml" "rules/boilerplate.yaml:$(grep -n '^line:' "$work/rules/boilerplate.yaml" | cut -d: -f1):1: error: unknown section 'line' \(did you mean 'lines'\?\)"

for kind in "status.yaml planed planned" "attachment.yaml contex context" "outlets.yaml exampels examples" \
            "segmentation.yaml abbreviation abbreviations"; do
  set -- $kind
  fresh "$shipped"
  n=$(($(wc -l < "$work/rules/$1") + 1))
  printf '%s: []\n' "$2" >> "$work/rules/$1"
  check "unknown key in $1" "rules/$1:$n:1: error: unknown key '$2' \(did you mean '$3'\?\)"
done

fresh "$shipped"
sed -i 's/^  - name: Liputan6.com$/&\n    spelings: [Liputan6]/' "$work/rules/outlets.yaml"
check "unknown key in an outlet" "rules/outlets.yaml:$(at "$work/rules/outlets.yaml" "spelings:"): error: unknown key 'spelings' \(did you mean 'spellings'\?\)"

fresh "$shipped"
n=$(($(wc -l < "$work/rules/lexicon/id.yaml") + 1))
printf 'month: {x: 1}\n' >> "$work/rules/lexicon/id.yaml"
check "unknown section in the lexicon" "rules/lexicon/id.yaml:$n:1: error: unknown section 'month' \(did you mean 'months'\?\)"

fresh "$shipped"
sed -i 's/^  sep: /  sepp: x\n&/' "$work/rules/lexicon/id.yaml"
sed -i 's/{sep}/{sepp}/' "$work/rules/lexicon/id.yaml"
sed -i 's/^  sepp: x$//' "$work/rules/lexicon/id.yaml"
check "unknown grammar name" "rules/lexicon/id.yaml:[0-9]+:[0-9]+: error: '\{sepp\}' is neither a lexicon section nor an earlier grammar fragment \(did you mean 'sep'\?\)"

# --- Duplicate ids and keys: the second place is the error, the first is named ------------
fresh "$shipped"
sed -i '/{name: Japan, kind: country,/p' "$work/rules/actors.yaml"
first=$(line_of "$work/rules/actors.yaml" "{name: Japan, kind: country,")
check "duplicate actor" "rules/actors.yaml:$((first + 1)):12: error: duplicate actor 'Japan' \(first defined at line $first\)"

fresh "$shipped"
sed -i '/{name: Sochi, kind: city,/p' "$work/rules/places.yaml"
first=$(line_of "$work/rules/places.yaml" "{name: Sochi,")
check "duplicate place" "rules/places.yaml:$((first + 1)):12: error: duplicate place 'Sochi' \(first defined at line $first\)"

fresh "$shipped"
first=$(line_of "$work/rules/boilerplate.yaml" "  - id: advertisement")
sed -i 's/^  - id: scroll-prompt$/  - id: advertisement/' "$work/rules/boilerplate.yaml"
second=$(grep -n '^  - id: advertisement$' "$work/rules/boilerplate.yaml" | sed -n 2p | cut -d: -f1)
check "duplicate furniture rule id" "rules/boilerplate.yaml:$second:9: error: duplicate rule id 'advertisement' \(first at line $first\)"

fresh "$shipped"
sed -i '/^  - name: Liputan6.com$/p' "$work/rules/outlets.yaml"
first=$(line_of "$work/rules/outlets.yaml" "  - name: Liputan6.com")
check "duplicate outlet" "rules/outlets.yaml:$((first + 1)):11: error: duplicate outlet 'Liputan6.com' \(first at line $first\)"

fresh "$shipped"
sed -i '/^  maret: 3$/p' "$work/rules/lexicon/id.yaml"
first=$(line_of "$work/rules/lexicon/id.yaml" "  maret: 3")
check "duplicate lexicon key" "rules/lexicon/id.yaml:$((first + 1)):3: error: duplicate key 'maret' \(first at line $first\)"

fresh "$shipped"
first=$(line_of "$work/rules/lexicon/id.yaml" "  year: ")
sed -i "s/^  year: .*/&\n  year: '\\\\d{4}'/" "$work/rules/lexicon/id.yaml"
check "duplicate grammar fragment" "rules/lexicon/id.yaml:$((first + 1)):3: error: duplicate key 'year' \(first at line $first\)"

fresh "$shipped"
n=$(($(wc -l < "$work/rules/actors.yaml") + 1))
printf 'roles: []\n' >> "$work/rules/actors.yaml"
check "a section given twice" "rules/actors.yaml:$n:1: error: duplicate key 'roles' \(first at line $(grep -n '^roles:' "$work/rules/actors.yaml" | head -1 | cut -d: -f1)\)"
grep -q "unknown country" "$work/err.txt" && fail "actors.yaml failing must not make every country of places.yaml unknown"

fresh "$shipped"
printf -- "- id: twice\n  type: meeting\n  triggers: ['bertemu']\n  triggers: ['berjumpa']\n" > "$work/rules/events/zz-twice.yaml"
check "a key given twice in a rule" "rules/events/zz-twice.yaml:4:3: error: duplicate key 'triggers' \(first at line 3\)"

# --- A missing rules folder: one line, exit 2, for every command --------------------------
echo "Mereka bertemu pada 13 September 2023." > "$work/a.txt"
for cmd in lint test-rules "extract $work/a.txt" "dates $work/a.txt"; do
  set -- $cmd
  "$linimasa" "$1" --rules "$work/no-rules" "${@:2}" > "$work/out.txt" 2> "$work/err.txt"
  status=$?
  [ "$status" -eq 2 ] || fail "$1 with a missing rules folder: exit status $status, expected 2"
  [ "$(cat "$work/err.txt")" = "$work/no-rules: error: no such rules folder" ] ||
    { fail "$1 with a missing rules folder: expected one line naming it"; cat "$work/err.txt"; }
done
"$linimasa" lint --rules "$work/a.txt" > "$work/out.txt" 2> "$work/err.txt"
[ $? -eq 2 ] || fail "lint --rules FILE must exit 2"
grep -qF "$work/a.txt: error: not a folder" "$work/err.txt" || fail "lint --rules FILE: expected 'not a folder'"

fresh "$shipped"
printf -- "- id: broken\n  type: meeting\n  triggers: ['ber(temu']\n" > "$work/rules/events/zz-broken.yaml"
echo "Mereka bertemu pada 13 September 2023." > "$work/a.txt"
echo "earlier" > "$work/timeline.csv"
"$linimasa" extract --rules "$work/rules" -o "$work/timeline.csv" "$work/a.txt" 2> "$work/err.txt"
[ $? -eq 2 ] || fail "extract with broken rules must exit 2"
[ "$(cat "$work/timeline.csv")" = "earlier" ] || fail "extract with broken rules changed the output file"

finish "rules errors"
