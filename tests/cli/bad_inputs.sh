#!/bin/bash
# Bad inputs never stop a run: each is reported by name (and line:col where it lies in a
# file), the other inputs still give their rows, the exit status says that something failed,
# and nothing crashes (a status of 128 or more is a death by signal) or hangs (timeout).
# Covered: binary, missing, empty, invalid UTF-8, NUL bytes (text and JSON Lines), a broken
# JSON Lines record, a repeated document id, a 50 MiB single line, folders with symbolic link
# loops, -o targets that cannot be written (the earlier timeline survives byte for byte), and
# standard output that goes away (| head -1), is full or is closed.
# usage: bad_inputs.sh LINIMASA
set -u
linimasa=$1
source "$(dirname "$0")/check_lib.sh"

# expect_in FILE TEXT: FILE must contain TEXT.
expect_in() {
  grep -qF -- "$2" "$1" || { fail "expected in $(basename "$1"): $2"; sed 's/^/    /' "$1" | head -20; }
}

# expect_not_in FILE TEXT: FILE must not contain TEXT.
expect_not_in() {
  grep -qF -- "$2" "$1" && fail "not expected in $(basename "$1"): $2"
  return 0
}

# expect_status WHAT STATUS EXPECTED: the exit status, and never a death by signal.
expect_status() {
  if [ "$2" -ge 128 ]; then
    fail "$1: died of signal $(($2 - 128)) (exit status $2)"
  elif [ "$2" -ne "$3" ]; then
    fail "$1: exit status $2, expected $3"
  fi
}

good="TEMPO.CO, Jakarta - Presiden Rusia Vladimir Putin dan pemimpin Korea Utara Kim Jong Un bertemu di Kosmodrom Vostochny pada Rabu, 13 September 2023."

cd "$work" || exit 2

# --- Bad articles among good ones -------------------------------------------------------
printf '%s\n' "$good" > good.txt
printf '%s\r\n%s\r\n' "Kamis, 14 September 2023" "$good" > crlf.txt
printf 'PK\003\004\000\000\000binary zip header\000\000' > binary.txt
: > empty.txt
: > empty.jsonl
# Windows-1252: the curly quotes are single bytes 0x93/0x94 (column: after the sentence and a space).
printf '%s \x93kata Putin\x94.\n' "$good" > cp1252.txt
# Invalid UTF-8 on a later line: a lone continuation byte and a truncated sequence.
printf 'Judul berita\n%s \x80 \xe2\x80\n' "$good" > bad-utf8.txt
# NUL bytes in a text file are survived (read as spaces): one late, some in the middle.
printf '%s\000 sisa teks.\n' "$good" > late-nul.txt
printf 'Baris pertama.\nDi\000tengah\000\000 %s\n' "$good" > mid-nul.txt
# One very long line (8 MiB) with no newline must not hang the run.
head -c 8388608 /dev/zero | tr '\0' 'a' > huge-line.txt
{
  printf '{"id": "j1", "text": "%s", "published": "2023-09-14", "outlet": "TEMPO.CO"}\n' "$good"
  printf '{"id": "j2", "text": \n'
  printf '{"id": "j3", "text": "Kim Jong Un dan Vladimir Putin bertukar surat pada Selasa, 15 Agustus 2023.", "published": "2023-08-16"}\n'
  # A raw NUL inside a JSON string is not JSON (it must be written \u0000); an escaped one is text.
  printf '{"id": "j4", "text": "ab\000cd"}\n'
  printf '{"id": "j5", "text": "%s\\u0000", "published": "2023-09-14"}\n' "$good"
  printf '{"id": "j6", "text": "Putin \xff\xfe dan Kim bertemu."}\n'
} > corpus.jsonl

"$linimasa" extract good.txt crlf.txt binary.txt empty.txt empty.jsonl cp1252.txt bad-utf8.txt late-nul.txt \
  mid-nul.txt huge-line.txt corpus.jsonl missing.txt > out.csv 2> err.txt
expect_status "mixed inputs" $? 1
expect_in err.txt "binary.txt:1:5: error: binary file (NUL byte), skipped"
expect_in err.txt "missing.txt: error: no such file or folder"
expect_in err.txt "corpus.jsonl:2:"
expect_in err.txt "corpus.jsonl:4:25: error: invalid JSON"   # at the raw NUL
expect_in err.txt "corpus.jsonl:6:29: error: invalid JSON"   # at the byte 0xFF
expect_in err.txt "cp1252.txt:1:$((${#good} + 2)): warning: not valid UTF-8, read as Windows-1252"
expect_in err.txt "bad-utf8.txt:2:$((${#good} + 2)): warning: not valid UTF-8, read as Windows-1252"
expect_in err.txt "late-nul.txt:1:$((${#good} + 1)): warning: NUL bytes in text, read as spaces"
expect_in err.txt "mid-nul.txt:2:3: warning: NUL bytes in text, read as spaces"
expect_in err.txt "empty.txt: warning: empty document"
expect_not_in err.txt "empty.jsonl"
for doc in good.txt crlf.txt cp1252.txt bad-utf8.txt late-nul.txt mid-nul.txt j1 j3 j5; do
  expect_in out.csv "$doc"
done
expect_in out.csv "2023-09-13"
expect_in out.csv "2023-08-15"
expect_not_in out.csv "binary.txt"

# --- A 50 MiB article on one line: read, searched, in linear time ----------------------
yes "$good" | head -c 52428800 | tr '\n' ' ' > line-50mib.txt
start=$SECONDS
timeout 120 "$linimasa" extract line-50mib.txt good.txt > out-50.csv 2> err-50.txt
expect_status "50 MiB line" $? 0
[ $((SECONDS - start)) -le 60 ] || fail "a 50 MiB line took $((SECONDS - start)) s"
expect_in out-50.csv "line-50mib.txt"
expect_in out-50.csv "good.txt"
timeout 120 "$linimasa" dates --ref-date 2023-09-14 line-50mib.txt > dates-50.tsv 2> err-50.txt
expect_status "dates on a 50 MiB line" $? 0
[ "$(grep -c '13 September 2023' dates-50.tsv)" -gt 100000 ] || fail "dates on the 50 MiB line missed its dates"
rm -f line-50mib.txt dates-50.tsv

# --- Folders: symbolic links followed, loops reported and cut, each file read once -----
mkdir -p tree/sub tree/other outside
printf '%s\n' "$good" > tree/a.txt
printf '%s\n' "$good" > tree/sub/b.txt
printf '%s\n' "$good" > outside/c.txt
ln -s .. tree/sub/loop          # back to tree: a loop
ln -s ../.. tree/sub/up         # to the folder holding tree: a loop through the outside
ln -s ../sub tree/other/again   # tree/sub a second time, under another name
ln -s ../outside tree/linked    # a folder elsewhere: read
timeout 30 "$linimasa" dates --ref-date 2023-09-14 tree > tree.tsv 2> err-tree.txt
expect_status "symbolic link loops" $? 0
expect_in err-tree.txt "tree/sub/loop: warning: symbolic link loop"
expect_in err-tree.txt "tree/sub/up: warning: symbolic link loop"
read_files=$(cut -f1 tree.tsv | tail -n +2 | sort -u | tr '\n' ' ')
[ "$read_files" = "tree/a.txt tree/linked/c.txt tree/sub/b.txt " ] ||
  fail "folder with links: read [$read_files], expected each real file once"
rows_one=$("$linimasa" dates --ref-date 2023-09-14 good.txt | tail -n +2 | wc -l)
[ "$(tail -n +2 tree.tsv | wc -l)" -eq $((3 * rows_one)) ] || fail "folder with links: a file was read twice"
timeout 30 "$linimasa" extract tree > tree.csv 2> err-tree.txt
expect_status "extract on a folder with loops" $? 0
expect_in tree.csv "tree/a.txt; tree/linked/c.txt; tree/sub/b.txt"
ln -s nowhere.txt tree/dangling.txt
timeout 30 "$linimasa" extract tree > tree.csv 2> err-tree.txt
expect_status "a dangling link in a folder" $? 1
expect_in err-tree.txt "tree/dangling.txt: error: cannot open: No such file or directory"
expect_in tree.csv "tree/a.txt; tree/linked/c.txt; tree/sub/b.txt"

# --- -o: a target that cannot be written is an error, and the earlier timeline survives -
# A document id read before: a warning, and the later document is not read (its meeting
# never reaches the timeline; the letter counts its two documents once each).
{
  letter="Kim Jong Un dan Vladimir Putin bertukar surat pada Selasa, 15 Agustus 2023."
  printf '{"id": "same", "text": "%s", "published": "2023-08-16"}\n' "$letter"
  printf '{"id": "other", "text": "%s", "published": "2023-08-16"}\n' "$letter"
  printf '{"id": "same", "text": "Putin bertemu Kim pada Rabu, 13 September 2023.", "published": "2023-09-14"}\n'
} > repeated.jsonl
"$linimasa" extract repeated.jsonl > repeated.csv 2> err.txt
expect_status "a repeated document id" $? 0
expect_in err.txt "repeated.jsonl:3: warning: document id 'same' was already read; skipped"
expect_in repeated.csv ",2,other; same"
expect_not_in repeated.csv "2023-09-13"

# 3000 meetings on 3000 days: a timeline far larger than a pipe's buffer or a file size limit.
months=(Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember)
for year in $(seq 2000 2009); do
  for m in $(seq 1 12); do
    for day in $(seq 1 25); do
      printf '{"id": "m%s-%s-%s", "text": "Presiden Rusia Vladimir Putin dan pemimpin Korea Utara Kim Jong Un bertemu di Kosmodrom Vostochny pada %s %s %s.", "published": "2010-01-01"}\n' \
        "$year" "$m" "$day" "$day" "${months[$((m - 1))]}" "$year"
    done
  done
done > many.jsonl
"$linimasa" extract --format jsonl many.jsonl > parts.jsonl 2> /dev/null
[ "$("$linimasa" extract many.jsonl 2> /dev/null | wc -c)" -gt 500000 ] || fail "the closed-stdout corpus is too small"

"$linimasa" extract -o timeline.csv good.txt 2> /dev/null
expect_status "extract -o" $? 0
cp timeline.csv before.csv
[ -s before.csv ] || fail "extract -o wrote nothing"

"$linimasa" extract --rules "$work/nowhere" -o timeline.csv good.txt 2> err-o.txt
expect_status "a missing rules folder" $? 2
expect_in err-o.txt "$work/nowhere: error: no such rules folder"
[ "$(wc -l < err-o.txt)" -eq 1 ] || fail "a missing rules folder: one line expected, got $(wc -l < err-o.txt)"
cmp -s timeline.csv before.csv || fail "a failed run (rules) changed the earlier timeline"

"$linimasa" extract -o timeline.csv missing.txt binary.txt 2> err-o.txt
expect_status "-o with nothing readable" $? 1
expect_in err-o.txt "no document could be read; timeline.csv is left as it was"
cmp -s timeline.csv before.csv || fail "a run that read nothing changed the earlier timeline"
ls -A | grep -q '^\.timeline\.csv\.tmp' && fail "a run that read nothing left its temporary file"

"$linimasa" extract -o nowhere/x.csv good.txt 2> err-o.txt
expect_status "-o in a missing folder" $? 2
expect_in err-o.txt "nowhere/x.csv: cannot create a temporary file beside it: No such file or directory"

"$linimasa" extract -o good.txt/x.csv good.txt 2> err-o.txt
expect_status "-o under a file" $? 2
expect_in err-o.txt "good.txt/x.csv: cannot create a temporary file beside it: Not a directory"

mkdir out-folder
"$linimasa" extract -o out-folder good.txt 2> err-o.txt
expect_status "-o naming a folder" $? 2
expect_in err-o.txt "out-folder: cannot write: Is a directory"
[ -d out-folder ] && [ -z "$(ls -A out-folder)" ] || fail "-o naming a folder changed the folder"

# A write that fails half way (a file size limit: works as root too) keeps the earlier file.
(ulimit -f 64; "$linimasa" extract -o timeline.csv many.jsonl 2> err-o.txt)
expect_status "-o past the file size limit" $? 2
expect_in err-o.txt "timeline.csv: cannot write: File too large"
cmp -s timeline.csv before.csv || fail "a failed write changed the earlier timeline"
ls -A | grep -q '^\.timeline\.csv\.tmp' && fail "a failed write left its temporary file"

if [ "$(id -u)" -ne 0 ]; then  # root writes into a read-only folder anyway
  mkdir locked && cp before.csv locked/timeline.csv && chmod a-w locked
  "$linimasa" extract -o locked/timeline.csv good.txt 2> err-o.txt
  expect_status "-o in a read-only folder" $? 2
  expect_in err-o.txt "locked/timeline.csv: cannot create a temporary file beside it: Permission denied"
  cmp -s locked/timeline.csv before.csv || fail "a read-only folder's timeline changed"
fi

# A symbolic link as -o stays a link; the file it names gets the timeline.
echo old > target.csv
ln -s target.csv link.csv
"$linimasa" extract -o link.csv good.txt 2> /dev/null
expect_status "-o through a symbolic link" $? 0
[ -L link.csv ] || fail "-o replaced the symbolic link instead of the file it names"
cmp -s target.csv before.csv || fail "-o through a symbolic link: the file it names did not get the timeline"

# A named pipe as -o is written into, not replaced.
mkfifo pipe.csv
timeout 30 cat pipe.csv > from-pipe.csv &
reader=$!
timeout 30 "$linimasa" extract -o pipe.csv good.txt 2> /dev/null
expect_status "-o into a named pipe" $? 0
wait "$reader"
[ -p pipe.csv ] || fail "-o replaced the named pipe"
cmp -s from-pipe.csv before.csv || fail "-o into a named pipe: the reader did not get the timeline"

# --- Standard output that goes away, is full or is closed --------------------------------
# quiet_when_cut WHAT ARGS...: `linimasa ARGS | head -1` stops without a word on stderr and with
# the status the inputs earned (0 here); never a death by SIGPIPE or another signal.
quiet_when_cut() {
  local what=$1
  shift
  timeout 60 "$linimasa" "$@" 2> err-pipe.txt | head -1 > first.txt
  local status=${PIPESTATUS[0]}
  expect_status "$what | head -1" "$status" 0
  [ -s err-pipe.txt ] && { fail "$what | head -1 wrote on stderr:"; head -5 err-pipe.txt; }
  [ -s first.txt ] || fail "$what | head -1: no first line"
}
quiet_when_cut "extract" extract many.jsonl
quiet_when_cut "extract -j1" extract -j 1 many.jsonl
quiet_when_cut "extract --format jsonl" extract --format jsonl many.jsonl
quiet_when_cut "extract --format jsonl -j1" extract --format jsonl -j 1 many.jsonl
quiet_when_cut "dates" dates --ref-date 2010-01-01 parts.jsonl many.jsonl
quiet_when_cut "dates --format json" dates --format json --ref-date 2010-01-01 many.jsonl
quiet_when_cut "merge" merge parts.jsonl parts.jsonl

if [ -c /dev/full ]; then
  for cmd in "extract many.jsonl" "dates --ref-date 2010-01-01 many.jsonl" "merge parts.jsonl"; do
    # shellcheck disable=SC2086
    "$linimasa" $cmd > /dev/full 2> err-full.txt
    expect_status "$cmd > /dev/full" $? 2
    expect_in err-full.txt "linimasa: error: cannot write to standard output: No space left on device"
  done
fi
"$linimasa" extract good.txt >&- 2> err-closed.txt
expect_status "extract >&-" $? 2
expect_in err-closed.txt "linimasa: error: cannot write to standard output: Bad file descriptor"

if [ "$failures" -eq 0 ]; then
  echo "bad inputs: all checks passed"
  exit 0
fi
echo "--- stderr of the mixed run:"
cat err.txt
exit 1
