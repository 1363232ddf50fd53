// Unit tests for src/events/event_rules.h and cue_lists.h: loading analyst rule files, their
// diagnostics, and finding triggers at word boundaries.
#ifndef BOOST_TEST_DYN_LINK
#define BOOST_TEST_DYN_LINK
#endif
#define BOOST_TEST_MODULE event_rules
#include <boost/test/unit_test.hpp>

#include <string>

#include "events/cue_lists.h"
#include "events/event_rules.h"
#include "temp_rules.h"

using namespace linimasa;
using testing::TempRules;

namespace {

std::string all_messages(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags) out += d.str() + "\n";
    return out;
}

const Diagnostic* find_diag(const Diagnostics& diags, const std::string& needle) {
    for (const auto& d : diags)
        if (d.message.find(needle) != std::string::npos) return &d;
    return nullptr;
}

const char* kLetterRule = R"(- id: letter-exchange
  type: letter_exchange
  triggers: ['(?:saling )?(?:bertukar|berkirim) surat', 'mengirim(?:kan)? surat']
  needs: {actors: 1}
  examples:
    - text: "Kim dan Putin bertukar surat pada 15 Agustus 2023."
      ref_date: 2023-08-16
      expect: {date: 2023-08-15, actors: [Kim Jong Un, Vladimir Putin], status: occurred}
  not:
    - "Surat kabar itu terbit pagi."
- id: summit
  type: meeting
  triggers: ['bertemu', 'KTT']
)";

}  // namespace

BOOST_AUTO_TEST_CASE(shipped_rules_load_clean) {
    RuleSetLoad load = RuleSet::load(LINIMASA_SOURCE_RULES);
    BOOST_TEST(!has_errors(load.diagnostics), all_messages(load.diagnostics));
    BOOST_TEST_REQUIRE(load.rules != nullptr);
    BOOST_TEST(load.rules->rules().size() >= 20u);
}

BOOST_AUTO_TEST_CASE(rule_fields_and_positions) {
    TempRules dir;
    dir.write("events/a.yaml", kLetterRule);
    RuleSetLoad load = RuleSet::load(dir.path());
    BOOST_TEST_REQUIRE(load.rules != nullptr, all_messages(load.diagnostics));
    const auto& rules = load.rules->rules();
    BOOST_TEST_REQUIRE(rules.size() == 2u);
    BOOST_TEST(rules[0].id == "letter-exchange");
    BOOST_TEST(rules[0].reference() == "letter-exchange@events/a.yaml:1");
    BOOST_TEST(rules[1].reference() == "summit@events/a.yaml:11");
    BOOST_TEST(rules[0].needs_actors == 1);
    BOOST_TEST_REQUIRE(rules[0].examples.size() == 1u);
    BOOST_TEST(rules[0].examples[0].line == 6);
    BOOST_TEST(*rules[0].examples[0].ref_date == "2023-08-16");
    BOOST_TEST(*rules[0].examples[0].expect.date == "2023-08-15");
    BOOST_TEST(rules[0].examples[0].expect.actors->size() == 2u);
    BOOST_TEST_REQUIRE(rules[0].counter_examples.size() == 1u);
    BOOST_TEST(rules[0].counter_examples[0].line == 10);
}

BOOST_AUTO_TEST_CASE(triggers_at_word_boundaries_case_insensitive) {
    TempRules dir;
    dir.write("events/a.yaml", kLetterRule);
    RuleSetLoad load = RuleSet::load(dir.path());
    BOOST_TEST_REQUIRE(load.rules != nullptr, all_messages(load.diagnostics));
    const std::string text = "Kedua pemimpin Saling Bertukar Surat, lalu bertemu; pertemuannya singkat. KTT-nya usai.";
    auto found = load.rules->find_triggers(text);
    BOOST_TEST_REQUIRE(found.size() == 3u);
    BOOST_TEST(text.substr(found[0].begin, found[0].end - found[0].begin) == "Saling Bertukar Surat");
    BOOST_TEST(found[0].rule == 0);
    BOOST_TEST(text.substr(found[1].begin, found[1].end - found[1].begin) == "bertemu");
    BOOST_TEST(text.substr(found[2].begin, found[2].end - found[2].begin) == "KTT");
    // `pertemuannya` holds `temu` but not the word `bertemu`.
    BOOST_TEST(load.rules->find_triggers("pertemuannya").empty());
    BOOST_TEST(load.rules->find_triggers("Surat kabar terbit.").empty());
}

BOOST_AUTO_TEST_CASE(a_page_without_triggers_is_told_by_one_search) {
    TempRules dir;
    dir.write("events/a.yaml", kLetterRule);
    RuleSetLoad load = RuleSet::load(dir.path());
    BOOST_TEST_REQUIRE(load.rules != nullptr, all_messages(load.diagnostics));
    BOOST_TEST(!load.rules->may_have_triggers("Harga cabai naik.\nSurat kabar terbit pagi."));
    BOOST_TEST(load.rules->may_have_triggers("Harga cabai naik.\nKedua menteri bertemu kemarin."));
    BOOST_TEST(!load.rules->may_have_triggers(""));

    // A trigger that looks at its context (`^` here: a sentence that opens with it) can match in
    // a sentence where the whole page does not: then every page may have triggers.
    TempRules anchored;
    anchored.write("events/a.yaml", "- id: opening\n  type: meeting\n  triggers: ['^bertemu']\n");
    RuleSetLoad context = RuleSet::load(anchored.path());
    BOOST_TEST_REQUIRE(context.rules != nullptr, all_messages(context.diagnostics));
    BOOST_TEST(context.rules->may_have_triggers("Harga cabai naik.\nSurat kabar terbit pagi."));
    BOOST_TEST(context.rules->find_triggers("Bertemu di Jakarta.").size() == 1u);
    BOOST_TEST(context.rules->find_triggers("Mereka bertemu di Jakarta.").empty());
}

BOOST_AUTO_TEST_CASE(only_rule_limits_the_search) {
    TempRules dir;
    dir.write("events/a.yaml", kLetterRule);
    RuleSetLoad load = RuleSet::load(dir.path());
    BOOST_TEST_REQUIRE(load.rules != nullptr);
    auto found = load.rules->find_triggers("Mereka bertemu dan berkirim surat.", 1);
    BOOST_TEST_REQUIRE(found.size() == 1u);
    BOOST_TEST(found[0].rule == 1);
}

BOOST_AUTO_TEST_CASE(invalid_regex_reports_re2_message_at_the_trigger) {
    TempRules dir;
    dir.write("events/bad.yaml", "- id: broken\n  type: meeting\n  triggers:\n    - 'bertemu'\n    - 'ber(temu'\n");
    RuleSetLoad load = RuleSet::load(dir.path());
    BOOST_TEST(load.rules == nullptr);
    const Diagnostic* d = find_diag(load.diagnostics, "invalid trigger pattern");
    BOOST_TEST_REQUIRE(d != nullptr, all_messages(load.diagnostics));
    BOOST_TEST(d->line == 5);
    BOOST_TEST(d->column == 7);
    BOOST_TEST(d->message.find("missing )") != std::string::npos, d->message);
    BOOST_TEST(d->file == dir.path("events/bad.yaml"));
}

BOOST_AUTO_TEST_CASE(unknown_keys_get_a_hint) {
    TempRules dir;
    dir.write("events/a.yaml", "- id: x\n  type: meeting\n  trigers: ['bertemu']\n");
    RuleSetLoad load = RuleSet::load(dir.path());
    BOOST_TEST(load.rules == nullptr);
    const Diagnostic* d = find_diag(load.diagnostics, "unknown key 'trigers' (did you mean 'triggers'?)");
    BOOST_TEST_REQUIRE(d != nullptr, all_messages(load.diagnostics));
    BOOST_TEST(d->line == 3);
    BOOST_TEST(d->column == 3);
    BOOST_TEST(find_diag(load.diagnostics, "missing key 'triggers'") != nullptr);
}

BOOST_AUTO_TEST_CASE(duplicate_ids_across_files) {
    TempRules dir;
    dir.write("events/a.yaml", "- id: meet\n  type: meeting\n  triggers: bertemu\n");
    dir.write("events/b.yaml", "\n- id: meet\n  type: meeting\n  triggers: berjumpa\n");
    RuleSetLoad load = RuleSet::load(dir.path());
    BOOST_TEST(load.rules == nullptr);
    const Diagnostic* d = find_diag(load.diagnostics, "duplicate rule id 'meet' (first defined at events/a.yaml:1)");
    BOOST_TEST_REQUIRE(d != nullptr, all_messages(load.diagnostics));
    BOOST_TEST(d->line == 2);
}

BOOST_AUTO_TEST_CASE(broken_yaml_is_reported_with_its_position) {
    TempRules dir;
    dir.write("events/a.yaml", "- id: x\n  type: [meeting\n");
    RuleSetLoad load = RuleSet::load(dir.path());
    BOOST_TEST(load.rules == nullptr);
    BOOST_TEST_REQUIRE(!load.diagnostics.empty());
    BOOST_TEST(load.diagnostics[0].file == dir.path("events/a.yaml"));
    BOOST_TEST(load.diagnostics[0].line >= 2);
}

BOOST_AUTO_TEST_CASE(bad_values_in_examples) {
    TempRules dir;
    dir.write("events/a.yaml", R"(- id: x
  type: Meeting
  triggers: ['bertemu', '']
  needs: {actors: many}
  examples:
    - text: "Mereka bertemu."
      ref_date: 2023-02-30
      expect: {date: 15 Agustus, status: happened, basis: guess}
)");
    RuleSetLoad load = RuleSet::load(dir.path());
    BOOST_TEST(load.rules == nullptr);
    BOOST_TEST(find_diag(load.diagnostics, "must be snake_case") != nullptr, all_messages(load.diagnostics));
    BOOST_TEST(find_diag(load.diagnostics, "matches the empty string") != nullptr);
    BOOST_TEST(find_diag(load.diagnostics, "'actors' must be a whole number") != nullptr);
    BOOST_TEST(find_diag(load.diagnostics, "ref_date '2023-02-30' is not a date") != nullptr);
    BOOST_TEST(find_diag(load.diagnostics, "'15 Agustus' is not a timeline date") != nullptr);
    BOOST_TEST(find_diag(load.diagnostics, "unknown status 'happened'") != nullptr);
    BOOST_TEST(find_diag(load.diagnostics, "unknown basis 'guess'") != nullptr);
}

BOOST_AUTO_TEST_CASE(missing_events_folder) {
    TempRules dir;
    std::filesystem::remove(dir.path("events"));
    RuleSetLoad load = RuleSet::load(dir.path());
    BOOST_TEST(load.rules == nullptr);
    BOOST_TEST(find_diag(load.diagnostics, "event rules folder is missing") != nullptr);
}

BOOST_AUTO_TEST_CASE(cue_lists_find_phrases_by_kind) {
    TempRules dir;
    dir.write("status.yaml", "planned: [akan, dijadwalkan]\ndenied: [membantah]\nnegated: ['tidak ada rencana', belum]\n");
    CueListsLoad load = CueLists::load(dir.path("status.yaml"), {"planned", "denied", "negated"}, {});
    BOOST_TEST_REQUIRE(load.cues != nullptr, all_messages(load.diagnostics));
    const std::string text = "Kremlin membantah; TIDAK  ADA RENCANA kunjungan, dan Putin akan tiba. Akanan bukan kata.";
    auto hits = load.cues->find(text);
    BOOST_TEST_REQUIRE(hits.size() == 3u);
    BOOST_TEST(load.cues->kind_name(hits[0].kind) == "denied");
    BOOST_TEST(text.substr(hits[1].begin, hits[1].end - hits[1].begin) == "TIDAK  ADA RENCANA");
    BOOST_TEST(load.cues->kind_name(hits[1].kind) == "negated");
    BOOST_TEST(load.cues->kind_name(hits[2].kind) == "planned");
    BOOST_TEST(load.cues->kind("planned") == 0);
    BOOST_TEST(load.cues->kind("nothing") == -1);
}

// Phrases are found by hashes of their words: these are the cases where a lookup that is not
// exactly "the longest listed phrase, compared as lowercase words" would show.
BOOST_AUTO_TEST_CASE(cue_lists_longest_phrase_wins_and_prefixes_are_not_phrases) {
    TempRules dir;
    dir.write("status.yaml",
              "planned: [tidak akan ragu, 'pada  hari itu', ke-12, Jum'at, dan lain lain lain]\n"
              "denied: [membantah, tidak, akan]\n"
              "negated: ['tidak akan', membantah, 'x, y']\n");
    CueListsLoad load = CueLists::load(dir.path("status.yaml"), {"planned", "denied", "negated"}, {});
    BOOST_TEST_REQUIRE(load.cues != nullptr, all_messages(load.diagnostics));
    const CueLists& cues = *load.cues;
    auto found = [&](const std::string& text) {
        std::string out;
        for (const CueHit& h : cues.find(text))
            out.append("[").append(text.substr(h.begin, h.end - h.begin)).append("|").append(cues.kind_name(h.kind))
                .append("|").append(std::to_string(h.kinds)).append("]");
        return out;
    };
    // the longest phrase at a word wins; a shorter one is found where the longer one stops
    BOOST_TEST(found("Ia TIDAK akan Ragu.") == "[TIDAK akan Ragu|planned|1]");
    BOOST_TEST(found("tidak akan datang") == "[tidak akan|negated|4]");
    BOOST_TEST(found("tidak, datang akan") == "[tidak|denied|2][akan|denied|2]");
    // a phrase's leading words that are not a phrase themselves give nothing
    BOOST_TEST(found("pada hari ini, dan lain lain") == "");
    BOOST_TEST(found("Pada hari\nitu; dan lain lain lain") == "[Pada hari\nitu|planned|1][dan lain lain lain|planned|1]");
    // one phrase in two lists: the first list is its kind, both are in its kinds
    BOOST_TEST(found("Membantah") == "[Membantah|denied|6]");
    // words keep their hyphens and apostrophes; case is ASCII only
    BOOST_TEST(found("ke-12 ke 12 JUM'AT jum at") == "[ke-12|planned|1][JUM'AT|planned|1]");
    // an entry with a character that is never in a word is never found
    BOOST_TEST(found("x, y") == "");
}

BOOST_AUTO_TEST_CASE(cue_lists_report_missing_and_unknown_lists) {
    TempRules dir;
    dir.write("status.yaml", "planed: [akan]\ndenied: [membantah]\nnegated: [belum]\n");
    CueListsLoad load = CueLists::load(dir.path("status.yaml"), {"planned", "denied", "negated"}, {});
    BOOST_TEST(load.cues == nullptr);
    BOOST_TEST(find_diag(load.diagnostics, "unknown key 'planed' (did you mean 'planned'?)") != nullptr,
               all_messages(load.diagnostics));
    BOOST_TEST(find_diag(load.diagnostics, "missing key 'planned'") != nullptr);
}
