// EventEntry: one event as the timeline keeps it, by numbers: what merging and sorting compare,
// with the event's strings as ids in a StringPool and its long text in a SpilledText.
//
// Plain data of a fixed size with no padding, so that entries can be written to a temporary
// file and read back as they are (timeline/partition_spill.h).
#pragma once

#include <cstdint>
#include <limits>
#include <type_traits>

#include "events/event.h"
#include "timeline/string_pool.h"

namespace linimasa {

struct EventEntry {
    using Id = StringPool::Id;
    static constexpr std::int32_t kNoDay = std::numeric_limits<std::int32_t>::min();

    Id type = 0, rule = 0, location = 0, country = 0, document = 0, date = 0, date_end = 0, date_text = 0, trigger = 0;
    EventStatus status = EventStatus::occurred;
    Precision precision = Precision::day;
    EventDateBasis basis = EventDateBasis::publication;
    std::uint64_t offset = 0;
    std::int32_t first = kNoDay, last = kNoDay;     // days since 1970-01-01 of the date's interval
    std::uint32_t actors_at = 0, actors_count = 0;  // actor ids in the store's list, sorted by name
    std::uint64_t spilled_at = 0;                   // evidence, then why, in the SpilledText
    std::uint32_t evidence_size = 0, why_size = 0;
};

static_assert(std::is_trivially_copyable_v<EventEntry>);
static_assert(std::has_unique_object_representations_v<EventEntry>, "EventEntry has padding");

}  // namespace linimasa
