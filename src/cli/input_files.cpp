#include "cli/input_files.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>

namespace linimasa {

namespace fs = std::filesystem;

std::vector<std::string> expand_inputs(const std::vector<std::string>& args, Diagnostics& diagnostics) {
    std::vector<std::string> out;
    for (const auto& arg : args) {
        std::error_code ec;
        if (arg == "-") {
            out.push_back(arg);
        } else if (fs::is_directory(arg, ec)) {
            std::vector<std::string> files;
            std::set<fs::path> seen_dirs;  // a symlink loop is walked once
            auto options = fs::directory_options::follow_directory_symlink | fs::directory_options::skip_permission_denied;
            fs::recursive_directory_iterator it(arg, options, ec), end;
            for (; !ec && it != end; it.increment(ec)) {
                if (it->is_directory(ec)) {
                    fs::path canonical = fs::weakly_canonical(it->path(), ec);
                    if (!seen_dirs.insert(canonical).second) it.disable_recursion_pending();
                    continue;
                }
                if (it->is_regular_file(ec) && it->path().extension() == ".txt") files.push_back(it->path().string());
            }
            if (ec) diagnostics.push_back({arg, 0, 0, "cannot read folder: " + ec.message(), Severity::error});
            std::sort(files.begin(), files.end());
            out.insert(out.end(), files.begin(), files.end());
        } else if (fs::exists(arg, ec)) {
            out.push_back(arg);
        } else {
            diagnostics.push_back({arg, 0, 0, "no such file or folder", Severity::error});
        }
    }
    return out;
}

std::optional<InputFile> read_input(const std::string& name, Diagnostics& diagnostics) {
    InputFile f{name, {}};
    if (name == "-") {
        f.bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        return f;
    }
    std::ifstream in(name, std::ios::binary);
    if (!in) {
        diagnostics.push_back({name, 0, 0, std::string("cannot open: ") + std::strerror(errno), Severity::error});
        return std::nullopt;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) {
        diagnostics.push_back({name, 0, 0, "read error", Severity::error});
        return std::nullopt;
    }
    f.bytes = std::move(buf).str();
    return f;
}

}  // namespace linimasa
