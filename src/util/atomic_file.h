// Writing an output file so that a failed run never leaves it half written: the content goes
// to a temporary file in the same folder, which then replaces the target in one rename.
//
//   std::string error;
//   if (!write_file_atomically("timeline.csv", csv, error)) std::cerr << error << '\n';
#pragma once

#include <string>
#include <string_view>

namespace linimasa {

// Writes `content` to `path` atomically; on failure the old file (if any) is untouched, the
// temporary file is removed, and `error` says what went wrong.
bool write_file_atomically(const std::string& path, std::string_view content, std::string& error);

}  // namespace linimasa
