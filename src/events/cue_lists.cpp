#include "events/cue_lists.h"

#include <algorithm>

#include "text/word_boundary.h"
#include "util/yaml_reading.h"

namespace linimasa {

namespace {

// Escapes a phrase and lets any run of whitespace separate its words.
std::string phrase_pattern(const std::string& phrase) {
    std::string out;
    bool space = false;
    for (char c : phrase) {
        if (c == ' ' || c == '\t') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += R"(\s+)";
        space = false;
        out += RE2::QuoteMeta(std::string(1, c));
    }
    return out;
}

// Lowercase ASCII with single spaces, so that a match can be looked up among the phrases.
std::string normalised(std::string_view phrase) {
    std::string out;
    bool space = false;
    for (char c : phrase) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

}  // namespace

CueListsLoad CueLists::load(const std::string& path, const std::vector<std::string>& required,
                            const std::vector<std::string>& optional) {
    CueListsLoad out;
    auto root = load_yaml_file(path, out.diagnostics);
    if (!root) return out;
    YamlSource src{path, out.diagnostics};
    if (!root->IsMap()) {
        src.error(*root, "expected a mapping of list names to lists of words");
        return out;
    }
    std::vector<std::string> known = required;
    known.insert(known.end(), optional.begin(), optional.end());
    if (known.size() > 32) {
        src.error(*root, "at most 32 lists");
        return out;
    }
    src.check_keys(*root, known);

    std::unique_ptr<CueLists> cues(new CueLists());
    cues->names_ = known;
    std::string alternation;
    for (std::size_t k = 0; k < known.size(); ++k) {
        const bool is_required = k < required.size();
        std::vector<std::string> phrases = src.strings(*root, known[k].c_str(), is_required);
        std::string group;
        for (const auto& phrase : phrases) {
            if (phrase.find_first_not_of(" \t") == std::string::npos) {
                src.error((*root)[known[k]], "an empty entry in '" + known[k] + "'");
                continue;
            }
            if (!group.empty()) group += '|';
            group += phrase_pattern(phrase);
            cues->phrase_kinds_[normalised(phrase)] |= 1u << k;
        }
        if (group.empty()) continue;
        if (!alternation.empty()) alternation += '|';
        alternation.append("(").append(group).append(")");
        cues->group_kinds_.push_back(static_cast<int>(k));
    }
    if (has_errors(out.diagnostics)) return out;
    if (!alternation.empty()) {
        RE2::Options options;
        options.set_case_sensitive(false);
        options.set_longest_match(true);
        options.set_log_errors(false);
        // \b is RE2's ASCII word boundary: zero-width and cheap, it keeps the search from
        // stopping at every `di` inside `diumumkan`; non-ASCII neighbours are checked after.
        std::string bounded = "\\b(?:";
        bounded.append(alternation).append(")\\b");
        cues->pattern_ = std::make_unique<RE2>(bounded, options);
        if (!cues->pattern_->ok()) {
            src.error(*root, "the lists do not compile: " + cues->pattern_->error());
            return out;
        }
    }
    out.cues = std::move(cues);
    return out;
}

int CueLists::kind(std::string_view name) const {
    auto it = std::find(names_.begin(), names_.end(), name);
    return it == names_.end() ? -1 : static_cast<int>(it - names_.begin());
}

std::vector<CueHit> CueLists::find(std::string_view text) const {
    std::vector<CueHit> hits;
    if (!pattern_) return hits;
    const int groups = static_cast<int>(group_kinds_.size());
    std::vector<re2::StringPiece> pieces(static_cast<std::size_t>(groups) + 1);
    std::size_t pos = 0;
    while (pos < text.size() && pattern_->Match(text, pos, text.size(), RE2::UNANCHORED, pieces.data(), groups + 1)) {
        const auto begin = static_cast<std::size_t>(pieces[0].data() - text.data());
        const auto end = begin + pieces[0].size();
        if (end > begin && is_whole_word(text, begin, end)) {
            int g = 1;
            while (g < groups && pieces[static_cast<std::size_t>(g)].data() == nullptr) ++g;
            CueHit hit{begin, end, group_kinds_[static_cast<std::size_t>(g - 1)], 0};
            auto kinds = phrase_kinds_.find(normalised(text.substr(begin, end - begin)));
            hit.kinds = kinds != phrase_kinds_.end() ? kinds->second : 1u << hit.kind;
            hits.push_back(hit);
            pos = end;
            continue;
        }
        // Inside a word (`akan` in `makanan`): look again from the next character.
        pos = begin + 1;
        while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
    }
    return hits;
}

}  // namespace linimasa
