// Unit tests for src/gazetteer/gazetteer.h: the shipped actors and places, matching (offsets,
// longest match, case, word boundaries), roles by date, and every kind of load error.
#ifndef BOOST_TEST_DYN_LINK
#define BOOST_TEST_DYN_LINK
#endif
#define BOOST_TEST_MODULE gazetteer
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <unistd.h>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "gazetteer/gazetteer.h"

using namespace linimasa;
using namespace date::literals;

namespace {

const std::string kShippedRules = LINIMASA_SOURCE_RULES;

std::string all_messages(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags) out += d.str() + "\n";
    return out;
}

// The shipped gazetteer, loaded once for all tests.
const Gazetteer& shipped() {
    static GazetteerLoad load = Gazetteer::load(kShippedRules);
    BOOST_TEST_REQUIRE(load.gazetteer != nullptr, all_messages(load.diagnostics));
    return *load.gazetteer;
}

// What a hit of find_actors names on a day, as a canonical name ("" for nobody).
std::string name_of(const GazetteerHit& hit, std::optional<date::sys_days> on) {
    auto actor = shipped().actor(hit, on);
    return actor ? actor->name : "";
}

std::string span(std::string_view text, const GazetteerHit& hit) {
    return std::string(text.substr(hit.begin, hit.end - hit.begin));
}

// The text of every actor hit, joined by " | ".
std::string actor_spans(std::string_view text) {
    std::string out;
    for (const auto& hit : shipped().find_actors(text)) out += (out.empty() ? "" : " | ") + span(text, hit);
    return out;
}

// The holder of the first hit in `text` (which must be a role title) on a day.
std::string role_holder_in(const std::string& text, date::sys_days on) {
    auto hits = shipped().find_actors(text);
    BOOST_TEST_REQUIRE(!hits.empty(), "no hit in: " << text);
    BOOST_TEST_REQUIRE(hits[0].is_role, "not a role: " << span(text, hits[0]));
    return name_of(hits[0], on);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(shipped_gazetteer)

BOOST_AUTO_TEST_CASE(loads_clean_with_broad_coverage) {
    GazetteerLoad load = Gazetteer::load(kShippedRules);
    BOOST_TEST(load.diagnostics.empty(), all_messages(load.diagnostics));
    BOOST_TEST_REQUIRE(load.gazetteer != nullptr);
    BOOST_TEST(load.gazetteer->actors().size() > 300u);
    BOOST_TEST(load.gazetteer->roles().size() > 70u);
    BOOST_TEST(load.gazetteer->places().size() > 150u);
}

BOOST_AUTO_TEST_CASE(canonical_names_are_looked_up_exactly) {
    const Actor* putin = shipped().find_actor("Vladimir Putin");
    BOOST_TEST_REQUIRE(putin != nullptr);
    BOOST_TEST(putin->kind == "person");
    BOOST_TEST(putin->country == "Russia");
    BOOST_TEST(shipped().find_actor("Putin") == nullptr);  // an alias, not a canonical name
    BOOST_TEST(shipped().find_actor("North Korea")->kind == "country");
    BOOST_TEST(shipped().find_actor("North Korea")->country.empty());
    BOOST_TEST(shipped().find_actor("KCNA")->kind == "media");
    BOOST_TEST(shipped().find_actor("KCNA")->country == "North Korea");
    BOOST_TEST(shipped().find_place("Vostochny Cosmodrome")->country == "Russia");
}

BOOST_AUTO_TEST_CASE(every_place_lies_in_a_country_actor) {
    for (const Place& place : shipped().places()) {
        const Actor* country = shipped().find_actor(place.country);
        BOOST_TEST_REQUIRE(country != nullptr, place.name);
        BOOST_TEST(country->kind == "country", place.name);
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(matching)

BOOST_AUTO_TEST_CASE(aliases_are_found_with_byte_offsets) {
    const std::string text = "Kim Jong-un dan Putin bertukar surat.";
    auto hits = shipped().find_actors(text);
    BOOST_TEST_REQUIRE(hits.size() == 2u);
    BOOST_TEST(hits[0].begin == 0u);
    BOOST_TEST(hits[0].end == 11u);
    BOOST_TEST(!hits[0].is_role);
    BOOST_TEST(name_of(hits[0], std::nullopt) == "Kim Jong Un");
    BOOST_TEST(hits[1].begin == 16u);
    BOOST_TEST(hits[1].end == 21u);
    BOOST_TEST(name_of(hits[1], std::nullopt) == "Vladimir Putin");
}

BOOST_AUTO_TEST_CASE(offsets_count_bytes_of_multibyte_characters) {
    const std::string text = "“Kremlin” membantah kabar itu.";  // “ is three bytes
    auto hits = shipped().find_actors(text);
    BOOST_TEST_REQUIRE(hits.size() == 1u);
    BOOST_TEST(hits[0].begin == 3u);
    BOOST_TEST(hits[0].end == 10u);
    BOOST_TEST(name_of(hits[0], std::nullopt) == "Russia");
}

BOOST_AUTO_TEST_CASE(the_longest_alias_wins) {
    const std::string text = "Menteri Pertahanan Rusia Sergei Shoigu tiba di Pyongyang.";
    auto hits = shipped().find_actors(text);
    BOOST_TEST_REQUIRE(hits.size() == 3u);
    BOOST_TEST(span(text, hits[0]) == "Menteri Pertahanan Rusia");
    BOOST_TEST(hits[0].is_role);
    BOOST_TEST(span(text, hits[1]) == "Sergei Shoigu");
    BOOST_TEST(span(text, hits[2]) == "Pyongyang");
    BOOST_TEST(name_of(hits[2], std::nullopt) == "North Korea");
    BOOST_TEST(actor_spans("Menlu Korut Choe Son Hui") == "Menlu Korut | Choe Son Hui");
    BOOST_TEST(actor_spans("Presiden Rusia Vladimir Putin") == "Presiden Rusia | Vladimir Putin");
}

BOOST_AUTO_TEST_CASE(capital_acronyms_match_only_as_written) {
    BOOST_TEST(actor_spans("AS menjatuhkan sanksi baru.") == "AS");
    BOOST_TEST(actor_spans("Rodanya berputar pada as yang sama.") == "");
    BOOST_TEST(actor_spans("Presiden as") == "");
    BOOST_TEST(actor_spans("Menurut KCNA, ...") == "KCNA");
    BOOST_TEST(actor_spans("menurut kcna") == "");
    BOOST_TEST(actor_spans("KTT ASEAN di Jakarta") == "ASEAN");  // ASEAN, not AS
    BOOST_TEST(actor_spans("siswa kelas XI") == "");            // a two-letter word is exact too
    BOOST_TEST(actor_spans("Xi mengatakan") == "Xi");
}

BOOST_AUTO_TEST_CASE(other_words_match_in_any_case) {
    for (const std::string text : {"pemimpin Korut", "Pemimpin Korut", "PEMIMPIN KORUT", "pemimpin  Korut"}) {
        auto hits = shipped().find_actors(text);
        BOOST_TEST_REQUIRE(hits.size() == 1u, text);
        BOOST_TEST(hits[0].end == text.size(), text);
        BOOST_TEST(name_of(hits[0], std::nullopt) == "Kim Jong Un", text);
    }
    BOOST_TEST(actor_spans("Menhan rusia") == "Menhan rusia");
}

BOOST_AUTO_TEST_CASE(hits_stop_at_word_boundaries) {
    BOOST_TEST(actor_spans("hubungan Korut-Rusia") == "Korut | Rusia");
    BOOST_TEST(actor_spans("surat Putin-nya") == "Putin");
    BOOST_TEST(actor_spans("kaum Rusiawi dan Korutan") == "");
    BOOST_TEST(actor_spans("(Putin)") == "Putin");
    BOOST_TEST(actor_spans("Putin") == "Putin");
    BOOST_TEST(actor_spans("Putin’s") == "Putin");
    BOOST_TEST(actor_spans("AS,Rusia,Tiongkok") == "AS | Rusia | Tiongkok");
}

// The boundary is any character but a letter, digit or mark of any script: the matcher's
// ASCII fast path must give the same hits as that rule for the non-ASCII neighbours too.
BOOST_AUTO_TEST_CASE(non_ascii_neighbours_follow_the_unicode_boundary_rule) {
    BOOST_TEST(actor_spans("\xC3\xA9Rusia") == "");                         // é: a letter
    BOOST_TEST(actor_spans("Rusia\xC3\xA9") == "");
    BOOST_TEST(actor_spans("Rusia\xC2\xB2") == "");                         // ²: a digit
    BOOST_TEST(actor_spans("\xC2\xAARusia") == "");                         // ª: a letter
    BOOST_TEST(actor_spans("Rusia\xCC\x81 dan AS") == "AS");                // a combining mark
    BOOST_TEST(actor_spans("_Rusia_") == "Rusia");                          // _ is no letter
    BOOST_TEST(actor_spans("\xF0\x9F\x99\x82Rusia\xF0\x9F\x99\x82") == "Rusia");  // an emoji is no letter
    BOOST_TEST(actor_spans("\xC2\xA0Rusia\xC2\xA0") == "Rusia");
    BOOST_TEST(actor_spans("Rusia\xC3\x97Korut") == "Rusia | Korut");       // ×
    BOOST_TEST(actor_spans("kata \xC3\x89lisabeth Borne") == "\xC3\x89lisabeth Borne");
    BOOST_TEST(actor_spans("\xC3\x89lisabeth Borne") == "\xC3\x89lisabeth Borne");
    BOOST_TEST(actor_spans("Presiden Marcos Jr. tiba") == "Marcos Jr.");
    // At the very end of a text, `Jr.` and `Jr` + boundary both fit; RE2 reports the latter.
    BOOST_TEST(actor_spans("Presiden Marcos Jr.") == "Marcos Jr");
    BOOST_TEST(actor_spans("Korea Utaranya") == "");                        // no shorter alias either
}

BOOST_AUTO_TEST_CASE(places_are_found_with_their_country) {
    const std::string text = "Pertemuan di Kosmodrom Vostochny, wilayah Amur, lalu ke Vladivostok.";
    auto hits = shipped().find_places(text);
    BOOST_TEST_REQUIRE(hits.size() == 3u);
    BOOST_TEST(span(text, hits[0]) == "Kosmodrom Vostochny");
    BOOST_TEST(shipped().place(hits[0]).name == "Vostochny Cosmodrome");
    BOOST_TEST(shipped().place(hits[0]).kind == "site");
    BOOST_TEST(shipped().place(hits[0]).country == "Russia");
    BOOST_TEST(span(text, hits[1]) == "wilayah Amur");
    BOOST_TEST(shipped().place(hits[1]).name == "Amur Oblast");
    BOOST_TEST(shipped().place(hits[2]).name == "Vladivostok");
    auto kremlin = shipped().find_places("di Istana Kremlin");
    BOOST_TEST_REQUIRE(kremlin.size() == 1u);
    BOOST_TEST(shipped().place(kremlin[0]).name == "Kremlin");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(roles)

BOOST_AUTO_TEST_CASE(a_title_names_its_holder_on_the_day) {
    BOOST_TEST(role_holder_in("Menhan Rusia", date::sys_days{2023_y / 7 / 27}) == "Sergei Shoigu");
    BOOST_TEST(role_holder_in("Menhan Rusia", date::sys_days{2024_y / 5 / 12}) == "Sergei Shoigu");
    BOOST_TEST(role_holder_in("Menhan Rusia", date::sys_days{2024_y / 5 / 13}) == "");  // between terms
    BOOST_TEST(role_holder_in("Menhan Rusia", date::sys_days{2024_y / 5 / 14}) == "Andrei Belousov");
    BOOST_TEST(role_holder_in("Menteri Pertahanan Rusia", date::sys_days{2025_y / 1 / 1}) == "Andrei Belousov");
    BOOST_TEST(role_holder_in("Menlu Korut", date::sys_days{2023_y / 9 / 13}) == "Choe Son Hui");
    BOOST_TEST(role_holder_in("Presiden Korsel", date::sys_days{2019_y / 4 / 25}) == "Moon Jae-in");
    BOOST_TEST(role_holder_in("Presiden RI", date::sys_days{2024_y / 10 / 19}) == "Joko Widodo");
    BOOST_TEST(role_holder_in("Presiden RI", date::sys_days{2024_y / 10 / 21}) == "Prabowo Subianto");
}

BOOST_AUTO_TEST_CASE(on_a_handover_day_the_incoming_holder_has_the_title) {
    BOOST_TEST(role_holder_in("Presiden AS", date::sys_days{2021_y / 1 / 19}) == "Donald Trump");
    BOOST_TEST(role_holder_in("Presiden AS", date::sys_days{2021_y / 1 / 20}) == "Joe Biden");
    BOOST_TEST(role_holder_in("Presiden AS", date::sys_days{2025_y / 1 / 19}) == "Joe Biden");
    BOOST_TEST(role_holder_in("Presiden AS", date::sys_days{2025_y / 1 / 20}) == "Donald Trump");
}

BOOST_AUTO_TEST_CASE(a_title_without_a_day_names_nobody) {
    auto hits = shipped().find_actors("Menhan Rusia");
    BOOST_TEST_REQUIRE(hits.size() == 1u);
    BOOST_TEST(!shipped().actor(hits[0], std::nullopt).has_value());
    BOOST_TEST(role_holder_in("Presiden AS", date::sys_days{1990_y / 1 / 1}) == "");  // before the first listed term
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------ load errors

namespace {

// A fresh directory holding actors.yaml and places.yaml with the given texts.
class RulesDir {
public:
    RulesDir(const std::string& actors, const std::string& places) {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("linimasa-gazetteer-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::create_directories(path_);
        std::ofstream(path_ / "actors.yaml") << actors;
        std::ofstream(path_ / "places.yaml") << places;
    }
    ~RulesDir() { std::filesystem::remove_all(path_); }
    std::string path() const { return path_.string(); }

private:
    std::filesystem::path path_;
};

const std::string kMinimalActors =
    "actors:\n"
    "  - {name: Russia, kind: country, aliases: [Rusia]}\n"
    "  - {name: Vladimir Putin, kind: person, country: Russia, aliases: [Putin]}\n";
const std::string kMinimalPlaces =
    "places:\n"
    "  - {name: Moscow, kind: city, country: Russia, aliases: [Moskow]}\n";

// 1-based line and column of the first occurrence of `needle` in `text`.
std::pair<int, int> position_of(const std::string& text, const std::string& needle) {
    std::size_t at = text.find(needle);
    BOOST_TEST_REQUIRE(at != std::string::npos, "not in the test text: " << needle);
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
    std::size_t line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
    line_start = line_start == std::string::npos || at == 0 ? 0 : line_start + 1;
    return {line, static_cast<int>(at - line_start) + 1};
}

// Loads the texts and checks that it fails with a diagnostic containing `message`, in `file`,
// at the line and column where `where` is written in that file's text.
void expect_error(const std::string& actors, const std::string& places, const std::string& file,
                  const std::string& where, const std::string& message) {
    RulesDir dir(actors, places);
    GazetteerLoad load = Gazetteer::load(dir.path());
    BOOST_TEST(load.gazetteer == nullptr);
    auto found = std::find_if(load.diagnostics.begin(), load.diagnostics.end(),
                              [&](const Diagnostic& d) { return d.message.find(message) != std::string::npos; });
    BOOST_TEST_REQUIRE((found != load.diagnostics.end()), "no '" << message << "' in:\n" << all_messages(load.diagnostics));
    auto [line, column] = position_of(file == "actors.yaml" ? actors : places, where);
    BOOST_TEST(found->file == dir.path() + "/" + file);
    BOOST_TEST(found->line == line, found->str());
    BOOST_TEST(found->column == column, found->str());
    std::string expected_prefix = dir.path() + "/" + file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: ";
    BOOST_TEST(found->str().rfind(expected_prefix, 0) == 0u, found->str());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(load_errors)

BOOST_AUTO_TEST_CASE(a_minimal_pair_of_files_loads) {
    RulesDir dir(kMinimalActors, kMinimalPlaces);
    GazetteerLoad load = Gazetteer::load(dir.path());
    BOOST_TEST_REQUIRE(load.gazetteer != nullptr, all_messages(load.diagnostics));
    BOOST_TEST(load.gazetteer->actors().size() == 2u);
    BOOST_TEST(load.gazetteer->find_places("ke Moskow").size() == 1u);
}

BOOST_AUTO_TEST_CASE(yaml_syntax_error) {
    std::string actors = kMinimalActors + "  - {name: Broken, kind: person\n";
    RulesDir dir(actors, kMinimalPlaces);
    GazetteerLoad load = Gazetteer::load(dir.path());
    BOOST_TEST(load.gazetteer == nullptr);
    BOOST_TEST_REQUIRE(!load.diagnostics.empty());
    BOOST_TEST(load.diagnostics[0].file == dir.path() + "/actors.yaml");
    BOOST_TEST(load.diagnostics[0].line >= 4);
    BOOST_TEST(load.diagnostics[0].column > 0);
}

BOOST_AUTO_TEST_CASE(missing_file) {
    RulesDir dir(kMinimalActors, kMinimalPlaces);
    std::filesystem::remove(dir.path() + "/places.yaml");
    GazetteerLoad load = Gazetteer::load(dir.path());
    BOOST_TEST(load.gazetteer == nullptr);
    BOOST_TEST_REQUIRE(load.diagnostics.size() == 1u);
    BOOST_TEST(load.diagnostics[0].str() == dir.path() + "/places.yaml: error: cannot read the gazetteer file");
}

BOOST_AUTO_TEST_CASE(unknown_keys_have_a_hint) {
    std::string actors = kMinimalActors + "  - {name: Sergei Lavrov, kind: person, alaises: [Lavrov]}\n";
    expect_error(actors, kMinimalPlaces, "actors.yaml", "alaises", "unknown key 'alaises' (did you mean 'aliases'?)");
    std::string top = kMinimalActors + "role:\n  - {title: Menlu Rusia, holders: [{name: Vladimir Putin}]}\n";
    expect_error(top, kMinimalPlaces, "actors.yaml", "role:", "unknown key 'role' (did you mean 'roles'?)");
    std::string holder = kMinimalActors + "roles:\n  - {title: Presiden Rusia, holders: [{name: Vladimir Putin, form: 2012-05-07}]}\n";
    expect_error(holder, kMinimalPlaces, "actors.yaml", "form", "unknown key 'form' (did you mean 'from'?)");
}

BOOST_AUTO_TEST_CASE(unknown_kind_has_a_hint) {
    std::string actors = kMinimalActors + "  - {name: TASS, kind: medias}\n";
    expect_error(actors, kMinimalPlaces, "actors.yaml", "medias", "unknown kind 'medias' (did you mean 'media'?)");
}

BOOST_AUTO_TEST_CASE(missing_name) {
    std::string actors = kMinimalActors + "  - {kind: person, aliases: [Lavrov]}\n";
    expect_error(actors, kMinimalPlaces, "actors.yaml", "{kind: person", "missing 'name'");
    std::string places = kMinimalPlaces + "  - {kind: city, country: Russia}\n";
    expect_error(kMinimalActors, places, "places.yaml", "{kind: city, country: Russia}", "missing 'name'");
}

BOOST_AUTO_TEST_CASE(duplicate_canonical_names) {
    std::string actors = kMinimalActors + "  - {name: Vladimir Putin, kind: person}\n";
    expect_error(actors, kMinimalPlaces, "actors.yaml", "Vladimir Putin, kind: person}", "duplicate actor 'Vladimir Putin' (first defined at line 3)");
    std::string places = kMinimalPlaces + "  - {name: Moscow, kind: city, country: Russia}\n";
    expect_error(kMinimalActors, places, "places.yaml", "Moscow, kind: city, country: Russia}", "duplicate place 'Moscow'");
}

BOOST_AUTO_TEST_CASE(an_alias_claimed_by_two_entries) {
    std::string actors = kMinimalActors + "  - {name: Sergei Lavrov, kind: person, aliases: [Lavrov, putin]}\n";
    expect_error(actors, kMinimalPlaces, "actors.yaml", "putin]", "alias 'putin' of actor 'Sergei Lavrov' is also an alias of actor 'Vladimir Putin'");
    // a role title is an alias too
    std::string role = kMinimalActors + "roles:\n  - {title: [Presiden Rusia, Putin], holders: [{name: Vladimir Putin}]}\n";
    expect_error(role, kMinimalPlaces, "actors.yaml", "Putin], holders", "alias 'Putin' of role 'Presiden Rusia' is also an alias of actor 'Vladimir Putin'");
    std::string places = kMinimalPlaces + "  - {name: Kremlin, kind: site, country: Russia, aliases: [MOSKOW]}\n";
    expect_error(kMinimalActors, places, "places.yaml", "MOSKOW", "alias 'MOSKOW' of place 'Kremlin' is also an alias of place 'Moscow'");
}

BOOST_AUTO_TEST_CASE(role_holders_must_be_defined_actors) {
    std::string actors = kMinimalActors + "roles:\n  - title: Presiden Rusia\n    holders:\n      - {name: Vladimir Puttin, from: 2012-05-07}\n";
    expect_error(actors, kMinimalPlaces, "actors.yaml", "Vladimir Puttin",
                 "role holder 'Vladimir Puttin' is not a defined actor (did you mean 'Vladimir Putin'?)");
}

BOOST_AUTO_TEST_CASE(countries_must_be_defined_country_actors) {
    std::string undefined = kMinimalActors + "  - {name: Sergei Lavrov, kind: person, country: Rusia}\n";
    expect_error(undefined, kMinimalPlaces, "actors.yaml", "Rusia}", "unknown country 'Rusia' (did you mean 'Russia'?)");
    std::string not_a_country = kMinimalActors + "  - {name: Sergei Lavrov, kind: person, country: Vladimir Putin}\n";
    expect_error(not_a_country, kMinimalPlaces, "actors.yaml", "Vladimir Putin}", "'Vladimir Putin' is a person, not a country actor");
    std::string place = kMinimalPlaces + "  - {name: Pyongyang, kind: city, country: North Korea}\n";
    expect_error(kMinimalActors, place, "places.yaml", "North Korea}", "unknown country 'North Korea'");
    std::string missing = kMinimalPlaces + "  - {name: Pyongyang, kind: city}\n";
    expect_error(kMinimalActors, missing, "places.yaml", "{name: Pyongyang", "missing 'country'");
}

BOOST_AUTO_TEST_CASE(bad_role_dates) {
    std::string not_a_day = kMinimalActors + "roles:\n  - {title: Presiden Rusia, holders: [{name: Vladimir Putin, from: 2012-02-30}]}\n";
    expect_error(not_a_day, kMinimalPlaces, "actors.yaml", "2012-02-30", "'from' must be a calendar day written YYYY-MM-DD");
    std::string short_form = kMinimalActors + "roles:\n  - {title: Presiden Rusia, holders: [{name: Vladimir Putin, until: 2024-5-1}]}\n";
    expect_error(short_form, kMinimalPlaces, "actors.yaml", "2024-5-1", "'until' must be a calendar day written YYYY-MM-DD");
    std::string reversed = kMinimalActors + "roles:\n  - {title: Presiden Rusia, holders: [{name: Vladimir Putin, from: 2012-05-07, until: 2008-05-07}]}\n";
    expect_error(reversed, kMinimalPlaces, "actors.yaml", "2008-05-07", "'until' 2008-05-07 is before 'from' 2012-05-07");
}

BOOST_AUTO_TEST_CASE(overlapping_terms) {
    std::string actors = kMinimalActors +
                         "  - {name: Dmitry Medvedev, kind: person, country: Russia}\n"
                         "roles:\n"
                         "  - title: Presiden Rusia\n"
                         "    holders:\n"
                         "      - {name: Vladimir Putin, from: 2000-05-07, until: 2008-05-08}\n"
                         "      - {name: Dmitry Medvedev, from: 2008-05-07, until: 2012-05-07}\n";
    expect_error(actors, kMinimalPlaces, "actors.yaml", "{name: Dmitry Medvedev, from",
                 "the term of 'Dmitry Medvedev' as 'Presiden Rusia' overlaps the term of 'Vladimir Putin' (until 2008-05-08)");
    std::string open_ended = kMinimalActors +
                             "  - {name: Dmitry Medvedev, kind: person, country: Russia}\n"
                             "roles:\n"
                             "  - title: Presiden Rusia\n"
                             "    holders:\n"
                             "      - {name: Vladimir Putin}\n"
                             "      - {name: Dmitry Medvedev, from: 2008-05-07}\n";
    expect_error(open_ended, kMinimalPlaces, "actors.yaml", "{name: Dmitry Medvedev, from", "(no 'until')");
}

BOOST_AUTO_TEST_CASE(touching_terms_are_a_handover) {
    std::string actors = kMinimalActors +
                         "  - {name: Dmitry Medvedev, kind: person, country: Russia}\n"
                         "roles:\n"
                         "  - title: Presiden Rusia\n"
                         "    holders:\n"
                         "      - {name: Vladimir Putin, until: 2008-05-07}\n"
                         "      - {name: Dmitry Medvedev, from: 2008-05-07, until: 2012-05-07}\n"
                         "      - {name: Vladimir Putin, from: 2012-05-07}\n";
    RulesDir dir(actors, kMinimalPlaces);
    GazetteerLoad load = Gazetteer::load(dir.path());
    BOOST_TEST_REQUIRE(load.gazetteer != nullptr, all_messages(load.diagnostics));
    auto hits = load.gazetteer->find_actors("Presiden Rusia");
    BOOST_TEST_REQUIRE(hits.size() == 1u);
    BOOST_TEST(load.gazetteer->actor(hits[0], date::sys_days{2008_y / 5 / 6})->name == "Vladimir Putin");
    BOOST_TEST(load.gazetteer->actor(hits[0], date::sys_days{2008_y / 5 / 7})->name == "Dmitry Medvedev");
    BOOST_TEST(load.gazetteer->actor(hits[0], date::sys_days{2012_y / 5 / 7})->name == "Vladimir Putin");
}

BOOST_AUTO_TEST_SUITE_END()
