// The orders of the timeline, in one place, so that the timeline of one store
// (timeline/timeline.h) and the timeline put together from partitions
// (timeline/partitioned_timeline.h) give the same rows in the same order, byte for byte:
//
// - EventOrder: the canonical order of events (a total order over everything an event holds,
//   so that sorting makes the input order irrelevant) and the order of evidence (which event
//   seeds a row first, and which one represents it);
// - RowKey and timeline_order(): rows by first day, finer before coarser on the same day, then
//   date, type and id, rows without a calendar date last;
// - number_repeats(): the suffix of an id that two rows happen to share.
//
// Strings are compared by their ranks in the pool (StringPool::ranks()), never as text.
#pragma once

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <span>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "timeline/event_entry.h"

namespace linimasa {

// One event as the comparisons see it: its entry and its actors.
struct EventKey {
    const EventEntry& entry;
    std::span<const StringPool::Id> actors;
};

class EventOrder {
public:
    using Id = StringPool::Id;

    explicit EventOrder(const std::vector<Id>& ranks) : rank_(ranks) {}

    // Events that only had the publication date (or nothing) to go by come after real dates.
    static bool weak(const EventEntry& e) {
        return e.basis == EventDateBasis::publication || e.basis == EventDateBasis::unanchored;
    }

    // A pooled string's place in byte order.
    Id rank(Id id) const { return rank_[id]; }
    // Two pooled strings in byte order: <0, 0 or >0.
    int compare(Id a, Id b) const { return rank_[a] < rank_[b] ? -1 : rank_[a] > rank_[b] ? 1 : 0; }

    // Actor names compared in order, for the canonical order.
    int compare_actors(std::span<const Id> x, std::span<const Id> y) const {
        for (std::size_t k = 0; k < x.size() && k < y.size(); ++k)
            if (int c = compare(x[k], y[k]); c != 0) return c;
        return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
    }

    // A total order over everything an event holds (its evidence follows from its document
    // and offset), so that sorting makes the input order irrelevant.
    bool canonical_less(const EventKey& a, const EventKey& b) const {
        const EventEntry &x = a.entry, &y = b.entry;
        if (int c = compare(x.document, y.document); c != 0) return c < 0;
        if (x.offset != y.offset) return x.offset < y.offset;
        for (auto [i, j] : {std::pair{x.type, y.type}, std::pair{x.rule, y.rule}, std::pair{x.date, y.date},
                            std::pair{x.date_end, y.date_end}})
            if (int c = compare(i, j); c != 0) return c < 0;
        if (int c = compare_actors(a.actors, b.actors); c != 0) return c < 0;
        for (auto [i, j] : {std::pair{x.location, y.location}, std::pair{x.country, y.country},
                            std::pair{x.trigger, y.trigger}})
            if (int c = compare(i, j); c != 0) return c < 0;
        auto rest = [](const EventEntry& e) {
            return std::make_tuple(static_cast<int>(e.status), static_cast<int>(e.basis), static_cast<int>(e.precision));
        };
        if (rest(x) != rest(y)) return rest(x) < rest(y);
        return compare(x.date_text, y.date_text) < 0;
    }

    // The order in which events seed rows, and a row's representative: the best evidence first.
    bool evidence_less(const EventKey& a, const EventKey& b) const {
        auto key = [](const EventEntry& e) {
            return std::make_tuple(weak(e), static_cast<int>(e.precision), static_cast<int>(e.basis));
        };
        if (key(a.entry) != key(b.entry)) return key(a.entry) < key(b.entry);
        return canonical_less(a, b);
    }

private:
    const std::vector<Id>& rank_;
};

// What sorts a row: its representative's date and type (as ranks of pooled strings), and its id.
struct RowKey {
    std::int32_t first = EventEntry::kNoDay;
    std::int32_t precision = 0;
    StringPool::Id date = 0, date_end = 0, type = 0;
    std::uint32_t unused = 0;  // (no padding: keys are written to temporary files as bytes)
    std::uint64_t id = 0;      // the id's hash: "ev-" and 12 hex digits order as the number does
};
static_assert(std::has_unique_object_representations_v<RowKey>, "RowKey has padding");

inline RowKey row_key(const EventEntry& representative, std::uint64_t id_hash, const EventOrder& order) {
    return {representative.first, static_cast<std::int32_t>(representative.precision), order.rank(representative.date),
            order.rank(representative.date_end), order.rank(representative.type), 0, id_hash};
}

inline bool row_key_less(const RowKey& a, const RowKey& b) {
    const bool da = a.first != EventEntry::kNoDay, db = b.first != EventEntry::kNoDay;
    if (da != db) return da;
    if (da && a.first != b.first) return a.first < b.first;
    return std::tie(a.precision, a.date, a.date_end, a.type, a.id) <
           std::tie(b.precision, b.date, b.date_end, b.type, b.id);
}

// Rows in timeline order: the numbers of `keys`, whose rows are in the order they were made
// (by their representatives' evidence). Rows whose keys are equal (two rows of one identity)
// keep the order this very sort gives them, which is not specified by the keys alone: the
// timeline built from partitions reproduces it by calling this on the same keys, in the same
// order.
inline std::vector<std::uint32_t> timeline_order(const std::vector<RowKey>& keys) {
    std::vector<std::uint32_t> by_key(keys.size());
    std::iota(by_key.begin(), by_key.end(), 0u);
    std::sort(by_key.begin(), by_key.end(), [&](std::uint32_t a, std::uint32_t b) { return row_key_less(keys[a], keys[b]); });
    return by_key;
}

// A row's id: the hash of its identity, and a suffix (> 1) on the rare second row of one
// identity. Kept as numbers, formatted when the row is written.
struct RowId {
    std::uint64_t hash = 0;
    std::uint32_t repeat = 1;
};

// Two rows with the same identity cannot normally exist (they would have merged); if they do,
// the later one in `ids` (rows in timeline order) gets a suffix, so that ids stay unique.
inline void number_repeats(std::vector<RowId>& ids) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> by_id(ids.size());
    for (std::uint32_t r = 0; r < ids.size(); ++r) by_id[r] = {ids[r].hash, r};
    std::sort(by_id.begin(), by_id.end());
    for (std::size_t k = 1; k < by_id.size(); ++k)
        if (by_id[k].first == by_id[k - 1].first) ids[by_id[k].second].repeat = ids[by_id[k - 1].second].repeat + 1;
}

}  // namespace linimasa
