#include "cli/merge_command.h"

#include <iostream>

#include "cli/document_pipeline.h"
#include "cli/input_files.h"
#include "cli/output.h"
#include "output/event_records.h"
#include "util/free_memory.h"

namespace linimasa {

namespace {

// A record is one event: far below this; a longer line is a broken part, not a record.
constexpr std::size_t kMaxRecordBytes = std::size_t{64} << 20;

}  // namespace

int run_merge(const MergeOptions& options) {
    // Parts are read line by line: memory holds the events, never a whole part. Freed memory
    // goes back at once (the timeline may be built on several threads, see extract).
    give_back_freed_memory_at_once();
    EventStore events(options.event_memory);  // compact: millions of records keep their numbers, not their text
    bool failed = false;
    for (const auto& name : options.parts) {
        Diagnostics diags;
        InputStream in(name);
        std::string line;
        bool too_long = false;
        int line_number = 0;
        // A temporary file that failed (a full disk) ends the reading; write_timeline() says why.
        while (events.ok() && in.ok() && in.next_line(line, too_long, kMaxRecordBytes)) {
            ++line_number;
            if (too_long) {
                diags.push_back({name, line_number, 1, "line longer than 64 MiB: not an event record", Severity::error});
                continue;
            }
            if (line.find_first_not_of(" \t") == std::string::npos) continue;
            if (auto e = parse_event_record(line, name, line_number, diags)) {
                if (!options.explain) std::string().swap(e->why);  // only --explain reads it
                events.add(*e);
            }
        }
        if (!in.ok()) diags.push_back(in.error());
        failed = failed || has_errors(diags);
        for (const auto& d : diags) std::cerr << d.str() << '\n';
        if (!events.ok()) break;
    }
    OutputTarget out;
    std::string error;
    if (!out.open(options.output, error)) {
        std::cerr << "linimasa: error: " << error << '\n';
        return 2;
    }
    const unsigned jobs = options.jobs == 0 ? default_jobs() : options.jobs;
    if (!write_timeline(events, timeline_sinks(out, options.explain), error, jobs) && !error.empty())
        return abandon_output(out, options.output, error);
    if (!out.finish(true, error) && !error.empty()) {  // empty: the reader went away, stop quietly
        std::cerr << "linimasa: error: " << error << '\n';
        return 2;
    }
    return failed ? 1 : 0;
}

}  // namespace linimasa
