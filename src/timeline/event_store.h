// EventStore: events held for merging at a small, fixed cost each, so that a run over a whole
// archive keeps millions of events, not their text.
//
//   EventStore store;
//   for (Event& e : found) store.add(e);          // as documents finish
//   const EventStore::Entry& k = store.entry(0);  // what merging compares, no text read
//   Event whole = store.event(0);                 // the event back, for the rows written out
//
// Strings that repeat (types, rules, actors, places, documents, dates, triggers) are kept once
// and referred to by number. The long ones that do not (the evidence sentence, the --explain
// text) go to an anonymous temporary file and are read back only for the rows written out;
// if no temporary file can be made they stay in memory.
#pragma once

#include <cstdint>
#include <cstdio>
#include <deque>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "events/event.h"

namespace linimasa {

class EventStore {
public:
    using Id = std::uint32_t;  // a pooled string
    static constexpr std::int32_t kNoDay = std::numeric_limits<std::int32_t>::min();

    // What merging and sorting need of one event, by number.
    struct Entry {
        Id type = 0, rule = 0, location = 0, country = 0, document = 0, date = 0, date_end = 0, date_text = 0,
           trigger = 0;
        EventStatus status = EventStatus::occurred;
        Precision precision = Precision::day;
        EventDateBasis basis = EventDateBasis::publication;
        std::uint64_t offset = 0;
        std::int32_t first = kNoDay, last = kNoDay;  // days since 1970-01-01 of the date's interval
        std::uint32_t actors_at = 0, actors_count = 0;  // actor ids in actor_ids_, sorted by name
        std::uint64_t spilled_at = 0;                   // evidence, then why, in the spill
        std::uint32_t evidence_size = 0, why_size = 0;
    };

    EventStore();
    ~EventStore();
    EventStore(const EventStore&) = delete;
    EventStore& operator=(const EventStore&) = delete;

    // Keeps an event; returns its index.
    std::size_t add(const Event& e);
    std::size_t size() const { return entries_.size(); }

    const Entry& entry(std::size_t i) const { return entries_[i]; }
    // A pooled string; ids run from 0 to string_count() - 1.
    std::string_view text(Id id) const { return strings_[id]; }
    std::size_t string_count() const { return strings_.size(); }
    // An event's actors (ids), in the order of their names.
    std::span<const Id> actors(std::size_t i) const;
    // Pools a string (for callers that build rows); the same text always gives the same id.
    Id intern(std::string_view s);

    // The whole event back.
    Event event(std::size_t i) const;

private:
    std::string spilled(std::uint64_t at, std::uint32_t size) const;

    std::vector<Entry> entries_;
    std::vector<Id> actor_ids_;
    std::deque<std::string> strings_;                 // stable addresses for the views below
    std::unordered_map<std::string_view, Id> ids_;
    static constexpr std::uint64_t kInMemory = 1ull << 63;  // marks a spilled_at that points into memory_
    std::FILE* spill_ = nullptr;                      // evidence and why, while spill_ok_
    bool spill_ok_ = false;
    std::string memory_;
    std::uint64_t spill_size_ = 0;
};

}  // namespace linimasa
