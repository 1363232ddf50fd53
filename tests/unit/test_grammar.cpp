// Unit tests for src/dates/grammar.h: expanding the lexicon's grammar, its diagnostics,
// and the scanner's matching rules.
#ifndef BOOST_TEST_DYN_LINK
#define BOOST_TEST_DYN_LINK
#endif
#define BOOST_TEST_MODULE grammar
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "dates/grammar.h"

#include "shipped_lexicon.h"

using namespace linimasa;

namespace {

using testing::kShipped;
using testing::shipped_text;

Lexicon shipped_lexicon() {
    LexiconLoad load = load_lexicon(kShipped);
    BOOST_TEST_REQUIRE(load.lexicon.has_value());
    return std::move(*load.lexicon);
}

// The shipped YAML with a line inserted just before the `expression` fragment; `at`
// receives the offset of the inserted line.
std::string with_fragment_before_expression(const std::string& line, std::size_t* at) {
    std::string text = shipped_text();
    std::size_t p = text.find("\n  expression: ");
    BOOST_TEST_REQUIRE(p != std::string::npos);
    text.insert(p + 1, line + "\n");
    *at = p + 1;
    return text;
}

int line_at(const std::string& text, std::size_t offset) {
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

Lexicon parsed(const std::string& text) {
    LexiconLoad load = parse_lexicon(text, "test.yaml");
    BOOST_TEST_REQUIRE(load.lexicon.has_value());
    return std::move(*load.lexicon);
}

std::string all_messages(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags) out += d.str() + "\n";
    return out;
}

using Spans = std::vector<std::pair<std::size_t, std::size_t>>;

Spans scan_all(const Grammar& g, std::string_view text) {
    Spans out;
    g.scan(text, [&](std::size_t b, std::size_t e) {
        out.emplace_back(b, e);
        return true;
    });
    return out;
}

const Grammar& shipped_grammar() {
    static Lexicon lex = shipped_lexicon();
    static GrammarBuild build = build_grammar(lex);
    BOOST_TEST_REQUIRE(build.grammar.has_value(), all_messages(build.diagnostics));
    return *build.grammar;
}

// A lexicon whose grammar is replaced by the given fragments.
Lexicon with_grammar(std::vector<GrammarFragment> fragments) {
    Lexicon lex = shipped_lexicon();
    lex.grammar = std::move(fragments);
    return lex;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(building)

BOOST_AUTO_TEST_CASE(shipped_grammar_builds_without_diagnostics) {
    Lexicon lex = shipped_lexicon();
    GrammarBuild g = build_grammar(lex);
    BOOST_TEST(g.diagnostics.empty(), all_messages(g.diagnostics));
    BOOST_TEST_REQUIRE(g.grammar.has_value());
    // every {name} was expanded
    const std::string& p = g.grammar->pattern();
    BOOST_TEST(p.find("{dated_time}") == std::string::npos);
    BOOST_TEST(p.find("{months}") == std::string::npos);
    BOOST_TEST(p.find("agustus") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(undefined_name_reported_at_its_line_and_column_with_hint) {
    std::size_t at = 0;
    std::string text = with_fragment_before_expression("  extra: '(?:{weekday}|pekan)'", &at);
    GrammarBuild g = build_grammar(parsed(text));
    BOOST_TEST(!g.grammar.has_value());
    BOOST_TEST_REQUIRE(g.diagnostics.size() == 1u, all_messages(g.diagnostics));
    const Diagnostic& d = g.diagnostics[0];
    BOOST_TEST(d.file == "test.yaml");
    BOOST_TEST(d.line == line_at(text, at));
    BOOST_TEST(d.column == 14);  // the '{' after "  extra: '(?:"
    BOOST_TEST(d.message ==
               "'{weekday}' is neither a lexicon section nor an earlier grammar fragment (did you mean 'weekdays'?)");
    BOOST_TEST((d.severity == Severity::error));
}

BOOST_AUTO_TEST_CASE(undefined_name_hint_can_name_a_fragment) {
    std::size_t at = 0;
    std::string text = with_fragment_before_expression("  extra: '{clock_lead}'", &at);
    GrammarBuild g = build_grammar(parsed(text));
    BOOST_TEST_REQUIRE(g.diagnostics.size() == 1u, all_messages(g.diagnostics));
    BOOST_TEST(g.diagnostics[0].message.find("(did you mean 'clock_led'?)") != std::string::npos);
    BOOST_TEST(g.diagnostics[0].column == 11);
}

BOOST_AUTO_TEST_CASE(undefined_name_far_from_everything_has_no_hint) {
    std::size_t at = 0;
    std::string text = with_fragment_before_expression("  extra: 'x{zzzzqqqq}'", &at);
    GrammarBuild g = build_grammar(parsed(text));
    BOOST_TEST_REQUIRE(g.diagnostics.size() == 1u, all_messages(g.diagnostics));
    BOOST_TEST(g.diagnostics[0].message.find("did you mean") == std::string::npos);
    BOOST_TEST(g.diagnostics[0].line == line_at(text, at));
    BOOST_TEST(g.diagnostics[0].column == 12);
}

BOOST_AUTO_TEST_CASE(later_fragment_is_not_yet_defined) {
    std::size_t at = 0;
    std::string text = with_fragment_before_expression("  early: '{late}'\n  late: 'abc'", &at);
    GrammarBuild g = build_grammar(parsed(text));
    BOOST_TEST(!g.grammar.has_value());
    BOOST_TEST_REQUIRE(g.diagnostics.size() == 1u, all_messages(g.diagnostics));
    BOOST_TEST(g.diagnostics[0].message.find("'{late}' is neither") == 0u);
    BOOST_TEST(g.diagnostics[0].line == line_at(text, at));
}

BOOST_AUTO_TEST_CASE(undefined_name_column_in_a_plain_scalar) {
    // A pattern written without quotes starts right at the mark: the '{' is column 13.
    std::size_t at = 0;
    std::string text = with_fragment_before_expression("  extra: (?:{weekday}|pekan)", &at);
    GrammarBuild g = build_grammar(parsed(text));
    BOOST_TEST_REQUIRE(g.diagnostics.size() == 1u, all_messages(g.diagnostics));
    BOOST_TEST(g.diagnostics[0].line == line_at(text, at));
    BOOST_TEST(g.diagnostics[0].column == 13);
}

BOOST_AUTO_TEST_CASE(invalid_regex_reported_with_re2_message) {
    std::size_t at = 0;
    std::string text = with_fragment_before_expression("  broken: '(?:abc'", &at);
    GrammarBuild g = build_grammar(parsed(text));
    BOOST_TEST(!g.grammar.has_value());
    BOOST_TEST_REQUIRE(g.diagnostics.size() == 1u, all_messages(g.diagnostics));
    const Diagnostic& d = g.diagnostics[0];
    BOOST_TEST(d.line == line_at(text, at));
    BOOST_TEST(d.column == 12);  // the pattern's first character, inside its quote
    BOOST_TEST(d.message == "grammar fragment 'broken': missing ): (?:abc");
}

BOOST_AUTO_TEST_CASE(a_failed_fragment_is_not_reported_again_by_its_users) {
    std::size_t at = 0;
    std::string text = with_fragment_before_expression("  broken: '(?:abc'\n  user: '{broken}x'\n  user2: '{user}|{broken}'", &at);
    GrammarBuild g = build_grammar(parsed(text));
    BOOST_TEST(!g.grammar.has_value());
    BOOST_TEST_REQUIRE(g.diagnostics.size() == 1u, all_messages(g.diagnostics));
    BOOST_TEST(g.diagnostics[0].message == "grammar fragment 'broken': missing ): (?:abc");
}

BOOST_AUTO_TEST_CASE(a_fragment_doubling_at_every_level_stops_at_the_size_limit) {
    std::string lines = "  y0: 'ab'";
    for (int i = 1; i <= 40; ++i)
        lines += "\n  y" + std::to_string(i) + ": '{y" + std::to_string(i - 1) + "}{y" + std::to_string(i - 1) + "}'";
    std::size_t at = 0;
    std::string text = with_fragment_before_expression(lines, &at);
    GrammarBuild g = build_grammar(parsed(text));  // 2^41 bytes if it were expanded
    BOOST_TEST(!g.grammar.has_value());
    BOOST_TEST_REQUIRE(g.diagnostics.size() == 1u, all_messages(g.diagnostics));
    const Diagnostic& d = g.diagnostics[0];
    BOOST_TEST(d.line == line_at(text, at) + 19);  // y19 is the first past 4 MiB (2^20 copies of "ab")
    BOOST_TEST(d.message == "grammar fragment 'y19' expands to more than 4 MiB of pattern");
}

BOOST_AUTO_TEST_CASE(other_re2_errors) {
    const std::pair<const char*, const char*> cases[] = {
        {"  broken: 'a**'", "bad repetition operator: **"},
        {"  broken: '[z-a]'", "invalid character class range: z-a"},
    };
    for (const auto& [line, re2_message] : cases) {
        BOOST_TEST_CONTEXT(line) {
            std::size_t at = 0;
            std::string text = with_fragment_before_expression(line, &at);
            GrammarBuild g = build_grammar(parsed(text));
            BOOST_TEST_REQUIRE(g.diagnostics.size() == 1u, all_messages(g.diagnostics));
            BOOST_TEST(g.diagnostics[0].message == std::string("grammar fragment 'broken': ") + re2_message);
            BOOST_TEST(g.diagnostics[0].line == line_at(text, at));
        }
    }
}

BOOST_AUTO_TEST_CASE(broken_fragment_in_the_expression_itself) {
    Lexicon lex = shipped_lexicon();
    auto it = std::find_if(lex.grammar.begin(), lex.grammar.end(),
                           [](const GrammarFragment& f) { return f.name == "expression"; });
    BOOST_TEST_REQUIRE((it != lex.grammar.end()));
    it->pattern += "|(";
    it->line = 500;
    it->column = 15;
    GrammarBuild g = build_grammar(lex);
    BOOST_TEST(!g.grammar.has_value());
    BOOST_TEST_REQUIRE(g.diagnostics.size() == 1u, all_messages(g.diagnostics));
    BOOST_TEST(g.diagnostics[0].line == 500);
    BOOST_TEST(g.diagnostics[0].column == 15);
    BOOST_TEST(g.diagnostics[0].message.find("grammar fragment 'expression': missing )") == 0u);
}

BOOST_AUTO_TEST_CASE(missing_expression) {
    Lexicon lex = shipped_lexicon();
    lex.grammar.erase(std::remove_if(lex.grammar.begin(), lex.grammar.end(),
                                     [](const GrammarFragment& f) { return f.name == "expression"; }),
                      lex.grammar.end());
    BOOST_TEST_REQUIRE(!lex.grammar.empty());
    GrammarBuild g = build_grammar(lex);
    BOOST_TEST(!g.grammar.has_value());
    BOOST_TEST_REQUIRE(g.diagnostics.size() == 1u, all_messages(g.diagnostics));
    BOOST_TEST(g.diagnostics[0].message == "the grammar has no fragment named 'expression'");
    BOOST_TEST(g.diagnostics[0].file == lex.path);
    BOOST_TEST(g.diagnostics[0].line == 0);
}

BOOST_AUTO_TEST_CASE(empty_grammar_has_no_expression) {
    GrammarBuild g = build_grammar(with_grammar({}));
    BOOST_TEST(!g.grammar.has_value());
    BOOST_TEST_REQUIRE(g.diagnostics.size() == 1u);
    BOOST_TEST(g.diagnostics[0].message == "the grammar has no fragment named 'expression'");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(custom_grammars)

BOOST_AUTO_TEST_CASE(fragments_and_sections_expand) {
    GrammarBuild g = build_grammar(with_grammar({
        {"_", " +", 1, 1},
        {"mon", "{months}", 2, 1},
        {"expression", "{mon}{_}\\d{4}", 3, 1},  // {4} and \d are not references
    }));
    BOOST_TEST_REQUIRE(g.grammar.has_value(), all_messages(g.diagnostics));
    const std::string text = "Dibuka Mei 2024, ditutup JUNI 2025 dan juli.";
    Spans spans = scan_all(*g.grammar, text);
    BOOST_TEST_REQUIRE(spans.size() == 2u);
    BOOST_TEST(text.substr(spans[0].first, spans[0].second - spans[0].first) == "Mei 2024");
    BOOST_TEST(text.substr(spans[1].first, spans[1].second - spans[1].first) == "JUNI 2025");
}

BOOST_AUTO_TEST_CASE(escaped_brace_is_not_a_reference) {
    GrammarBuild g = build_grammar(with_grammar({{"expression", "kode\\{months}", 1, 1}}));
    BOOST_TEST_REQUIRE(g.grammar.has_value(), all_messages(g.diagnostics));
    const std::string text = "lihat kode{months} dan kode Mei";
    Spans spans = scan_all(*g.grammar, text);
    BOOST_TEST_REQUIRE(spans.size() == 1u);
    BOOST_TEST(spans[0].first == 6u);
    BOOST_TEST(spans[0].second == 18u);
}

BOOST_AUTO_TEST_CASE(multi_word_entries_take_any_run_of_spaces_and_both_apostrophes) {
    GrammarBuild g = build_grammar(with_grammar({{"expression", "(?:{relative_days}|{weekdays})", 1, 1}}));
    BOOST_TEST_REQUIRE(g.grammar.has_value(), all_messages(g.diagnostics));
    const std::string text = "kemarin   lusa, Jum\xE2\x80\x99" "at dan JUM'AT";
    Spans spans = scan_all(*g.grammar, text);
    BOOST_TEST_REQUIRE(spans.size() == 3u);
    BOOST_TEST(spans[0].first == 0u);
    BOOST_TEST(spans[0].second == 14u);
    BOOST_TEST(spans[1].first == 16u);
    BOOST_TEST(spans[1].second == 24u);
    BOOST_TEST(text.substr(spans[2].first, spans[2].second - spans[2].first) == "JUM'AT");
}

BOOST_AUTO_TEST_CASE(empty_matches_are_stepped_over) {
    GrammarBuild g = build_grammar(with_grammar({{"expression", "(?:kemarin)?", 1, 1}}));
    BOOST_TEST_REQUIRE(g.grammar.has_value(), all_messages(g.diagnostics));
    Spans spans = scan_all(*g.grammar, "ya, kemarin.");
    BOOST_TEST_REQUIRE(spans.size() == 1u);
    BOOST_TEST(spans[0].first == 4u);
    BOOST_TEST(spans[0].second == 11u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(scanning)

BOOST_AUTO_TEST_CASE(finds_a_date_in_running_text) {
    const std::string text = "Rapat digelar 15 Agustus 2023 di Jakarta.";
    Spans spans = scan_all(shipped_grammar(), text);
    BOOST_TEST_REQUIRE(spans.size() == 1u);
    BOOST_TEST(spans[0].first == 14u);
    BOOST_TEST(spans[0].second == 29u);
}

BOOST_AUTO_TEST_CASE(longest_match_wins) {
    const std::string text = "Selasa, 15 Agustus 2023 13:26 WIB";
    Spans spans = scan_all(shipped_grammar(), text);
    BOOST_TEST_REQUIRE(spans.size() == 1u);
    BOOST_TEST(spans[0].first == 0u);
    BOOST_TEST(spans[0].second == text.size());
}

BOOST_AUTO_TEST_CASE(matching_ignores_case) {
    const std::string text = "SENIN, 4 MARET 2024";
    Spans spans = scan_all(shipped_grammar(), text);
    BOOST_TEST_REQUIRE(spans.size() == 1u);
    BOOST_TEST(spans[0].second == text.size());
}

BOOST_AUTO_TEST_CASE(non_breaking_space_separates_words) {
    const std::string text = "15\xC2\xA0" "Agustus 2023";
    Spans spans = scan_all(shipped_grammar(), text);
    BOOST_TEST_REQUIRE(spans.size() == 1u);
    BOOST_TEST(spans[0].first == 0u);
    BOOST_TEST(spans[0].second == text.size());
}

BOOST_AUTO_TEST_CASE(matches_inside_words_are_skipped) {
    Spans spans = scan_all(shipped_grammar(), "Kemarinnya proyek Meikarta 2023abc sejuli");
    BOOST_TEST(spans.empty());
}

BOOST_AUTO_TEST_CASE(rejected_match_resumes_at_the_next_character) {
    const std::string text = "Rapat digelar 15 Agustus 2023 di Jakarta.";
    Spans seen;
    shipped_grammar().scan(text, [&](std::size_t b, std::size_t e) {
        seen.emplace_back(b, e);
        return seen.size() > 1;  // reject the first
    });
    BOOST_TEST_REQUIRE(seen.size() == 2u);
    BOOST_TEST(seen[0].first == 14u);
    // "5 Agustus 2023" would start inside the number, so the next is "Agustus 2023"
    BOOST_TEST(seen[1].first == 17u);
    BOOST_TEST(seen[1].second == 29u);
}

BOOST_AUTO_TEST_CASE(accepted_match_resumes_after_its_end) {
    const std::string text = "Kemarin lusa dan besok";
    Spans spans = scan_all(shipped_grammar(), text);
    BOOST_TEST_REQUIRE(spans.size() == 2u);
    BOOST_TEST(spans[0].first == 0u);
    BOOST_TEST(spans[0].second == 12u);  // "Kemarin lusa" is one entry
    BOOST_TEST(spans[1].first == 17u);
    BOOST_TEST(spans[1].second == text.size());
}

BOOST_AUTO_TEST_CASE(rejecting_every_match_still_visits_later_candidates) {
    // "esok" inside "besok" starts inside a word and is never offered
    const std::string text = "\xC3\xA9 besok \xC3\xA9 lusa";
    Spans seen;
    shipped_grammar().scan(text, [&](std::size_t b, std::size_t e) {
        seen.emplace_back(b, e);
        return false;
    });
    BOOST_TEST_REQUIRE(seen.size() == 2u);
    BOOST_TEST(text.substr(seen[0].first, seen[0].second - seen[0].first) == "besok");
    BOOST_TEST(text.substr(seen[1].first, seen[1].second - seen[1].first) == "lusa");
}

BOOST_AUTO_TEST_CASE(empty_text) {
    BOOST_TEST(scan_all(shipped_grammar(), "").empty());
}

BOOST_AUTO_TEST_SUITE_END()
