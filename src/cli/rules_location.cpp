#include "cli/rules_location.h"

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace linimasa {

namespace fs = std::filesystem;

std::optional<std::string> find_rules_dir(const std::string& explicit_dir) {
    if (!explicit_dir.empty()) return explicit_dir;
    if (const char* env = std::getenv("LINIMASA_RULES"); env && *env) return std::string(env);
    std::vector<fs::path> candidates;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path dir = exe.parent_path();
        candidates.push_back(dir / ".." / "share" / "linimasa" / "rules");
        candidates.push_back(dir / ".." / "rules");
        candidates.push_back(dir / ".." / ".." / "rules");
    }
    candidates.emplace_back(LINIMASA_DATADIR "/rules");
    candidates.emplace_back(LINIMASA_SOURCE_RULES);
    for (const auto& c : candidates)
        if (fs::exists(c / "lexicon" / "id.yaml", ec)) return fs::weakly_canonical(c, ec).string();
    return std::nullopt;
}

}  // namespace linimasa
