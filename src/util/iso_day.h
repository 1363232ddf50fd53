// Reading ISO 8601 calendar days (YYYY-MM-DD) given by users and rule files.
#pragma once

#include <date/date.h>

#include <optional>
#include <string_view>

namespace linimasa {

// The day written as exactly YYYY-MM-DD, if it is a valid calendar day.
std::optional<date::sys_days> parse_iso_day(std::string_view text);

}  // namespace linimasa
