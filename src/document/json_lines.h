// Reading JSON Lines inputs for read_documents (document.h), one record at a time.
#pragma once

#include <functional>
#include <optional>
#include <string_view>

#include "document/document.h"

namespace linimasa {

// One record (a line without its line end; the first line may start with a byte-order mark) as a document;
// a broken one is reported as name:line:col and gives std::nullopt.
std::optional<Document> parse_json_line(std::string_view line, const std::string& name, int line_number,
                                        Diagnostics& diagnostics, const DocumentRules& rules);

// Reads every line of a JSON Lines input; broken lines become diagnostics, the rest documents.
void read_json_lines(const InputFile& input, const std::function<void(Document&&)>& sink, Diagnostics& diagnostics,
                     const DocumentRules& rules);

}  // namespace linimasa
