// The headline of a scraped news page.
//
//   std::string body = boilerplate.masked(text);      // furniture blanked, offsets kept
//   std::string title = find_title(body, outlets);    // "" when the page has none
//
// The headline is the first substantial line before the article prose begins: lines that
// are blank (or masked furniture), a bare date (`Selasa 15 Aug 2023 13:26 WIB`), an outlet's
// site line (`CNN Indonesia`) or a dateline alone (`Jakarta, CNN Indonesia --`), or shorter
// than three words, are passed over. A line that starts with a dateline followed by text, or
// that ends in a full stop, is the article itself: the page has no headline before it.
#pragma once

#include <string>
#include <string_view>

#include "document/outlets.h"

namespace linimasa {

// The headline of `text` (ideally with furniture masked), trimmed; "" when none is found.
std::string find_title(std::string_view text, const Outlets& outlets);

// True when `line` is only a date, with an optional weekday, time and time zone.
bool is_date_line(std::string_view line);

}  // namespace linimasa
