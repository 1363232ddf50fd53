// The timeline: events from any number of documents merged into rows and sorted.
//
//   EventStore store;  for (...) store.add(event);        // compact, see event_store.h
//   Timeline t = build_timeline(store);
//   for (std::size_t i = 0; i < t.size(); ++i) write(t.row(i));   // one row at a time
//
// Merging is a pure function of the multiset of events: the input order never changes the
// output, so merge(extract(A), extract(B)) equals extract(A ∪ B) byte for byte.
//
// 1. Within one document, an event that only had the publication date to go by joins an
//    event of the same type, status group and actors that the document dates for real (not
//    one still to come, if it is told as done): the article is telling the same story again
//    ("Surat itu ..."), not reporting a new event.
// 2. Across documents, events are the same when they have the same type and status group
//    (occurred/planned together; denied and negated apart), compatible dates (one interval
//    contains the other: 2024-06 and 2024-06-19), at least one actor in common (or both
//    have none), and no two different countries as their places. Finer dates seed the rows;
//    coarser mentions join them. An event dated only by its article's publication day joins
//    the latest really dated row of the seven days before it, if there is one (news reports
//    what just happened), else the latest earlier row of the same actors at the same location
//    (an undated retelling of a known meeting). Unanchored events (XXXX-08-15) only join
//    events with exactly the same underspecified date.
// 3. A row takes its date, evidence and rule from its most precise mention (then explicit
//    before relative before context before publication; then document id and offset), its
//    actors from all mentions, and counts its distinct documents.
// Rows sort by first day, finer before coarser on the same day, then type, then id; rows
// without a calendar date come last (timeline/row_order.h). Work is O(n log n) in events;
// memory is the store's plus a few words per event. A store that outgrew its memory budget is
// built a partition at a time instead (timeline/partitioned_timeline.h), with the same rows.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "events/event.h"
#include "timeline/event_store.h"
#include "timeline/row_order.h"

namespace linimasa {

// One row, written out.
struct TimelineRow {
    std::string id;                      // stable: derived from type, status group, date and actors
    Event event;                         // the representative mention; actors are the union of all
    std::vector<std::string> documents;  // distinct document ids, sorted
    std::vector<Event> members;          // every merged mention, representative first (when asked for)
};

class Timeline {
public:
    // The number of rows.
    std::size_t size() const { return ids_.size(); }
    // Row `i` (0-based, in timeline order); `with_members` also reads every merged mention.
    TimelineRow row(std::size_t i, bool with_members = false) const;

    // What puts a partition's rows among the others (timeline/partitioned_timeline.h): the
    // store, row `i`'s representative (an index into it) and the hash of its id.
    const EventStore& store() const { return *store_; }
    std::uint32_t representative(std::size_t i) const { return members_[first_member_[i]]; }
    std::uint64_t id_hash(std::size_t i) const { return ids_[i].hash; }

private:
    friend Timeline build_timeline(const EventStore& store);
    friend Timeline build_timeline(const std::vector<Event>& events);
    const EventStore* store_ = nullptr;
    std::shared_ptr<const EventStore> owned_;  // when built from a vector of events
    // Rows in timeline order, as one array of store indices: row i's members are
    // members_[first_member_[i] .. first_member_[i + 1]), representative first. A few bytes
    // per event, and no allocation per row, so that millions of rows stay small.
    std::vector<std::uint32_t> members_;
    std::vector<std::uint32_t> first_member_;
    std::vector<RowId> ids_;
};

// Merges and sorts the store's events; the timeline refers to the store, which must outlive it.
// The store must hold all its events (not EventStore::spilled(): see partitioned_timeline.h).
Timeline build_timeline(const EventStore& store);

// For small inputs and tests: the same, on a store of its own.
Timeline build_timeline(const std::vector<Event>& events);

// The stable id of a row: "ev-" and 12 hex digits of a hash of its identity.
std::string row_id(const Event& e);

// A row's id as written: "ev-" and the hash's 12 hex digits, then "-2", "-3"... on a repeat.
std::string row_id_text(const RowId& id);

}  // namespace linimasa
