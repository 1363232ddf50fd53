#include "util/iso_day.h"

#include <charconv>

namespace linimasa {

namespace {

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

int number(std::string_view s) {
    int value = 0;
    std::from_chars(s.data(), s.data() + s.size(), value);
    return value;
}

}  // namespace

std::optional<date::sys_days> parse_iso_day(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    std::string_view y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    date::year_month_day ymd{date::year{number(y)} / date::month{static_cast<unsigned>(number(m))} /
                             date::day{static_cast<unsigned>(number(d))}};
    if (!ymd.ok()) return std::nullopt;
    return date::sys_days{ymd};
}

}  // namespace linimasa
