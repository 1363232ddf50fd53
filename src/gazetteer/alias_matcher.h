// AliasMatcher: the aliases of one gazetteer (the actors' aliases and roles' titles, or the
// places' aliases), compiled once, and every place a text names one of them.
//
//   AliasMatcher m;
//   m.add("Korut", {3, false}, {"rules/actors.yaml", 12, 9});   // aliases already tidy
//   if (std::string problem = m.compile(); !problem.empty()) ...
//   m.report_conflicts(describe, diagnostics);   // an alias that two entries claim
//   for (const GazetteerHit& hit : m.find(text)) ...   // byte offsets, entry, is_role
//
// find() returns every alias in the text, left to right: leftmost-longest, non-overlapping (a
// search resumes where the last alias ended), never starting or ending inside a word (letters,
// digits and marks of any script: hyphens and quotes are boundaries). Each hit is the first
// alias in file order that matches the span. Words written in capitals only (AS, RI, PBB) and
// aliases that are one word of one or two letters (Xi) match in exact case, other words in any
// case; words may be separated by one to four blanks or no-break spaces, and ' matches ’ and ‘.
//
// How (the class comment below has the details): each word of the text whose key is an alias's
// key (alias_scan.h: AliasKeys, MatchStarts) is a place where a match may begin; there a trie of
// the ASCII aliases' folded shapes (ShapeTrie) or, where the trie cannot tell, the relaxed RE2
// of all aliases anchored at that place finds the longest match; split() and identify() then
// name the alias, and the exact Unicode-boundary RE2 settles the rare doubtful match.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "gazetteer/alias_scan.h"
#include "gazetteer/gazetteer.h"
#include "util/diagnostic.h"

namespace linimasa {

// A blank between the words of an alias (with the no-break space, see kBlank in alias_matcher.cpp).
inline bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Where an alias was written, for diagnostics.
struct AliasSource {
    std::string file;
    int line = 0;
    int column = 0;
};

// The aliases of one gazetteer.
//
// Finding: one leftmost-longest RE2 over all aliases, with ASCII boundary classes
// `(?:^|[^A-Za-z0-9])` and `(?:[^A-Za-z0-9]|$)` instead of the exact `[^\p{L}\p{N}\p{M}]`:
// Unicode classes make RE2 compile and run a much larger automaton. The ASCII classes accept
// every boundary the exact ones do, and more (a non-ASCII letter); so when the boundary
// characters of a match are known non-word characters, the match is exactly the one the exact
// pattern gives, and otherwise (a non-ASCII letter or mark next to an alias, practically never)
// the exact pattern — compiled on first use — answers that one search. Only the whole match is
// asked for (no capture groups, which make RE2 run a slow submatch engine over the whole
// alternation): the alias is the match without its boundary characters.
//
// Prefilter: an unanchored search runs the whole alternation's automaton over every byte of the
// text. Instead, MatchStarts lists where a match may begin (before a word of the text whose key
// is an alias's key, see AliasKeys), and find_ is tried anchored at each such position, left to
// right: the first that matches is where the unanchored leftmost-longest search would have
// matched (it finds no match at an earlier position, since every match begins at one of them),
// and anchored at the same position it is the same longest match. Where every alias that may
// begin there is ASCII, a trie of the aliases' folded shapes gives that longest match without
// RE2 (walk_trie), which spares RE2's cost per search (some hundreds of instructions) at most
// hits; the trie leaves anything else (K, ſ, other non-ASCII text, ill-formed UTF-8, `^`) to RE2.
// Each try stops where no alias can go on, so the search stays linear. A gazetteer with an alias
// that has no key (its first two characters are not letters or digits) is searched unanchored,
// as without the prefilter. What is found then goes through split() and identify() as before.
//
// Identifying: which alias a found span is, the first in file order that matches it exactly.
// A span of ASCII (plus no-break spaces and typographic quotes) is looked up by its folded
// shape in a hash map, and checked for the words that must match in exact case; any other span
// goes to an anchored RE2::Set of all aliases.
class AliasMatcher {
public:
    struct Target {
        int entry = 0;
        bool is_role = false;
        bool operator==(const Target&) const = default;
    };

    // Adds an alias (already tidy) of an entry; an entry may list the same alias twice.
    void add(const std::string& alias, Target target, AliasSource source);

    // Compiles the aliases; RE2's error text if they cannot be compiled.
    std::string compile();

    // Reports every alias that another entry's alias also matches, once per pair, at the later one.
    void report_conflicts(const std::function<std::string(Target)>& describe, Diagnostics& diagnostics) const;

    // Every alias in `text`, leftmost-longest, non-overlapping, at word boundaries.
    std::vector<GazetteerHit> find(std::string_view text) const;

private:
    // An alias span and the alias it is (-1: none, which a match of find_ never gives).
    struct Found {
        std::size_t begin = 0, end = 0;
        int alias = -1;
    };

    // Buffers reused across the hits of one text.
    struct Scratch {
        std::string shape, key;
        std::string walk_shape;  // for walk_trie()
        std::vector<int> which;
    };

    bool next_match(std::string_view text, std::size_t pos, MatchStarts& starts, re2::StringPiece& whole,
                    Scratch& scratch) const;

    // What walk_trie() found.
    enum class Walk { found, none, ask_re2 };

    Walk walk_trie(std::string_view text, const MatchStart& start, std::size_t& end, std::string& shape) const;
    bool some_alias_matches(int terminal, std::string_view shape) const;
    void index_keys();

    // What shape() made of a span.
    enum class Shape { ascii, no_alias, other };

    static Shape shape(std::string_view span, std::string& shape, std::string& key);
    void index_shapes();
    bool exact_words_match(std::size_t i, std::string_view shape) const;
    void all_matches(std::string_view span, std::vector<int>& matches, Scratch& scratch) const;
    int identify(std::string_view span, Scratch& scratch) const;
    const RE2::Set& identify_set() const;
    std::optional<Found> split(std::string_view text, std::size_t start, std::size_t stop, Scratch& scratch) const;
    std::optional<Found> find_exactly(std::string_view text, std::size_t pos, Scratch& scratch) const;

    std::vector<std::string> aliases_;
    std::vector<Target> targets_;
    std::vector<AliasSource> sources_;
    std::set<std::tuple<std::string, int, bool>> added_;
    std::unique_ptr<RE2> find_;          // the relaxed pattern
    std::unique_ptr<RE2::Set> others_;    // the aliases by_key_ does not hold, anchored at both ends
    std::vector<int> other_aliases_;      // others_ index -> alias
    mutable std::once_flag identify_once_;
    mutable std::unique_ptr<RE2::Set> identify_;  // every alias, anchored at both ends; on first use
    std::string exact_pattern_;          // with Unicode boundaries and the alias as group 1
    mutable std::once_flag exact_once_;
    mutable std::unique_ptr<RE2> exact_;  // exact_pattern_, compiled on first use
    bool use_keys_ = false;              // whether by_key_ identifies ASCII spans
    AliasKeys keys_;                     // where aliases may begin, for find()'s prefilter
    bool use_prefilter_ = false;         // whether every alias has a key in keys_
    ShapeTrie trie_;                     // the folded shapes of by_key_, for walk_trie()
    std::vector<const std::vector<int>*> trie_aliases_;  // by trie word number: its aliases in by_key_
    std::unordered_map<std::string, std::vector<int>> by_key_;  // folded shape -> aliases, in file order
    std::vector<std::string> shapes_;                             // by alias: its shape ("" if not ASCII)
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> exact_words_;  // by alias: exact-case words in its shape
};

}  // namespace linimasa
