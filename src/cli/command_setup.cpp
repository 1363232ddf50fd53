#include "cli/command_setup.h"

#include <filesystem>
#include <iostream>

#include "cli/rules_location.h"
#include "util/iso_day.h"

namespace linimasa {

std::optional<CommandSetup> set_up_command(const std::optional<std::string>& ref_date, const std::string& rules_option) {
    CommandSetup setup;
    if (ref_date) {
        setup.ref_date = parse_iso_day(*ref_date);
        if (!setup.ref_date) {
            std::cerr << "linimasa: error: --ref-date '" << *ref_date << "' is not a date (YYYY-MM-DD)\n";
            return std::nullopt;
        }
    }
    auto rules = find_rules_dir(rules_option);
    if (!rules) {
        std::cerr << "linimasa: error: cannot find the rules folder; give it with --rules DIR\n";
        return std::nullopt;
    }
    std::error_code ec;
    if (!std::filesystem::is_directory(*rules, ec)) {
        // One clear line rather than "cannot read" for each of the nine rule files.
        std::cerr << *rules << ": error: "
                  << (std::filesystem::exists(*rules, ec) ? "not a folder; the rules are a folder of YAML files"
                                                          : "no such rules folder")
                  << '\n';
        return std::nullopt;
    }
    setup.rules_dir = *rules;
    return setup;
}

}  // namespace linimasa
