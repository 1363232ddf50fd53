// Boilerplate::check_examples: every rule's examples are its tests (as in Duckling's corpora).
#include <algorithm>

#include "boilerplate/boilerplate.h"
#include "text/lines.h"

namespace linimasa {

namespace {

// The text of the byte ranges where `want` holds, each quoted, for a message.
std::string quoted_runs(std::string_view text, const std::vector<bool>& want_at) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!want_at[i]) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && want_at[j]) ++j;
        if (!out.empty()) out += ", ";
        out.append("'").append(text.substr(i, j - i)).append("'");
        i = j;
    }
    return out;
}

std::string one_line(std::string_view text) {
    std::string out(text.substr(0, 60));
    std::replace(out.begin(), out.end(), '\n', ' ');
    if (text.size() > 60) out += "...";
    return out;
}

}  // namespace

Diagnostics Boilerplate::check_examples() const {
    Diagnostics problems;
    auto report = [&](const FurnitureExample& example, const std::string& message) {
        problems.push_back({rules_.path, example.line, example.column, message, Severity::error});
    };
    for (const FurnitureRule& rule : rules_.rules) {
        if (rule.kind == FurnitureKind::list_marker) {
            RE2::Options options;
            options.set_case_sensitive(false);
            RE2 marker(rule.pattern, options);
            for (const auto& example : rule.examples)
                if (!RE2::FullMatch(example.text, marker))
                    report(example, "list marker '" + rule.id + "' does not match its example '" + example.text + "'");
            for (const auto& example : rule.not_examples)
                if (RE2::FullMatch(example.text, marker))
                    report(example, "list marker '" + rule.id + "' matches its not-example '" + example.text + "'");
            continue;
        }
        for (const auto& example : rule.examples) {
            const std::string& text = example.text;
            std::vector<bool> stripped(text.size(), false);
            bool fired = false;
            for (const FurniturePiece& piece : explain(text)) {
                std::fill(stripped.begin() + static_cast<long>(piece.range.begin),
                          stripped.begin() + static_cast<long>(piece.range.end), true);
                fired = fired || piece.rule == rule.id;
            }
            std::vector<bool> kept(text.size(), false);
            for (const std::string& part : example.keep)
                for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
                    std::fill(kept.begin() + static_cast<long>(at), kept.begin() + static_cast<long>(at + part.size()),
                              true);
            std::vector<bool> missed(text.size(), false), wrongly(text.size(), false);
            bool any_missed = false, any_wrong = false;
            for (std::size_t i = 0; i < text.size();) {
                std::size_t blank = whitespace_at(text, i);
                std::size_t step = blank ? blank : 1;
                if (!blank && text[i] != '\n') {
                    for (std::size_t k = i; k < i + step; ++k) {
                        missed[k] = !kept[k] && !stripped[k];
                        wrongly[k] = kept[k] && stripped[k];
                        any_missed = any_missed || missed[k];
                        any_wrong = any_wrong || wrongly[k];
                    }
                }
                i += step;
            }
            if (!fired)
                report(example, "rule '" + rule.id + "' does not apply to its example '" + one_line(text) + "'");
            if (any_missed)
                report(example, "example of '" + rule.id + "' leaves " + quoted_runs(text, missed) + " unstripped");
            if (any_wrong)
                report(example, "example of '" + rule.id + "' strips " + quoted_runs(text, wrongly) +
                                    ", which should be kept");
        }
        for (const auto& example : rule.not_examples) {
            for (const FurniturePiece& piece : explain(example.text)) {
                report(example, "not-example of '" + rule.id + "' loses '" +
                                    example.text.substr(piece.range.begin, piece.range.end - piece.range.begin) +
                                    "' to rule '" + piece.rule + "'");
            }
        }
    }
    return problems;
}

}  // namespace linimasa
