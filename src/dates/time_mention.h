// TimeMention: one temporal expression found in a text, resolved to TIMEX3.
#pragma once

#include <optional>
#include <string>

#include "dates/calendar_point.h"

namespace linimasa {

// How a mention's value was obtained.
enum class DateBasis {
    explicit_date,  // everything was written (15 Agustus 2023)
    relative,       // counted from the publication date (kemarin, bulan lalu, Rabu)
    context,        // counted from the last date mentioned (sehari sebelumnya)
    unanchored      // needed an anchor that the document does not have
};

const char* to_string(DateBasis basis);

struct TimeMention {
    std::size_t begin = 0;  // byte offsets into the decoded UTF-8 text, end exclusive
    std::size_t end = 0;
    std::string text;
    std::string type;   // DATE, TIME, DURATION, SET
    std::string value;  // TIMEX3 value
    std::string mod;    // TIMEX3 mod, or empty
    std::optional<CalendarPoint> point;  // the calendar interval, for DATE and TIME
    DateBasis basis = DateBasis::explicit_date;
    bool is_range = false;
};

}  // namespace linimasa
