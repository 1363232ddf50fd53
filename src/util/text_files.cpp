#include "util/text_files.h"

#include <fstream>
#include <sstream>

namespace linimasa {

std::optional<std::string> read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return std::move(text).str();
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& s : items) {
        if (!out.empty()) out.append(separator);
        out += s;
    }
    return out;
}

}  // namespace linimasa
