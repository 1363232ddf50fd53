// Diagnostics: errors and warnings that name a file, a line and a column.
//
//   Diagnostic d{"rules/lexicon/id.yaml", 12, 5, "unknown key 'monts' (did you mean 'months'?)"};
//   std::cerr << d.str();   // rules/lexicon/id.yaml:12:5: error: unknown key ...
//
// Errors are values: loaders return them in a list instead of throwing or exiting, so a
// caller can report every problem at once and decide what to do.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace linimasa {

enum class Severity { error, warning };

// One problem at a place in a file; line and column are 1-based, 0 when unknown.
struct Diagnostic {
    std::string file;
    int line = 0;
    int column = 0;
    std::string message;
    Severity severity = Severity::error;

    // Formats as "file:line:col: error: message" (omitting unknown parts).
    std::string str() const;
};

using Diagnostics = std::vector<Diagnostic>;

// True if any diagnostic in the list is an error.
bool has_errors(const Diagnostics& diagnostics);

// The closest candidate to `word` by edit distance, or "" if none is close enough
// to be a plausible typo; used for "did you mean" hints.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace linimasa
