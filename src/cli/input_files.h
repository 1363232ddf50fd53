// Reading the inputs named on the command line: files, folders (recursively, *.txt) and
// "-" for standard input.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "util/diagnostic.h"

namespace linimasa {

// One input's name (as the user gave it, or the file's path inside a folder) and bytes.
struct InputFile {
    std::string name;
    std::string bytes;
};

// Expands folders into their *.txt files in sorted order; reports names that do not exist.
std::vector<std::string> expand_inputs(const std::vector<std::string>& args, Diagnostics& diagnostics);

// Reads a file ("-" is standard input); an unreadable one yields a diagnostic.
std::optional<InputFile> read_input(const std::string& name, Diagnostics& diagnostics);

}  // namespace linimasa
