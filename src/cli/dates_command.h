// `linimasa dates`: the date engine on its own, one row per temporal expression.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <vector>

#include "util/iso_day.h"

namespace linimasa {

struct DatesOptions {
    std::string rules_dir;             // empty: find the shipped rules
    std::optional<std::string> ref_date;  // YYYY-MM-DD, overrides the dateline
    std::string format = "tsv";        // tsv or json
    unsigned jobs = 0;                 // worker threads; 0: every core (output is the same for any)
    bool quiet = false;                // no progress line
    std::vector<std::string> inputs;   // files, folders, "-"
};

// Runs the command; returns the exit status (0 all read, 1 some input failed, 2 usage or rules error).
int run_dates(const DatesOptions& options);

}  // namespace linimasa
