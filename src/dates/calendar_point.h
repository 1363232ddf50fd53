// Calendar points: a named stretch of the calendar (a day, an ISO week, a month, a
// quarter, a year, a decade, ...) with its TIMEX3 value and its inclusive day interval.
//
//   CalendarPoint p = CalendarPoint::in_month(2024y, June);  // "2024-06", 2024-06-01..2024-06-30
//   p = p.with_part("START");                             // interval 2024-06-01..2024-06-10
//
// All calendar arithmetic goes through Howard Hinnant's date library.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>

namespace linimasa {

enum class Granularity { day, weekend, week, month, season, quarter, half, year, decade, century };

struct CalendarPoint {
    Granularity granularity = Granularity::day;
    std::string value;      // TIMEX3 value: 2024-06, 2023-W37, 2023-Q3, 199
    date::sys_days first;   // inclusive interval
    date::sys_days last;

    static CalendarPoint on_day(date::year_month_day ymd);
    static CalendarPoint in_month(date::year y, date::month m);
    static CalendarPoint in_year(date::year y);
    // The ISO week that contains `d`.
    static CalendarPoint week_of(date::sys_days d);
    // Saturday and Sunday of the ISO week that contains `d`.
    static CalendarPoint weekend_of(date::sys_days d);
    static CalendarPoint quarter(date::year y, int q);
    static CalendarPoint half(date::year y, int h);
    // SP, SU, FA, WI (northern meteorological seasons; winter runs into the next year).
    static CalendarPoint season(date::year y, const std::string& code);
    static CalendarPoint decade(int decade);    // 199 -> the 1990s
    static CalendarPoint century(int century);  // 19 -> 1900..1999

    // The first, middle or last third of the interval (START, MID, END); the value stays.
    CalendarPoint with_part(const std::string& part) const;
    // The same granularity moved by `n` of its own steps (a month back, a year on).
    CalendarPoint shifted(int n) const;
    // The calendar year of the interval's first day.
    int first_year() const;
};

// ISO 8601 text of a day: 2023-08-15.
std::string iso_day(date::sys_days d);

}  // namespace linimasa
