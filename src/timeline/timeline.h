// The timeline: events from any number of documents merged into rows and sorted.
//
//   std::vector<TimelineRow> rows = build_timeline(std::move(events));
//
// Merging is a pure function of the multiset of events: the input order never changes the
// output, so merge(extract(A), extract(B)) equals extract(A ∪ B) byte for byte.
//
// 1. Within one document, an event that only had the publication date to go by joins an
//    event of the same type, status group and actors (and no other place) that the document
//    dates for real: the article is telling the same story again ("Surat itu ..."), not
//    reporting a new event.
// 2. Across documents, events are the same when they have the same type and status group
//    (occurred/planned together; denied and negated apart), compatible dates (one interval
//    contains the other: 2024-06 and 2024-06-19), at least one actor in common (or both
//    have none), and no two different countries as their places. Finer dates seed the rows; coarser mentions join them. An event dated only
//    by its article's publication day joins the latest really dated row of the seven days
//    before it, if there is one (news reports what just happened), else the latest earlier row
//    of the same actors at the same location (an undated retelling of a known meeting).
//    Unanchored events
//    (XXXX-08-15) only join events with exactly the same underspecified date.
// 3. A row takes its date, evidence and rule from its most precise mention (then explicit
//    before relative before context before publication; then document id and offset), its
//    actors from all mentions, and counts its distinct documents.
// Rows sort by first day, finer before coarser on the same day, then type, then id; rows
// without a calendar date come last. Work is O(n log n) in events.
#pragma once

#include <string>
#include <vector>

#include "events/event.h"

namespace linimasa {

struct TimelineRow {
    std::string id;       // stable: derived from type, status group, date and actors
    Event event;          // the representative mention (date, evidence, rule); actors are the union
    std::vector<std::string> documents;  // distinct document ids, sorted
    std::vector<const Event*> members;   // every merged mention, representative first (valid while the input lives)
};

struct Timeline {
    std::vector<Event> events;      // the input, owned (members point here)
    std::vector<TimelineRow> rows;  // sorted
};

// Merges and sorts.
Timeline build_timeline(std::vector<Event> events);

// The stable id of a row: "ev-" and 12 hex digits of a hash of its identity.
std::string row_id(const Event& e);

}  // namespace linimasa
