#include "text/lines.h"

namespace linimasa {

std::vector<LineSpan> split_lines(std::string_view text) {
    std::vector<LineSpan> lines;
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t newline = text.find('\n', begin);
        std::size_t end = newline == std::string_view::npos ? text.size() : newline;
        lines.push_back({begin, end});
        begin = end + 1;
    }
    return lines;
}

std::size_t whitespace_at(std::string_view text, std::size_t i) {
    if (i >= text.size()) return 0;
    switch (text[i]) {
        case ' ': case '\t': case '\r': case '\f': case '\v': return 1;
        default: break;
    }
    std::string_view rest = text.substr(i);
    if (rest.starts_with("\xC2\xA0")) return 2;                                  // no-break space
    if (rest.starts_with("\xE2\x80\x8B") || rest.starts_with("\xEF\xBB\xBF")) return 3;  // zero-width, BOM
    return 0;
}

std::size_t whitespace_before(std::string_view text, std::size_t end) {
    if (end == 0 || end > text.size()) return 0;
    for (std::size_t n : {std::size_t{1}, std::size_t{2}, std::size_t{3}})
        if (end >= n && whitespace_at(text, end - n) == n) return n;
    return 0;
}

LineSpan trim(std::string_view text, LineSpan span) {
    while (span.begin < span.end) {
        std::size_t n = whitespace_at(text, span.begin);
        if (n == 0 || span.begin + n > span.end) break;
        span.begin += n;
    }
    while (span.end > span.begin) {
        std::size_t n = whitespace_before(text, span.end);
        if (n == 0 || span.end - n < span.begin) break;
        span.end -= n;
    }
    return span;
}

std::size_t char_count(std::string_view text) {
    std::size_t n = 0;
    for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

}  // namespace linimasa
