// The interpreter: reads the words of one span that the grammar matched into a Reading.
//
//   PhraseIndex index(lexicon);                           // once, when the lexicon is loaded
//   std::optional<Reading> r = interpret(lexicon, index, "akhir Agustus lalu", false);
//   // r->date.month == 8, r->period_part == "END", r->direction == Direction::past
//
// It looks every word up in the lexicon (longest phrase first), so the same code serves
// whatever patterns the grammar lists. It returns nothing when the span names no time
// (a lone unit word such as "minggu").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "dates/reading.h"
#include "lexicon/lexicon.h"

namespace linimasa {

// Everything the lexicon's sections say about one normalised word or phrase. A phrase can
// be in several sections (minggu is a weekday and a unit; ke depan a direction and a
// vague reference); each field is set for the sections that list it.
struct PhraseMeaning {
    std::optional<int> month;
    std::optional<int> month_abbreviation;
    std::optional<int> weekday;
    std::optional<int> number;
    std::optional<NumberScale> number_scale;
    std::optional<double> fraction;
    std::optional<UnitWord> unit;
    std::optional<RelativeDay> relative_day;
    std::optional<std::string> day_part;
    std::optional<std::string> period_part;
    std::optional<Direction> direction;
    std::optional<std::string> approximator;
    std::optional<std::string> vague_reference;
    std::optional<MonthDay> named_day;
    std::optional<char> period_unit;
    std::optional<int> ordinal;
    std::optional<std::string> season;
    std::optional<std::string> time_zone;
    // The most words of any phrase in the index that starts with this word (this one if it
    // is a single word); a phrase's first word is always in the index, with no meaning of
    // its own if need be (kurang in kurang lebih), so that longer lookups can be skipped.
    int longest_from_here = 0;
    bool set_marker = false;
    bool range_separator = false;
    bool vague_quantity = false;
    bool century_word = false;
};

// All the sections the interpreter reads, merged into one table keyed by phrase: a span's
// word sequence is then looked up once per length instead of once per section and length,
// with a string_view key and no allocation. Built from a lexicon, it holds copies of the
// meanings, so it stays valid however the lexicon is later moved.
class PhraseIndex {
public:
    explicit PhraseIndex(const Lexicon& lexicon);

    // The meaning of a normalised phrase (words separated by single spaces), or nullptr.
    const PhraseMeaning* find(std::string_view phrase) const {
        auto it = meanings_.find(phrase);
        return it == meanings_.end() ? nullptr : &it->second;
    }
    // The most words in any phrase, and the most bytes: longer sequences cannot match.
    int longest_words() const { return longest_words_; }
    std::size_t longest_bytes() const { return longest_bytes_; }

private:
    std::unordered_map<std::string, PhraseMeaning, PhraseHash, PhraseEqual> meanings_;
    int longest_words_ = 1;
    std::size_t longest_bytes_ = 0;
};

// `sentence_initial` says the span starts a sentence, where capitals carry no meaning
// (Minggu lalu: last week, not last Sunday). `index` must have been built from `lexicon`.
std::optional<Reading> interpret(const Lexicon& lexicon, const PhraseIndex& index, std::string_view span,
                                 bool sentence_initial);
// The same with an index built for this one call: for tests and occasional use.
std::optional<Reading> interpret(const Lexicon& lexicon, std::string_view span, bool sentence_initial);

}  // namespace linimasa
