// Small helpers for the YAML rule loaders: positions of nodes, checked keys, typed reads.
//
//   YamlSource src{"rules/events/diplomacy.yaml", diagnostics};
//   src.check_keys(node, {"id", "type", "triggers"});      // unknown key -> error with a hint
//   std::string id = src.scalar(node, "id");               // missing/mistyped -> error, ""
//
// Every error names the file and the 1-based line and column of the node at fault, so an
// analyst can jump to it.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

#include "util/diagnostic.h"

namespace linimasa {

struct YamlSource {
    std::string file;
    Diagnostics& diagnostics;

    // Records an error at `node`'s position.
    void error(const YAML::Node& node, std::string message) const;
    // Records an error for every key of the mapping `node` that is not in `known`, with a did-you-mean.
    void check_keys(const YAML::Node& node, const std::vector<std::string>& known) const;
    // The scalar under `key`; an error when it is missing (and `required`) or not a scalar.
    std::string scalar(const YAML::Node& node, const char* key, bool required = true) const;
    // The strings under `key`: a scalar or a sequence of scalars; an error otherwise.
    std::vector<std::string> strings(const YAML::Node& node, const char* key, bool required = true) const;
};

// 1-based line and column of a node (0 when yaml-cpp does not know it).
int yaml_line(const YAML::Node& node);
int yaml_column(const YAML::Node& node);

// Parses a YAML file; a syntax error or an unreadable file becomes a diagnostic and an empty optional.
std::optional<YAML::Node> load_yaml_file(const std::string& path, Diagnostics& diagnostics);

// YAML::Load with the checks a rule file needs before and after yaml-cpp reads it; throws
// YAML::ParserException (with the line and column of the problem) for
//   - bytes that are not UTF-8, and control characters (a NUL byte: not a text file);
//   - lists and mappings nested more than kMaxYamlDepth levels deep (yaml-cpp 0.7 gives up
//     below 500 with the message "bad file" and a position far from the cause, its parser
//     being recursive; rule files need five);
//   - a key given twice in one mapping (yaml-cpp would keep one of them silently).
YAML::Node load_yaml_text(const std::string& text);
constexpr int kMaxYamlDepth = 256;

}  // namespace linimasa
