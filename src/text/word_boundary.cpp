#include "text/word_boundary.h"

#include <algorithm>

namespace linimasa {

namespace {

bool is_ascii_word(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

bool is_word_char_before(std::string_view text, std::size_t end) {
    std::size_t b = end - 1;
    while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80 && end - b < 4) --b;
    unsigned char c = static_cast<unsigned char>(text[b]);
    if (c < 0x80) return is_ascii_word(c);
    char32_t cp = c >= 0xF0 ? c & 0x07 : c >= 0xE0 ? c & 0x0F : c & 0x1F;
    for (std::size_t k = b + 1; k < end; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[k]) & 0x3F);
    return !(cp < 0xC0 || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F));
}

bool is_word_char_at(std::string_view text, std::size_t begin) {
    unsigned char c = static_cast<unsigned char>(text[begin]);
    if (c < 0x80) return is_ascii_word(c);
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    return is_word_char_before(text, std::min(text.size(), begin + n));
}

bool is_whole_word(std::string_view text, std::size_t begin, std::size_t end) {
    if (begin > 0 && is_word_char_before(text, begin) && begin < text.size() && is_word_char_at(text, begin))
        return false;
    if (end < text.size() && end > 0 && is_word_char_at(text, end) && is_word_char_before(text, end)) return false;
    return true;
}

}  // namespace linimasa
