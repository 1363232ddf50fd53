// Lines of a text, and their extents without surrounding whitespace.
//
//   for (const LineSpan& line : split_lines(text)) {
//       LineSpan core = trim(text, line);         // without spaces, tabs, \r, no-break spaces
//       if (core.empty()) continue;               // a blank line
//       std::string_view words = text.substr(core.begin, core.size());
//   }
//
// Scraped news puts one paragraph per line, so most stages work line by line. Offsets are
// byte offsets into the text they were computed on; a CRLF line ends before its \r once
// trimmed, so Windows line ends need no special case.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace linimasa {

// A byte range [begin, end) of a text.
struct LineSpan {
    std::size_t begin = 0;
    std::size_t end = 0;

    bool empty() const { return begin >= end; }
    std::size_t size() const { return end - begin; }
};

// Every line of `text`, without its '\n'; a text ending in '\n' has no empty last line.
std::vector<LineSpan> split_lines(std::string_view text);

// Byte length of the whitespace character at `i` (space, tab, \r, \f, \v, U+00A0, U+200B,
// U+FEFF), or 0 when there is none.
std::size_t whitespace_at(std::string_view text, std::size_t i);

// Byte length of the whitespace character that ends just before `end`, or 0.
std::size_t whitespace_before(std::string_view text, std::size_t end);

// `span` without the whitespace at either end; an all-blank span comes back empty.
LineSpan trim(std::string_view text, LineSpan span);

// Number of characters (UTF-8 code points) in `text`.
std::size_t char_count(std::string_view text);

}  // namespace linimasa
