// Unit tests for src/text/sentences.h: the shipped segmentation rules and their examples,
// the traps of Indonesian news text, offsets, paragraphs and masked furniture.
#ifndef BOOST_TEST_DYN_LINK
#define BOOST_TEST_DYN_LINK
#endif
#define BOOST_TEST_MODULE sentences
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "text/sentences.h"

using namespace linimasa;

namespace {

std::string all_messages(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags) out += d.str() + "\n";
    return out;
}

const SentenceSplitter& shipped() {
    static SentenceSplitterLoad load = SentenceSplitter::load(LINIMASA_SOURCE_RULES);
    BOOST_TEST_REQUIRE(static_cast<bool>(load.splitter), all_messages(load.diagnostics));
    return *load.splitter;
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    for (const Sentence& s : shipped().split(text)) out.push_back(text.substr(s.begin, s.end - s.begin));
    return out;
}

using Strings = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(shipped_rules)

BOOST_AUTO_TEST_CASE(load_clean_and_examples_hold) {
    SentenceSplitterLoad load = SentenceSplitter::load(LINIMASA_SOURCE_RULES);
    BOOST_TEST(load.diagnostics.empty(), all_messages(load.diagnostics));
    BOOST_TEST_REQUIRE(static_cast<bool>(load.splitter));
    Diagnostics problems = load.splitter->check_examples();
    BOOST_TEST(problems.empty(), all_messages(problems));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(traps)

BOOST_AUTO_TEST_CASE(plain_sentences) {
    BOOST_TEST(split("Kim tiba di Vladivostok. Putin menyambutnya.") ==
               (Strings{"Kim tiba di Vladivostok.", "Putin menyambutnya."}));
}

BOOST_AUTO_TEST_CASE(middle_initial) {
    BOOST_TEST(split("Presiden Vladimir V. Putin tiba pada Rabu.") == (Strings{"Presiden Vladimir V. Putin tiba pada Rabu."}));
}

BOOST_AUTO_TEST_CASE(hyphenated_name_at_the_end) {
    BOOST_TEST(split("Surat itu untuk Kim Jong-un. Isinya belum diumumkan.") ==
               (Strings{"Surat itu untuk Kim Jong-un.", "Isinya belum diumumkan."}));
}

BOOST_AUTO_TEST_CASE(numbers_and_times) {
    BOOST_TEST(split("Pesawat lepas landas pukul 05.35 WIB dengan 3.500 liter bahan bakar dan naik 1,5 persen.") ==
               (Strings{"Pesawat lepas landas pukul 05.35 WIB dengan 3.500 liter bahan bakar dan naik 1,5 persen."}));
}

BOOST_AUTO_TEST_CASE(titles_and_street_abbreviations) {
    BOOST_TEST(split("Jend. Andika dan Letjen. Budi hadir di Jl. Veteran No. 3 bersama Dr. Sari.") ==
               (Strings{"Jend. Andika dan Letjen. Budi hadir di Jl. Veteran No. 3 bersama Dr. Sari."}));
}

BOOST_AUTO_TEST_CASE(dll_mid_sentence_and_at_the_end) {
    BOOST_TEST(split("Mereka membawa beras, gula, dll. ke posko.") == (Strings{"Mereka membawa beras, gula, dll. ke posko."}));
    BOOST_TEST(split("Mereka membawa beras, gula, dll. Relawan lalu pulang.") ==
               (Strings{"Mereka membawa beras, gula, dll.", "Relawan lalu pulang."}));
}

BOOST_AUTO_TEST_CASE(closing_quote_belongs_to_the_sentence) {
    BOOST_TEST(split("“Kami akan datang,” kata Putin. “Tunggu kami.” Ia lalu pergi.") ==
               (Strings{"“Kami akan datang,” kata Putin.", "“Tunggu kami.”", "Ia lalu pergi."}));
    BOOST_TEST(split("\"Hubungan ini penting.\" Kremlin setuju.") ==
               (Strings{"\"Hubungan ini penting.\"", "Kremlin setuju."}));
}

BOOST_AUTO_TEST_CASE(quote_ending_with_a_comma_goes_on) {
    BOOST_TEST(split("“Saya yakin persahabatan ini bertahan,” ujar Kim dalam suratnya.") ==
               (Strings{"“Saya yakin persahabatan ini bertahan,” ujar Kim dalam suratnya."}));
}

BOOST_AUTO_TEST_CASE(questions_exclamations_ellipses) {
    BOOST_TEST(split("Kapan Putin datang? Belum pasti! Kremlin diam… Seoul cemas...") ==
               (Strings{"Kapan Putin datang?", "Belum pasti!", "Kremlin diam…", "Seoul cemas..."}));
    BOOST_TEST(split("Ia berkata solidaritas... akan tumbuh.") == (Strings{"Ia berkata solidaritas... akan tumbuh."}));
}

BOOST_AUTO_TEST_CASE(lowercase_after_a_full_stop_goes_on) {
    BOOST_TEST(split("Harga naik 5 persen. tetapi belum merata.") == (Strings{"Harga naik 5 persen. tetapi belum merata."}));
}

BOOST_AUTO_TEST_CASE(digit_after_a_full_stop_ends_the_sentence) {
    BOOST_TEST(split("Korban bertambah. 12 orang masih dicari.") ==
               (Strings{"Korban bertambah.", "12 orang masih dicari."}));
}

BOOST_AUTO_TEST_CASE(list_numbers_and_dotted_initials) {
    BOOST_TEST(split("2. Harga Beras Turun") == (Strings{"2. Harga Beras Turun"}));
    BOOST_TEST(split("Utusan U.S. Navy tiba. Mereka menginap.") == (Strings{"Utusan U.S. Navy tiba.", "Mereka menginap."}));
}

BOOST_AUTO_TEST_CASE(dateline_lead) {
    BOOST_TEST(split("TEMPO.CO, Jakarta - Kim tiba pada Selasa, 15 Agustus 2023. Ia disambut.") ==
               (Strings{"TEMPO.CO, Jakarta - Kim tiba pada Selasa, 15 Agustus 2023.", "Ia disambut."}));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(offsets_and_paragraphs)

BOOST_AUTO_TEST_CASE(never_crosses_a_line_and_counts_paragraphs) {
    const std::string text = "Judul Tanpa Titik\n\n  Kalimat satu. Kalimat dua.  \nKalimat tiga\n";
    std::vector<Sentence> s = shipped().split(text);
    BOOST_TEST_REQUIRE(s.size() == 4u);
    BOOST_TEST(text.substr(s[0].begin, s[0].end - s[0].begin) == "Judul Tanpa Titik");
    BOOST_TEST(s[0].paragraph == 0);
    BOOST_TEST(text.substr(s[1].begin, s[1].end - s[1].begin) == "Kalimat satu.");
    BOOST_TEST(s[1].paragraph == 1);
    BOOST_TEST(text.substr(s[2].begin, s[2].end - s[2].begin) == "Kalimat dua.");
    BOOST_TEST(s[2].paragraph == 1);
    BOOST_TEST(s[3].paragraph == 2);
    BOOST_TEST(s[1].begin == text.find("Kalimat satu."));
}

BOOST_AUTO_TEST_CASE(crlf_and_no_break_spaces_are_trimmed) {
    const std::string text = "Satu.\xC2\xA0" "Dua.\r\nTiga.\r\n";
    BOOST_TEST(split(text) == (Strings{"Satu.", "Dua.", "Tiga."}));
}

BOOST_AUTO_TEST_CASE(masked_furniture_produces_nothing) {
    const std::string text = "Isi berita pertama.\n     \n          \nIsi berita kedua.\n";
    std::vector<Sentence> s = shipped().split(text);
    BOOST_TEST_REQUIRE(s.size() == 2u);
    BOOST_TEST(s[1].begin == text.find("Isi berita kedua."));
    BOOST_TEST(s[1].paragraph == 1);
}

BOOST_AUTO_TEST_CASE(empty_and_blank_text) {
    BOOST_TEST(shipped().split("").empty());
    BOOST_TEST(shipped().split("  \n\t\n").empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(broken_rules)

BOOST_AUTO_TEST_CASE(abbreviation_without_dot_and_unknown_key) {
    SentenceSplitterLoad load =
        SentenceSplitter::parse("abbreviations: [Dr., Prof]\nabbreviation_final: [dll.]\n", "seg.yaml");
    BOOST_TEST(!load.splitter);
    BOOST_TEST_REQUIRE(load.diagnostics.size() == 2u, all_messages(load.diagnostics));
    BOOST_TEST(load.diagnostics[0].str() ==
               "seg.yaml:2:1: error: unknown key 'abbreviation_final' (did you mean 'abbreviations'?)");
    BOOST_TEST(load.diagnostics[1].str() == "seg.yaml:1:22: error: an abbreviation is written with its final dot, e.g. 'Dr.'");
}

BOOST_AUTO_TEST_CASE(wrong_example_is_reported) {
    SentenceSplitterLoad load = SentenceSplitter::parse(
        "abbreviations: [Dr.]\nexamples:\n  - text: 'A b. C d.'\n    sentences: ['A b. C d.']\n", "seg.yaml");
    BOOST_TEST_REQUIRE(static_cast<bool>(load.splitter), all_messages(load.diagnostics));
    Diagnostics problems = load.splitter->check_examples();
    BOOST_TEST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems[0].str() == "seg.yaml:3:11: error: splits into [A b.] [C d.]");
}

BOOST_AUTO_TEST_SUITE_END()
