#include "boilerplate/boilerplate.h"

#include <algorithm>
#include <climits>

#include "text/lines.h"

namespace linimasa {

// What the rules say about one line of a text.
struct Boilerplate::LineFacts {
    LineSpan core;               // the line without surrounding whitespace
    int line_rule = -1;          // rule indices, -1 for none
    int heading_rule = -1;
    int marker_rule = -1;
    int inline_rule = -1;
    std::size_t inline_begin = 0;  // where the inline marker starts

    bool blank() const { return core.empty(); }
    // True when the whole line is furniture on its own.
    bool furniture() const { return line_rule >= 0 || (inline_rule >= 0 && inline_begin == core.begin); }
};

namespace {

RE2::Options furniture_options() {
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_log_errors(false);
    options.set_max_mem(64 << 20);
    return options;
}

}  // namespace

BoilerplateLoad Boilerplate::load(const std::string& rules_dir) {
    BoilerplateRulesLoad rules = load_boilerplate_rules(rules_dir + "/boilerplate.yaml");
    if (!rules.rules) return {nullptr, std::move(rules.diagnostics)};
    BoilerplateLoad result = from_rules(std::move(*rules.rules));
    result.diagnostics.insert(result.diagnostics.begin(), rules.diagnostics.begin(), rules.diagnostics.end());
    return result;
}

BoilerplateLoad Boilerplate::from_rules(BoilerplateRules rules) {
    BoilerplateLoad result;
    std::unique_ptr<Boilerplate> boilerplate(new Boilerplate(std::move(rules)));
    const auto& all = boilerplate->rules_.rules;
    auto add = [&](std::size_t index, const std::string& pattern, bool whole_line) {
        std::string error;
        const std::string entry = whole_line ? std::string("^(?:").append(pattern).append(")$") : pattern;
        if (boilerplate->line_set_.Add(entry, &error) < 0) {
            // the message about the pattern as the analyst wrote it, not as wrapped here
            if (whole_line) error = RE2(pattern, furniture_options()).error();
            result.diagnostics.push_back({boilerplate->rules_.path, all[index].line, all[index].column,
                                          "rule '" + all[index].id + "': " + error, Severity::error});
            return;
        }
        boilerplate->line_set_rules_.push_back(static_cast<int>(index));
    };
    boilerplate->inline_res_.resize(all.size());
    boilerplate->end_res_.resize(all.size());
    boilerplate->item_res_.resize(all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        const FurnitureRule& rule = all[i];
        switch (rule.kind) {
            case FurnitureKind::line:
            case FurnitureKind::list_marker:
                add(i, rule.pattern, true);
                break;
            case FurnitureKind::inline_marker:
                add(i, rule.pattern, false);
                boilerplate->inline_res_[i] = std::make_unique<RE2>(rule.pattern, furniture_options());
                break;
            case FurnitureKind::block:
                add(i, rule.pattern, true);
                if (!rule.end.empty()) boilerplate->end_res_[i] = std::make_unique<RE2>(rule.end, furniture_options());
                if (!rule.items.empty())
                    boilerplate->item_res_[i] = std::make_unique<RE2>(rule.items, furniture_options());
                break;
        }
    }
    if (!boilerplate->line_set_.Compile())
        result.diagnostics.push_back({boilerplate->rules_.path, 0, 0,
                                      "the furniture patterns are too large to compile together", Severity::error});
    if (!has_errors(result.diagnostics)) result.boilerplate = std::move(boilerplate);
    return result;
}

Boilerplate::Boilerplate(BoilerplateRules rules)
    : rules_(std::move(rules)),
      line_set_(furniture_options(), RE2::UNANCHORED) {}

std::vector<Boilerplate::LineFacts> Boilerplate::classify(std::string_view text) const {
    std::vector<LineFacts> lines;
    std::vector<int> hits;
    for (const LineSpan& span : split_lines(text)) {
        LineFacts facts;
        facts.core = trim(text, span);
        if (!facts.blank()) {
            std::string_view line = text.substr(facts.core.begin, facts.core.size());
            // Of each kind, the first rule in file order that matches the whole line.
            bool any_inline = false;
            if (line_set_.Match(line, &hits)) {
                for (int h : hits) {
                    const int rule = line_set_rules_[static_cast<std::size_t>(h)];
                    const FurnitureKind kind = rules_.rules[static_cast<std::size_t>(rule)].kind;
                    if (kind == FurnitureKind::inline_marker) {
                        any_inline = true;
                        continue;
                    }
                    int& first = kind == FurnitureKind::line    ? facts.line_rule
                                 : kind == FurnitureKind::block ? facts.heading_rule
                                                                : facts.marker_rule;
                    if (first < 0 || rule < first) first = rule;
                }
            }
            if (facts.line_rule < 0 && any_inline) {
                // The set says which markers occur; each of those finds where it starts.
                std::size_t best = line.size();
                for (int h : hits) {
                    const int rule = line_set_rules_[static_cast<std::size_t>(h)];
                    if (!inline_res_[static_cast<std::size_t>(rule)]) continue;  // not an inline marker
                    re2::StringPiece found;
                    if (!inline_res_[static_cast<std::size_t>(rule)]->Match(line, 0, line.size(), RE2::UNANCHORED,
                                                                            &found, 1))
                        continue;
                    std::size_t at = static_cast<std::size_t>(found.data() - line.data());
                    if (at < best || (at == best && rule < facts.inline_rule)) {
                        best = at;
                        facts.inline_rule = rule;
                    }
                }
                facts.inline_begin = facts.core.begin + best;
            }
        }
        lines.push_back(facts);
    }
    return lines;
}

bool Boilerplate::headline_like(std::string_view text, const LineFacts& line) const {
    std::string_view s = text.substr(line.core.begin, line.core.size());
    if (char_count(s) > static_cast<std::size_t>(rules_.lists.headline_max_chars)) return false;
    // Closing quotes and brackets do not hide a final full stop.
    for (bool stripped = true; stripped && !s.empty();) {
        stripped = false;
        for (std::string_view closer : {"\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99"}) {
            if (s.ends_with(closer)) {
                s.remove_suffix(closer.size());
                stripped = true;
            }
        }
    }
    return s.empty() || s.back() != '.';
}

bool Boilerplate::marker_ahead(const std::vector<LineFacts>& lines, std::size_t from) const {
    int seen = 0;
    for (std::size_t j = from; j < lines.size(); ++j) {
        if (lines[j].blank()) continue;
        if (lines[j].marker_rule >= 0 || lines[j].heading_rule >= 0) return true;
        if (++seen > rules_.lists.teaser_lines) return false;
    }
    return true;  // the page ends inside the list
}

std::size_t Boilerplate::list_end(std::string_view text, const std::vector<LineFacts>& lines,
                                  std::size_t heading) const {
    std::size_t last = heading;
    int since_marker = INT_MAX / 2;  // no marker yet
    for (std::size_t j = heading + 1; j < lines.size(); ++j) {
        const LineFacts& line = lines[j];
        if (line.blank()) continue;
        if (line.heading_rule >= 0) break;  // the next block takes over
        if (line.marker_rule >= 0) {
            since_marker = 0;
            last = j;
            continue;
        }
        ++since_marker;
        if (line.furniture() || headline_like(text, line)) {
            last = j;
            continue;
        }
        // Prose: a teaser inside the list, or the article resuming.
        if (since_marker <= rules_.lists.teaser_lines && marker_ahead(lines, j + 1)) {
            last = j;
            continue;
        }
        break;
    }
    return last;
}

std::vector<FurniturePiece> Boilerplate::explain(std::string_view text) const {
    const std::vector<LineFacts> lines = classify(text);
    std::vector<FurniturePiece> pieces;
    auto add = [&](std::size_t begin, std::size_t end, int rule) {
        if (begin < end) pieces.push_back({{begin, end}, rules_.rules[static_cast<std::size_t>(rule)].id});
    };
    for (const LineFacts& line : lines) {
        if (line.line_rule >= 0) add(line.core.begin, line.core.end, line.line_rule);
        else if (line.inline_rule >= 0) add(line.inline_begin, line.core.end, line.inline_rule);
    }
    for (std::size_t i = 0; i < lines.size();) {
        const int rule_index = lines[i].heading_rule;
        if (rule_index < 0) {
            ++i;
            continue;
        }
        const auto r = static_cast<std::size_t>(rule_index);
        const FurnitureRule& rule = rules_.rules[r];
        add(lines[i].core.begin, lines[i].core.end, rule_index);
        std::size_t next = i + 1;
        if (end_res_[r]) {
            // A block with a closing line: all of it, or only the heading when the end is missing.
            for (std::size_t j = i + 1, seen = 0; j < lines.size() && seen < static_cast<std::size_t>(rule.within); ++j) {
                if (lines[j].blank()) continue;
                ++seen;
                std::string_view line = text.substr(lines[j].core.begin, lines[j].core.size());
                if (!RE2::FullMatch(line, *end_res_[r])) continue;
                for (std::size_t k = i + 1; k <= j; ++k) add(lines[k].core.begin, lines[k].core.end, rule_index);
                next = j + 1;
                break;
            }
        } else if (item_res_[r]) {
            // A short list of lines of a known shape (the names under "Reporter").
            int items = 0;
            for (; next < lines.size() && items < rule.max_items; ++next) {
                const LineFacts& line = lines[next];
                if (line.blank() || line.furniture()) continue;
                if (line.heading_rule >= 0) break;
                if (!RE2::FullMatch(text.substr(line.core.begin, line.core.size()), *item_res_[r])) break;
                add(line.core.begin, line.core.end, rule_index);
                ++items;
            }
        } else {
            std::size_t last = list_end(text, lines, i);
            for (std::size_t k = i + 1; k <= last; ++k) add(lines[k].core.begin, lines[k].core.end, rule_index);
            next = last + 1;
        }
        i = next;
    }
    std::sort(pieces.begin(), pieces.end(), [](const FurniturePiece& a, const FurniturePiece& b) {
        return a.range.begin != b.range.begin ? a.range.begin < b.range.begin : a.range.end < b.range.end;
    });
    return pieces;
}

std::vector<TextRange> Boilerplate::furniture(std::string_view text) const {
    std::vector<TextRange> ranges;
    for (const FurniturePiece& piece : explain(text)) {
        if (!ranges.empty() && piece.range.begin <= ranges.back().end)
            ranges.back().end = std::max(ranges.back().end, piece.range.end);
        else
            ranges.push_back(piece.range);
    }
    return ranges;
}

std::string Boilerplate::masked(std::string_view text) const {
    std::string out(text);
    for (const TextRange& range : furniture(text))
        for (std::size_t i = range.begin; i < range.end; ++i)
            if (out[i] != '\n') out[i] = ' ';
    return out;
}

}  // namespace linimasa
