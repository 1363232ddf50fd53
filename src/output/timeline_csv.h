// The timeline as CSV: RFC 4180 (CRLF line ends, fields quoted when they hold a comma, a
// quote or a line break, quotes doubled), UTF-8, header row, the columns of DESIGN.md:
// id, date, date_end, precision, event_type, status, actors, location, date_text,
// date_basis, evidence, rule, sources, documents.
//
//   write_timeline_csv(timeline, [&](std::string_view chunk) { return out.write(chunk); });
//   std::string csv = timeline_csv(timeline);   // small timelines and tests
//
// Rows are written one at a time, so a timeline of millions of rows never sits in memory as text.
// A timeline too large to build in memory is written by output/timeline_writer.h, which uses
// the pieces below for the same bytes.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "timeline/timeline.h"

namespace linimasa {

// The header and one line per row, handed to `sink` in chunks; stops early (false) when the
// sink says so (a closed pipe, a full disk).
bool write_timeline_csv(const Timeline& timeline, const std::function<bool(std::string_view)>& sink);

// The whole CSV as one string.
std::string timeline_csv(const Timeline& timeline);

// The header line, CRLF included.
std::string timeline_csv_header();

// Appends what follows a row's id on its line: ",date,...,documents" and CRLF. (An id never
// needs quoting, so the line is the id and this.)
void append_csv_row_after_id(std::string& out, const TimelineRow& row);

// One field, quoted when RFC 4180 requires it.
std::string csv_field(std::string_view value);

}  // namespace linimasa
