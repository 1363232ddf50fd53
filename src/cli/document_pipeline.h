// The documents of the inputs, worked on by N threads and delivered in input order — the
// engine room of `extract` and `dates`:
//
//   PipelineOptions options{.jobs = 4, .progress = true};
//   run_pipeline(names, options,
//       [&](DocumentJob& job) {                       // on a worker thread, in any order
//           if (!job.has_source) return;
//           auto doc = make_document(std::move(job.source), job.diagnostics, rules);
//           ...  job.events = ...; job.output = ...;
//       },
//       [&](DocumentJob& job) {                       // one at a time, in input order
//           return out.write(job.output);             // false stops the run
//       });                                           // then job.diagnostics go to stderr
//
// One thread (the caller's) reads the inputs in order: a plain input whole, a JSON Lines
// input line by line (a .jsonl/.ndjson name, or standard input whose first character is `{`),
// so only the documents in flight are in memory. They go to the workers in batches (up to 64
// documents or 256 KiB, fewer when standard input pauses), at most 4 batches per job, and
// while more than 64 MiB of them wait for a worker the reader waits too. Workers decode,
// parse and extract; results are delivered strictly in input order, so the output does not
// depend on N. With jobs = 1 everything happens on the caller's thread, one document at a time.
//
// A document larger than max_document_bytes (a plain file, or one JSON Lines record) is
// refused with an error instead of being read into memory. An exception thrown by the work
// (std::bad_alloc on a pathological input) becomes an error for that document; the run goes on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "document/document.h"
#include "events/event.h"
#include "util/diagnostic.h"

namespace linimasa {

// How inputs are split into documents.
enum class InputFormat {
    automatic,  // JSON Lines by name (.jsonl, .ndjson) or, for "-", by a leading `{`; else one article
    text,       // every input is one article
};

// One document's passage through the pipeline.
struct DocumentJob {
    std::size_t index = 0;       // position in input order
    bool has_source = false;     // false: only reading problems to report (an unreadable file, ...)
    DocumentSource source;       // the bytes as read (the work may move them away)
    std::uint64_t bytes = 0;     // input bytes this job stands for (for the progress line)
    Diagnostics diagnostics;     // reading problems found before this document, then the work's
    bool input_paused = false;   // nothing more was ready to read after it: a live feed on
                                 // standard input waits for its writer (flush what is written)

    // Filled by the work, read by the delivery:
    std::string id;                          // the document's id ("" when there was no document)
    std::string origin;                      // where it came from, for diagnostics
    std::size_t document_diagnostics = 0;    // diagnostics.size() once the document was made
    std::vector<Event> events;
    std::string output;                      // text to write in input order
    bool failed = false;                     // the input counts as failed (besides any error diagnostic)
};

struct PipelineOptions {
    unsigned jobs = 1;                                 // worker threads; 0 means 1
    InputFormat format = InputFormat::automatic;
    bool progress = false;                             // draw the progress line on standard error
    std::size_t max_document_bytes = std::size_t{256} << 20;
};

using PipelineWork = std::function<void(DocumentJob&)>;
using PipelineDelivery = std::function<bool(DocumentJob&)>;

struct PipelineResult {
    bool failed = false;   // some job had an error diagnostic or was marked failed
    bool stopped = false;  // a delivery returned false; the rest was not read
};

// Runs `work` on every document of `names` and `deliver` on each job in input order; after
// each delivery, the job's diagnostics (as the delivery left them) are printed on standard
// error, in input order.
PipelineResult run_pipeline(const std::vector<std::string>& names, const PipelineOptions& options,
                            const PipelineWork& work, const PipelineDelivery& deliver);

// The default for --jobs: every core the machine reports (at least 1).
unsigned default_jobs();

}  // namespace linimasa
