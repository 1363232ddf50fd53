// The date lexicon: Indonesian time vocabulary and the grammar that composes it, loaded
// from an analyst-edited YAML file (rules/lexicon/id.yaml).
//
//   LexiconLoad load = load_lexicon("rules/lexicon/id.yaml");
//   if (!load.lexicon) { for (auto& d : load.diagnostics) std::cerr << d.str() << '\n'; }
//   const Lexicon& lex = *load.lexicon;
//   if (auto m = lex.lookup(lex.months, "agustus")) ...   // 8
//
// Every word is stored in its normal form (lowercase, one space between words, ’ as ').
// The loader validates the whole file and reports each problem as file:line:col, with a
// "did you mean" for unknown keys; it never throws and never exits.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "util/diagnostic.h"

namespace linimasa {

// Calendar units a quantity can count.
enum class TimeUnit { second, minute, hour, day, week, month, year };

// What a unit word means: `dekade` is ten years.
struct UnitWord {
    TimeUnit unit = TimeUnit::day;
    int times = 1;
};

// How a direction word places a time relative to its anchor (see rules/lexicon/id.yaml).
enum class Direction { none, past, this_one, next, upcoming, ahead, before_focus, after_focus, span_back, span_forward };

// `kemarin` is -1 day; `tadi malam` is -1 day, night.
struct RelativeDay {
    int offset = 0;
    std::string day_part;  // TIMEX3 part-of-day code, or empty
};

// A named day: the same month and day every year (Natal 12-25), or, for a movable feast
// (Idul Fitri, Imlek, Paskah), the day in each year listed (`by_year`; month/day unused).
struct MonthDay {
    int month = 1;
    int day = 1;
    std::shared_ptr<const std::map<int, std::pair<int, int>>> by_year;  // year -> (month, day)

    bool movable() const { return by_year != nullptr; }
};

// A number word that scales what came before: belas adds ten, puluh multiplies by ten.
struct NumberScale {
    int add = 0;
    int times = 1;
};

// One named pattern of the grammar, with where it was written.
struct GrammarFragment {
    std::string name;
    std::string pattern;
    int line = 0;
    int column = 0;  // of the pattern's first character (inside its quote, if quoted)
};

// Hashing and equality that accept std::string_view as well as std::string, so that the
// maps below can be searched with a view into the text (or a scratch buffer) without
// building a std::string for every lookup.
struct PhraseHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
struct PhraseEqual {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const noexcept { return a == b; }
};

template <class T>
using WordMap = std::unordered_map<std::string, T, PhraseHash, PhraseEqual>;
using WordSet = std::unordered_set<std::string, PhraseHash, PhraseEqual>;

struct Lexicon {
    std::string path;

    WordMap<int> months;
    WordMap<int> month_abbreviations;
    WordMap<int> weekdays;
    WordMap<int> numbers;
    WordMap<NumberScale> number_scales;
    WordMap<double> fractions;  // setengah = 0.5: alone or after a number (satu setengah = 1.5)
    std::string one_prefix;
    WordSet vague_quantities;
    std::string reduplication_prefix;
    WordMap<UnitWord> units;
    WordMap<RelativeDay> relative_days;
    WordMap<std::string> day_parts;
    WordMap<std::string> period_parts;
    WordMap<Direction> directions;
    WordMap<std::string> approximators;
    WordSet set_markers;
    WordMap<std::string> vague_references;
    WordSet past_ref_context_words;   // need context to be a time (dulu)
    WordSet past_ref_context_after;   // ... which these words give
    WordMap<MonthDay> named_days;
    WordMap<char> period_units;       // 'Q' quarter, 'H' half
    WordMap<int> ordinals;
    WordMap<std::string> seasons;
    WordMap<std::string> time_zones;  // "+07:00"
    WordSet range_separators;
    std::string range_opener;
    std::string range_opener_separator;
    WordSet future_cues;
    WordSet past_cues;
    WordSet future_prepositions;
    WordSet age_words;
    WordSet meal_words;  // makan malam is dinner: a part of day right after them is no time
    WordSet day_part_leads;  // sejak pagi: the only words a bare part of day may follow
    WordSet set_list_joiners;  // setiap Senin dan Kamis: words that carry a weekly SET on to the next weekday
    WordSet reference_words;
    WordSet name_reference_words;  // Resolusi (DK PBB) 1701: a number after the name of a numbered thing
    WordSet count_leads;
    std::vector<std::string> copyright_marks;
    std::vector<std::string> dateline_outlets;  // (antara), cnn indonesia: a lead sentence's dateline  // ©, copyright: a bare year after them is a notice           // sebanyak 2024 (rudal): a number after these counts things
    WordMap<std::string> dateline_words;  // header labels: "published" or "updated" (Diperbarui)
    WordSet count_nouns;
    WordSet year_prepositions;  // pada 2023 (warga ...): a year, whatever noun follows
    WordSet weekday_name_words;
    WordSet date_name_words;  // Jalan 17 Agustus, Stadion 10 November: a day and month after them is a name
    WordSet non_time_phrases;
    WordSet century_words;
    WordSet hyphenated_words;  // every lexicon word written with a hyphen (baru-baru)

    // Every section's words, by section name, for the grammar's {section} references.
    std::map<std::string, std::vector<std::string>> section_words;
    std::vector<GrammarFragment> grammar;
    // The largest number of words in any multi-word entry.
    int longest_phrase = 1;

    // The meaning of a normalised word or phrase in one section, if it is there.
    template <class T>
    static const T* lookup(const WordMap<T>& map, std::string_view phrase) {
        auto it = map.find(phrase);
        return it == map.end() ? nullptr : &it->second;
    }
};

struct LexiconLoad {
    std::optional<Lexicon> lexicon;  // empty when there were errors
    Diagnostics diagnostics;
};

// Loads and validates a lexicon file.
LexiconLoad load_lexicon(const std::string& path);
// Loads a lexicon from YAML text; `path` labels the diagnostics.
LexiconLoad parse_lexicon(const std::string& yaml, const std::string& path);

// The normal form of a word or phrase: lowercase ASCII, ’ as ', single spaces.
std::string normalize_phrase(std::string_view text);
// The same normal form written into `buffer` (cleared first), returned as a view of it.
// Reusing one buffer avoids an allocation per word on hot paths; the view is valid until
// the buffer changes.
std::string_view normalize_phrase_into(std::string_view text, std::string& buffer);
// Appends the normal form of `text` to `out` (what normalize_phrase would return).
void append_normalized(std::string_view text, std::string& out);

}  // namespace linimasa
