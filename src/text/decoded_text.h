// Decoding of article bytes into UTF-8 text whose offsets still point into the raw bytes.
//
//   DecodeResult r = decode_article(bytes, "samples/a.txt");
//   for (auto& d : r.diagnostics) std::cerr << d.str() << '\n';
//   if (r.text) { std::size_t raw = r.text->raw_offset(utf8_offset); ... }
//
// Valid UTF-8 is kept byte for byte. Anything else is read as Windows-1252 (the encoding
// of many archived Indonesian news pages) with a warning naming the first bad byte. NUL
// bytes in a text file become spaces, so offsets do not move; a file whose first 8 KiB are
// more than 2% control bytes (with a NUL among them) is taken for binary and refused.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostic.h"

namespace linimasa {

enum class Encoding { utf8, windows1252 };

// Article text as UTF-8 plus the map back to the raw bytes it came from.
class DecodedText {
public:
    DecodedText(std::string utf8, Encoding encoding, std::vector<std::uint32_t> raw_offsets);

    // The text, always valid UTF-8.
    const std::string& utf8() const { return utf8_; }
    // The encoding of the raw bytes.
    Encoding encoding() const { return encoding_; }
    // The raw byte offset of a UTF-8 offset (0 <= offset <= utf8().size()).
    std::size_t raw_offset(std::size_t utf8_offset) const;

private:
    std::string utf8_;
    Encoding encoding_;
    std::vector<std::uint32_t> raw_offsets_;  // empty when UTF-8 offsets are raw offsets
};

struct DecodeResult {
    std::optional<DecodedText> text;  // empty when the input was refused
    Diagnostics diagnostics;          // warnings, or the error that refused it
};

// Decodes an article's raw bytes; `name` labels the diagnostics.
DecodeResult decode_article(std::string_view raw, const std::string& name);

// The byte offset of the first byte that does not start a valid UTF-8 sequence (overlong
// forms, surrogates and code points past U+10FFFF are invalid); npos when all of `bytes` is
// valid UTF-8.
std::size_t first_invalid_utf8(std::string_view bytes);

// 1-based line and column (in characters) of a byte offset into UTF-8 text.
struct SourcePosition {
    int line = 1;
    int column = 1;
};
SourcePosition position_of(std::string_view utf8, std::size_t offset);

}  // namespace linimasa
