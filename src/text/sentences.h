// Sentence splitting for Indonesian news text, with offsets into the text it was given.
//
//   SentenceSplitterLoad load = SentenceSplitter::load("rules");   // rules/segmentation.yaml
//   if (!load.splitter) report(load.diagnostics);
//   for (const Sentence& s : load.splitter->split(body))          // body: e.g. Boilerplate::masked
//       std::string_view words = body.substr(s.begin, s.end - s.begin);
//
// A sentence ends at `.`, `!`, `?` or `…` (closing quotes and brackets after it belong to the
// sentence) when whitespace and then an uppercase letter, a digit or an opening quote follow,
// or when the line ends. A full stop does not end a sentence after an abbreviation from the
// rules (`Dr.`, `Jl.`, `Jend.`), after a single capital initial (`Vladimir V. Putin`), after
// dotted initials (`U.S.`, `a.n.`), or after a list number at the start of a line (`1.`); a
// `sentence_final` abbreviation (`dll.`) ends one only before a capital letter or quote.
// Numbers (`13.26 WIB`, `3.500`) never split, as no space follows their dot. A sentence never
// crosses a line break: scraped news puts one paragraph per line. Blank lines — including
// furniture masked to spaces — produce nothing.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "util/diagnostic.h"

namespace linimasa {

// A sentence: byte offsets [begin, end) without surrounding whitespace, and the index of its
// paragraph (0-based, counting the non-blank lines of the text).
struct Sentence {
    std::size_t begin = 0;
    std::size_t end = 0;
    int paragraph = 0;
};

// An example of rules/segmentation.yaml: a text and the sentences it must split into.
struct SegmentationExample {
    std::string text;
    std::vector<std::string> sentences;
    int line = 0;
    int column = 0;
};

class SentenceSplitter;

struct SentenceSplitterLoad {
    std::unique_ptr<SentenceSplitter> splitter;  // empty when the rules have errors
    Diagnostics diagnostics;
};

class SentenceSplitter {
public:
    // Loads `rules_dir`/segmentation.yaml (abbreviations and examples).
    static SentenceSplitterLoad load(const std::string& rules_dir);
    // Parses segmentation rules from YAML text; `path` names it in diagnostics.
    static SentenceSplitterLoad parse(const std::string& yaml, const std::string& path);

    // The sentences of a text, in order.
    std::vector<Sentence> split(std::string_view text) const;

    // Splits every example of the rule file; a wrong split is reported at the example.
    Diagnostics check_examples() const;

private:
    SentenceSplitter() = default;

    // Whether the terminator at `terminator` ends the sentence begun at `sentence_begin`,
    // given that the next word starts at `next`.
    bool ends_sentence(std::string_view line, std::size_t sentence_begin, std::size_t terminator,
                       std::size_t next) const;

    std::string path_;
    std::unordered_set<std::string> abbreviations_;       // lowercase, with their final dot
    std::unordered_set<std::string> sentence_final_;      // lowercase, with their final dot
    std::vector<SegmentationExample> examples_;
};

}  // namespace linimasa
