// Reading: what the words of one matched span say, before any anchoring.
//
// The interpreter fills a Reading from a span ("akhir Agustus lalu" -> month 8, part END,
// direction past); the resolver turns it into a TIMEX3 value against the publication
// date. Keeping the two apart means recognition never depends on the anchor, so the
// dateline can be found from the same readings (HeidelTime's second pass).
#pragma once

#include <optional>
#include <string>

#include "lexicon/lexicon.h"

namespace linimasa {

// Calendar fields written in the text; any may be missing.
struct CalendarFields {
    std::optional<int> year;
    std::optional<int> month;
    std::optional<int> day;
    std::optional<int> weekday;  // ISO, Monday = 1
    std::optional<MonthDay> named_day;

    bool empty() const { return !year && !month && !day && !weekday && !named_day; }
    // Day, month and year all written: a complete date.
    bool complete() const { return year && month && day; }
};

struct Reading {
    std::size_t trim_front = 0;  // bytes at the span's start that belong outside it (antara)

    CalendarFields date;                    // the point, or a range's first point
    std::optional<CalendarFields> range_end;

    std::optional<int> hour;
    std::optional<int> minute;
    std::optional<int> end_hour;  // pukul 08.00-10.00: the end of a clock range
    std::optional<int> end_minute;
    std::string zone;      // "+07:00", or empty
    std::string day_part;  // TIMEX3 MO/MI/AF/EV/NI, or empty

    std::string period_part;  // START/MID/END from awal/pertengahan/akhir
    std::optional<int> relative_day;

    std::optional<double> quantity;  // dua (hari), 5,5 (tahun)
    bool vague_quantity = false;     // beberapa (tahun), bertahun-tahun
    std::optional<UnitWord> unit;
    Direction direction = Direction::none;

    std::string mod;  // from sekitar, lebih dari, ...
    bool set = false;
    std::string vague;  // PRESENT_REF, PAST_REF, FUTURE_REF

    char period_unit = 0;  // 'Q' or 'H'
    int period_index = 0;
    int week_index = 0;    // pekan kedua (Juli): the second week of the month
    int day_offset = 0;    // H-7 Lebaran: days from the named day (H-7 = a week before)
    std::string season;
    std::optional<int> decade;   // 199 for the 1990s
    std::optional<int> century;  // 19 for the 20th century

    bool led_by_word = false;  // tahun 2012, bulan Juli: the year/month was introduced by a word

    // True if the span names nothing at all (a lone unit word, a lone direction).
    bool meaningless() const {
        bool unit_says_something = unit && (quantity || vague_quantity || set || direction != Direction::none ||
                                             !period_part.empty());
        return date.empty() && !range_end && !hour && day_part.empty() && !relative_day && !unit_says_something &&
               vague.empty() &&
               !period_unit && season.empty() && !decade && !century;
    }
    // Only a year is known, written as bare digits (2012): may be a count instead.
    bool bare_year() const {
        return date.year && !date.month && !date.day && !date.weekday && !date.named_day && !range_end && !unit &&
               period_part.empty() && !period_unit && season.empty() && !led_by_word && direction == Direction::none;
    }
};

}  // namespace linimasa
