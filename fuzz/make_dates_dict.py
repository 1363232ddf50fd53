#!/usr/bin/env python3
"""Writes fuzz/dates.dict, the libFuzzer dictionary of fuzz_dates: every word of
rules/lexicon/id.yaml (all sections but the grammar) and a few written shapes the grammar
reads, so that mutations splice in real vocabulary instead of guessing it byte by byte.
Run after editing the lexicon: python3 fuzz/make_dates_dict.py (needs PyYAML)."""
import pathlib
import yaml

root = pathlib.Path(__file__).resolve().parent.parent
lexicon = yaml.safe_load((root / "rules" / "lexicon" / "id.yaml").read_text(encoding="utf-8"))

words = set()


def walk(value):
    if isinstance(value, dict):
        for key, inner in value.items():
            if isinstance(key, str):
                words.add(key)
            walk(inner)
    elif isinstance(value, list):
        for inner in value:
            walk(inner)
    elif isinstance(value, str):
        words.add(value)


for section, value in lexicon.items():
    if section != "grammar":
        walk(value)
words |= {"15/8/2023", "(14/9)", "14.30", "13:26", "WIB", "WITA", "WIT", "2024", " - ", "--", ", ", "\n",
          "pukul", "Selasa (15/8/2023)", "18-19 Juni 2024", "2023-08-15", "abad ke-21", "tahun 1990-an"}


def quoted(word):
    # libFuzzer's dictionary syntax knows only \\, \" and \xHH escapes.
    out = []
    for byte in word.encode("utf-8"):
        if byte in (0x22, 0x5C):
            out.append("\\" + chr(byte))
        elif 0x20 <= byte < 0x7F:
            out.append(chr(byte))
        else:
            out.append(f"\\x{byte:02X}")
    return '"' + "".join(out) + '"'


lines = ["# libFuzzer dictionary of fuzz_dates, written by fuzz/make_dates_dict.py from rules/lexicon/id.yaml."]
lines += [quoted(w) for w in sorted(words) if w and len(w.encode("utf-8")) <= 40]
(root / "fuzz" / "dates.dict").write_text("\n".join(lines) + "\n", encoding="ascii")
print(f"fuzz/dates.dict: {len(lines) - 1} entries")
