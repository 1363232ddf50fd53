#!/bin/bash
# Bad inputs never stop a run: each is reported by name (and line), the other inputs still
# give their rows, and the exit status says that something failed.
# usage: bad_inputs.sh LINIMASA
set -u
linimasa=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# expect_in FILE TEXT: FILE must contain TEXT.
expect_in() {
  grep -qF -- "$2" "$1" || fail "expected in $(basename "$1"): $2"
}

good="TEMPO.CO, Jakarta - Presiden Rusia Vladimir Putin dan pemimpin Korea Utara Kim Jong Un bertemu di Kosmodrom Vostochny pada Rabu, 13 September 2023."

cd "$work" || exit 2
printf '%s\n' "$good" > good.txt
printf '%s\r\n%s\r\n' "Kamis, 14 September 2023" "$good" > crlf.txt
printf 'PK\003\004\000\000\000binary zip header\000\000' > binary.txt
: > empty.txt
# Windows-1252: the curly quotes are single bytes 0x93/0x94.
printf '%s \x93kata Putin\x94.\n' "$good" > cp1252.txt
# A late NUL byte in a text file is survived.
printf '%s\000 sisa teks.\n' "$good" > late-nul.txt
# One very long line (8 MiB) with no newline must not hang the run.
head -c 8388608 /dev/zero | tr '\0' 'a' > huge-line.txt
{
  printf '{"id": "j1", "text": "%s", "published": "2023-09-14", "outlet": "TEMPO.CO"}\n' "$good"
  printf '{"id": "j2", "text": \n'
  printf '{"id": "j3", "text": "Kim Jong Un dan Vladimir Putin bertukar surat pada Selasa, 15 Agustus 2023.", "published": "2023-08-16"}\n'
} > corpus.jsonl

"$linimasa" extract good.txt crlf.txt binary.txt empty.txt cp1252.txt late-nul.txt huge-line.txt corpus.jsonl \
  missing.txt > out.csv 2> err.txt
status=$?
[ "$status" -eq 1 ] || fail "exit status $status, expected 1 (some inputs failed)"
expect_in err.txt "binary.txt"
expect_in err.txt "missing.txt"
expect_in err.txt "corpus.jsonl:2:"
expect_in err.txt "cp1252.txt"
expect_in err.txt "empty.txt: warning: empty document"
expect_in out.csv "good.txt"
expect_in out.csv "crlf.txt"
expect_in out.csv "cp1252.txt"
expect_in out.csv "late-nul.txt"
expect_in out.csv "j1"
expect_in out.csv "j3"
expect_in out.csv "2023-09-13"
expect_in out.csv "2023-08-15"
grep -q "binary.txt" out.csv && fail "a binary file gave rows"

# -o is atomic: a run that fails on its rules leaves the earlier timeline untouched.
"$linimasa" extract -o timeline.csv good.txt 2> /dev/null || fail "extract -o failed"
cp timeline.csv before.csv
"$linimasa" extract --rules "$work/nowhere" -o timeline.csv good.txt 2> err2.txt
[ $? -eq 2 ] || fail "a missing rules folder must exit 2"
cmp -s timeline.csv before.csv || fail "a failed run changed the earlier timeline"

if [ "$failures" -eq 0 ]; then
  echo "bad inputs: all checks passed"
  exit 0
fi
echo "--- stderr of the run:"
cat err.txt
exit 1
