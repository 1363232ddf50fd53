// --explain: for each timeline row, which rule and trigger fired, why that date won, and
// which mentions were merged into it.
#pragma once

#include <string>
#include <vector>

#include "timeline/timeline.h"

namespace linimasa {

// Plain text, one paragraph per row, for standard error.
std::string explanation(const Timeline& timeline);

}  // namespace linimasa
