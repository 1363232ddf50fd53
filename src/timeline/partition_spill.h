// PartitionSpill: an EventStore's entries moved out of memory to one anonymous temporary file,
// in batches. Each batch is written grouped by partition (timeline/merge_partition.h), so a
// partition is read back whole by reading its piece of every batch: every entry is written
// once and read once.
//
//   PartitionSpill spill(std::move(file));
//   spill.write(entries, actor_ids, partition_of);   // a batch; entry i goes to partition_of[i]
//   spill.read(p, entries, actor_ids);               // partition p, batch after batch
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "timeline/event_entry.h"
#include "util/temp_file.h"

namespace linimasa {

class PartitionSpill {
public:
    explicit PartitionSpill(TempFile file) : file_(std::move(file)) {}

    // Writes a batch: `entries` (their actors_at pointing into `actor_ids`), entry i to
    // partition `partition_of[i]` (partitions are numbered from 0). False once writing failed.
    bool write(std::span<const EventEntry> entries, std::span<const StringPool::Id> actor_ids,
               std::span<const std::uint32_t> partition_of);
    // Writes out what is buffered (then partitions can be read from several threads).
    bool flush() { return file_.flush(); }

    // The number of partitions written to (the highest number plus one).
    std::size_t partition_count() const { return pieces_.size(); }
    // The number of entries of partition `p`.
    std::size_t entry_count(std::size_t p) const;
    // Appends partition `p`'s entries, in the order written, to `entries`, and their actors to
    // `actor_ids` (actors_at pointing there). False when the file cannot be read.
    bool read(std::size_t p, std::vector<EventEntry>& entries, std::vector<StringPool::Id>& actor_ids) const;

    const std::string& error() const { return file_.error(); }

private:
    // One batch's entries of one partition: the entries, then their actor ids.
    struct Piece {
        std::uint64_t at = 0;
        std::uint32_t entries = 0, actors = 0;
    };

    mutable TempFile file_;  // reading may write out the buffer first
    std::vector<std::vector<Piece>> pieces_;  // per partition, in the order written
};

}  // namespace linimasa
