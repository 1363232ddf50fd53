#include "cli/merge_command.h"

#include <iostream>

#include "cli/input_files.h"
#include "cli/output.h"
#include "output/event_records.h"
#include "output/explanation.h"
#include "output/timeline_csv.h"
#include "timeline/timeline.h"
#include "util/atomic_file.h"

namespace linimasa {

int run_merge(const MergeOptions& options) {
    std::vector<Event> events;
    bool failed = false;
    for (const auto& name : options.parts) {
        Diagnostics diags;
        auto input = read_input(name, diags);
        if (input) {
            std::string_view bytes = input->bytes;
            int line_number = 0;
            std::size_t pos = 0;
            while (pos < bytes.size()) {
                std::size_t end = bytes.find('\n', pos);
                if (end == std::string_view::npos) end = bytes.size();
                std::string_view line = bytes.substr(pos, end - pos);
                ++line_number;
                pos = end + 1;
                if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
                if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
                if (auto e = parse_event_record(line, name, line_number, diags)) events.push_back(std::move(*e));
            }
        }
        failed = failed || !input || has_errors(diags);
        for (const auto& d : diags) std::cerr << d.str() << '\n';
    }
    Timeline timeline = build_timeline(std::move(events));
    if (options.explain) std::cerr << explanation(timeline.rows);
    std::string content = timeline_csv(timeline.rows);
    if (options.output.empty()) {
        Output out;
        out.write(content);
        return failed ? 1 : 0;
    }
    std::string error;
    if (!write_file_atomically(options.output, content, error)) {
        std::cerr << "linimasa: error: " << error << '\n';
        return 2;
    }
    return failed ? 1 : 0;
}

}  // namespace linimasa
