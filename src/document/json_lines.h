// Reading JSON Lines inputs for read_documents (document.h), one record at a time.
#pragma once

#include <functional>

#include "document/document.h"

namespace linimasa {

// Reads every line of a JSON Lines input; broken lines become diagnostics, the rest documents.
void read_json_lines(const InputFile& input, const std::function<void(Document&&)>& sink, Diagnostics& diagnostics,
                     const DocumentRules& rules);

}  // namespace linimasa
