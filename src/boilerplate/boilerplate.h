// Page furniture: the parts of a scraped news page that are not the article — login prompts,
// `Iklan`, `Baca Juga: <headline>`, `Berita Terkait` and the list of headlines under it with
// their `6 jam lalu`, reporter credits, `Copyright`. Their dates must not reach the timeline.
//
//   BoilerplateLoad load = Boilerplate::load("rules");        // reads rules/boilerplate.yaml
//   if (!load.boilerplate) { for (auto& d : load.diagnostics) std::cerr << d.str() << '\n'; }
//   std::string body = load.boilerplate->masked(text);        // same length, furniture blanked
//   for (TextRange r : load.boilerplate->furniture(text)) ... // or the ranges themselves
//
// What counts as furniture is data (rules/boilerplate.yaml, see boilerplate_rules.h): line
// rules, inline rules and block rules, each with examples that check_examples() verifies.
// The headline, the dateline and photo captions are article content and stay.
//
// Cost: one RE2::Set match per line for each of the line, heading and marker rule sets, one
// unanchored RE2::Set search per line for the inline markers, and a bounded look-ahead inside
// lists — linear in the text.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "boilerplate/boilerplate_rules.h"
#include "util/diagnostic.h"

namespace linimasa {

// A byte range [begin, end) of a text.
struct TextRange {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// A piece of furniture and the id of the rule that found it.
struct FurniturePiece {
    TextRange range;
    std::string rule;
};

class Boilerplate;

struct BoilerplateLoad {
    std::unique_ptr<Boilerplate> boilerplate;  // empty when the rules have errors
    Diagnostics diagnostics;
};

class Boilerplate {
public:
    // Loads and compiles `rules_dir`/boilerplate.yaml.
    static BoilerplateLoad load(const std::string& rules_dir);
    // Compiles already loaded rules.
    static BoilerplateLoad from_rules(BoilerplateRules rules);

    // The furniture of a text, sorted and non-overlapping; ranges never include a '\n'.
    std::vector<TextRange> furniture(std::string_view text) const;
    // The text with furniture bytes replaced by spaces (newlines kept), so that every offset
    // still points at the same place in the original text.
    std::string masked(std::string_view text) const;
    // Every piece of furniture with the rule that found it, in text order (pieces of
    // different rules may overlap); for explaining and testing the rules.
    std::vector<FurniturePiece> explain(std::string_view text) const;

    // Runs every rule's examples and not-examples; a failure is reported at the example's
    // file:line:col. An example must be stripped entirely (except its `keep` parts), with its
    // rule among those that strip it; a not-example must come out untouched.
    Diagnostics check_examples() const;

    const BoilerplateRules& rules() const { return rules_; }

private:
    explicit Boilerplate(BoilerplateRules rules);

    struct LineFacts;
    std::vector<LineFacts> classify(std::string_view text) const;
    std::size_t list_end(std::string_view text, const std::vector<LineFacts>& lines, std::size_t heading) const;
    bool marker_ahead(const std::vector<LineFacts>& lines, std::size_t from) const;
    bool headline_like(std::string_view text, const LineFacts& line) const;

    BoilerplateRules rules_;
    // Every rule's line pattern in one unanchored set, so that each line is read once for
    // all kinds: whole-line rules, block headings and list markers as ^(?:pattern)$, inline
    // markers as they are (the rule's kind tells them apart).
    RE2::Set line_set_;
    std::vector<int> line_set_rules_;  // set index -> rule index
    std::vector<std::unique_ptr<RE2>> inline_res_;  // by rule index (inline rules only), to locate the marker
    std::vector<std::unique_ptr<RE2>> end_res_;     // by rule index (blocks with `end`)
    std::vector<std::unique_ptr<RE2>> item_res_;    // by rule index (blocks with `items`)
};

}  // namespace linimasa
