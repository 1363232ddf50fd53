// The timeline of an EventStore written out as CSV (and, for --explain, as the explanation):
// built in memory when the events fit the store's budget, else a merge partition at a time
// (timeline/partitioned_timeline.h). Both give the same bytes.
//
//   TimelineSinks sinks{.csv = [&](std::string_view chunk) { return out.write(chunk); },
//                       .explanation = nullptr};                // or a sink for --explain
//   std::string error;
//   if (!write_timeline(store, sinks, error) && !error.empty()) report(error);
//
// The explanation, when asked for, is written whole before the first byte of CSV, as it
// always was.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "timeline/event_store.h"

namespace linimasa {

struct TimelineSinks {
    // Each takes a chunk of text and returns false to stop (the reader went away).
    std::function<bool(std::string_view)> csv;
    std::function<bool(std::string_view)> explanation;  // empty: no --explain
};

// Finishes `store` (EventStore::finish()) and writes its timeline. False when a sink stopped
// (then `error` is empty) or a temporary file failed (then `error` says why and the output is
// incomplete: the caller must not commit it). A spilled store's partitions are built on up to
// `threads` threads; the bytes are the same for any number.
bool write_timeline(EventStore& store, const TimelineSinks& sinks, std::string& error, unsigned threads = 1);

}  // namespace linimasa
