#!/bin/bash
# A page on which no rule fires is read only for its dateline (triggers are looked for first):
# it must still give the same warnings as a page with events, and no rows. Checked on pages
# with and without a dateline, with a dateline past furniture, with --ref-date and with a JSON
# Lines record's `published`, and mixed with a page that has an event.
# usage: pages_without_events.sh LINIMASA
set -u
linimasa=$(realpath "$1")
source "$(dirname "$0")/check_lib.sh"
cd "$work" || exit 2
mkdir pages

# Written for this test: a market report and a weather note, no meeting, visit or treaty.
printf 'Harga Cabai Rawit Melonjak di Pasar Induk\nSelasa, 18 Juni 2024 11:00 WIB\n\nHarga cabai rawit di pasar induk naik tajam sejak kemarin. Pedagang memperkirakan harga turun pekan depan.\n' > pages/dated.txt
printf 'Hujan Deras Diperkirakan Turun Sore Ini\n\nHujan deras diperkirakan turun di sebagian besar wilayah kota sore ini. Warga diminta waspada terhadap genangan.\n' > pages/undated.txt
printf 'Presiden Rusia Tiba di Pyongyang\nRabu, 19 Juni 2024 08:15 WIB\n\nPresiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu dini hari untuk kunjungan kenegaraan.\n' > pages/event.txt

out=$("$linimasa" extract -q pages -o timeline.csv 2>&1)
status=$?
[ "$status" -eq 0 ] || fail "a folder of pages with and without events: exit $status, expected 0"
grep -q 'undated.txt.*no publication date' <<< "$out" || fail "the page without dateline or events gave no warning: $out"
grep -q 'dated.txt.*no publication date' <<< "$(grep -v undated <<< "$out")" && fail "the dated page without events was warned about: $out"
rows=$(tail -n +2 timeline.csv)
grep -q 'visit.*2024-06-19\|2024-06-19.*visit' <<< "$rows" || fail "the visit's row is missing: $rows"
grep -v -q 'pages/event.txt' <<< "$rows" && fail "a row from a page without events: $rows"

# --ref-date stands in for the dateline
out=$("$linimasa" extract -q --ref-date 2024-06-20 pages/undated.txt -o ref.csv 2>&1)
grep -q 'no publication date' <<< "$out" && fail "--ref-date given, still warned: $out"

# a JSON Lines record's `published` stands in for it too; a record without either is warned about
printf '{"id": "a", "text": "Hujan deras turun sore ini.", "published": "2024-06-20"}\n{"id": "b", "text": "Hujan deras turun sore ini."}\n' > pages.jsonl
out=$("$linimasa" extract -q pages.jsonl -o records.csv 2>&1)
[ "$(grep -c 'no publication date' <<< "$out")" -eq 1 ] || fail "expected one warning (record b): $out"
grep -q 'pages.jsonl:2' <<< "$out" || fail "the warning does not name record b's line: $out"

finish "pages without events"
