#include "dates/grammar.h"

#include "text/word_boundary.h"

#include <algorithm>
#include <map>
#include <set>

namespace linimasa {

namespace {

constexpr const char* kSpace = "(?:[ \\t]|\\x{A0}){1,3}";

// A fragment that expands to more than this is a mistake (the shipped grammar's whole
// expression is about 33 KB); fragments naming fragments that name fragments twice each would
// otherwise double it at every level.
constexpr std::size_t kMaxExpandedBytes = std::size_t{4} << 20;

// One word or phrase of a section as a pattern: any run of spaces between words (after an
// optional word-final apostrophe), both apostrophes, everything else literal.
std::string phrase_pattern(const std::string& phrase) {
    std::string out;
    std::string word;
    auto flush = [&] {
        out += RE2::QuoteMeta(word);
        word.clear();
    };
    for (char c : phrase) {
        if (c == ' ') {
            flush();
            out += "(?:'|’)?";  // a word-final apostrophe, which the lexicon drops (Isra' Mi'raj)
            out += kSpace;
        } else if (c == '\'') {
            flush();
            out += "(?:'|’)";
        } else {
            word += c;
        }
    }
    flush();
    return out;
}

std::string section_pattern(std::vector<std::string> words) {
    std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    std::string out = "(?:";
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i) out += '|';
        out += phrase_pattern(words[i]);
    }
    return out + ")";
}

bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }

bool is_ascii_word(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

void Grammar::scan(std::string_view text, const std::function<bool(std::size_t, std::size_t)>& sink,
                   std::size_t stop_beyond, const std::function<bool()>& finished) const {
    std::size_t pos = 0;
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece match;
    while (pos < text.size()) {
        if (!expression_->Match(input, pos, text.size(), RE2::UNANCHORED, &match, 1)) return;
        std::size_t begin = static_cast<std::size_t>(match.data() - text.data());
        std::size_t end = begin + match.size();
        if (end == begin) {  // an empty match finds nothing; step over it
            pos = begin + 1;
            continue;
        }
        bool starts_inside_word = begin > 0 && is_word_char_before(text, begin) && is_word_char_at(text, begin);
        bool ends_inside_word = end < text.size() && is_word_char_at(text, end) && is_word_char_before(text, end);
        if (starts_inside_word || ends_inside_word || !sink(begin, end)) {
            // Search again from the next character boundary after `begin`. A match starting
            // at any of the ASCII letters or digits that directly follow an ASCII letter or
            // digit at `begin` would start inside a word and be rejected, so those are
            // skipped without asking RE2: each RE2 call costs far more than the bytes it
            // reads (age and law-number rejections, "berusia 56 tahun", used to re-find
            // "6 tahun" at once).
            pos = begin + 1;
            if (is_ascii_word(static_cast<unsigned char>(text[begin])) && pos < text.size() &&
                is_ascii_word(static_cast<unsigned char>(text[pos]))) {
                while (pos < text.size() && is_ascii_word(static_cast<unsigned char>(text[pos]))) ++pos;
            } else {
                while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
            }
            continue;
        }
        if (begin > stop_beyond || (finished && finished())) return;
        pos = end;
    }
}

GrammarBuild build_grammar(const Lexicon& lexicon) {
    GrammarBuild result;
    std::map<std::string, std::string> expanded;
    std::set<std::string> failed;  // reported already: what uses them is not reported again
    const GrammarFragment* top = nullptr;

    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_longest_match(true);
    options.set_log_errors(false);
    options.set_max_mem(256 << 20);

    for (const auto& fragment : lexicon.grammar) {
        std::string out;
        bool ok = true;
        const std::string& p = fragment.pattern;
        bool too_big = false;
        for (std::size_t i = 0; i < p.size() && !too_big; ++i) {
            if (p[i] == '\\' && i + 1 < p.size()) {  // an escape such as \x{A0} is not a reference
                out += p[i];
                out += p[++i];
                continue;
            }
            if (p[i] == '{' && i + 1 < p.size() && is_name_start(p[i + 1])) {
                std::size_t close = i + 1;
                while (close < p.size() && is_name_char(p[close])) ++close;
                if (close < p.size() && p[close] == '}') {
                    std::string name = p.substr(i + 1, close - i - 1);
                    if (auto f = expanded.find(name); f != expanded.end()) {
                        out.append("(?:").append(f->second).append(")");
                        too_big = out.size() > kMaxExpandedBytes;
                    } else if (failed.count(name)) {
                        ok = false;
                    } else if (auto s = lexicon.section_words.find(name); s != lexicon.section_words.end()) {
                        out += section_pattern(s->second);
                    } else {
                        std::vector<std::string> known;
                        for (const auto& [k, _] : expanded) known.push_back(k);
                        for (const auto& [k, _] : lexicon.section_words) known.push_back(k);
                        std::string hint = closest_match(name, known);
                        result.diagnostics.push_back(
                            {lexicon.path, fragment.line, fragment.column + static_cast<int>(i),
                             "'{" + name + "}' is neither a lexicon section nor an earlier grammar fragment" +
                                 (hint.empty() ? "" : " (did you mean '" + hint + "'?)"),
                             Severity::error});
                        ok = false;
                    }
                    i = close;
                    continue;
                }
            }
            out += p[i];
        }
        if (too_big) {
            result.diagnostics.push_back({lexicon.path, fragment.line, fragment.column,
                                          "grammar fragment '" + fragment.name + "' expands to more than " +
                                              std::to_string(kMaxExpandedBytes >> 20) + " MiB of pattern",
                                          Severity::error});
            ok = false;
        }
        if (!ok) {
            failed.insert(fragment.name);
            continue;
        }
        RE2 check(out, options);
        if (!check.ok()) {
            result.diagnostics.push_back({lexicon.path, fragment.line, fragment.column,
                                          "grammar fragment '" + fragment.name + "': " + check.error(),
                                          Severity::error});
            failed.insert(fragment.name);
            continue;
        }
        expanded[fragment.name] = out;
        if (fragment.name == "expression") top = &fragment;
    }
    if (!top && !has_errors(result.diagnostics)) {
        result.diagnostics.push_back(
            {lexicon.path, 0, 0, "the grammar has no fragment named 'expression'", Severity::error});
    }
    if (has_errors(result.diagnostics)) return result;
    auto regex = std::make_unique<RE2>(expanded["expression"], options);
    result.grammar.emplace(std::move(regex));
    return result;
}

}  // namespace linimasa
