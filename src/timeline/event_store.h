// EventStore: events held for merging at a small, fixed cost each, so that a run over a whole
// archive keeps millions of events, not their text; and past a memory budget, not even that.
//
//   EventStore store;                              // the default budget; tests pass a tiny one
//   for (Event& e : found) store.add(e);           // as documents finish
//   if (!store.finish()) report(store.error());    // a temporary file could not be written
//
//   if (!store.spilled()) {                        // all in memory, the common case
//       const EventStore::Entry& k = store.entry(0);  // what merging compares, no text read
//       Event whole = store.event(0);                 // the event back, for the rows written out
//   } else {                                       // past the budget: a partition at a time
//       for (std::size_t p = 0; p < store.partition_count(); ++p) {
//           std::optional<EventStore> part = store.load_partition(p, error);   // indexed like the above
//           ...
//       }
//   }
//
// Strings that repeat (types, rules, actors, places, documents, dates, triggers) are kept once
// and referred to by number (timeline/string_pool.h); a pooled string stays in memory. Each
// event's entry (88 bytes, with 4 per actor) and its long text (the evidence sentence, the
// --explain text, timeline/spilled_text.h) stay in memory while they fit the budget. Past it,
// the text goes to an anonymous temporary file, read back only for the rows written out, and
// the entries to another one, batch by batch, grouped by merge partition (type and status
// group, timeline/merge_partition.h): a timeline is then built one partition at a time
// (timeline/partitioned_timeline.h). Memory then holds the strings and one batch while events
// come in, and the strings and one partition while rows are built.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "events/event.h"
#include "timeline/event_entry.h"

namespace linimasa {

class PartitionSpill;

class EventStore {
public:
    using Id = StringPool::Id;  // a pooled string
    using Entry = EventEntry;   // what merging and sorting need of one event, by number
    static constexpr std::int32_t kNoDay = EventEntry::kNoDay;

    // Entries (with room for two actor ids each) kept in memory before they go to the
    // temporary file: 8 MiB is about 87,000 events (25 MiB of dense news), whose timeline is
    // built in about 20 MiB. Past it, a partition at a time is as fast or faster (measured on
    // 256 MiB of news: 13.9 s against 16.2 s in memory), so the budget can be small.
    static constexpr std::size_t kDefaultMemoryBudget = std::size_t{8} << 20;
    // No budget: everything stays in memory (small inputs and tests).
    static constexpr std::size_t kNoBudget = SIZE_MAX;

    explicit EventStore(std::size_t memory_budget = kDefaultMemoryBudget);
    ~EventStore();
    EventStore(EventStore&&) noexcept;
    EventStore& operator=(EventStore&&) noexcept;
    EventStore(const EventStore&) = delete;
    EventStore& operator=(const EventStore&) = delete;

    // Keeps an event (for a store that has not spilled, its index is size() - 1).
    void add(const Event& e);
    // After the last add(): moves what is still in memory of a spilled store to its partitions,
    // gives that memory back and writes out all buffers (partitions and text can then be read
    // from several threads). False when a temporary file could not be written.
    bool finish();
    // False once a temporary file could not be written (a full disk): error() says why, and
    // the events added since are not all kept.
    bool ok() const;
    const std::string& error() const;

    // Every event added.
    std::size_t event_count() const { return event_count_; }
    // True when the entries outgrew the budget and went to partitions.
    bool spilled() const { return partitions_ != nullptr; }

    // For a store that has not spilled, or a partition loaded from one that has: its events
    // by index, 0 to size() - 1.
    std::size_t size() const { return entries_.size(); }
    const Entry& entry(std::size_t i) const { return entries_[i]; }
    // An event's actors (ids), in the order of their names.
    std::span<const Id> actors(std::size_t i) const;
    // The whole event back.
    Event event(std::size_t i) const;

    // A pooled string; ids run from 0 to string_count() - 1.
    std::string_view text(Id id) const;
    std::size_t string_count() const;
    // Every pooled string's place in byte order (see StringPool::ranks()).
    const std::vector<Id>& string_ranks() const;
    // Pools a string (for callers that build rows); the same text always gives the same id.
    Id intern(std::string_view s);

    // For a spilled store, after finish(): the number of partitions, and one of them as a store
    // of its own that shares this one's strings and text (std::nullopt, with `error`, when the
    // temporary file cannot be read). Loading a partition reads its part of the file once.
    std::size_t partition_count() const;
    // The number of events in partition `p` (known without loading it).
    std::size_t partition_size(std::size_t p) const;
    // Safe to call from several threads at once (reads only, by offset).
    std::optional<EventStore> load_partition(std::size_t p, std::string& error) const;

private:
    struct Shared;  // the strings and the spilled text, shared with the partitions loaded
    explicit EventStore(std::shared_ptr<Shared> shared);
    // Before an event with `actors` actors and `text` bytes of text is added: a batch's room,
    // or the full batch spilled.
    void make_room(std::size_t actors, std::size_t text);
    void spill_batch();

    std::shared_ptr<Shared> shared_;
    std::vector<Entry> entries_;
    std::vector<Id> actor_ids_;
    std::size_t memory_budget_;
    std::size_t event_count_ = 0;
    std::unique_ptr<PartitionSpill> partitions_;               // once past the budget
    std::unordered_map<std::uint64_t, std::uint32_t> partition_of_;  // merge_partition() -> its number
    std::string error_;
};

}  // namespace linimasa
