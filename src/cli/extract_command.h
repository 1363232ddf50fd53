// `linimasa extract`: articles in, the merged and sorted timeline out (CSV), or the unmerged
// event records (JSON Lines) for a later `linimasa merge`.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace linimasa {

struct ExtractOptions {
    std::string rules_dir;                // empty: the shipped rules
    std::optional<std::string> ref_date;  // YYYY-MM-DD for every document
    std::string output;                   // empty: standard output; else written atomically
    std::string format = "csv";           // csv (timeline) or jsonl (event records)
    bool explain = false;                 // why each row: rule, trigger, date choice (on stderr)
    std::vector<std::string> inputs;      // files, folders, "-", *.jsonl corpora
};

// Runs the command; returns 0 when every input was read, 1 when some failed (the rest still
// processed), 2 for usage or rules errors.
int run_extract(const ExtractOptions& options);

}  // namespace linimasa
