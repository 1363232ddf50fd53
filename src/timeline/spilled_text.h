// SpilledText: long strings that are written once and read back rarely (an event's evidence
// sentence and its --explain text, read only for the rows written out). They are kept in memory
// until spill() moves them to an anonymous temporary file, where the ones to come go too.
//
//   SpilledText text;
//   std::uint64_t at = text.add(evidence, why);     // both, one after the other
//   if (text.memory_bytes() > budget) text.spill(error);   // same positions, on disk from now on
//   std::string both = text.read(at, evidence.size() + why.size());
//
// A file that fails (a full disk) is an error (ok() is false): what it held is lost.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/temp_file.h"

namespace linimasa {

class SpilledText {
public:
    // Keeps `a` followed by `b`; returns where, for read().
    std::uint64_t add(std::string_view a, std::string_view b);
    // Bytes kept in memory (none once spilled).
    std::size_t memory_bytes() const { return memory_.size(); }
    // Moves what memory holds to a new temporary file; what is added later goes there too.
    // False, with `error`, when no file can be made or written.
    bool spill(std::string& error);
    bool spilled() const { return file_.has_value(); }

    // `size` bytes kept at `at` (empty once the file failed).
    std::string read(std::uint64_t at, std::size_t size) const;
    // Writes out what is buffered, so that reads from several threads need no lock.
    bool flush();

    bool ok() const { return !file_ || file_->ok(); }
    const std::string& error() const;

private:
    mutable std::optional<TempFile> file_;  // once spilled (reading may write out its buffer)
    std::string memory_;                    // until then
};

}  // namespace linimasa
