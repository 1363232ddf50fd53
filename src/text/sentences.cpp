#include "text/sentences.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

#include "text/lines.h"
#include "util/text_files.h"
#include "util/yaml_reading.h"

namespace linimasa {

namespace {

// Byte length of a sentence terminator at `i` (. ! ? …), or 0.
std::size_t terminator_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return 0;
    if (s[i] == '.' || s[i] == '!' || s[i] == '?') return 1;
    return s.substr(i).starts_with("\xE2\x80\xA6") ? 3 : 0;
}

// The bytes a terminator can start with: . ! ? and the first byte of … (U+2026).
constexpr std::array<bool, 256> kMayEndSentence = [] {
    std::array<bool, 256> may{};
    for (unsigned char c : {'.', '!', '?'}) may[c] = true;
    may[0xE2] = true;
    return may;
}();

// Byte length of a closing quote or bracket at `i`, or 0.
std::size_t closer_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return 0;
    if (s[i] == '"' || s[i] == '\'' || s[i] == ')' || s[i] == ']') return 1;
    std::string_view rest = s.substr(i);
    if (rest.starts_with("\xE2\x80\x9D") || rest.starts_with("\xE2\x80\x99")) return 3;  // ” ’
    if (rest.starts_with("\xC2\xBB")) return 2;                                          // »
    return 0;
}

// Byte length of an opening quote or bracket at `i`, or 0.
std::size_t opener_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return 0;
    if (s[i] == '"' || s[i] == '\'' || s[i] == '(' || s[i] == '[') return 1;
    std::string_view rest = s.substr(i);
    if (rest.starts_with("\xE2\x80\x9C") || rest.starts_with("\xE2\x80\x98")) return 3;  // “ ‘
    return rest.starts_with("\xC2\xAB") ? 2 : 0;                                           // «
}

// The code point at `i` (UTF-8), or 0 for a malformed sequence.
char32_t code_point_at(std::string_view s, std::size_t i) {
    auto byte = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
    unsigned c = byte(i);
    if (c < 0x80) return c;
    if ((c & 0xE0) == 0xC0) return ((c & 0x1F) << 6) | (byte(i + 1) & 0x3F);
    if ((c & 0xF0) == 0xE0) return ((c & 0x0F) << 12) | ((byte(i + 1) & 0x3F) << 6) | (byte(i + 2) & 0x3F);
    return 0;
}

// Uppercase letters of the scripts Indonesian news uses (ASCII, Latin-1, Latin Extended-A).
bool uppercase_at(std::string_view s, std::size_t i) {
    char32_t c = code_point_at(s, i);
    if (c >= 'A' && c <= 'Z') return true;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return true;
    return c >= 0x100 && c <= 0x17F && c % 2 == 0;
}

bool digit_at(std::string_view s, std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

std::string lowercase(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// "U.S.", "a.n.", "p.m.": single letters each followed by a dot, at least two of them.
bool dotted_initials(std::string_view token) {
    if (token.size() < 4 || token.size() % 2 != 0) return false;
    for (std::size_t i = 0; i < token.size(); i += 2) {
        char c = token[i];
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!letter || token[i + 1] != '.') return false;
    }
    return true;
}

}  // namespace

bool SentenceSplitter::ends_sentence(std::string_view line, std::size_t sentence_begin, std::size_t terminator,
                                     std::size_t next) const {
    const bool capital = uppercase_at(line, next) || opener_at(line, next) > 0;
    if (!capital && !digit_at(line, next)) return false;
    if (line[terminator] != '.' || terminator_at(line, terminator + 1)) return true;  // ! ? … and "..." always end
    // The word that the full stop closes, without opening quotes or brackets.
    std::size_t word = terminator;
    while (word > sentence_begin && !whitespace_before(line, word)) --word;
    while (std::size_t quote = word < terminator ? opener_at(line, word) : 0) word += quote;
    std::string_view token = line.substr(word, terminator + 1 - word);
    std::string key = lowercase(token);
    if (abbreviations_.count(key)) return false;
    if (sentence_final_.count(key)) return capital;
    std::string_view stem = token.substr(0, token.size() - 1);
    if (!stem.empty() && uppercase_at(stem, 0) && (code_point_at(stem, 0) < 0x80 ? 1u : 2u) == stem.size())
        return false;  // a capital initial: Vladimir V. Putin
    if (dotted_initials(token)) return false;
    const bool list_number = word == 0 && !stem.empty() && stem.size() <= 3 &&
                             std::all_of(stem.begin(), stem.end(), [](char c) { return c >= '0' && c <= '9'; });
    return !list_number;
}

std::vector<Sentence> SentenceSplitter::split(std::string_view text) const {
    std::vector<Sentence> sentences;
    int paragraph = 0;
    for (const LineSpan& span : split_lines(text)) {
        const LineSpan core = trim(text, span);
        if (core.empty()) continue;
        const std::string_view line = text.substr(core.begin, core.size());
        auto emit = [&](std::size_t begin, std::size_t end) {
            LineSpan s = trim(line, {begin, end});
            if (!s.empty()) sentences.push_back({core.begin + s.begin, core.begin + s.end, paragraph});
        };
        std::size_t begin = 0;
        for (std::size_t i = 0; i < line.size();) {
            // Most bytes cannot start a terminator: passed over by a table lookup, since every
            // byte of every page comes through here.
            if (!kMayEndSentence[static_cast<unsigned char>(line[i])]) {
                ++i;
                continue;
            }
            std::size_t length = terminator_at(line, i);
            if (length == 0) {
                ++i;
                continue;
            }
            std::size_t stop = i + length;
            while (std::size_t more = terminator_at(line, stop)) stop += more;  // ?! ... …
            while (std::size_t more = closer_at(line, stop)) stop += more;      // ." .” .)
            std::size_t next = stop;
            while (std::size_t blank = whitespace_at(line, next)) next += blank;
            if (next > stop && next < line.size() && ends_sentence(line, begin, i, next)) {
                emit(begin, stop);
                begin = next;
            }
            i = std::max(stop, i + 1);
        }
        emit(begin, line.size());
        ++paragraph;
    }
    return sentences;
}

namespace {

// Reads rules/segmentation.yaml, collecting problems as diagnostics.
class SegmentationReader {
public:
    SegmentationReader(const std::string& path, Diagnostics& diagnostics) : path_(path), diagnostics_(diagnostics) {}

    void error(const YAML::Node& node, const std::string& message) { YamlSource{path_, diagnostics_}.error(node, message); }

    void check_keys(const YAML::Node& map, const std::vector<std::string>& known) {
        YamlSource{path_, diagnostics_}.check_keys(map, known);
    }

    void words(const YAML::Node& list, const char* key, std::unordered_set<std::string>& out) {
        if (!list) return;
        if (!list.IsSequence()) {
            error(list, std::string("'") + key + "' must be a list of abbreviations");
            return;
        }
        for (const auto& item : list) {
            if (!item.IsScalar() || item.Scalar().size() < 2 || item.Scalar().back() != '.') {
                error(item, "an abbreviation is written with its final dot, e.g. 'Dr.'");
                continue;
            }
            if (!out.insert(lowercase(item.Scalar())).second)
                error(item, "duplicate abbreviation '" + item.Scalar() + "'");
        }
    }

    void examples(const YAML::Node& list, std::vector<SegmentationExample>& out) {
        if (!list) return;
        if (!list.IsSequence()) {
            error(list, "'examples' must be a list of {text, sentences}");
            return;
        }
        for (const auto& item : list) {
            if (!item.IsMap() || !item["text"] || !item["text"].IsScalar() || !item["sentences"] ||
                !item["sentences"].IsSequence()) {
                error(item, "an example needs 'text' and a list of 'sentences'");
                continue;
            }
            check_keys(item, {"text", "sentences"});
            SegmentationExample example;
            example.text = item["text"].Scalar();
            example.line = item["text"].Mark().line + 1;
            example.column = item["text"].Mark().column + 1;
            for (const auto& s : item["sentences"]) {
                if (s.IsScalar()) example.sentences.push_back(s.Scalar());
                else error(s, "each sentence must be a string");
            }
            out.push_back(std::move(example));
        }
    }

private:
    const std::string& path_;
    Diagnostics& diagnostics_;
};

}  // namespace

SentenceSplitterLoad SentenceSplitter::parse(const std::string& yaml, const std::string& path) {
    SentenceSplitterLoad result;
    std::unique_ptr<SentenceSplitter> splitter(new SentenceSplitter());
    splitter->path_ = path;
    SegmentationReader reader(path, result.diagnostics);
    try {
        YAML::Node root = load_yaml_text(yaml);
        if (!root.IsMap()) {
            reader.error(root, "the segmentation rules must be a mapping with abbreviations, sentence_final, examples");
        } else {
            reader.check_keys(root, {"abbreviations", "sentence_final", "examples"});
            reader.words(root["abbreviations"], "abbreviations", splitter->abbreviations_);
            reader.words(root["sentence_final"], "sentence_final", splitter->sentence_final_);
            reader.examples(root["examples"], splitter->examples_);
        }
    } catch (const YAML::Exception& e) {
        result.diagnostics.push_back({path, e.mark.line >= 0 ? e.mark.line + 1 : 0,
                                      e.mark.column >= 0 ? e.mark.column + 1 : 0, e.msg, Severity::error});
    }
    if (!has_errors(result.diagnostics)) result.splitter = std::move(splitter);
    return result;
}

SentenceSplitterLoad SentenceSplitter::load(const std::string& rules_dir) {
    const std::string path = rules_dir + "/segmentation.yaml";
    auto text = read_text_file(path);
    if (!text) {
        SentenceSplitterLoad result;
        result.diagnostics.push_back({path, 0, 0, "cannot read the segmentation rules", Severity::error});
        return result;
    }
    return parse(*text, path);
}

Diagnostics SentenceSplitter::check_examples() const {
    Diagnostics problems;
    for (const SegmentationExample& example : examples_) {
        std::vector<std::string> got;
        for (const Sentence& s : split(example.text)) got.push_back(example.text.substr(s.begin, s.end - s.begin));
        if (got == example.sentences) continue;
        std::string message = "splits into";
        for (const auto& s : got) message.append(" [").append(s).append("]");
        problems.push_back({path_, example.line, example.column, message, Severity::error});
    }
    return problems;
}

}  // namespace linimasa
