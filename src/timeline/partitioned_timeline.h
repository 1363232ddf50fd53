// The timeline of a store that outgrew its memory budget (EventStore::spilled()), built one
// merge partition at a time, with exactly the rows, order and ids that build_timeline() gives
// for the same events in memory.
//
//   PartitionedTimeline t;
//   auto render = [](const Timeline& part, std::size_t row, std::vector<std::string>& texts) {
//       texts[0] = ...;   // what follows the row's id, e.g. its CSV fields
//   };
//   if (!t.build(store, 1, render, error, /*threads=*/2)) ...
//   t.write(0, [&](std::string_view chunk) { return out.write(chunk); }, error);   // id + texts[0], row by row
//
// How. Merging never looks across partitions (timeline/merge_partition.h), so each partition's
// events are loaded alone and given to build_timeline(); each of its rows is rendered at once
// into the texts that follow the row's id, and kept in a temporary file in the partition's
// timeline order, with what places the row among all rows: its key and its representative
// event. Two things are global and are done at the end, for all rows at once, by the same
// code as build_timeline() (timeline/row_order.h):
// - the order: rows are put in the order build_timeline() makes them (by their
//   representatives' evidence; each partition lists its rows in that order, and the lists are
//   merged), then sorted by timeline_order(). The keys alone would give the same order, except
//   for the rare rows that share one key (two rows of one identity): their order is the one that
//   sort gives, which depends on where they start, and is reproduced by starting from the same place.
// - the ids' suffixes (number_repeats()): an identity repeats within a partition, and a hash
//   may collide across partitions.
// Writing reads each partition's rows in order: rows with one key are next to each other in
// their partition, so a few rows read ahead are all that the sort's order among them costs.
//
// Partitions are built on up to `threads` threads at once, each into temporary files of its
// own, as long as the events being built at once are no more than the largest partition's:
// then the peak memory stays about that of building one partition at a time, and the bytes
// written do not depend on the number of threads.
//
// Memory: the largest partition's timeline while building; about 50 bytes per row for the
// order at the end, 24 while writing, and a read buffer per partition. Work: O(n log n) in
// events; every temporary file is written once and read once (each written text once more per
// extra write()).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "timeline/event_store.h"
#include "timeline/row_order.h"
#include "timeline/timeline.h"
#include "util/temp_file.h"

namespace linimasa {

class PartitionedTimeline {
public:
    // Fills texts[0 .. text count - 1] (cleared for each row) with what follows row `row`'s id.
    using RenderRow = std::function<void(const Timeline& partition, std::size_t row, std::vector<std::string>& texts)>;
    // Takes chunks of output; false to stop (the reader went away).
    using Sink = std::function<bool(std::string_view)>;

    // Builds the timeline of `store` (spilled, after finish()): every row rendered once into
    // `text_count` texts, on up to `threads` threads (`render` is then called from several at
    // once). False with `error` when a temporary file fails.
    bool build(const EventStore& store, std::size_t text_count, const RenderRow& render, std::string& error,
               unsigned threads = 1);

    // The number of rows.
    std::size_t size() const { return ids_.size(); }

    // Hands every row's id followed by its text `k` to `sink`, in timeline order, in chunks of
    // about 64 KiB. False when the sink stops (`error` left empty) or a temporary file fails.
    bool write(std::size_t k, const Sink& sink, std::string& error);

private:
    struct Partition {
        std::size_t rows = 0;
        std::uint32_t files = 0;                       // which of rows_ and made_ hold it
        std::uint64_t rows_begin = 0, rows_end = 0;    // rendered rows, in the partition's timeline order
        std::uint64_t made_begin = 0, made_end = 0;    // rows in the order they were made
    };
    // Where a row's texts are: its partition, and its place there.
    struct RowPlace {
        std::uint32_t partition = 0, position = 0;
    };

    // Builds partitions taken from `next` (shared by the threads) into rows_[files], made_[files].
    struct Schedule;
    bool build_partitions(const EventStore& store, const EventOrder& order, const RenderRow& render,
                          std::uint32_t files, Schedule& next);
    bool build_partition(const EventStore& part, const EventOrder& order, const RenderRow& render, Partition& where);
    bool put_in_order(const EventOrder& order, std::string& error);

    std::size_t text_count_ = 0;
    std::vector<TempFile> rows_;    // per thread; per row: text_count_ times (u32 size, bytes)
    std::vector<TempFile> made_;    // per thread; per row: RowKey, u32 position, representative entry, its actor ids
    std::vector<Partition> partitions_;
    std::vector<RowId> ids_;        // in timeline order
    std::vector<RowPlace> places_;  // in timeline order
};

}  // namespace linimasa
