// --explain: for each timeline row, which rule and trigger fired, why that date won, and
// which mentions were merged into it.
#pragma once

#include <string>
#include <vector>

#include "timeline/timeline.h"

namespace linimasa {

// Plain text, one paragraph per row, for standard error.
std::string explanation(const Timeline& timeline);

// Appends what follows a row's id in its paragraph; `row` must have been read with its members.
void append_explanation_after_id(std::string& out, const TimelineRow& row);

}  // namespace linimasa
