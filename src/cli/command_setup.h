// What the commands set up first, in one place: the --ref-date they were given and the rules
// folder they read. Problems are printed on standard error; an empty result means exit 2.
//
//   auto setup = set_up_command(options.ref_date, options.rules_dir);
//   if (!setup) return 2;
#pragma once

#include <date/date.h>

#include <optional>
#include <string>

namespace linimasa {

struct CommandSetup {
    std::optional<date::sys_days> ref_date;  // the parsed --ref-date, if one was given
    std::string rules_dir;                   // the rules folder found
};

std::optional<CommandSetup> set_up_command(const std::optional<std::string>& ref_date, const std::string& rules_option);

}  // namespace linimasa
