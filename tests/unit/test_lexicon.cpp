// Unit tests for src/lexicon/lexicon.h: loading the shipped lexicon, the diagnostics of a
// broken one, and normalize_phrase.
#ifndef BOOST_TEST_DYN_LINK
#define BOOST_TEST_DYN_LINK
#endif
#define BOOST_TEST_MODULE lexicon
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>

#include "lexicon/lexicon.h"

namespace linimasa {
std::ostream& operator<<(std::ostream& os, Severity s) { return os << (s == Severity::error ? "error" : "warning"); }
}  // namespace linimasa

#include "shipped_lexicon.h"

using namespace linimasa;

namespace {

using testing::kShipped;
using testing::shipped_text;

// The shipped YAML with the first `from` replaced by `to`; `at` receives the offset of the edit.
std::string edited(const std::string& from, const std::string& to, std::size_t* at = nullptr) {
    std::string text = shipped_text();
    std::size_t p = text.find(from);
    BOOST_TEST_REQUIRE(p != std::string::npos, "the shipped lexicon no longer contains: " << from);
    text.replace(p, from.size(), to);
    if (at) *at = p;
    return text;
}

// 1-based line of a byte offset.
int line_at(const std::string& text, std::size_t offset) {
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

// 1-based column (ASCII text) of a byte offset.
int column_at(const std::string& text, std::size_t offset) {
    std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    return static_cast<int>(offset - line_start) + 1;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// The first diagnostic whose message contains `needle`, or nullptr.
const Diagnostic* find_diag(const Diagnostics& diags, const std::string& needle) {
    for (const auto& d : diags)
        if (contains(d.message, needle)) return &d;
    return nullptr;
}

std::string all_messages(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags) out += d.str() + "\n";
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(shipped_lexicon)

BOOST_AUTO_TEST_CASE(loads_clean) {
    LexiconLoad load = load_lexicon(kShipped);
    BOOST_TEST(load.diagnostics.empty(), all_messages(load.diagnostics));
    BOOST_TEST_REQUIRE(load.lexicon.has_value());
    BOOST_TEST(load.lexicon->path == kShipped);
}

BOOST_AUTO_TEST_CASE(parse_of_the_same_text_is_clean) {
    LexiconLoad load = parse_lexicon(shipped_text(), "test.yaml");
    BOOST_TEST(load.diagnostics.empty(), all_messages(load.diagnostics));
    BOOST_TEST_REQUIRE(load.lexicon.has_value());
    BOOST_TEST(load.lexicon->path == "test.yaml");
}

BOOST_AUTO_TEST_CASE(calendar_words) {
    LexiconLoad load = load_lexicon(kShipped);
    BOOST_TEST_REQUIRE(load.lexicon.has_value());
    const Lexicon& lex = *load.lexicon;
    BOOST_TEST_REQUIRE(Lexicon::lookup(lex.months, "agustus"));
    BOOST_TEST(*Lexicon::lookup(lex.months, "agustus") == 8);
    BOOST_TEST(*Lexicon::lookup(lex.months, "pebruari") == 2);
    BOOST_TEST(*Lexicon::lookup(lex.months, "desember") == 12);
    BOOST_TEST(!Lexicon::lookup(lex.months, "Agustus"));  // keys are stored normalised
    BOOST_TEST(!Lexicon::lookup(lex.months, "agt"));     // abbreviations live apart
    BOOST_TEST(*Lexicon::lookup(lex.month_abbreviations, "agt") == 8);
    BOOST_TEST(*Lexicon::lookup(lex.month_abbreviations, "okt") == 10);
    BOOST_TEST(*Lexicon::lookup(lex.weekdays, "senin") == 1);
    BOOST_TEST(*Lexicon::lookup(lex.weekdays, "jum'at") == 5);
    BOOST_TEST(*Lexicon::lookup(lex.weekdays, "minggu") == 7);
    BOOST_TEST(lex.section_words.at("months").size() == lex.months.size());
}

BOOST_AUTO_TEST_CASE(numbers_and_units) {
    LexiconLoad load = load_lexicon(kShipped);
    BOOST_TEST_REQUIRE(load.lexicon.has_value());
    const Lexicon& lex = *load.lexicon;
    BOOST_TEST(*Lexicon::lookup(lex.numbers, "sebelas") == 11);
    BOOST_TEST(*Lexicon::lookup(lex.numbers, "nol") == 0);
    const NumberScale* belas = Lexicon::lookup(lex.number_scales, "belas");
    BOOST_TEST_REQUIRE(belas);
    BOOST_TEST(belas->add == 10);
    BOOST_TEST(belas->times == 1);
    const NumberScale* puluh = Lexicon::lookup(lex.number_scales, "puluh");
    BOOST_TEST_REQUIRE(puluh);
    BOOST_TEST(puluh->add == 0);
    BOOST_TEST(puluh->times == 10);
    BOOST_TEST(lex.one_prefix == "se");
    BOOST_TEST(lex.reduplication_prefix == "ber");
    const UnitWord* dekade = Lexicon::lookup(lex.units, "dekade");
    BOOST_TEST_REQUIRE(dekade);
    BOOST_TEST((dekade->unit == TimeUnit::year));
    BOOST_TEST(dekade->times == 10);
    const UnitWord* pekan = Lexicon::lookup(lex.units, "pekan");
    BOOST_TEST_REQUIRE(pekan);
    BOOST_TEST((pekan->unit == TimeUnit::week));
    BOOST_TEST(pekan->times == 1);
    BOOST_TEST(lex.vague_quantities.count("beberapa") == 1u);
}

BOOST_AUTO_TEST_CASE(relative_and_directional_words) {
    LexiconLoad load = load_lexicon(kShipped);
    BOOST_TEST_REQUIRE(load.lexicon.has_value());
    const Lexicon& lex = *load.lexicon;
    const RelativeDay* kemarin = Lexicon::lookup(lex.relative_days, "kemarin");
    BOOST_TEST_REQUIRE(kemarin);
    BOOST_TEST(kemarin->offset == -1);
    BOOST_TEST(kemarin->day_part.empty());
    const RelativeDay* tadi_malam = Lexicon::lookup(lex.relative_days, "tadi malam");
    BOOST_TEST_REQUIRE(tadi_malam);
    BOOST_TEST(tadi_malam->offset == -1);
    BOOST_TEST(tadi_malam->day_part == "NI");
    BOOST_TEST(*Lexicon::lookup(lex.day_parts, "pagi") == "MO");
    BOOST_TEST(*Lexicon::lookup(lex.period_parts, "akhir") == "END");
    BOOST_TEST((*Lexicon::lookup(lex.directions, "lalu") == Direction::past));
    BOOST_TEST((*Lexicon::lookup(lex.directions, "yang akan datang") == Direction::upcoming));
    BOOST_TEST((*Lexicon::lookup(lex.directions, "sebelumnya") == Direction::before_focus));
    BOOST_TEST((*Lexicon::lookup(lex.directions, "ke depan") == Direction::span_forward));
    BOOST_TEST(*Lexicon::lookup(lex.approximators, "lebih dari") == "MORE_THAN");
    BOOST_TEST(*Lexicon::lookup(lex.vague_references, "baru-baru ini") == "PAST_REF");
    BOOST_TEST(lex.set_markers.count("setiap") == 1u);
}

BOOST_AUTO_TEST_CASE(named_periods_and_context_words) {
    LexiconLoad load = load_lexicon(kShipped);
    BOOST_TEST_REQUIRE(load.lexicon.has_value());
    const Lexicon& lex = *load.lexicon;
    const MonthDay* merdeka = Lexicon::lookup(lex.named_days, "hari kemerdekaan");
    BOOST_TEST_REQUIRE(merdeka);
    BOOST_TEST(merdeka->month == 8);
    BOOST_TEST(merdeka->day == 17);
    BOOST_TEST(*Lexicon::lookup(lex.period_units, "kuartal") == 'Q');
    BOOST_TEST(*Lexicon::lookup(lex.period_units, "semester") == 'H');
    BOOST_TEST(*Lexicon::lookup(lex.ordinals, "ketiga") == 3);
    BOOST_TEST(*Lexicon::lookup(lex.seasons, "musim panas") == "SU");
    BOOST_TEST(*Lexicon::lookup(lex.time_zones, "wib") == "+07:00");
    BOOST_TEST(*Lexicon::lookup(lex.time_zones, "wita") == "+08:00");
    BOOST_TEST(lex.range_separators.count("hingga") == 1u);
    BOOST_TEST(lex.range_separators.count("sampai dengan") == 1u);
    BOOST_TEST(lex.range_opener == "antara");
    BOOST_TEST(lex.range_opener_separator == "dan");
    BOOST_TEST(lex.past_ref_context_words.count("dulu") == 1u);
    BOOST_TEST(lex.past_ref_context_after.count("sejak") == 1u);
    BOOST_TEST(lex.future_cues.count("akan") == 1u);
    BOOST_TEST(lex.past_cues.count("telah") == 1u);
    BOOST_TEST(lex.age_words.count("berusia") == 1u);
    BOOST_TEST(lex.reference_words.count("pasal") == 1u);
    BOOST_TEST(lex.count_nouns.count("orang") == 1u);
    BOOST_TEST(lex.weekday_name_words.count("pasar") == 1u);
    BOOST_TEST(lex.non_time_phrases.count("jam tangan") == 1u);
    BOOST_TEST(lex.century_words.count("abad") == 1u);
    BOOST_TEST(lex.name_reference_words.count("resolusi") == 1u);
    BOOST_TEST(lex.count_leads.count("sebanyak") == 1u);
    BOOST_TEST(lex.year_prepositions.count("pada") == 1u);
    BOOST_TEST_REQUIRE(Lexicon::lookup(lex.dateline_words, "diperbarui") != nullptr);
    BOOST_TEST(*Lexicon::lookup(lex.dateline_words, "diperbarui") == "updated");
    BOOST_TEST(*Lexicon::lookup(lex.dateline_words, "terakhir diperbarui") == "updated");
    BOOST_TEST(*Lexicon::lookup(lex.dateline_words, "diterbitkan") == "published");
    BOOST_TEST(std::count(lex.copyright_marks.begin(), lex.copyright_marks.end(), "hak cipta") == 1);
}

BOOST_AUTO_TEST_CASE(derived_tables) {
    LexiconLoad load = load_lexicon(kShipped);
    BOOST_TEST_REQUIRE(load.lexicon.has_value());
    const Lexicon& lex = *load.lexicon;
    // "masa yang akan datang" has four words
    BOOST_TEST(lex.longest_phrase >= 4);
    BOOST_TEST(lex.hyphenated_words.count("baru-baru") == 1u);
    BOOST_TEST(lex.hyphenated_words.count("kira-kira") == 1u);
    BOOST_TEST(lex.hyphenated_words.count("tiap-tiap") == 1u);
    BOOST_TEST(lex.hyphenated_words.count("hari") == 0u);
    BOOST_TEST(lex.section_words.count("weekdays") == 1u);
    BOOST_TEST(lex.section_words.count("grammar") == 0u);
}

BOOST_AUTO_TEST_CASE(grammar_fragments_in_file_order_with_positions) {
    const std::string text = shipped_text();
    LexiconLoad load = parse_lexicon(text, "test.yaml");
    BOOST_TEST_REQUIRE(load.lexicon.has_value());
    const auto& grammar = load.lexicon->grammar;
    BOOST_TEST_REQUIRE(grammar.size() > 10u);
    BOOST_TEST(grammar.front().name == "_");
    auto expression = std::find_if(grammar.begin(), grammar.end(),
                                   [](const GrammarFragment& f) { return f.name == "expression"; });
    BOOST_TEST_REQUIRE((expression != grammar.end()));
    // the position is that of the pattern's first character, inside its quote
    std::size_t at = text.find("  expression: '");
    BOOST_TEST_REQUIRE(at != std::string::npos);
    BOOST_TEST(expression->line == line_at(text, at));
    BOOST_TEST(expression->column == 16);
    BOOST_TEST(contains(expression->pattern, "{dated_time}"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(diagnostics)

BOOST_AUTO_TEST_CASE(broken_yaml_names_line_and_column) {
    std::size_t at = 0;
    std::string text = edited("  agustus: 8\n", "  agustus: 8: 9\n", &at);
    LexiconLoad load = parse_lexicon(text, "test.yaml");
    BOOST_TEST(!load.lexicon.has_value());
    BOOST_TEST_REQUIRE(load.diagnostics.size() == 1u);
    const Diagnostic& d = load.diagnostics[0];
    BOOST_TEST(d.severity == Severity::error);
    BOOST_TEST(d.file == "test.yaml");
    BOOST_TEST(d.line == line_at(text, at));
    BOOST_TEST(d.column == 13);
    BOOST_TEST(d.str().rfind("test.yaml:" + std::to_string(line_at(text, at)) + ":13: error: ", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(tab_indentation_is_reported) {
    std::size_t at = 0;
    std::string text = edited("  agustus: 8\n", "\tagustus: 8\n", &at);
    LexiconLoad load = parse_lexicon(text, "test.yaml");
    BOOST_TEST(!load.lexicon.has_value());
    BOOST_TEST_REQUIRE(load.diagnostics.size() == 1u);
    BOOST_TEST(load.diagnostics[0].line == line_at(text, at));
    BOOST_TEST(contains(load.diagnostics[0].message, "tab"));
}

BOOST_AUTO_TEST_CASE(garbage_never_throws) {
    for (const char* text : {"{{{", "]", "months: [", "- a\n- b\n", "", "months: 1\n"}) {
        BOOST_TEST_CONTEXT("input: " << text) {
            LexiconLoad load;
            BOOST_CHECK_NO_THROW(load = parse_lexicon(text, "sampah.yaml"));
            BOOST_TEST(!load.lexicon.has_value());
            BOOST_TEST(has_errors(load.diagnostics));
        }
    }
}

BOOST_AUTO_TEST_CASE(root_must_be_a_mapping) {
    LexiconLoad load = parse_lexicon("- januari\n- februari\n", "test.yaml");
    BOOST_TEST(!load.lexicon.has_value());
    BOOST_TEST(find_diag(load.diagnostics, "must be a mapping of sections"));
}

BOOST_AUTO_TEST_CASE(unknown_section_suggests_the_closest) {
    std::size_t at = 0;
    std::string text = edited("\ngrammar:", "\nwekdays:\n  senin: 1\ngrammar:", &at);
    LexiconLoad load = parse_lexicon(text, "test.yaml");
    BOOST_TEST(!load.lexicon.has_value());
    BOOST_TEST_REQUIRE(load.diagnostics.size() == 1u, all_messages(load.diagnostics));
    const Diagnostic& d = load.diagnostics[0];
    BOOST_TEST(d.message == "unknown section 'wekdays' (did you mean 'weekdays'?)");
    BOOST_TEST(d.line == line_at(text, at + 1));
    BOOST_TEST(d.column == 1);
}

BOOST_AUTO_TEST_CASE(unknown_section_without_a_close_name_has_no_hint) {
    std::string text = edited("\ngrammar:", "\ncatatan_redaksi: bebas\ngrammar:");
    LexiconLoad load = parse_lexicon(text, "test.yaml");
    const Diagnostic* d = find_diag(load.diagnostics, "unknown section 'catatan_redaksi'");
    BOOST_TEST_REQUIRE(d);
    BOOST_TEST(!contains(d->message, "did you mean"));
}

BOOST_AUTO_TEST_CASE(missing_section_is_reported) {
    std::string text = shipped_text();
    std::size_t b = text.find("\none_prefix:");
    BOOST_TEST_REQUIRE(b != std::string::npos);
    std::size_t e = text.find('\n', b + 1);
    text.erase(b, e - b);
    LexiconLoad load = parse_lexicon(text, "test.yaml");
    BOOST_TEST(!load.lexicon.has_value());
    BOOST_TEST_REQUIRE(load.diagnostics.size() == 1u, all_messages(load.diagnostics));
    BOOST_TEST(load.diagnostics[0].message == "missing section 'one_prefix'");
}

BOOST_AUTO_TEST_CASE(month_thirteen_is_out_of_range) {
    std::size_t at = 0;
    std::string text = edited("  desember: 12\n", "  desember: 13\n", &at);
    LexiconLoad load = parse_lexicon(text, "test.yaml");
    BOOST_TEST(!load.lexicon.has_value());
    BOOST_TEST_REQUIRE(load.diagnostics.size() == 1u, all_messages(load.diagnostics));
    const Diagnostic& d = load.diagnostics[0];
    BOOST_TEST(d.message == "expected a whole number from 1 to 12");
    BOOST_TEST(d.line == line_at(text, at));
    BOOST_TEST(d.column == 13);  // the value, after "  desember: "
}

BOOST_AUTO_TEST_CASE(every_problem_is_reported_at_once) {
    std::string text = shipped_text();
    for (auto [from, to] : {std::pair{"  desember: 12\n", "  desember: 0\n"}, std::pair{"  ahad: 7\n", "  ahad: 8\n"},
                            std::pair{"  jam: hour\n", "  jam: hours\n"}}) {
        std::size_t p = text.find(from);
        BOOST_TEST_REQUIRE(p != std::string::npos);
        text.replace(p, std::string(from).size(), to);
    }
    LexiconLoad load = parse_lexicon(text, "test.yaml");
    BOOST_TEST(!load.lexicon.has_value());
    BOOST_TEST(load.diagnostics.size() == 3u, all_messages(load.diagnostics));
    BOOST_TEST(find_diag(load.diagnostics, "from 1 to 12"));
    BOOST_TEST(find_diag(load.diagnostics, "from 1 to 7"));
    BOOST_TEST(find_diag(load.diagnostics, "unknown unit 'hours' (did you mean 'hour'?)"));
}

BOOST_AUTO_TEST_CASE(a_word_for_a_number_is_not_a_number) {
    std::string text = edited("  desember: 12\n", "  desember: dua belas\n");
    LexiconLoad load = parse_lexicon(text, "test.yaml");
    BOOST_TEST(!load.lexicon.has_value());
    BOOST_TEST(find_diag(load.diagnostics, "expected a whole number from 1 to 12"));
}

BOOST_AUTO_TEST_CASE(duplicate_after_normalisation) {
    std::size_t at = 0;
    std::string text = edited("  agustus: 8\n", "  agustus: 8\n  AGUSTUS: 8\n", &at);
    LexiconLoad load = parse_lexicon(text, "test.yaml");
    BOOST_TEST(!load.lexicon.has_value());
    BOOST_TEST_REQUIRE(load.diagnostics.size() == 1u, all_messages(load.diagnostics));
    const Diagnostic& d = load.diagnostics[0];
    BOOST_TEST(d.message == "duplicate entry 'agustus' in 'months'");
    BOOST_TEST(d.line == line_at(text, at) + 1);
    BOOST_TEST(d.column == 3);
}

BOOST_AUTO_TEST_CASE(duplicate_in_a_word_list) {
    std::size_t at = 0;
    std::string text = edited("  - saban\n", "  - saban\n  - Saban\n", &at);
    LexiconLoad load = parse_lexicon(text, "test.yaml");
    BOOST_TEST(!load.lexicon.has_value());
    BOOST_TEST_REQUIRE(load.diagnostics.size() == 1u, all_messages(load.diagnostics));
    BOOST_TEST(load.diagnostics[0].message == "duplicate entry 'saban' in 'set_markers'");
    BOOST_TEST(load.diagnostics[0].line == line_at(text, at) + 1);
    BOOST_TEST(load.diagnostics[0].column == 5);
}

BOOST_AUTO_TEST_CASE(wrong_types) {
    struct Case {
        const char* from;
        const char* to;
        const char* message;
    };
    const Case cases[] = {
        {"one_prefix: se ", "one_prefix: [se] ", "expected a word"},
        {"age_words: [", "age_words: berusia #[", "section 'age_words' must be a list of words"},
        {"  pagi: MO\n", "  pagi: M0\n", "'M0' is not one of MO, MI, AF, EV, NI, DT (did you mean 'MO'?)"},
        {"wib: \"+07:00\"", "wib: \"+7\"", "a time zone offset is written +HH:MM"},
        {"natal: 12-25", "natal: 25-12", "a named day is written MM-DD, e.g. 08-17, or as a mapping of years to MM-DD"},
        {"  kemarin: -1\n", "  kemarin: -9\n", "expected a day offset from -7 to 7"},
        {"belas: {add: 10}", "belas: {add: 10, times: 2}", "a number scale is {add: N} or {times: N}"},
        {"windu: {unit: year, times: 8}", "windu: {unit: year, time: 8}", "unknown key 'time' (did you mean 'times'?)"},
        {"  lalu: past\n", "  lalu: pass\n", "unknown direction 'pass' (did you mean 'past'?)"},
        {"kuartal: Q", "kuartal: K", "a period unit is Q (quarter) or H (half year)"},
        {"ketiga: 3", "ketiga: 5", "expected a whole number from 1 to 4"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("edit: " << c.from << " -> " << c.to) {
            std::size_t at = 0;
            std::string text = edited(c.from, c.to, &at);
            LexiconLoad load = parse_lexicon(text, "test.yaml");
            BOOST_TEST(!load.lexicon.has_value());
            const Diagnostic* d = find_diag(load.diagnostics, c.message);
            BOOST_TEST_REQUIRE(d, all_messages(load.diagnostics));
            BOOST_TEST(d->message == c.message);
            BOOST_TEST(d->line == line_at(text, at));
            BOOST_TEST(d->severity == Severity::error);
        }
    }
}

BOOST_AUTO_TEST_CASE(diagnostic_column_points_at_the_bad_value) {
    std::size_t at = 0;
    std::string text = edited("  jam: hour\n", "  jam: hours\n", &at);
    LexiconLoad load = parse_lexicon(text, "test.yaml");
    BOOST_TEST_REQUIRE(load.diagnostics.size() == 1u, all_messages(load.diagnostics));
    BOOST_TEST(load.diagnostics[0].line == line_at(text, at));
    BOOST_TEST(load.diagnostics[0].column == column_at(text, at + 7));
}

BOOST_AUTO_TEST_CASE(missing_file) {
    LexiconLoad load = load_lexicon("/nonexistent/linimasa/id.yaml");
    BOOST_TEST(!load.lexicon.has_value());
    BOOST_TEST_REQUIRE(load.diagnostics.size() == 1u);
    BOOST_TEST(load.diagnostics[0].file == "/nonexistent/linimasa/id.yaml");
    BOOST_TEST(load.diagnostics[0].line == 0);
    BOOST_TEST(load.diagnostics[0].severity == Severity::error);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(normal_form)

BOOST_AUTO_TEST_CASE(lowercase_and_single_spaces) {
    BOOST_TEST(normalize_phrase("  Hari   Kemerdekaan  RI ") == "hari kemerdekaan ri");
    BOOST_TEST(normalize_phrase("TADI\tmalam\r\n") == "tadi malam");
    BOOST_TEST(normalize_phrase("15\xC2\xA0" "Agustus") == "15 agustus");
    BOOST_TEST(normalize_phrase("") == "");
    BOOST_TEST(normalize_phrase(" \t\n") == "");
}

BOOST_AUTO_TEST_CASE(typographic_apostrophes) {
    BOOST_TEST(normalize_phrase("Jum\xE2\x80\x99" "at") == "jum'at");
    BOOST_TEST(normalize_phrase("Jum\xE2\x80\x98" "at") == "jum'at");
    BOOST_TEST(normalize_phrase("Jum'at") == "jum'at");
}

BOOST_AUTO_TEST_CASE(other_characters_are_kept) {
    BOOST_TEST(normalize_phrase("Baru-Baru Ini") == "baru-baru ini");
    BOOST_TEST(normalize_phrase("S.D.") == "s.d.");
    BOOST_TEST(normalize_phrase("KAF\xC3\x89") == "kaf\xC3\x89");  // only ASCII is lowercased
    BOOST_TEST(normalize_phrase("\xE2\x80\x9C" "Rabu") == "\xE2\x80\x9C" "rabu");
}

BOOST_AUTO_TEST_CASE(lexicon_keys_are_normalised) {
    std::string text = edited("  \"jum'at\": 5\n", "  \"JUM\xE2\x80\x99" "AT\": 5\n");
    LexiconLoad load = parse_lexicon(text, "test.yaml");
    BOOST_TEST(load.diagnostics.empty(), all_messages(load.diagnostics));
    BOOST_TEST_REQUIRE(load.lexicon.has_value());
    const int* w = Lexicon::lookup(load.lexicon->weekdays, "jum'at");
    BOOST_TEST_REQUIRE(w);
    BOOST_TEST(*w == 5);
}

BOOST_AUTO_TEST_SUITE_END()
