#include "util/yaml_reading.h"

#include <yaml-cpp/depthguard.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include "text/decoded_text.h"
#include "util/text_files.h"

namespace linimasa {

int yaml_line(const YAML::Node& node) {
    const auto mark = node.Mark();
    return mark.line < 0 ? 0 : mark.line + 1;
}

int yaml_column(const YAML::Node& node) {
    const auto mark = node.Mark();
    return mark.column < 0 ? 0 : mark.column + 1;
}

void YamlSource::error(const YAML::Node& node, std::string message) const {
    diagnostics.push_back({file, yaml_line(node), yaml_column(node), std::move(message)});
}

void YamlSource::check_keys(const YAML::Node& node, const std::vector<std::string>& known) const {
    if (!node.IsMap()) return;
    for (const auto& entry : node) {
        std::string key = entry.first.Scalar();
        if (std::find(known.begin(), known.end(), key) != known.end()) continue;
        std::string hint = closest_match(key, known);
        std::string message = "unknown key '";
        message.append(key).append("'");
        if (!hint.empty()) message.append(" (did you mean '").append(hint).append("'?)");
        error(entry.first, message);
    }
}

std::string YamlSource::scalar(const YAML::Node& node, const char* key, bool required) const {
    const YAML::Node value = node[key];
    if (!value) {
        if (required) error(node, std::string("missing key '").append(key).append("'"));
        return "";
    }
    if (!value.IsScalar()) {
        error(value, std::string("'").append(key).append("' must be a single value"));
        return "";
    }
    return value.Scalar();
}

std::vector<std::string> YamlSource::strings(const YAML::Node& node, const char* key, bool required) const {
    std::vector<std::string> out;
    const YAML::Node value = node[key];
    if (!value) {
        if (required) error(node, std::string("missing key '").append(key).append("'"));
        return out;
    }
    if (value.IsScalar()) {
        out.push_back(value.Scalar());
        return out;
    }
    if (!value.IsSequence()) {
        error(value, std::string("'").append(key).append("' must be a list of strings"));
        return out;
    }
    for (const auto& item : value) {
        if (item.IsScalar()) out.push_back(item.Scalar());
        else error(item, std::string("each entry of '").append(key).append("' must be a string"));
    }
    return out;
}

std::optional<YAML::Node> load_yaml_file(const std::string& path, Diagnostics& diagnostics) {
    std::optional<std::string> text;
    if (std::filesystem::is_regular_file(path)) text = read_text_file(path);
    if (!text) {
        diagnostics.push_back({path, 0, 0, "cannot read the file"});
        return std::nullopt;
    }
    try {
        return load_yaml_text(*text);
    } catch (const YAML::Exception& e) {
        diagnostics.push_back({path, e.mark.line >= 0 ? e.mark.line + 1 : 0, e.mark.column >= 0 ? e.mark.column + 1 : 0,
                               e.msg});
    }
    return std::nullopt;
}

namespace {

YAML::Mark mark_at(std::string_view text, std::size_t offset) {
    const SourcePosition pos = position_of(text, offset);
    YAML::Mark mark;
    mark.pos = static_cast<int>(std::min<std::size_t>(offset, INT32_MAX));
    mark.line = pos.line - 1;
    mark.column = pos.column - 1;
    return mark;
}

[[noreturn]] void fail_at(std::string_view text, std::size_t offset, const std::string& message) {
    throw YAML::ParserException(mark_at(text, offset), message);
}

// The bytes yaml-cpp would take without a word: not UTF-8 (it copies them through), control
// characters (a NUL ends up in the rules), and flow lists and mappings nested deeper than its
// recursive parser can take. The nesting is counted on the text ('[' and '{' outside quotes and
// comments), so the error points at the bracket that goes too deep.
void check_text(std::string_view text) {
    if (std::size_t bad = first_invalid_utf8(text); bad != std::string_view::npos) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
        fail_at(text, bad, std::string("not valid UTF-8 (byte ") + byte + "): a rule file must be UTF-8 text");
    }
    enum class State { plain, single_quoted, double_quoted, comment } state = State::plain;
    int depth = 0;
    bool escaped = false;  // after a backslash in a double-quoted string
    char previous = '\n';
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7F) {
            char code[8];
            std::snprintf(code, sizeof code, "0x%02X", u);
            fail_at(text, i, u == 0 ? std::string("NUL byte: a rule file must be text")
                                    : std::string("control character ") + code + ": a rule file must be text");
        }
        const bool at_token_start = previous == ' ' || previous == '\t' || previous == '\n' || previous == '\r' ||
                                    previous == '[' || previous == '{' || previous == ',';
        switch (state) {
            case State::comment:
                if (c == '\n') state = State::plain;
                break;
            case State::single_quoted:
                if (c == '\'') {
                    if (i + 1 < text.size() && text[i + 1] == '\'') ++i;  // '' is a quote inside
                    else state = State::plain;
                }
                break;
            case State::double_quoted:
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"') state = State::plain;
                break;
            case State::plain:
                if (c == '#' && at_token_start) state = State::comment;
                else if (c == '\'' && at_token_start) state = State::single_quoted;
                else if (c == '"' && at_token_start) state = State::double_quoted;
                else if ((c == '[' || c == '{') && ++depth > kMaxYamlDepth)
                    fail_at(text, i, "lists and mappings nested more than " + std::to_string(kMaxYamlDepth) +
                                         " levels deep");
                else if ((c == ']' || c == '}') && depth > 0) --depth;
                break;
        }
        previous = c;
    }
}

// Every mapping's keys, once: a key given twice is an error at its second place. A list or
// mapping reached again through an alias is not walked again (an alias of an alias of ...
// must not cost its expanded size).
void check_keys_unique(const YAML::Node& root) {
    std::vector<YAML::Node> pending{root};
    std::unordered_set<int> walked;
    while (!pending.empty()) {
        const YAML::Node node = pending.back();
        pending.pop_back();
        if (!node.IsMap() && !node.IsSequence()) continue;
        if (!walked.insert(node.Mark().pos).second) continue;
        if (node.IsSequence()) {
            for (const auto& item : node) pending.push_back(item);
            continue;
        }
        std::unordered_map<std::string, int> first_line;
        for (const auto& entry : node) {
            if (entry.first.IsScalar()) {
                auto [it, inserted] = first_line.emplace(entry.first.Scalar(), yaml_line(entry.first));
                if (!inserted)
                    throw YAML::ParserException(entry.first.Mark(), "duplicate key '" + entry.first.Scalar() +
                                                                         "' (first at line " +
                                                                         std::to_string(it->second) + ")");
            }
            pending.push_back(entry.first);
            pending.push_back(entry.second);
        }
    }
}

}  // namespace

YAML::Node load_yaml_text(const std::string& text) {
    check_text(text);
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::DeepRecursion& e) {
        throw YAML::ParserException(e.mark, "lists and mappings nested too deeply");
    }
    check_keys_unique(root);
    return root;
}

}  // namespace linimasa
