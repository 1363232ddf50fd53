#include "timeline/timeline.h"

#include "timeline/merge_partition.h"
#include "timeline/row_order.h"

#include "util/text_files.h"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

namespace linimasa {

namespace {

using Id = EventStore::Id;
using Day = std::int32_t;

// The merging view of the store: every comparison reads numbers and pooled strings only.
class Events {
public:
    // The pool's ranks are worked out once (EventStore::string_ranks()): sorting millions of
    // events then compares numbers, not strings scattered over the heap.
    explicit Events(const EventStore& store) : s_(store), order_(store.string_ranks()) {}

    std::size_t size() const { return s_.size(); }
    const EventStore::Entry& operator[](std::size_t i) const { return s_.entry(i); }
    std::string_view text(Id id) const { return s_.text(id); }
    std::span<const Id> actors(std::size_t i) const { return s_.actors(i); }
    bool dated(std::size_t i) const { return s_.entry(i).first != EventStore::kNoDay; }

    // Events that only had the publication date (or nothing) to go by come after real dates.
    bool weak(std::size_t i) const { return EventOrder::weak(s_.entry(i)); }

    bool actors_overlap(std::size_t a, std::size_t b) const {
        auto x = actors(a), y = actors(b);
        if (x.empty() || y.empty()) return x.empty() && y.empty();
        for (Id i : x)
            if (std::find(y.begin(), y.end(), i) != y.end()) return true;
        return false;
    }

    const EventOrder& order() const { return order_; }
    EventKey key(std::size_t i) const { return {s_.entry(i), s_.actors(i)}; }
    bool canonical_less(std::size_t a, std::size_t b) const { return order_.canonical_less(key(a), key(b)); }
    bool evidence_less(std::size_t a, std::size_t b) const { return order_.evidence_less(key(a), key(b)); }

private:
    const EventStore& s_;
    EventOrder order_;
};

// Within one document, a publication-dated event joins a really dated event of the same type,
// status group and actors (and not one still to come, if it is told as done): the nearest one
// in the text. Dated events are
// indexed per (type, status group, actor) by offset, so this is O(k log k) in the document's k events.
std::vector<std::uint32_t> absorb_within_documents(const Events& ev, const std::vector<std::uint32_t>& order) {
    std::vector<std::uint32_t> parent(ev.size());
    std::iota(parent.begin(), parent.end(), 0u);
    using Key = std::tuple<Id, int, Id>;  // type, status group, actor (0: none)
    std::size_t start = 0;
    while (start < order.size()) {
        std::size_t end = start;
        while (end < order.size() && ev[order[end]].document == ev[order[start]].document) ++end;
        // key -> (offset, canonical rank), by offset; ranks, not input indices, break ties, so the
        // input order cannot change the result.
        std::map<Key, std::vector<std::pair<std::uint64_t, std::size_t>>> dated;
        for (std::size_t j = start; j < end; ++j) {
            const std::size_t d = order[j];
            if (ev.weak(d)) continue;
            const int group = status_group(ev[d].status);
            if (ev.actors(d).empty()) dated[Key{ev[d].type, group, 0}].emplace_back(ev[d].offset, j);
            for (Id a : ev.actors(d)) dated[Key{ev[d].type, group, a}].emplace_back(ev[d].offset, j);
        }
        for (auto& [key, list] : dated) std::sort(list.begin(), list.end());
        for (std::size_t i = start; i < end; ++i) {
            const std::size_t e = order[i];
            if (ev[e].basis != EventDateBasis::publication) continue;
            const std::uint64_t offset = ev[e].offset;
            // What is told as done cannot be an event still to come ("Perundingan itu sudah
            // berjalan ..." is not the summit planned for next May).
            const bool told_as_done = ev[e].status == EventStatus::occurred;
            // (Places are not compared: "mengundang Putin ke Korea Utara" names where the visit
            // would go, "selama pembicaraan di Rusia" where the invitation was made.)
            auto same_place = [&](std::size_t d) {
                return !(told_as_done && ev[d].first != EventStore::kNoDay && ev[d].first > ev[e].first);
            };
            std::optional<std::pair<std::uint64_t, std::size_t>> best;  // (distance, rank)
            auto consider = [&](const std::vector<std::pair<std::uint64_t, std::size_t>>& list) {
                auto at = std::lower_bound(list.begin(), list.end(), std::make_pair(offset, std::size_t{0}));
                // The nearest few on either side; the first that is at no other place wins on its side.
                for (auto it = at; it != list.end() && it - at < 8; ++it)
                    if (same_place(order[it->second])) {
                        std::pair<std::uint64_t, std::size_t> c{it->first - offset, it->second};
                        if (!best || c < *best) best = c;
                        break;
                    }
                for (auto it = at; it != list.begin() && at - it < 8;) {
                    --it;
                    if (same_place(order[it->second])) {
                        std::pair<std::uint64_t, std::size_t> c{offset - it->first, it->second};
                        if (!best || c < *best) best = c;
                        break;
                    }
                }
            };
            const int group = status_group(ev[e].status);
            if (ev.actors(e).empty())
                if (auto it = dated.find(Key{ev[e].type, group, 0}); it != dated.end()) consider(it->second);
            for (Id a : ev.actors(e))
                if (auto it = dated.find(Key{ev[e].type, group, a}); it != dated.end()) consider(it->second);
            if (best) parent[e] = order[best->second];
        }
        start = end;
    }
    return parent;
}

// How long before its publication an article's undated event may have happened.
constexpr Day kRecentDays = 7;

struct Cluster {
    std::uint32_t seed = 0;
    Day first = EventStore::kNoDay, last = EventStore::kNoDay;
    Id country = 0;  // where the row's events took place, once a member says so
};

bool compatible(const Cluster& c, const Events& ev, std::size_t e) {
    const Day f = ev[e].first, l = ev[e].last;
    if (c.first == EventStore::kNoDay || f == EventStore::kNoDay)
        return c.first == EventStore::kNoDay && f == EventStore::kNoDay;
    return (c.first <= f && l <= c.last) || (f <= c.first && c.last <= l);
}

// Undated reports in different countries are different events (Kim's trip to Komsomolsk and
// Putin's visit to Pyongyang, both known only as "reported today"), whatever else they share.
// Really dated reports of the same day and actors are one event even when outlets place it
// differently (the cosmodrome, the region, "in Russia"); an unknown place is compatible with any.
bool same_country(const Cluster& c, const Events& ev, std::size_t e) {
    if (!ev.weak(e) && !ev.weak(c.seed)) return true;
    return c.country == 0 || ev[e].country == 0 || c.country == ev[e].country;
}

// Two undated reports of one day, one of something done and one of something planned ("Indonesia
// resmi menjadi anggota BRICS" and "tetap melanjutkan proses aksesi OECD"), are two events; a
// plan joins what happened only through a real date.
bool same_telling(const Cluster& c, const Events& ev, std::size_t e) {
    return !(ev.weak(e) && ev.weak(c.seed)) || ev[e].status == ev[c.seed].status;
}

// A hash of a tuple of small numbers (pooled ids, a status group): the index below only looks
// keys up, never walks them in order, and a hash table finds one in a cache miss or two where
// a tree of a large partition's keys takes one per level.
struct SmallTupleHash {
    template <typename... T>
    std::size_t operator()(const std::tuple<T...>& key) const {
        std::uint64_t h = 0x9e3779b97f4a7c15u;
        std::apply([&h](const auto&... v) { ((h = (h ^ static_cast<std::uint32_t>(v)) * 0xff51afd7ed558ccdu, h ^= h >> 29), ...); },
                   key);
        return static_cast<std::size_t>(h);
    }
};

// Finds, in O(log n + k), the clusters that an event could join: per (type, status group,
// actor), clusters ordered by their first day.
class ClusterIndex {
public:
    using Key = std::tuple<Id, int, Id>;

    std::optional<std::size_t> find(const std::vector<Cluster>& clusters, const Events& ev, std::size_t e) const {
        std::optional<std::size_t> best;
        for (const auto& key : keys(ev, e)) {
            if (ev[e].basis == EventDateBasis::publication) {
                if (auto c = recent_before(clusters, ev, e, key)) best = best ? std::min(*best, *c) : *c;
                if (best) continue;
            }
            if (ev.dated(e)) {
                auto found = dated_.find(key);
                if (found == dated_.end()) continue;
                // Only rows that overlap the event's days can be compatible with it: in each
                // class of row lengths, those that begin at most that class's longest span
                // before it. (One window for all lengths would make every day-precise event
                // look through a year of rows once a row of a whole year exists.)
                for (const auto& [by_first, longest] : found->second) {
                    for (auto it = by_first.lower_bound(ev[e].first - longest);
                         it != by_first.end() && it->first <= ev[e].last; ++it) {
                        // A row after the best so far cannot win: asked first, it spares reading
                        // the row and its events (the rows of a day come in the order they were made).
                        if (best && it->second > *best) continue;
                        const Cluster& c = clusters[it->second];
                        if (compatible(c, ev, e) && same_country(c, ev, e) && same_telling(c, ev, e) &&
                            ev.actors_overlap(c.seed, e))
                            best = it->second;
                    }
                }
            } else {
                auto bucket = undated_.find(std::tuple_cat(key, std::make_tuple(ev[e].date)));
                if (bucket == undated_.end()) continue;
                for (std::size_t c : bucket->second)
                    if ((!best || c < *best) && same_country(clusters[c], ev, e) && ev.actors_overlap(clusters[c].seed, e))
                        best = c;
            }
        }
        return best;
    }

    void add(const Cluster& c, std::uint32_t index, const Events& ev) {
        for (const auto& key : keys(ev, c.seed)) {
            if (c.first != EventStore::kNoDay) {
                auto& [by_first, longest] = dated_[key][length_class(c.last - c.first)];
                by_first.emplace(c.first, index);
                longest = std::max(longest, c.last - c.first);
            } else {
                undated_[std::tuple_cat(key, std::make_tuple(ev[c.seed].date))].push_back(index);
            }
        }
    }

    // Remembers where a really dated member of a row took place, for undated retellings.
    void add_place(const Cluster& c, std::uint32_t index, const Events& ev, std::size_t member) {
        if (c.first == EventStore::kNoDay || ev.weak(member) || ev[member].location == 0) return;
        for (const auto& key : keys(ev, member)) {
            located_[std::tuple_cat(key, std::make_tuple(ev[member].location))].emplace(c.first, index);
        }
    }

private:
    // An event dated only by its article's publication day happened on that day or shortly
    // before: it joins a really dated row of the week before publication (the latest one), else
    // the same actors' latest earlier row of this type at the same place.
    std::optional<std::size_t> recent_before(const std::vector<Cluster>& clusters, const Events& ev, std::size_t e,
                                             const Key& key) const {
        auto found = dated_.find(key);
        const Day published = ev[e].first;
        if (found == dated_.end() || published == EventStore::kNoDay) return std::nullopt;
        std::optional<std::size_t> best;
        for (const auto& [by_first, longest] : found->second) {
            for (auto it = by_first.lower_bound(published - kRecentDays); it != by_first.end() && it->first <= published;
                 ++it) {
                const Cluster& c = clusters[it->second];
                if (ev.weak(c.seed) || c.last > published || !same_country(c, ev, e) || !ev.actors_overlap(c.seed, e))
                    continue;
                if (!best || c.first > clusters[*best].first || (c.first == clusters[*best].first && it->second < *best))
                    best = it->second;
            }
        }
        if (best || ev[e].location == 0) return best;
        auto same_place = located_.find(std::tuple_cat(key, std::make_tuple(ev[e].location)));
        if (same_place == located_.end()) return std::nullopt;
        auto it = same_place->second.upper_bound({published, std::numeric_limits<std::uint32_t>::max()});
        while (it != same_place->second.begin()) {
            --it;
            if (clusters[it->second].last <= published) return it->second;
        }
        return std::nullopt;
    }

    static std::vector<Key> keys(const Events& ev, std::size_t e) {
        std::vector<Key> out;
        const int group = status_group(ev[e].status);
        if (ev.actors(e).empty()) out.emplace_back(ev[e].type, group, 0);
        for (Id a : ev.actors(e)) out.emplace_back(ev[e].type, group, a);
        return out;
    }

    // Rows' lengths in days (last - first) fall in these classes: a day, a week, a month, a
    // quarter, a year, a decade, longer.
    static constexpr std::array<Day, 6> kLengthLimits = {0, 6, 30, 91, 365, 3652};
    static std::size_t length_class(Day length) {
        std::size_t k = 0;
        while (k < kLengthLimits.size() && length > kLengthLimits[k]) ++k;
        return k;
    }
    // Per key and length class: rows by first day, and the longest row of the class.
    // (Rows are numbered in 32 bits, like the store's events: the nodes of these trees are
    // most of a large timeline's memory while it is built.)
    using Bucket = std::pair<std::multimap<Day, std::uint32_t>, Day>;
    std::unordered_map<Key, std::array<Bucket, kLengthLimits.size() + 1>, SmallTupleHash> dated_;
    std::unordered_map<std::tuple<Id, int, Id, Id>, std::vector<std::uint32_t>, SmallTupleHash> undated_;  // + the underspecified date
    // + the location -> (first day, row), each row once
    std::unordered_map<std::tuple<Id, int, Id, Id>, std::set<std::pair<Day, std::uint32_t>>, SmallTupleHash> located_;
};

// FNV-1a, 64 bits: small, fixed, and the same on every machine.
std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

// The names of the members' actors, sorted, each once (a sorted vector: no tree per row).
std::vector<std::string_view> members_actors(const EventStore& store, std::span<const std::uint32_t> members) {
    std::vector<std::string_view> actors;
    for (std::size_t m : members)
        for (Id a : store.actors(m)) actors.push_back(store.text(a));
    std::sort(actors.begin(), actors.end());
    actors.erase(std::unique(actors.begin(), actors.end()), actors.end());
    return actors;
}

// The representative with the union of the members' actors and the row's status.
Event merged_event(const EventStore& store, std::span<const std::uint32_t> members) {
    Event e = store.event(members.front());
    bool occurred = false;
    for (std::size_t m : members) {
        occurred = occurred || store.entry(m).status == EventStatus::occurred;
        if (e.location.empty()) e.location = store.text(store.entry(m).location);
    }
    const std::vector<std::string_view> actors = members_actors(store, members);
    e.actors.assign(actors.begin(), actors.end());
    if (occurred) e.status = EventStatus::occurred;
    return e;
}

std::uint64_t identity_hash(std::string_view identity) { return fnv1a(identity) & 0xffffffffffffull; }

std::string id_text(std::uint64_t hash) { return fmt::format("ev-{:012x}", hash); }

// The identity hash of the merged row, from the store's numbers and pooled strings (no
// evidence is read).
std::uint64_t row_hash_of(const EventStore& store, std::span<const std::uint32_t> members) {
    const auto& rep = store.entry(members.front());
    bool occurred = false;
    for (std::size_t m : members) occurred = occurred || store.entry(m).status == EventStatus::occurred;
    const std::vector<std::string_view> actors = members_actors(store, members);
    const EventStatus status = occurred ? EventStatus::occurred : rep.status;
    std::string identity(store.text(rep.type));
    identity.append("|").append(std::to_string(status_group(status))).append("|").append(store.text(rep.date));
    identity.append("|").append(store.text(rep.date_end)).append("|");
    bool first = true;
    for (auto a : actors) {
        if (!first) identity.append("; ");
        identity.append(a);
        first = false;
    }
    return identity_hash(identity);
}

}  // namespace

std::string row_id(const Event& e) {
    std::string identity = e.type;
    identity.append("|").append(std::to_string(status_group(e.status))).append("|").append(e.when.date);
    identity.append("|").append(e.when.date_end).append("|").append(joined(e.actors));
    return id_text(identity_hash(identity));
}

Timeline build_timeline(const EventStore& store) {
    if (store.spilled()) throw std::logic_error("build_timeline: the store spilled its events to partitions");
    Timeline t;
    t.store_ = &store;
    const Events ev(store);
    // Events are numbered in 32 bits here (as in the rows): these arrays are a good part of the
    // memory a timeline of millions of events is built in.
    std::vector<std::uint32_t> order(ev.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return ev.canonical_less(a, b); });
    std::vector<std::uint32_t> parent = absorb_within_documents(ev, order);

    std::vector<std::uint32_t> seeds;
    for (std::uint32_t i : order)
        if (parent[i] == i) seeds.push_back(i);
    std::stable_sort(seeds.begin(), seeds.end(), [&](std::size_t a, std::size_t b) { return ev.evidence_less(a, b); });

    std::vector<Cluster> clusters;
    std::vector<std::uint32_t> cluster_of(ev.size(), 0);
    ClusterIndex index;
    for (std::uint32_t i : seeds) {
        if (auto c = index.find(clusters, ev, i)) {
            if (clusters[*c].country == 0) clusters[*c].country = ev[i].country;
            cluster_of[i] = static_cast<std::uint32_t>(*c);
            index.add_place(clusters[*c], static_cast<std::uint32_t>(*c), ev, i);
            continue;
        }
        Cluster c;
        c.seed = i;
        c.first = ev[i].first;
        c.last = ev[i].last;
        c.country = ev[i].country;
        cluster_of[i] = static_cast<std::uint32_t>(clusters.size());
        index.add(c, cluster_of[i], ev);
        index.add_place(c, cluster_of[i], ev, i);
        clusters.push_back(c);
    }
    for (std::uint32_t i : order)
        if (parent[i] != i) cluster_of[i] = cluster_of[parent[i]];
    // What clustering needed is given back before the rows are laid out: the peak of a run
    // over millions of events is here.
    const std::size_t row_count = clusters.size();
    index = ClusterIndex();
    std::vector<Cluster>().swap(clusters);
    std::vector<std::uint32_t>().swap(seeds);
    std::vector<std::uint32_t>().swap(parent);
    std::vector<std::uint32_t>().swap(order);

    // Members grouped by row (a counting sort on the row number), each row's best evidence first.
    std::vector<std::uint32_t> begin(row_count + 1, 0);
    for (std::uint32_t c : cluster_of) ++begin[c + 1];
    std::partial_sum(begin.begin(), begin.end(), begin.begin());
    std::vector<std::uint32_t> members(ev.size());
    {
        std::vector<std::uint32_t> next(begin.begin(), begin.end() - 1);
        for (std::size_t i = 0; i < ev.size(); ++i) members[next[cluster_of[i]]++] = static_cast<std::uint32_t>(i);
    }
    std::vector<std::uint32_t>().swap(cluster_of);
    std::vector<RowKey> keys(row_count);
    for (std::size_t r = 0; r < row_count; ++r) {
        auto first = members.begin() + begin[r], last = members.begin() + begin[r + 1];
        std::sort(first, last, [&](std::uint32_t a, std::uint32_t b) { return ev.evidence_less(a, b); });
        keys[r] = row_key(ev[*first], row_hash_of(store, std::span<const std::uint32_t>(&*first, last - first)), ev.order());
    }

    // Rows in timeline order.
    const std::vector<std::uint32_t> by_key = timeline_order(keys);
    t.members_.reserve(members.size());
    t.first_member_.reserve(row_count + 1);
    t.ids_.reserve(row_count);
    for (std::uint32_t r : by_key) {
        t.first_member_.push_back(static_cast<std::uint32_t>(t.members_.size()));
        t.members_.insert(t.members_.end(), members.begin() + begin[r], members.begin() + begin[r + 1]);
        t.ids_.push_back({keys[r].id, 1});
    }
    t.first_member_.push_back(static_cast<std::uint32_t>(t.members_.size()));
    number_repeats(t.ids_);
    return t;
}

Timeline build_timeline(const std::vector<Event>& events) {
    auto store = std::make_shared<EventStore>(EventStore::kNoBudget);
    for (const auto& e : events) store->add(e);
    Timeline t = build_timeline(*store);
    t.owned_ = std::move(store);
    return t;
}

std::string row_id_text(const RowId& id) {
    std::string text = id_text(id.hash);
    if (id.repeat > 1) text.append("-").append(std::to_string(id.repeat));
    return text;
}

TimelineRow Timeline::row(std::size_t i, bool with_members) const {
    const std::span<const std::uint32_t> members(members_.data() + first_member_[i], first_member_[i + 1] - first_member_[i]);
    TimelineRow out;
    out.id = row_id_text(ids_[i]);
    out.event = merged_event(*store_, members);
    std::vector<std::string_view> documents;  // sorted and unique below (no tree per row)
    documents.reserve(members.size());
    for (std::uint32_t m : members) documents.push_back(store_->text(store_->entry(m).document));
    std::sort(documents.begin(), documents.end());
    documents.erase(std::unique(documents.begin(), documents.end()), documents.end());
    out.documents.assign(documents.begin(), documents.end());
    if (with_members)
        for (std::uint32_t m : members) out.members.push_back(store_->event(m));
    return out;
}

}  // namespace linimasa
