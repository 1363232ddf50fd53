// Unit tests for src/text/decoded_text.h: decoding article bytes, the raw-offset map,
// NUL handling and source positions.
#ifndef BOOST_TEST_DYN_LINK
#define BOOST_TEST_DYN_LINK
#endif
#define BOOST_TEST_MODULE decoded_text
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>

#include "text/decoded_text.h"

namespace linimasa {
// Printers for Boost.Test failure messages.
std::ostream& operator<<(std::ostream& os, Encoding e) {
    return os << (e == Encoding::utf8 ? "utf8" : "windows1252");
}
std::ostream& operator<<(std::ostream& os, Severity s) {
    return os << (s == Severity::error ? "error" : "warning");
}
}  // namespace linimasa

using namespace linimasa;

namespace {

// The first diagnostic of a result, which the tests below expect to exist.
const Diagnostic& only_diagnostic(const DecodeResult& r) {
    BOOST_TEST_REQUIRE(r.diagnostics.size() == 1u);
    return r.diagnostics.front();
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(valid_utf8)

BOOST_AUTO_TEST_CASE(kept_byte_for_byte_without_diagnostics) {
    const std::string raw = "Jum\xE2\x80\x99" "at, 15 Agustus 2023 \xE2\x80\x94 \xE2\x80\x9Crapat\xE2\x80\x9D di Kaf\xC3\xA9.";
    DecodeResult r = decode_article(raw, "berita.txt");
    BOOST_TEST_REQUIRE(r.text.has_value());
    BOOST_TEST(r.diagnostics.empty());
    BOOST_TEST(r.text->encoding() == Encoding::utf8);
    BOOST_TEST(r.text->utf8() == raw);
}

BOOST_AUTO_TEST_CASE(offsets_are_identity) {
    const std::string raw = "Selasa, 15 Agustus 2023 \xE2\x80\x9Cpagi\xE2\x80\x9D";
    DecodeResult r = decode_article(raw, "berita.txt");
    BOOST_TEST_REQUIRE(r.text.has_value());
    for (std::size_t k = 0; k <= raw.size(); ++k) BOOST_TEST(r.text->raw_offset(k) == k);
}

BOOST_AUTO_TEST_CASE(four_byte_sequence_is_valid) {
    const std::string raw = "Emoji \xF0\x9F\x93\x85 kalender 1 Mei";
    DecodeResult r = decode_article(raw, "berita.txt");
    BOOST_TEST_REQUIRE(r.text.has_value());
    BOOST_TEST(r.text->encoding() == Encoding::utf8);
    BOOST_TEST(r.diagnostics.empty());
    BOOST_TEST(r.text->utf8() == raw);
}

BOOST_AUTO_TEST_CASE(crlf_is_kept) {
    const std::string raw = "Senin, 4 Maret 2024\r\n\r\nJAKARTA - Rapat dimulai pagi.\r\n";
    DecodeResult r = decode_article(raw, "berita.txt");
    BOOST_TEST_REQUIRE(r.text.has_value());
    BOOST_TEST(r.text->utf8() == raw);
    BOOST_TEST(r.text->utf8().find("\r\n") == 19u);
}

BOOST_AUTO_TEST_CASE(empty_input_is_accepted) {
    DecodeResult r = decode_article("", "kosong.txt");
    BOOST_TEST_REQUIRE(r.text.has_value());
    BOOST_TEST(r.diagnostics.empty());
    BOOST_TEST(r.text->utf8().empty());
    BOOST_TEST(r.text->encoding() == Encoding::utf8);
    BOOST_TEST(r.text->raw_offset(0) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(windows1252)

BOOST_AUTO_TEST_CASE(latin1_byte_becomes_two_byte_utf8) {
    const std::string raw = std::string("Kopi di caf\xE9") + " 15 Agustus";
    DecodeResult r = decode_article(raw, "berita.txt");
    BOOST_TEST_REQUIRE(r.text.has_value());
    BOOST_TEST(r.text->encoding() == Encoding::windows1252);
    BOOST_TEST(r.text->utf8() == "Kopi di caf\xC3\xA9 15 Agustus");
}

BOOST_AUTO_TEST_CASE(warning_names_first_bad_byte) {
    const std::string raw = std::string("Kopi di caf\xE9") + " 15 Agustus";
    DecodeResult r = decode_article(raw, "berita.txt");
    const Diagnostic& d = only_diagnostic(r);
    BOOST_TEST(d.severity == Severity::warning);
    BOOST_TEST(d.file == "berita.txt");
    BOOST_TEST(d.line == 1);
    BOOST_TEST(d.column == 12);
    BOOST_TEST(contains(d.message, "Windows-1252"));
    BOOST_TEST(d.str().rfind("berita.txt:1:12: warning: ", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(raw_offsets_map_back_through_the_wider_character) {
    const std::string raw = std::string("Kopi di caf\xE9") + " 15 Agustus";
    DecodeResult r = decode_article(raw, "berita.txt");
    BOOST_TEST_REQUIRE(r.text.has_value());
    const DecodedText& t = *r.text;
    BOOST_TEST(t.raw_offset(0) == 0u);
    BOOST_TEST(t.raw_offset(10) == 10u);  // 'f'
    BOOST_TEST(t.raw_offset(11) == 11u);  // first byte of é
    BOOST_TEST(t.raw_offset(12) == 11u);  // second byte of é
    BOOST_TEST(t.raw_offset(13) == 12u);  // the space
    std::size_t fifteen = t.utf8().find("15");
    BOOST_TEST_REQUIRE(fifteen == 14u);
    BOOST_TEST(t.raw_offset(fifteen) == raw.find("15"));
    std::size_t agustus_end = t.utf8().size();
    BOOST_TEST(t.raw_offset(agustus_end) == raw.size());
}

BOOST_AUTO_TEST_CASE(smart_quotes_become_three_byte_utf8) {
    const std::string raw = "Ia berkata, \x93" "Kami berangkat Senin.\x94 Lalu diam.";
    DecodeResult r = decode_article(raw, "kutipan.txt");
    BOOST_TEST_REQUIRE(r.text.has_value());
    const DecodedText& t = *r.text;
    BOOST_TEST(t.encoding() == Encoding::windows1252);
    BOOST_TEST(t.utf8() == "Ia berkata, \xE2\x80\x9C" "Kami berangkat Senin.\xE2\x80\x9D Lalu diam.");
    // Each quote takes three UTF-8 bytes for one raw byte.
    std::size_t open = t.utf8().find("\xE2\x80\x9C");
    BOOST_TEST(t.raw_offset(open) == 12u);
    BOOST_TEST(t.raw_offset(open + 2) == 12u);
    BOOST_TEST(t.raw_offset(open + 3) == 13u);
    std::size_t senin = t.utf8().find("Senin");
    BOOST_TEST(t.raw_offset(senin) == raw.find("Senin"));
    std::size_t lalu = t.utf8().find("Lalu");
    BOOST_TEST(t.raw_offset(lalu) == raw.find("Lalu"));
    BOOST_TEST(t.raw_offset(t.utf8().size()) == raw.size());
    const Diagnostic& d = only_diagnostic(r);
    BOOST_TEST(d.line == 1);
    BOOST_TEST(d.column == 13);
}

BOOST_AUTO_TEST_CASE(every_utf8_offset_maps_to_a_non_decreasing_raw_offset) {
    const std::string raw = "\x93" "Dua\x94 \x96 tiga \x80 empat caf\xE9 \x85";
    DecodeResult r = decode_article(raw, "berita.txt");
    BOOST_TEST_REQUIRE(r.text.has_value());
    const DecodedText& t = *r.text;
    std::size_t previous = 0;
    for (std::size_t k = 0; k <= t.utf8().size(); ++k) {
        std::size_t raw_k = t.raw_offset(k);
        BOOST_TEST(raw_k >= previous);
        BOOST_TEST(raw_k <= raw.size());
        previous = raw_k;
    }
    BOOST_TEST(t.raw_offset(t.utf8().size()) == raw.size());
    // € (0x80) is U+20AC, … (0x85) is U+2026, – (0x96) is U+2013
    BOOST_TEST(contains(t.utf8(), "\xE2\x82\xAC"));
    BOOST_TEST(contains(t.utf8(), "\xE2\x80\xA6"));
    BOOST_TEST(contains(t.utf8(), "\xE2\x80\x93"));
}

BOOST_AUTO_TEST_CASE(undefined_code_point_becomes_replacement_character) {
    const std::string raw = "Angka \x81 aneh";
    DecodeResult r = decode_article(raw, "berita.txt");
    BOOST_TEST_REQUIRE(r.text.has_value());
    BOOST_TEST(r.text->utf8() == "Angka \xEF\xBF\xBD aneh");
}

BOOST_AUTO_TEST_CASE(warning_position_on_a_later_line_counts_characters) {
    // the first line is valid UTF-8 with a two-byte character; the bad byte is on line 2
    const std::string raw = "Baris pertama\nKaf\xC3\xA9 \x96 tutup";
    DecodeResult r = decode_article(raw, "berita.txt");
    const Diagnostic& d = only_diagnostic(r);
    BOOST_TEST(d.line == 2);
    BOOST_TEST(d.column == 6);  // K a f é space, then the bad byte
    BOOST_TEST_REQUIRE(r.text.has_value());
    // once the file is read as Windows-1252, the valid UTF-8 bytes become mojibake
    BOOST_TEST(contains(r.text->utf8(), "Kaf\xC3\x83\xC2\xA9 \xE2\x80\x93 tutup"));
}

BOOST_AUTO_TEST_CASE(crlf_is_kept_in_windows1252_text) {
    const std::string raw = "Judul caf\xE9\r\nIsi berita\r\n";
    DecodeResult r = decode_article(raw, "berita.txt");
    BOOST_TEST_REQUIRE(r.text.has_value());
    BOOST_TEST(r.text->utf8() == "Judul caf\xC3\xA9\r\nIsi berita\r\n");
    std::size_t isi = r.text->utf8().find("Isi");
    BOOST_TEST(r.text->raw_offset(isi) == raw.find("Isi"));
}

BOOST_AUTO_TEST_CASE(malformed_utf8_sequences_fall_back) {
    const std::string cases[] = {
        "overlong \xC0\xAF slash",         // overlong encoding
        "surrogate \xED\xA0\x80 half",     // UTF-16 surrogate
        "too big \xF4\x90\x80\x80 here",   // beyond U+10FFFF
        "lone continuation \x80 byte",     // continuation without a lead
        "truncated at the end \xE2\x80",   // sequence cut short
        "bad second byte \xE2\x41\x80 x",  // lead followed by ASCII
    };
    for (const auto& raw : cases) {
        BOOST_TEST_CONTEXT("input: " << raw) {
        DecodeResult r = decode_article(raw, "rusak.txt");
        BOOST_TEST_REQUIRE(r.text.has_value());
        BOOST_TEST(r.text->encoding() == Encoding::windows1252);
        BOOST_TEST_REQUIRE(r.diagnostics.size() == 1u);
        BOOST_TEST(r.diagnostics[0].severity == Severity::warning);
        BOOST_TEST(r.text->raw_offset(r.text->utf8().size()) == raw.size());
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(nul_bytes)

BOOST_AUTO_TEST_CASE(nul_near_the_start_refuses_the_file) {
    const std::string raw = std::string("PK\x03\x04", 4) + std::string(1, '\0') + "sisa";
    DecodeResult r = decode_article(raw, "arsip.zip");
    BOOST_TEST(!r.text.has_value());
    const Diagnostic& d = only_diagnostic(r);
    BOOST_TEST(d.severity == Severity::error);
    BOOST_TEST(d.file == "arsip.zip");
    BOOST_TEST(d.line == 1);
    BOOST_TEST(d.column == 5);
    BOOST_TEST(has_errors(r.diagnostics));
}

BOOST_AUTO_TEST_CASE(control_dense_start_is_refused_at_the_first_nul) {
    std::string raw = "Judul\nBaris kedua\nab";
    raw += std::string("\0\x01\x02\0\x03\0\x04\0", 8);
    raw += "cd";
    DecodeResult r = decode_article(raw, "biner.dat");
    BOOST_TEST(!r.text.has_value());
    const Diagnostic& d = only_diagnostic(r);
    BOOST_TEST(d.severity == Severity::error);
    BOOST_TEST(d.line == 3);
    BOOST_TEST(d.column == 3);
}

BOOST_AUTO_TEST_CASE(a_stray_nul_in_the_first_8_kib_is_survived) {
    // Scrapers leave the odd NUL in real pages: a few in 8 KiB are text, not a binary file.
    std::string raw = "Kamis, 14 September 2023\nKim tiba";
    raw += '\0';
    raw += std::string(300, 'a');
    DecodeResult r = decode_article(raw, "a.txt");
    BOOST_TEST_REQUIRE(r.text.has_value());
    BOOST_TEST(r.text->utf8().size() == raw.size());
    BOOST_TEST(r.text->utf8()[33] == ' ');
    BOOST_TEST(only_diagnostic(r).severity == Severity::warning);

    // Past 2% control bytes, the start of the file is not prose.
    std::string dense(100, 'a');
    dense += std::string(3, '\0');
    BOOST_TEST(!decode_article(dense, "a.txt").text.has_value());
}

BOOST_AUTO_TEST_CASE(later_nul_becomes_space_with_warning) {
    // 100 lines of 99 letters: the NUL sits on line 101, column 3, past the 8 KiB probe
    std::string raw;
    for (int i = 0; i < 100; ++i) raw += std::string(99, 'x') + "\n";
    raw += "ab";
    raw += '\0';
    raw += "cd 17 Agustus";
    DecodeResult r = decode_article(raw, "berita.txt");
    BOOST_TEST_REQUIRE(r.text.has_value());
    const DecodedText& t = *r.text;
    BOOST_TEST(t.encoding() == Encoding::utf8);
    BOOST_TEST(t.utf8().size() == raw.size());
    BOOST_TEST(t.utf8().find('\0') == std::string::npos);
    BOOST_TEST(t.utf8().substr(10000) == "ab cd 17 Agustus");
    BOOST_TEST(t.raw_offset(10003) == 10003u);
    const Diagnostic& d = only_diagnostic(r);
    BOOST_TEST(d.severity == Severity::warning);
    BOOST_TEST(d.line == 101);
    BOOST_TEST(d.column == 3);
    BOOST_TEST(!has_errors(r.diagnostics));
}

BOOST_AUTO_TEST_CASE(later_nul_in_windows1252_text_becomes_space) {
    std::string raw = "caf\xE9 ";
    raw += std::string(9000, 'y');
    raw += '\0';
    raw += "z";
    DecodeResult r = decode_article(raw, "berita.txt");
    BOOST_TEST_REQUIRE(r.text.has_value());
    const DecodedText& t = *r.text;
    BOOST_TEST(t.encoding() == Encoding::windows1252);
    BOOST_TEST(t.utf8().find('\0') == std::string::npos);
    BOOST_TEST(t.utf8().substr(t.utf8().size() - 2) == " z");
    BOOST_TEST(t.raw_offset(t.utf8().size() - 1) == raw.size() - 1);
    BOOST_TEST(!r.diagnostics.empty());
    BOOST_TEST(!has_errors(r.diagnostics));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(source_positions)

BOOST_AUTO_TEST_CASE(start_of_text) {
    SourcePosition p = position_of("", 0);
    BOOST_TEST(p.line == 1);
    BOOST_TEST(p.column == 1);
    p = position_of("Rabu", 0);
    BOOST_TEST(p.line == 1);
    BOOST_TEST(p.column == 1);
}

BOOST_AUTO_TEST_CASE(lines_and_columns) {
    const std::string text = "Judul\nSelasa pagi\n\nakhir";
    SourcePosition p = position_of(text, text.find("pagi"));
    BOOST_TEST(p.line == 2);
    BOOST_TEST(p.column == 8);
    p = position_of(text, text.find("akhir"));
    BOOST_TEST(p.line == 4);
    BOOST_TEST(p.column == 1);
    p = position_of(text, text.find('\n'));  // the newline itself is still on line 1
    BOOST_TEST(p.line == 1);
    BOOST_TEST(p.column == 6);
}

BOOST_AUTO_TEST_CASE(columns_count_characters_not_bytes) {
    const std::string text = "\xE2\x80\x9C" "Kaf\xC3\xA9\xE2\x80\x9D sore";
    SourcePosition p = position_of(text, text.find("sore"));
    BOOST_TEST(p.line == 1);
    BOOST_TEST(p.column == 8);  // “ K a f é ” space
}

BOOST_AUTO_TEST_CASE(crlf_counts_one_line) {
    const std::string text = "satu\r\ndua";
    SourcePosition p = position_of(text, text.find("dua"));
    BOOST_TEST(p.line == 2);
    BOOST_TEST(p.column == 1);
}

BOOST_AUTO_TEST_CASE(offset_past_the_end_stops_at_the_end) {
    SourcePosition p = position_of("ab\nc", 100);
    BOOST_TEST(p.line == 2);
    BOOST_TEST(p.column == 2);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(first_invalid_utf8_finds_the_first_bad_byte) {
    BOOST_TEST(first_invalid_utf8("") == std::string_view::npos);
    BOOST_TEST(first_invalid_utf8("Jum’at 😀") == std::string_view::npos);
    BOOST_TEST(first_invalid_utf8("ab\xff") == 2u);
    BOOST_TEST(first_invalid_utf8("a\xc0\xaf" "b") == 1u);          // overlong '/'
    BOOST_TEST(first_invalid_utf8("a\xed\xa0\x80") == 1u);      // a surrogate
    BOOST_TEST(first_invalid_utf8("ok \xe2\x80") == 3u);        // cut short at the end
    BOOST_TEST(first_invalid_utf8("\xf4\x90\x80\x80") == 0u);  // past U+10FFFF
}
