// The date engine: finds every temporal expression in an article and resolves it.
//
//   EngineLoad load = DateEngine::load("rules");      // reads rules/lexicon/id.yaml
//   if (!load.engine) report(load.diagnostics);
//   DocumentDates dates = load.engine->analyze(decoded_text, std::nullopt);
//   for (const TimeMention& m : dates.mentions) ...   // in text order
//
// Stages: one RE2 scan for candidates (Grammar), a Reading of each (interpret), a few
// context checks that reject look-alikes (ages, law numbers, counts), the publication date
// (given, or found in the dateline), then resolution in text order so that each mention
// can count from the last date before it.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dates/grammar.h"
#include "dates/interpreter.h"
#include "dates/reading.h"
#include "dates/resolver.h"
#include "dates/time_mention.h"
#include "lexicon/lexicon.h"
#include "text/decoded_text.h"

namespace linimasa {

struct DocumentDates {
    std::optional<date::sys_days> publication;  // the anchor used, if any
    bool publication_from_dateline = false;     // found in the text rather than given
    std::vector<TimeMention> mentions;          // in text order, never overlapping
};

class DateEngine;

struct EngineLoad {
    std::unique_ptr<DateEngine> engine;  // empty when the lexicon or grammar has errors
    Diagnostics diagnostics;
};

class DateEngine {
public:
    // Loads `rules_dir`/lexicon/id.yaml and compiles its grammar.
    static EngineLoad load(const std::string& rules_dir);
    // Builds an engine from an already loaded lexicon.
    static EngineLoad from_lexicon(Lexicon lexicon);

    // All temporal expressions of a text. `reference` overrides the dateline; with neither,
    // relative expressions stay underspecified.
    DocumentDates analyze(std::string_view text, std::optional<date::sys_days> reference) const;
    // The publication date analyze(text, std::nullopt) finds in the dateline, from the page's
    // header alone: for a page without events, all that is asked of it.
    std::optional<date::sys_days> publication_date(std::string_view text) const;

    const Lexicon& lexicon() const { return lexicon_; }

private:
    static bool merge_compound_duration(std::string_view text, TimeMention& first, const TimeMention& second);
    DateEngine(Lexicon lexicon, Grammar grammar)
        : lexicon_(std::move(lexicon)), grammar_(std::move(grammar)), phrases_(lexicon_), cues_(lexicon_) {}

    // The tense cue words (future_cues, past_cues) bucketed by length. tense_cue reads every
    // word before each mention; comparing a word with the few cues of its length is much
    // cheaper than hashing it, and an ASCII word is compared without being copied.
    class CueWords {
    public:
        explicit CueWords(const Lexicon& lexicon);
        // future if `word` (raw text: letters, any case) is a future cue, else past if it is
        // a past cue, else none.
        TenseCue find(std::string_view word, std::string& buffer) const;

    private:
        TenseCue find_normalized(std::string_view word) const;
        std::vector<std::vector<std::pair<std::string, TenseCue>>> by_length_;
    };

    struct Candidate {
        std::size_t begin;
        std::size_t end;
        Reading reading;
    };

    // Buffers for normalised words, reused across the mentions of one text so that the
    // context checks do not allocate per mention.
    struct Scratch {
        std::string before;  // the word before a span
        std::string word;    // any other single word
        std::string phrase;  // a span or a two-word phrase
    };

    // How far into a page (bytes) a dateline is looked for.
    static constexpr std::size_t kDatelineReach = 3000;

    // The candidate expressions, left to right; with `stop_beyond`, none after the first that
    // starts past it (whose own elided first part, `15 dan 16 Agustus`, is still found); with
    // `enough`, none after the step that added the candidate for which it returns true. (A
    // candidate is never changed once added: what comes later cannot change those found.)
    std::vector<Candidate> recognize(std::string_view text, std::size_t stop_beyond = std::string_view::npos,
                                     const std::function<bool(const Candidate&)>& enough = {}) const;
    std::optional<Candidate> elided_first(std::string_view text, const Candidate& c, std::size_t floor,
                                          Scratch& scratch) const;
    bool plausible(std::string_view text, const Candidate& c, bool sentence_initial, Scratch& scratch) const;
    // A clock time after a complete date: `20 November 2024 14:30` extends the date into
    // one TIME; `20/11/2024, 14:30 WIB` or `20 Nov 2024 | 14.30` (a header) gives a TIME of
    // its own on that date. Empty when no clock follows.
    std::optional<Candidate> clock_after_date(std::string_view text, const Candidate& c, bool& separate,
                                              Scratch& scratch) const;
    std::optional<date::sys_days> find_dateline(std::string_view text, const std::vector<Candidate>& found) const;
    // `setiap Senin, Rabu dan Jumat`, `setiap Senin malam dan Kamis malam`: whether candidate `c`
    // is a weekday (with at most a part of day) listed right after `previous`, a weekly SET,
    // joined by a comma and/or a set_list_joiners word.
    bool listed_after_weekly_set(std::string_view text, const TimeMention& previous, const Candidate& c,
                                 std::string& word) const;
    // What a candidate is as a page's header date (rule 1 of find_dateline).
    enum class HeaderDate { none, strong, updated, weak };
    HeaderDate header_date(std::string_view text, const Candidate& c, std::string& word) const;

    Lexicon lexicon_;
    Grammar grammar_;
    PhraseIndex phrases_;  // the interpreter's view of lexicon_, built once
    CueWords cues_;
};

}  // namespace linimasa
