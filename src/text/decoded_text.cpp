#include "text/decoded_text.h"

#include <simdjson.h>

#include <array>

namespace linimasa {

DecodedText::DecodedText(std::string utf8, Encoding encoding, std::vector<std::uint32_t> raw_offsets)
    : utf8_(std::move(utf8)), encoding_(encoding), raw_offsets_(std::move(raw_offsets)) {}

std::size_t DecodedText::raw_offset(std::size_t utf8_offset) const {
    if (raw_offsets_.empty()) return utf8_offset;
    return raw_offsets_.at(utf8_offset);
}

namespace {

// Length of the valid UTF-8 sequence at `i`, or 0 if the bytes there are not valid UTF-8.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    if (c < 0x80) return 1;
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c == 0xE0) { n = 3; lo = 0xA0; }
    else if (c == 0xED) { n = 3; hi = 0x9F; }
    else if (c >= 0xE1 && c <= 0xEF) n = 3;
    else if (c == 0xF0) { n = 4; lo = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) n = 4;
    else if (c == 0xF4) { n = 4; hi = 0x8F; }
    else return 0;
    if (i + n > s.size()) return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    return n;
}

// Windows-1252 bytes 0x80..0x9F as Unicode code points (0 where the code page has a hole).
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
    0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace

std::size_t first_invalid_utf8(std::string_view bytes) {
    // Nearly every input is valid: simdjson's SIMD validator (the same strict UTF-8: no
    // overlongs, surrogates or code points past U+10FFFF) says so at many bytes per cycle,
    // and only a text it rejects is walked byte by byte to find where.
    if (simdjson::validate_utf8(bytes.data(), bytes.size())) return std::string_view::npos;
    for (std::size_t i = 0; i < bytes.size();) {
        std::size_t n = utf8_sequence_length(bytes, i);
        if (n == 0) return i;
        i += n;
    }
    return std::string_view::npos;
}

SourcePosition position_of(std::string_view utf8, std::size_t offset) {
    SourcePosition pos;
    for (std::size_t i = 0; i < offset && i < utf8.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(utf8[i]);
        if (c == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++pos.column;
        }
    }
    return pos;
}

namespace {

// A scraped page may carry a stray NUL byte or two, which is survived; a file whose start is
// dense with control bytes (archives, images, executables) is not text at all.
bool looks_binary(std::string_view raw) {
    constexpr std::size_t kBinaryProbe = 8192;
    std::string_view probe = raw.substr(0, kBinaryProbe);
    std::size_t control = 0;
    for (char ch : probe) {
        auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++control;
    }
    return control * 50 > probe.size();  // more than 2% control bytes
}

}  // namespace

DecodeResult decode_article(std::string_view raw, const std::string& name) {
    DecodeResult result;
    std::size_t first_nul = raw.find('\0');
    if (first_nul != std::string_view::npos && looks_binary(raw)) {
        auto pos = position_of(raw, first_nul);
        result.diagnostics.push_back(
            {name, pos.line, pos.column, "binary file (NUL byte), skipped", Severity::error});
        return result;
    }

    const std::size_t bad = first_invalid_utf8(raw);

    if (bad == std::string_view::npos) {
        std::string text(raw);
        if (first_nul != std::string_view::npos) {
            auto pos = position_of(raw, first_nul);
            result.diagnostics.push_back({name, pos.line, pos.column,
                                          "NUL bytes in text, read as spaces", Severity::warning});
            for (char& c : text)
                if (c == '\0') c = ' ';
        }
        result.text.emplace(std::move(text), Encoding::utf8, std::vector<std::uint32_t>{});
        return result;
    }

    auto pos = position_of(raw.substr(0, bad), bad);
    result.diagnostics.push_back({name, pos.line, pos.column,
                                  "not valid UTF-8, read as Windows-1252", Severity::warning});
    std::string text;
    std::vector<std::uint32_t> offsets;
    text.reserve(raw.size() + raw.size() / 8);
    offsets.reserve(raw.size() + raw.size() / 8 + 1);
    for (std::size_t i = 0; i < raw.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(raw[i]);
        char32_t cp = c;
        if (c == 0) cp = ' ';
        else if (c >= 0x80 && c <= 0x9F) cp = kCp1252High[c - 0x80] ? kCp1252High[c - 0x80] : 0xFFFD;
        std::size_t before = text.size();
        append_utf8(text, cp);
        offsets.insert(offsets.end(), text.size() - before, static_cast<std::uint32_t>(i));
    }
    offsets.push_back(static_cast<std::uint32_t>(raw.size()));
    result.text.emplace(std::move(text), Encoding::windows1252, std::move(offsets));
    return result;
}

}  // namespace linimasa
