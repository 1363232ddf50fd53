#include "events/cue_lists.h"

#include <algorithm>

#include "text/word_boundary.h"
#include "util/yaml_reading.h"

namespace linimasa {

namespace {

// Lowercase ASCII with single spaces between words, so that a phrase and the words of a text
// can be compared as strings.
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

std::size_t word_count(std::string_view normalised_phrase) {
    return static_cast<std::size_t>(std::count(normalised_phrase.begin(), normalised_phrase.end(), ' ')) + 1;
}

bool word_char(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    return is_word_char_at(text, i);
}

}  // namespace

std::vector<TextWord> words_of(std::string_view text) {
    std::vector<TextWord> words;
    words.reserve(text.size() / 6);
    std::size_t i = 0;
    while (i < text.size()) {
        if (!word_char(text, i)) {
            ++i;
            continue;
        }
        TextWord w{i, i};
        std::size_t j = i;
        while (j < text.size()) {
            if (word_char(text, j)) {
                const auto c = static_cast<unsigned char>(text[j]);
                j += c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
                w.end = std::min(j, text.size());
                continue;
            }
            const bool joiner = text[j] == '-' || text[j] == '\'';
            if (joiner && j + 1 < text.size() && word_char(text, j + 1)) {
                ++j;
                continue;
            }
            break;
        }
        words.push_back(w);
        i = std::max(w.end, i + 1);
    }
    return words;
}

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
    for (std::size_t k = 0; k < known.size(); ++k) {
        const bool is_required = k < required.size();
        for (const auto& phrase : src.strings(*root, known[k].c_str(), is_required)) {
            std::string key = normalised(phrase);
            if (key.empty()) {
                src.error((*root)[known[k]], "an empty entry in '" + known[k] + "'");
                continue;
            }
            cues->longest_ = std::max(cues->longest_, word_count(key));
            cues->phrase_kinds_[key] |= 1u << k;
            // Every shorter run of its first words is a prefix worth extending.
            for (std::size_t space = key.find(' '); space != std::string::npos; space = key.find(' ', space + 1))
                cues->phrase_kinds_.try_emplace(key.substr(0, space), 0u);
        }
    }
    if (has_errors(out.diagnostics)) return out;
    out.cues = std::move(cues);
    return out;
}

int CueLists::kind(std::string_view name) const {
    auto it = std::find(names_.begin(), names_.end(), name);
    return it == names_.end() ? -1 : static_cast<int>(it - names_.begin());
}

std::vector<CueHit> CueLists::find(std::string_view text, const std::vector<TextWord>& words) const {
    std::vector<CueHit> hits;
    if (phrase_kinds_.empty()) return hits;
    std::string key;
    for (std::size_t i = 0; i < words.size();) {
        // The longest phrase that starts at this word wins, then the search goes on after it.
        key.clear();
        std::optional<std::pair<std::size_t, std::uint32_t>> found;  // last word, kinds
        for (std::size_t j = i; j < words.size() && j - i < longest_; ++j) {
            if (j > i) key += ' ';
            for (std::size_t p = words[j].begin; p < words[j].end; ++p) {
                const char c = text[p];
                key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
            }
            auto it = phrase_kinds_.find(key);
            if (it == phrase_kinds_.end()) break;  // no phrase starts with these words
            if (it->second != 0) found = {{j, it->second}};
        }
        if (!found) {
            ++i;
            continue;
        }
        CueHit hit{words[i].begin, words[found->first].end, 0, found->second};
        while (!(hit.kinds >> hit.kind & 1u)) ++hit.kind;
        hits.push_back(hit);
        i = found->first + 1;
    }
    return hits;
}

}  // namespace linimasa
