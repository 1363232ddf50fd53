// The scanner: the lexicon's grammar compiled into one RE2 pattern that finds candidate
// temporal expressions in a single left-to-right pass.
//
//   GrammarBuild g = build_grammar(lexicon);
//   if (!g.grammar) report(g.diagnostics);
//   g.grammar->scan(text, [&](std::size_t begin, std::size_t end) { ... return true; });
//
// A grammar fragment refers to a lexicon section or an earlier fragment as {name}; the
// fragment named `expression` is what is scanned for. Matching is case-insensitive and
// leftmost-longest, so the widest expression at a position wins ("Selasa, 15 Agustus
// 2023 13:26 WIB" rather than "Selasa"). RE2 guarantees time linear in the text.
#pragma once

#include <re2/re2.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "lexicon/lexicon.h"

namespace linimasa {

class Grammar {
public:
    explicit Grammar(std::unique_ptr<RE2> expression) : expression_(std::move(expression)) {}

    // Calls `sink(begin, end)` for every non-overlapping match in `text`, left to right,
    // where the match does not start or end inside a word. `sink` returns false to reject
    // a match, so that the scan goes on from the next character instead of after it. The scan
    // ends after the first match accepted that starts beyond `stop_beyond`, or after a match
    // accepted when `finished()` (if given) then returns true.
    void scan(std::string_view text, const std::function<bool(std::size_t, std::size_t)>& sink,
              std::size_t stop_beyond = std::string_view::npos, const std::function<bool()>& finished = {}) const;

    // The expanded pattern, for debugging.
    const std::string& pattern() const { return expression_->pattern(); }

private:
    std::unique_ptr<RE2> expression_;
};

struct GrammarBuild {
    std::optional<Grammar> grammar;
    Diagnostics diagnostics;
};

// Expands and compiles the lexicon's grammar; reports undefined names and RE2's own error
// messages at the fragment's line and column in the lexicon file.
GrammarBuild build_grammar(const Lexicon& lexicon);

}  // namespace linimasa
