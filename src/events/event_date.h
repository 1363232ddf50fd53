// Turning the date engine's TimeMentions into event dates at timeline precision.
//
//   std::optional<EventDate> d = event_date_of(mention);     // nullopt: names no calendar date
//   EventDate p = publication_event_date(publication_day);    // the fallback
#pragma once

#include <optional>

#include "dates/time_mention.h"
#include "events/event.h"

namespace linimasa {

// The date a mention gives an event: DATE and TIME mentions with a calendar interval, or an
// underspecified value with at least one known field (XXXX-08-15). Durations, sets and
// PRESENT_REF-like values give none. Weeks, quarters and halves become ranges at day or
// month precision; parts of periods (`awal Juni 2024`) keep the period's own value.
std::optional<EventDate> event_date_of(const TimeMention& mention);

// The publication day as an event date (basis publication).
EventDate publication_event_date(date::sys_days day);

}  // namespace linimasa
