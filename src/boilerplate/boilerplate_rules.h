// The furniture rules of rules/boilerplate.yaml as plain values, and their loader.
//
//   BoilerplateRulesLoad load = load_boilerplate_rules("rules/boilerplate.yaml");
//   for (const Diagnostic& d : load.diagnostics) std::cerr << d.str() << '\n';
//   if (load.rules) for (const FurnitureRule& r : load.rules->rules) ...
//
// The file has four sections (see the comments in rules/boilerplate.yaml):
//   lines:   a whole line that matches is furniture                (`Iklan`, `Advertisement`)
//   inline:  from a marker to the end of its line                  (`Baca Juga: <headline>`)
//   blocks:  a heading line and the lines that belong to it        (`Berita Terkait` + headlines)
//   lists:   what a list of related headlines looks like (markers such as `6 jam lalu`)
// Patterns are RE2, matched case-insensitively (write `(?-i)` to opt out). Every rule carries
// examples and not-examples. The loader checks the shape of the file, compiles every pattern
// and reports each problem as file:line:col with a did-you-mean for unknown keys; it never
// throws. Whether the examples hold is checked by Boilerplate::check_examples.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "util/diagnostic.h"

namespace linimasa {

// An example text of a rule and where it is written.
struct FurnitureExample {
    std::string text;
    std::vector<std::string> keep;  // parts of `text` that are not furniture (examples only)
    int line = 0;
    int column = 0;
};

enum class FurnitureKind {
    line,          // the whole (trimmed) line matches `pattern`
    inline_marker, // from where `pattern` matches to the end of the line
    block,         // a line matching `pattern` (the heading) and what follows it
    list_marker,   // a line that marks an item of a list (`6 jam lalu`); furniture only inside a block
};

struct FurnitureRule {
    std::string id;
    FurnitureKind kind = FurnitureKind::line;
    std::string pattern;   // lines, inline, list markers: the pattern; blocks: the heading (`start`)
    std::string end;       // blocks: the line that closes the block, searched within `within` lines
    std::string items;     // blocks: every following line must match this (at most `max_items`)
    int within = 30;
    int max_items = 3;
    std::vector<FurnitureExample> examples;
    std::vector<FurnitureExample> not_examples;
    int line = 0;          // where the rule is written
    int column = 0;
};

// How a list of related headlines continues after its heading (blocks without `end`/`items`):
// a line is a list item while it is a marker, furniture, or a headline (at most
// `headline_max_chars` characters, no final full stop). A prose line stays in the list when
// a marker is at most `teaser_lines` lines before it and one follows within `teaser_lines`+1
// lines (or the page ends): the teaser paragraphs of Tempo's "Rekomendasi Artikel".
struct ListShape {
    int headline_max_chars = 160;
    int teaser_lines = 3;
};

struct BoilerplateRules {
    std::string path;
    std::vector<FurnitureRule> rules;  // in file order: lines, inline, blocks, list markers
    ListShape lists;
};

struct BoilerplateRulesLoad {
    std::optional<BoilerplateRules> rules;  // empty when the file has errors
    Diagnostics diagnostics;
};

// Reads and validates a boilerplate rule file.
BoilerplateRulesLoad load_boilerplate_rules(const std::string& path);
// Validates YAML text; `path` names it in diagnostics.
BoilerplateRulesLoad parse_boilerplate_rules(const std::string& yaml, const std::string& path);

}  // namespace linimasa
