// Unmerged event records as JSON Lines: what `extract --format jsonl` writes and
// `linimasa merge` reads back, so the map step of a large run can happen anywhere.
//
//   std::string line = event_record(event);                 // one line, no newline
//   auto back = parse_event_record(line, "part-1.jsonl", 17, diagnostics);
//
// A record holds every field of an Event, so merging records gives exactly the timeline
// that extracting all the documents at once would give.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "events/event.h"
#include "util/diagnostic.h"

namespace linimasa {

// One event as a single line of JSON (keys in a fixed order).
std::string event_record(const Event& e);

// Reads a record; a malformed one gives a diagnostic at file:line:col and std::nullopt.
std::optional<Event> parse_event_record(std::string_view line, const std::string& file, int line_number,
                                        Diagnostics& diagnostics);

}  // namespace linimasa
