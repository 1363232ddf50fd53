// Character-class bodies for RE2 patterns that need "a letter" of Indonesian text.
//
//   RE2 re("[" LM_LATIN_CAPITALS "][" LM_LATIN_LETTERS "]*");   // a capitalised word
//
// Indonesian news is written in Latin script: ASCII letters plus the accented ones of names
// and loanwords (é, ü, ñ, ł, ş). RE2 compiles \p{L} into hundreds of UTF-8 byte ranges, which
// costs about a millisecond per occurrence when a pattern is compiled, and a pattern that
// repeats one ({0,4}) pays that for every copy. These classes compile in microseconds.
//
// LM_LATIN_LETTERS: ASCII letters, Latin-1 letters (À-ÿ without × and ÷), Latin Extended-A and B.
// LM_LATIN_CAPITALS: ASCII and Latin-1 capitals; Latin Extended-A and B, whose capitals and
//   small letters alternate code point by code point, are taken whole (a small letter there
//   starting a word is vanishingly rare).
// LM_LATIN_SMALL: ASCII and Latin-1 small letters, and Latin Extended-A and B as above.
// They are string-literal macros so that patterns can be built by concatenation at compile time.
#pragma once

#define LM_LATIN_LETTERS "A-Za-z\\x{C0}-\\x{D6}\\x{D8}-\\x{F6}\\x{F8}-\\x{24F}"
#define LM_LATIN_CAPITALS "A-Z\\x{C0}-\\x{D6}\\x{D8}-\\x{DE}\\x{100}-\\x{24F}"
#define LM_LATIN_SMALL "a-z\\x{DF}-\\x{F6}\\x{F8}-\\x{FF}\\x{100}-\\x{24F}"
