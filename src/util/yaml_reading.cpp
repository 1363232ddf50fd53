#include "util/yaml_reading.h"

#include <algorithm>
#include <filesystem>

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
    if (!std::filesystem::is_regular_file(path)) {
        diagnostics.push_back({path, 0, 0, "cannot read the file"});
        return std::nullopt;
    }
    try {
        return YAML::LoadFile(path);
    } catch (const YAML::ParserException& e) {
        diagnostics.push_back({path, e.mark.line + 1, e.mark.column + 1, e.msg});
    } catch (const YAML::BadFile&) {
        diagnostics.push_back({path, 0, 0, "cannot read the file"});
    }
    return std::nullopt;
}

}  // namespace linimasa
