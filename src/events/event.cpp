#include "events/event.h"

#include <charconv>

namespace linimasa {

const char* to_string(Precision p) {
    switch (p) {
        case Precision::minute: return "minute";
        case Precision::day: return "day";
        case Precision::month: return "month";
        case Precision::year: return "year";
    }
    return "day";
}

const char* to_string(EventStatus s) {
    switch (s) {
        case EventStatus::occurred: return "occurred";
        case EventStatus::planned: return "planned";
        case EventStatus::denied: return "denied";
        case EventStatus::negated: return "negated";
    }
    return "occurred";
}

const char* to_string(EventDateBasis b) {
    switch (b) {
        case EventDateBasis::explicit_date: return "explicit";
        case EventDateBasis::relative: return "relative";
        case EventDateBasis::context: return "context";
        case EventDateBasis::publication: return "publication";
        case EventDateBasis::unanchored: return "unanchored";
    }
    return "publication";
}

std::optional<Precision> parse_precision(std::string_view s) {
    for (auto p : {Precision::minute, Precision::day, Precision::month, Precision::year})
        if (s == to_string(p)) return p;
    return std::nullopt;
}

std::optional<EventStatus> parse_status(std::string_view s) {
    for (auto v : {EventStatus::occurred, EventStatus::planned, EventStatus::denied, EventStatus::negated})
        if (s == to_string(v)) return v;
    return std::nullopt;
}

std::optional<EventDateBasis> parse_basis(std::string_view s) {
    for (auto v : {EventDateBasis::explicit_date, EventDateBasis::relative, EventDateBasis::context,
                   EventDateBasis::publication, EventDateBasis::unanchored})
        if (s == to_string(v)) return v;
    return std::nullopt;
}

namespace {

std::optional<int> digits(std::string_view s, std::size_t at, std::size_t n) {
    if (at + n > s.size()) return std::nullopt;
    int value = 0;
    auto [end, ec] = std::from_chars(s.data() + at, s.data() + at + n, value);
    if (ec != std::errc() || end != s.data() + at + n) return std::nullopt;
    return value;
}

// The first or last day named by a timeline date (2023, 2023-08, 2023-08-15, 2023-08-15T13:26).
std::optional<date::sys_days> bound(std::string_view s, bool last) {
    using namespace date;
    auto y = digits(s, 0, 4);
    if (!y) return std::nullopt;
    if (s.size() == 4) return last ? sys_days{year{*y} / December / 31} : sys_days{year{*y} / January / 1};
    auto m = s.size() >= 7 && s[4] == '-' ? digits(s, 5, 2) : std::nullopt;
    if (!m || *m < 1 || *m > 12) return std::nullopt;
    year_month ym{year{*y}, month{static_cast<unsigned>(*m)}};
    if (s.size() == 7) return last ? sys_days{ym / date::last} : sys_days{ym / 1};
    auto d = s.size() >= 10 && s[7] == '-' ? digits(s, 8, 2) : std::nullopt;
    if (!d) return std::nullopt;
    year_month_day ymd = ym / day{static_cast<unsigned>(*d)};
    if (!ymd.ok()) return std::nullopt;
    return sys_days{ymd};
}

}  // namespace

std::optional<date::sys_days> EventDate::first() const { return bound(date, false); }

std::optional<date::sys_days> EventDate::last() const { return bound(date_end.empty() ? date : date_end, true); }

}  // namespace linimasa
