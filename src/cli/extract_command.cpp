#include "cli/extract_command.h"

#include <functional>
#include <iostream>

#include "cli/command_setup.h"
#include "cli/document_pipeline.h"
#include "cli/input_files.h"
#include "cli/output.h"
#include "document/document.h"
#include "output/event_records.h"
#include "output/timeline_writer.h"
#include "util/free_memory.h"
#include "pipeline/extractor.h"
#include "util/free_memory.h"
#include "util/hash_set64.h"
#include "util/iso_day.h"

namespace linimasa {

namespace {

void report(const Diagnostics& diagnostics) {
    for (const auto& d : diagnostics) std::cerr << d.str() << '\n';
}

}  // namespace

int run_extract(const ExtractOptions& options) {
    auto setup = set_up_command(options.ref_date, options.rules_dir);
    if (!setup) return 2;
    const std::optional<date::sys_days> ref_date = setup->ref_date;
    ExtractorLoad load = Extractor::load(setup->rules_dir);
    report(load.diagnostics);
    if (!load.extractor) return 2;
    const unsigned jobs = options.jobs == 0 ? default_jobs() : options.jobs;
    // Compiled once and shared by every worker (RE2 objects are thread-safe). Copies per
    // worker, to keep RE2's internal lock to one thread each, measured no faster on 2 cores
    // (CPU time per MiB within 3%) and cost a start-up and ~25 MiB each.
    const Extractor& extractor = *load.extractor;
    const bool jsonl = options.format == "jsonl";
    // A timeline is built from a store that may outgrow its budget, partition by partition on
    // several threads: freed memory must go back at once for the peak to stay bounded.
    if (!jsonl) give_back_freed_memory_at_once();

    Diagnostics problems;
    std::vector<std::string> names = expand_inputs(options.inputs, problems);
    report(problems);

    // Opened before the work: records stream out as documents finish, and an -o that cannot
    // be written is told at once, not after the whole run.
    OutputTarget out;
    std::string error;
    if (!out.open(options.output, error)) {
        std::cerr << "linimasa: error: " << error << '\n';
        return 2;
    }

    // On the workers: decode or parse, extract, and render records (jsonl) right away.
    auto work = [&](DocumentJob& job) {
        if (!job.has_source) return;
        std::optional<Document> doc = make_document(std::move(job.source), job.diagnostics, extractor.document_rules());
        if (!doc) return;
        job.id = doc->id;
        job.origin = doc->origin;
        job.document_diagnostics = job.diagnostics.size();
        DocumentEvents found = extractor.extract(*doc, ref_date);
        job.diagnostics.insert(job.diagnostics.end(), found.diagnostics.begin(), found.diagnostics.end());
        if (jsonl) {
            for (const auto& e : found.events) job.output.append(event_record(e)).append("\n");
        } else {
            job.events = std::move(found.events);
            if (!options.explain)
                for (auto& e : job.events) std::string().swap(e.why);  // only --explain reads it
        }
    };

    // In input order: the first document with an id wins (ids are kept as 64-bit hashes, so
    // memory grows by 8 to 16 bytes per document, not by the ids).
    HashSet64 seen_ids;
    EventStore events(options.event_memory);  // compact: a run over an archive keeps events, not their text
    std::size_t documents_read = 0;
    auto record = [&](DocumentJob& job) {
        if (job.id.empty()) return true;
        if (!seen_ids.insert(std::hash<std::string>{}(job.id))) {
            job.diagnostics.resize(job.document_diagnostics);  // it was not read: no warnings of its own
            job.diagnostics.push_back({job.origin, 0, 0, "document id '" + job.id + "' was already read; skipped",
                                       Severity::warning});
            return true;
        }
        ++documents_read;
        if (jsonl) return out.write(job.output);
        for (const auto& e : job.events) events.add(e);
        return events.ok();  // a temporary file failed (a full disk): stop reading
    };
    auto deliver = [&](DocumentJob& job) {
        // A live feed that paused after this document: the records so far go out now.
        return record(job) && (!jsonl || !job.input_paused || out.flush());
    };

    PipelineOptions pipeline{.jobs = jobs,
                             .format = InputFormat::automatic,
                             .progress = !options.quiet};
    PipelineResult result = run_pipeline(names, pipeline, work, deliver);
    const bool failed = has_errors(problems) || result.failed;

    if (!jsonl) {
        // What reading needed goes before the timeline is built: the list of files, the ids
        // seen and the rules (tens of MiB for an archive of files), back to the system.
        std::vector<std::string>().swap(names);
        seen_ids.clear();
        load.extractor.reset();
        give_back_free_memory();
        if (!write_timeline(events, timeline_sinks(out, options.explain), error, jobs) && !error.empty())
            return abandon_output(out, options.output, error);
    }
    const bool keep_old = !options.output.empty() && documents_read == 0 && failed;
    if (keep_old)
        std::cerr << "linimasa: error: no document could be read; " << options.output << " is left as it was\n";
    if (!out.finish(!keep_old, error) && !error.empty()) {  // empty: the reader went away, stop quietly
        std::cerr << "linimasa: error: " << error << '\n';
        return 2;
    }
    return failed ? 1 : 0;
}

}  // namespace linimasa
