#include "events/cue_lists.h"

#include <algorithm>
#include <array>

#include "text/word_boundary.h"
#include "util/yaml_reading.h"

namespace linimasa {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

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
        out += lower(c);
    }
    return out;
}

std::size_t word_count(std::string_view normalised_phrase) {
    return static_cast<std::size_t>(std::count(normalised_phrase.begin(), normalised_phrase.end(), ' ')) + 1;
}

// ASCII letters, digits and '_' (as word_boundary.h has them), as a table: words_of looks at
// every byte of every document.
constexpr std::array<bool, 128> kAsciiWord = [] {
    std::array<bool, 128> word{};
    for (int c = 0; c < 128; ++c)
        word[static_cast<std::size_t>(c)] =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    return word;
}();

bool word_char(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) return kAsciiWord[c];
    return is_word_char_at(text, i);
}

// FNV-1a of a word's bytes lowercased: each word of a text is hashed once, and phrases are
// found by combining these (extended) instead of building a lowercase string per word.
std::uint64_t word_hash(std::string_view word) {
    std::uint64_t h = 0xcbf29ce484222325u;
    for (char c : word) h = (h ^ static_cast<unsigned char>(lower(c))) * 0x100000001b3u;
    return h;
}

// The hash of a run of words with one more word; a run starts from 0.
std::uint64_t extended(std::uint64_t run, std::uint64_t word) {
    run = (run ^ word) * 0x9e3779b97f4a7c15u;
    return run ^ (run >> 29);
}

// Whether words[first..last] of `text`, lowercased and joined by single spaces, are `phrase`.
bool spells(std::string_view phrase, std::string_view text, const std::vector<TextWord>& words, std::size_t first,
            std::size_t last) {
    std::size_t p = 0;
    for (std::size_t j = first; j <= last; ++j) {
        if (j > first && (p >= phrase.size() || phrase[p++] != ' ')) return false;
        const std::size_t length = words[j].end - words[j].begin;
        if (phrase.size() - p < length) return false;
        for (std::size_t q = words[j].begin; q < words[j].end; ++q)
            if (phrase[p++] != lower(text[q])) return false;
    }
    return p == phrase.size();
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
        w.hash = word_hash(text.substr(w.begin, w.end - w.begin));
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
            // The phrase, and every shorter run of its first words as a prefix worth extending.
            std::uint64_t run = 0;
            for (std::size_t begin = 0; begin <= key.size();) {
                const std::size_t space = std::min(key.find(' ', begin), key.size());
                run = extended(run, word_hash(std::string_view(key).substr(begin, space - begin)));
                cues->add(run, key.substr(0, space), space == key.size() ? 1u << k : 0u);
                begin = space + 1;
            }
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

void CueLists::add(std::uint64_t hash, std::string words, std::uint32_t kinds) {
    filter_[filter_bit(hash) >> 6] |= std::uint64_t{1} << (filter_bit(hash) & 63);
    std::vector<Entry>& same_hash = entries_[hash];
    for (Entry& e : same_hash) {
        if (e.words == words) {
            e.kinds |= kinds;
            return;
        }
    }
    same_hash.push_back({std::move(words), kinds});
}

std::vector<CueHit> CueLists::find(std::string_view text, const std::vector<TextWord>& words) const {
    std::vector<CueHit> hits;
    if (entries_.empty()) return hits;
    for (std::size_t i = 0; i < words.size();) {
        // The longest phrase that starts at this word wins, then the search goes on after it.
        std::optional<std::pair<std::size_t, std::uint32_t>> found;  // last word, kinds
        std::uint64_t run = 0;
        for (std::size_t j = i; j < words.size() && j - i < longest_; ++j) {
            run = extended(run, words[j].hash);
            if (!may_hold(run)) break;
            auto it = entries_.find(run);
            if (it == entries_.end()) break;  // no phrase starts with these words
            for (const Entry& e : it->second) {
                if (e.kinds != 0 && spells(e.words, text, words, i, j)) {
                    found = {{j, e.kinds}};
                    break;
                }
            }
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
