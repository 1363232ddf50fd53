// What merging never looks across. Two events of different types, or of different status
// groups (occurred and planned together; denied and negated each apart), never share a row:
// within a document (rule 1 of timeline.h) and across documents (rule 2) an event only joins
// events of its own type and status group, and a row's identity (its id) includes both. So the
// rows of a timeline are the rows of these partitions' timelines, each built on its own; only
// their order, and the suffix of an id that happens to repeat, are global
// (timeline/partitioned_timeline.h puts them together).
#pragma once

#include <cstdint>

#include "events/event.h"
#include "timeline/string_pool.h"

namespace linimasa {

// occurred and planned reports of one event belong together (a plan that then happened);
// a denial or a negation is a different statement.
inline int status_group(EventStatus s) {
    switch (s) {
        case EventStatus::occurred:
        case EventStatus::planned: return 0;
        case EventStatus::denied: return 1;
        case EventStatus::negated: return 2;
    }
    return 0;
}

// An event's partition: its type and status group, as one number.
inline std::uint64_t merge_partition(StringPool::Id type, EventStatus status) {
    return (std::uint64_t{type} << 2) | static_cast<std::uint64_t>(status_group(status));
}

}  // namespace linimasa
