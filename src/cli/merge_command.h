// `linimasa merge PART...`: event records written by `extract --format jsonl` (on any number
// of machines) merged into the final timeline, the same as one `extract` over all documents.
#pragma once

#include <string>
#include <vector>

#include "timeline/event_store.h"

namespace linimasa {

struct MergeOptions {
    std::string output;                // empty: standard output; else written atomically
    bool explain = false;
    unsigned jobs = 0;                 // threads for a timeline built a partition at a time; 0: every core
    // Bytes of events kept in memory before they go to a temporary file (see ExtractOptions).
    std::size_t event_memory = EventStore::kDefaultMemoryBudget;
    std::vector<std::string> parts;    // JSON Lines files of event records, "-" for stdin
};

// Returns 0 when every record was read, 1 when some were malformed (reported by file:line), 2 on usage errors.
int run_merge(const MergeOptions& options);

}  // namespace linimasa
