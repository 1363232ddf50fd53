// Where the shipped rules are, so that linimasa works from any directory.
#pragma once

#include <optional>
#include <string>

namespace linimasa {

// The rules folder: `explicit_dir` if given; else $LINIMASA_RULES; else the first of
// <exe>/../share/linimasa/rules, <exe>/../rules, <exe>/../../rules that holds a lexicon;
// else the installed data dir and the source tree compiled in as defaults.
std::optional<std::string> find_rules_dir(const std::string& explicit_dir);

}  // namespace linimasa
