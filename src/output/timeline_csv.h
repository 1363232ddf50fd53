// The timeline as CSV: RFC 4180 (CRLF line ends, fields quoted when they hold a comma, a
// quote or a line break, quotes doubled), UTF-8, header row, the columns of DESIGN.md:
// id, date, date_end, precision, event_type, status, actors, location, date_text,
// date_basis, evidence, rule, sources, documents.
//
//   std::string csv = timeline_csv(timeline.rows);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "timeline/timeline.h"

namespace linimasa {

// The header and one line per row.
std::string timeline_csv(const std::vector<TimelineRow>& rows);

// One field, quoted when RFC 4180 requires it.
std::string csv_field(std::string_view value);

}  // namespace linimasa
