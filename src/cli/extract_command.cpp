#include "cli/extract_command.h"

#include <iostream>
#include <set>

#include "cli/input_files.h"
#include "cli/output.h"
#include "cli/rules_location.h"
#include "document/document.h"
#include "output/event_records.h"
#include "output/explanation.h"
#include "output/timeline_csv.h"
#include "pipeline/extractor.h"
#include "timeline/timeline.h"
#include "util/atomic_file.h"
#include "util/iso_day.h"

namespace linimasa {

namespace {

void report(const Diagnostics& diagnostics) {
    for (const auto& d : diagnostics) std::cerr << d.str() << '\n';
}

}  // namespace

int run_extract(const ExtractOptions& options) {
    std::optional<date::sys_days> ref_date;
    if (options.ref_date) {
        ref_date = parse_iso_day(*options.ref_date);
        if (!ref_date) {
            std::cerr << "linimasa: error: --ref-date '" << *options.ref_date << "' is not a date (YYYY-MM-DD)\n";
            return 2;
        }
    }
    auto rules = find_rules_dir(options.rules_dir);
    if (!rules) {
        std::cerr << "linimasa: error: cannot find the rules folder; give it with --rules DIR\n";
        return 2;
    }
    ExtractorLoad load = Extractor::load(*rules);
    report(load.diagnostics);
    if (!load.extractor) return 2;
    const Extractor& extractor = *load.extractor;

    Diagnostics problems;
    std::vector<std::string> names = expand_inputs(options.inputs, problems);
    bool failed = has_errors(problems);
    report(problems);

    std::vector<Event> events;
    std::set<std::string> seen_ids;
    std::size_t documents_read = 0;
    for (const auto& name : names) {
        Diagnostics diags;
        auto input = read_input(name, diags);
        if (input) {
            read_documents(*input, [&](Document&& doc) {
                if (!seen_ids.insert(doc.id).second) {
                    diags.push_back({doc.origin, 0, 0, "document id '" + doc.id + "' was already read; skipped",
                                     Severity::warning});
                    return;
                }
                DocumentEvents found = extractor.extract(doc, ref_date);
                diags.insert(diags.end(), found.diagnostics.begin(), found.diagnostics.end());
                events.insert(events.end(), std::make_move_iterator(found.events.begin()),
                              std::make_move_iterator(found.events.end()));
                ++documents_read;
            }, diags, extractor.document_rules());
        }
        failed = failed || !input || has_errors(diags);
        report(diags);
    }

    std::string content;
    if (options.format == "jsonl") {
        for (const auto& e : events) content.append(event_record(e)).append("\n");
    } else {
        Timeline timeline = build_timeline(std::move(events));
        if (options.explain) std::cerr << explanation(timeline.rows);
        content = timeline_csv(timeline.rows);
    }

    if (options.output.empty()) {
        Output out;
        out.write(content);
    } else if (documents_read == 0 && failed) {
        std::cerr << "linimasa: error: no document could be read; " << options.output << " is left as it was\n";
    } else {
        std::string error;
        if (!write_file_atomically(options.output, content, error)) {
            std::cerr << "linimasa: error: " << error << '\n';
            return 2;
        }
    }
    return failed ? 1 : 0;
}

}  // namespace linimasa
