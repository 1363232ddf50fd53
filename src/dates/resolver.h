// The resolver: turns a Reading into a TIMEX3 type, value, mod and calendar interval,
// against the publication date (the anchor) and the last date the text mentioned (the
// focus).
//
//   ResolveContext ctx{anchor_day, focus, TenseCue::none};
//   TimeMention m = resolve(reading, ctx);   // "bulan lalu" at 2023-09-13 -> DATE 2023-08
//
// Year-less dates and bare weekdays take the nearest candidate, preferring the past: the
// future one only when it is less than a third as far away, or when the sentence has a
// future cue (akan, dijadwalkan); a past cue (telah, sudah) forces the past. Without an
// anchor a relative expression keeps an underspecified value (XXXX-08-15). See
// docs/dates.md for the whole policy.
#pragma once

#include <optional>

#include "dates/reading.h"
#include "dates/time_mention.h"

namespace linimasa {

enum class TenseCue { none, future, past };

struct ResolveContext {
    std::optional<date::sys_days> anchor;
    std::optional<CalendarPoint> focus;      // the last date mentioned, at any precision
    std::optional<CalendarPoint> focus_day;  // the last date mentioned to the day
    std::optional<date::sys_days> written_day;  // the last day written with its number (Selasa (20/1))
    TenseCue cue = TenseCue::none;
};

// Resolves a reading; the mention's span and text are left for the caller to fill in.
// The type is empty when the reading turns out to name no time (31/2/2023).
TimeMention resolve(const Reading& reading, const ResolveContext& context);

}  // namespace linimasa
