// Cue lists: named lists of Indonesian words and phrases loaded from a rules file and found
// in text in one pass — the status cues of rules/status.yaml (`akan`, `membantah`, `belum`)
// and the date-attachment cues of rules/attachment.yaml (`pada hari itu`, `melaporkan`).
//
//   CueListsLoad load = CueLists::load("rules/status.yaml", {"planned", "denied", "negated"}, {});
//   for (const CueHit& h : load.cues->find(sentence)) if (load.cues->kind_name(h.kind) == "denied") ...
//
// Entries are words, not patterns: they are matched literally, case-insensitively (ASCII), as
// whole words, with any run of whitespace between the words of a phrase; the longest phrase at
// a word wins. Matching is one pass over the words of the text with hash lookups, no regex.
// A word keeps its inner hyphens and apostrophes: `ke` is not found in `ke-12`.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostic.h"

namespace linimasa {

struct CueHit {
    std::size_t begin = 0, end = 0;  // byte offsets in the text searched
    int kind = 0;                    // the first list (in the loader's `required` + `optional` order) holding it
    std::uint32_t kinds = 0;         // bit k set when list k holds the phrase (a word may be in several lists)

    bool in(int list) const { return list >= 0 && (kinds >> list & 1u) != 0; }
};

// A word of running text: letters and digits of any script, with inner hyphens and
// apostrophes (`ke-12`, `tak-tik` and `jum'at` are one word each).
struct TextWord {
    std::size_t begin = 0, end = 0;
    std::uint64_t hash = 0;  // of its bytes lowercased (ASCII): what cue lists look it up by
};

// The words of a text, in order; one pass, shared by every cue list searched in that text.
std::vector<TextWord> words_of(std::string_view text);

class CueLists;

struct CueListsLoad {
    std::unique_ptr<CueLists> cues;  // empty when the file has errors
    Diagnostics diagnostics;
};

class CueLists {
public:
    // Loads a mapping of list name -> phrases. Lists in `required` must be present; those in
    // `optional` may be; any other key is an error with a did-you-mean.
    static CueListsLoad load(const std::string& path, const std::vector<std::string>& required,
                             const std::vector<std::string>& optional);

    // Every cue in `text`, leftmost-longest, non-overlapping, in text order.
    std::vector<CueHit> find(std::string_view text) const { return find(text, words_of(text)); }
    // The same, with the text's words already split (words_of).
    std::vector<CueHit> find(std::string_view text, const std::vector<TextWord>& words) const;

    // The index of a list by name (-1 when unknown).
    int kind(std::string_view name) const;
    const std::string& kind_name(int kind) const { return names_[static_cast<std::size_t>(kind)]; }

private:
    CueLists() = default;
    // Adds `kinds` to the entry for `words` under `hash`, making it if needed.
    void add(std::uint64_t hash, std::string words, std::uint32_t kinds);

    // A normalised phrase (lowercase, one space between words), or the leading words of one.
    struct Entry {
        std::string words;
        std::uint32_t kinds = 0;  // lists holding it; 0 for leading words that are no phrase
    };

    std::size_t longest_ = 1;  // words in the longest phrase
    std::vector<std::string> names_;
    // Hash of a run of words (word hashes combined, no string built) -> the entries with it:
    // one, unless two collide, so a hit is checked against the entry's words. Every phrase's
    // leading words are there too, so that a search stops as soon as no phrase can start with
    // the words read so far.
    std::unordered_map<std::uint64_t, std::vector<Entry>> entries_;
    // One bit per value of a hash's top 16 bits, set for every entry: most words of a text
    // start no phrase, and are turned away here without a map lookup.
    std::array<std::uint64_t, 1024> filter_{};

    static std::size_t filter_bit(std::uint64_t hash) { return static_cast<std::size_t>(hash >> 48); }
    bool may_hold(std::uint64_t hash) const { return (filter_[filter_bit(hash) >> 6] >> (filter_bit(hash) & 63)) & 1u; }
};

}  // namespace linimasa
