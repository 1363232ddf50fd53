// Word boundaries in UTF-8 news text, decided in C++ rather than inside patterns: a
// `[^\p{L}\p{N}]` class in every pattern makes RE2 compile a Unicode-sized automaton per
// pattern, which costs start-up time for hundreds of analyst patterns.
//
//   if (!is_word_char_before(text, begin) && !is_word_char_at(text, end)) ...  // a whole word
//
// Letters and digits of any script are word characters; typographic punctuation (“ ” ’ – —,
// U+2000..U+2BFF, U+3000..U+303F) and Latin-1 symbols (U+00A0..U+00BF) are not.
#pragma once

#include <string_view>

namespace linimasa {

// True if the code point that ends at byte `end` (0 < end <= size) is a letter or digit.
bool is_word_char_before(std::string_view text, std::size_t end);
// True if the code point that starts at byte `begin` (begin < size) is a letter or digit.
bool is_word_char_at(std::string_view text, std::size_t begin);
// True if [begin, end) neither starts nor ends inside a word.
bool is_whole_word(std::string_view text, std::size_t begin, std::size_t end);

}  // namespace linimasa
