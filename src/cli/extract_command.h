// `linimasa extract`: articles in, the merged and sorted timeline out (CSV), or the unmerged
// event records (JSON Lines) for a later `linimasa merge`.
//
//   ExtractOptions options;
//   options.inputs = {"samples/", "corpus.jsonl"};
//   options.jobs = 4;
//   int status = run_extract(options);
//
// Documents are streamed (see cli/document_pipeline.h): memory holds the documents in flight
// and the events found so far, never the corpus. Output is byte-identical for any --jobs:
// the CSV timeline is a pure function of the events, and JSON Lines records are written in
// input order (documents in the order read, events in text order).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "timeline/event_store.h"

namespace linimasa {

struct ExtractOptions {
    std::string rules_dir;                // empty: the shipped rules
    std::optional<std::string> ref_date;  // YYYY-MM-DD for every document
    std::string output;                   // empty: standard output; else written atomically
    std::string format = "csv";           // csv (timeline) or jsonl (event records)
    bool explain = false;                 // why each row: rule, trigger, date choice (on stderr)
    unsigned jobs = 0;                    // worker threads; 0: every core
    bool quiet = false;                   // no progress line (warnings are still printed)
    // Bytes of events kept in memory for the timeline before they go to a temporary file
    // (timeline/event_store.h); tests set it tiny to exercise that path.
    std::size_t event_memory = EventStore::kDefaultMemoryBudget;
    std::vector<std::string> inputs;      // files, folders, "-", *.jsonl corpora
};

// Runs the command; returns 0 when every input was read, 1 when some failed (the rest still
// processed), 2 for usage or rules errors.
int run_extract(const ExtractOptions& options);

}  // namespace linimasa
