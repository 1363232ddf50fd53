#include "boilerplate/boilerplate_rules.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "util/yaml_reading.h"

namespace linimasa {

namespace {

// Reads rules/boilerplate.yaml into BoilerplateRules, collecting every problem on the way.
class RuleFileReader {
public:
    RuleFileReader(BoilerplateRules& out, Diagnostics& diagnostics, const std::string& source)
        : out_(out), diagnostics_(diagnostics), source_(source) {}

    void read(const YAML::Node& root) {
        if (!root.IsMap()) {
            error(root, "the boilerplate rules must be a mapping with the sections lines, inline, blocks, lists");
            return;
        }
        check_keys(root, {"lines", "inline", "blocks", "lists"}, "section");
        if (root["lines"]) rule_list(root["lines"], "lines", FurnitureKind::line);
        if (root["inline"]) rule_list(root["inline"], "inline", FurnitureKind::inline_marker);
        if (root["blocks"]) rule_list(root["blocks"], "blocks", FurnitureKind::block);
        if (root["lists"]) lists(root["lists"]);
    }

private:
    void error(const YAML::Node& node, const std::string& message) {
        auto mark = node.Mark();
        diagnostics_.push_back({out_.path, mark.line >= 0 ? mark.line + 1 : 0,
                                mark.column >= 0 ? mark.column + 1 : 0, message, Severity::error});
    }

    void check_keys(const YAML::Node& map, const std::vector<std::string>& known, const char* what) {
        for (const auto& entry : map) {
            std::string key = entry.first.Scalar();
            if (std::find(known.begin(), known.end(), key) != known.end()) continue;
            std::string message = std::string("unknown ") + what + " '" + key + "'";
            std::string hint = closest_match(key, known);
            if (!hint.empty()) message.append(" (did you mean '").append(hint).append("'?)");
            error(entry.first, message);
        }
    }

    // The column of a scalar's first character, after its opening quote if it has one.
    int text_column(const YAML::Node& node) const {
        auto mark = node.Mark();
        bool quoted = mark.pos >= 0 && static_cast<std::size_t>(mark.pos) < source_.size() &&
                      (source_[mark.pos] == '\'' || source_[mark.pos] == '"');
        return mark.column + 1 + (quoted ? 1 : 0);
    }

    // A pattern under `key`, compiled to check it; "" after reporting an error.
    std::string pattern(const YAML::Node& rule, const char* key, bool required) {
        const YAML::Node node = rule[key];
        if (!node) {
            if (required) error(rule, std::string("missing key '") + key + "'");
            return "";
        }
        if (!node.IsScalar() || node.Scalar().empty()) {
            error(node, std::string("'") + key + "' must be a non-empty pattern");
            return "";
        }
        RE2::Options options;
        options.set_case_sensitive(false);
        options.set_log_errors(false);
        RE2 re(node.Scalar(), options);
        if (!re.ok()) {
            auto mark = node.Mark();
            std::string message = std::string("invalid pattern in '") + key + "': " + re.error();
            int column = text_column(node);
            std::size_t at = re.error_arg().empty() ? std::string::npos : node.Scalar().find(re.error_arg());
            // The offending part's column is exact for plain one-line patterns (no escapes in YAML).
            if (at != std::string::npos) column += static_cast<int>(at);
            diagnostics_.push_back({out_.path, mark.line + 1, column, message, Severity::error});
            return "";
        }
        return node.Scalar();
    }

    int bounded_int(const YAML::Node& map, const char* key, int fallback, int lo, int hi) {
        const YAML::Node node = map[key];
        if (!node) return fallback;
        int value = 0;
        if (!node.IsScalar() || !YAML::convert<int>::decode(node, value) || value < lo || value > hi) {
            error(node, std::string("'") + key + "' must be a whole number from " + std::to_string(lo) + " to " +
                            std::to_string(hi));
            return fallback;
        }
        return value;
    }

    // `examples` or `not`: a list of strings, or of {text, keep} mappings (examples only).
    std::vector<FurnitureExample> examples(const YAML::Node& rule, const char* key, bool allow_keep) {
        std::vector<FurnitureExample> out;
        const YAML::Node list = rule[key];
        if (!list) {
            error(rule, std::string("missing key '") + key + "': every rule needs examples and not-examples");
            return out;
        }
        if (!list.IsSequence() || list.size() == 0) {
            error(list, std::string("'") + key + "' must be a non-empty list");
            return out;
        }
        for (const auto& item : list) {
            FurnitureExample example;
            example.line = item.Mark().line + 1;
            example.column = text_column(item);
            if (item.IsScalar()) {
                example.text = item.Scalar();
            } else if (item.IsMap() && allow_keep) {
                check_keys(item, {"text", "keep"}, "key");
                if (!item["text"] || !item["text"].IsScalar()) {
                    error(item, "an example needs 'text'");
                    continue;
                }
                example.text = item["text"].Scalar();
                example.line = item["text"].Mark().line + 1;
                example.column = text_column(item["text"]);
                if (const YAML::Node keep = item["keep"]) {
                    if (keep.IsScalar()) keep_part(example, keep);
                    else if (keep.IsSequence()) for (const auto& k : keep) keep_part(example, k);
                    else error(keep, "'keep' must be a string or a list of strings");
                }
            } else {
                error(item, allow_keep ? "an example must be a string or a mapping with 'text' and 'keep'"
                                       : "a not-example must be a string");
                continue;
            }
            if (example.text.empty()) {
                error(item, "an example must not be empty");
                continue;
            }
            out.push_back(std::move(example));
        }
        return out;
    }

    void keep_part(FurnitureExample& example, const YAML::Node& part) {
        if (!part.IsScalar() || part.Scalar().empty()) {
            error(part, "each part to keep must be a non-empty string");
        } else if (example.text.find(part.Scalar()) == std::string::npos) {
            error(part, "'" + part.Scalar() + "' is not part of the example's text");
        } else {
            example.keep.push_back(part.Scalar());
        }
    }

    void rule_list(const YAML::Node& list, const char* section, FurnitureKind kind) {
        if (!list.IsSequence()) {
            error(list, std::string("section '") + section + "' must be a list of rules");
            return;
        }
        for (const auto& node : list) rule(node, kind);
    }

    void rule(const YAML::Node& node, FurnitureKind kind) {
        if (!node.IsMap()) {
            error(node, "a rule must be a mapping with 'id', a pattern, 'examples' and 'not'");
            return;
        }
        FurnitureRule r;
        r.kind = kind;
        r.line = node.Mark().line + 1;
        r.column = node.Mark().column + 1;
        const bool block = kind == FurnitureKind::block;
        check_keys(node, block ? std::vector<std::string>{"id", "start", "end", "within", "items", "max_items",
                                                          "examples", "not"}
                               : std::vector<std::string>{"id", "pattern", "examples", "not"},
                   "key");
        const YAML::Node id = node["id"];
        if (!id || !id.IsScalar() || id.Scalar().empty()) {
            error(id ? id : node, "a rule needs an 'id'");
        } else {
            r.id = id.Scalar();
            auto [first, is_new] = ids_.emplace(r.id, r.line);
            if (!is_new)
                error(id, "duplicate rule id '" + r.id + "' (first at line " + std::to_string(first->second) + ")");
        }
        std::size_t errors_before = diagnostics_.size();
        r.pattern = pattern(node, block ? "start" : "pattern", true);
        if (block) {
            r.end = pattern(node, "end", false);
            r.items = pattern(node, "items", false);
            if (node["end"] && node["items"]) error(node["items"], "a block has either 'end' or 'items', not both");
            if (node["within"] && !node["end"]) error(node["within"], "'within' belongs to a block with an 'end'");
            if (node["max_items"] && !node["items"])
                error(node["max_items"], "'max_items' belongs to a block with 'items'");
            r.within = bounded_int(node, "within", r.within, 1, 200);
            r.max_items = bounded_int(node, "max_items", r.max_items, 1, 50);
        }
        r.examples = examples(node, "examples", kind != FurnitureKind::list_marker);
        r.not_examples = examples(node, "not", false);
        if (diagnostics_.size() == errors_before) out_.rules.push_back(std::move(r));
    }

    void lists(const YAML::Node& node) {
        if (!node.IsMap()) {
            error(node, "section 'lists' must be a mapping with headline_max_chars, teaser_lines, markers");
            return;
        }
        check_keys(node, {"headline_max_chars", "teaser_lines", "markers"}, "key");
        out_.lists.headline_max_chars = bounded_int(node, "headline_max_chars", out_.lists.headline_max_chars, 20, 1000);
        out_.lists.teaser_lines = bounded_int(node, "teaser_lines", out_.lists.teaser_lines, 0, 20);
        if (node["markers"]) rule_list(node["markers"], "markers", FurnitureKind::list_marker);
    }

    BoilerplateRules& out_;
    Diagnostics& diagnostics_;
    const std::string& source_;
    std::map<std::string, int> ids_;  // rule id -> its line
};

}  // namespace

BoilerplateRulesLoad parse_boilerplate_rules(const std::string& yaml, const std::string& path) {
    BoilerplateRulesLoad result;
    BoilerplateRules rules;
    rules.path = path;
    try {
        YAML::Node root = load_yaml_text(yaml);
        RuleFileReader(rules, result.diagnostics, yaml).read(root);
    } catch (const YAML::Exception& e) {
        result.diagnostics.push_back({path, e.mark.line >= 0 ? e.mark.line + 1 : 0,
                                      e.mark.column >= 0 ? e.mark.column + 1 : 0, e.msg, Severity::error});
    }
    if (!has_errors(result.diagnostics)) result.rules = std::move(rules);
    return result;
}

BoilerplateRulesLoad load_boilerplate_rules(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        BoilerplateRulesLoad result;
        result.diagnostics.push_back({path, 0, 0, "cannot read the boilerplate rules", Severity::error});
        return result;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse_boilerplate_rules(text.str(), path);
}

}  // namespace linimasa
