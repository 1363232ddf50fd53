#include "events/event_date.h"

#include "dates/calendar_point.h"

namespace linimasa {

namespace {

using namespace date;

// The day cut to the precision: iso_day's text, not fmt::format, which was a fortieth of
// an extract run (three values per date mention).
std::string at_precision(sys_days d, Precision p) {
    std::string day = iso_day(d);                    // YYYY-MM-DD, the year zero-padded to four digits
    const std::size_t year_end = day.find('-', 1);   // after the year, which may carry a sign
    switch (p) {
        case Precision::year: return day.substr(0, year_end);
        case Precision::month: return day.substr(0, year_end + 3);
        default: return day;
    }
}

Precision precision_of(Granularity g) {
    switch (g) {
        case Granularity::day:
        case Granularity::weekend:
        case Granularity::week: return Precision::day;
        case Granularity::month:
        case Granularity::season:
        case Granularity::quarter:
        case Granularity::half: return Precision::month;
        case Granularity::year:
        case Granularity::decade:
        case Granularity::century: return Precision::year;
    }
    return Precision::day;
}

EventDateBasis basis_of(DateBasis b) {
    switch (b) {
        case DateBasis::explicit_date: return EventDateBasis::explicit_date;
        case DateBasis::relative: return EventDateBasis::relative;
        case DateBasis::context: return EventDateBasis::context;
        case DateBasis::unanchored: return EventDateBasis::unanchored;
    }
    return EventDateBasis::explicit_date;
}

// A TIME value with a clock (2023-08-15T13:26+07:00) at minute precision; parts of the day
// (2023-09-12TMO) stay at day precision.
bool has_clock(const std::string& value) {
    auto t = value.find('T');
    return t != std::string::npos && t + 5 < value.size() && value[t + 1] >= '0' && value[t + 1] <= '9';
}

// An underspecified value keeps the fields it knows: XXXX-08-15 (day), XXXX-08 (month).
std::optional<EventDate> unanchored_date(const TimeMention& m) {
    std::string value = m.value.substr(0, m.value.find('T'));
    if (value.size() < 7 || value.find_first_of("0123456789") == std::string::npos) return std::nullopt;
    if (value.find('W') != std::string::npos || value.find('Q') != std::string::npos) return std::nullopt;
    EventDate d;
    d.date = value;
    d.precision = value.size() >= 10 ? Precision::day : Precision::month;
    d.basis = EventDateBasis::unanchored;
    d.text = m.text;
    return d;
}

}  // namespace

std::optional<EventDate> event_date_of(const TimeMention& m) {
    if (m.type != "DATE" && m.type != "TIME") return std::nullopt;
    if (!m.point) return m.basis == DateBasis::unanchored ? unanchored_date(m) : std::nullopt;
    const CalendarPoint& p = *m.point;
    EventDate d;
    d.precision = precision_of(p.granularity);
    d.basis = basis_of(m.basis);
    d.text = m.text;
    const bool partial = !m.mod.empty() && m.mod != "APPROX";
    if (m.type == "TIME" && has_clock(m.value)) {
        d.precision = Precision::minute;
        d.date = m.value.substr(0, 16);
        return d;
    }
    if (partial && !m.is_range) {
        // `awal Juni 2024` narrows the interval to June 1-10 but names June: keep the month.
        d.date = at_precision(p.first, d.precision);
        return d;
    }
    d.date = at_precision(p.first, d.precision);
    std::string end = at_precision(p.last, d.precision);
    if (end != d.date) d.date_end = end;
    return d;
}

EventDate publication_event_date(sys_days day) {
    EventDate d;
    d.date = at_precision(day, Precision::day);
    d.precision = Precision::day;
    d.basis = EventDateBasis::publication;
    return d;
}

}  // namespace linimasa
