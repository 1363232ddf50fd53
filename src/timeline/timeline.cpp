#include "timeline/timeline.h"

#include <fmt/core.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

namespace linimasa {

namespace {

// occurred and planned reports of one event belong together (a plan that then happened);
// a denial or a negation is a different statement.
int status_group(EventStatus s) {
    switch (s) {
        case EventStatus::occurred:
        case EventStatus::planned: return 0;
        case EventStatus::denied: return 1;
        case EventStatus::negated: return 2;
    }
    return 0;
}

int basis_rank(EventDateBasis b) { return static_cast<int>(b); }

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) {
        if (!out.empty()) out += "; ";
        out += s;
    }
    return out;
}

// A total order over everything an event holds, so that sorting makes the input order irrelevant.
bool canonical_less(const Event& a, const Event& b) {
    auto key = [](const Event& e) {
        return std::tie(e.document, e.offset, e.type, e.rule, e.when.date, e.when.date_end, e.actors, e.location,
                        e.location_country, e.evidence, e.trigger);
    };
    if (key(a) != key(b)) return key(a) < key(b);
    return std::make_tuple(static_cast<int>(a.status), static_cast<int>(a.when.basis), static_cast<int>(a.when.precision),
                           a.when.text) < std::make_tuple(static_cast<int>(b.status), static_cast<int>(b.when.basis),
                                                          static_cast<int>(b.when.precision), b.when.text);
}

// Events that only had the publication date (or nothing) to go by come after real dates.
bool weakly_dated(const Event& e) {
    return e.when.basis == EventDateBasis::publication || e.when.basis == EventDateBasis::unanchored;
}

// The order in which events seed rows, and a row's representative: the best evidence first.
bool evidence_less(const Event& a, const Event& b) {
    auto key = [](const Event& e) {
        return std::make_tuple(weakly_dated(e), static_cast<int>(e.when.precision), basis_rank(e.when.basis));
    };
    if (key(a) != key(b)) return key(a) < key(b);
    return canonical_less(a, b);
}

bool actors_overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.empty() || b.empty()) return a.empty() && b.empty();
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (*i == *j) return true;
        if (*i < *j) ++i;
        else ++j;
    }
    return false;
}

// Within one document, a publication-dated event joins a really dated event of the same type,
// status group and actors (and no other place): the nearest one in the text. Dated events are
// indexed per (type, status group, actor) by offset, so this is O(k log k) in the document's k events.
std::vector<std::size_t> absorb_within_documents(const std::vector<Event>& events, const std::vector<std::size_t>& order) {
    std::vector<std::size_t> parent(events.size());
    std::iota(parent.begin(), parent.end(), 0);
    using Key = std::tuple<std::string_view, int, std::string_view>;
    std::size_t start = 0;
    while (start < order.size()) {
        std::size_t end = start;
        while (end < order.size() && events[order[end]].document == events[order[start]].document) ++end;
        // key -> (offset, canonical rank), by offset; ranks, not input indices, break ties, so the
        // input order cannot change the result.
        std::map<Key, std::vector<std::pair<std::size_t, std::size_t>>> dated;
        for (std::size_t j = start; j < end; ++j) {
            const Event& d = events[order[j]];
            if (weakly_dated(d)) continue;
            if (d.actors.empty()) dated[Key{d.type, status_group(d.status), ""}].emplace_back(d.offset, j);
            for (const auto& a : d.actors) dated[Key{d.type, status_group(d.status), a}].emplace_back(d.offset, j);
        }
        for (auto& [key, list] : dated) std::sort(list.begin(), list.end());
        for (std::size_t i = start; i < end; ++i) {
            const Event& e = events[order[i]];
            if (e.when.basis != EventDateBasis::publication) continue;
            std::optional<std::pair<std::size_t, std::size_t>> best;  // (distance, event)
            auto consider = [&](const std::vector<std::pair<std::size_t, std::size_t>>& list) {
                auto at = std::lower_bound(list.begin(), list.end(), std::make_pair(e.offset, std::size_t{0}));
                // The nearest few on either side; the first that is at no other place wins on its side.
                for (auto it = at; it != list.end() && it - at < 8; ++it)
                    if (const Event& d = events[order[it->second]]; d.location.empty() || e.location.empty() || d.location == e.location) {
                        std::pair<std::size_t, std::size_t> c{it->first - e.offset, it->second};
                        if (!best || c < *best) best = c;
                        break;
                    }
                for (auto it = at; it != list.begin() && at - it < 8;) {
                    --it;
                    if (const Event& d = events[order[it->second]]; d.location.empty() || e.location.empty() || d.location == e.location) {
                        std::pair<std::size_t, std::size_t> c{e.offset - it->first, it->second};
                        if (!best || c < *best) best = c;
                        break;
                    }
                }
            };
            const int group = status_group(e.status);
            if (e.actors.empty()) {
                if (auto it = dated.find(Key{e.type, group, ""}); it != dated.end()) consider(it->second);
            }
            for (const auto& a : e.actors)
                if (auto it = dated.find(Key{e.type, group, a}); it != dated.end()) consider(it->second);
            if (best) parent[order[i]] = order[best->second];
        }
        start = end;
    }
    return parent;
}

// How long before its publication an article's undated event may have happened.
constexpr date::days kRecentDays{7};

struct Cluster {
    std::size_t seed = 0;
    std::optional<date::sys_days> first, last;
    std::string country;  // where the row's events took place, once a member says so
    std::vector<std::size_t> members;
};


// Undated reports in different countries are different events (Kim's trip to Komsomolsk and
// Putin's visit to Pyongyang, both known only as "reported today"), whatever else they share.
// Really dated reports of the same day and actors are one event even when outlets place it
// differently (the cosmodrome, the region, "in Russia"); an unknown place is compatible with any.
bool same_country(const Cluster& c, const Event& e, const std::vector<Event>& events) {
    if (!weakly_dated(e) && !weakly_dated(events[c.seed])) return true;
    return c.country.empty() || e.location_country.empty() || c.country == e.location_country;
}

bool compatible(const Cluster& c, const Event& e) {
    auto f = e.when.first();
    auto l = e.when.last();
    if (!c.first || !f) return !c.first && !f;
    const bool event_inside = *c.first <= *f && *l <= *c.last;
    const bool cluster_inside = *f <= *c.first && *c.last <= *l;
    return event_inside || cluster_inside;
}

// Finds, in O(log n + k), the clusters that an event could join: per (type, status group,
// actor), clusters ordered by their first day.
class ClusterIndex {
public:
    using Key = std::tuple<std::string, int, std::string>;

    std::optional<std::size_t> find(const std::vector<Cluster>& clusters, const std::vector<Event>& events,
                                    const Event& e) const {
        std::optional<std::size_t> best;
        for (const auto& key : keys(e)) {
            if (e.when.basis == EventDateBasis::publication) {
                if (auto c = recent_before(clusters, events, e, key)) best = best ? std::min(*best, *c) : *c;
                if (best) continue;
            }
            if (auto f = e.when.first()) {
                auto bucket = dated_.find(key);
                if (bucket == dated_.end()) continue;
                const auto& [by_first, longest] = bucket->second;
                auto from = *f - longest;
                for (auto it = by_first.lower_bound(from); it != by_first.end() && it->first <= *e.when.last(); ++it) {
                    const Cluster& c = clusters[it->second];
                    if (compatible(c, e) && same_country(c, e, events) && actors_overlap(events[c.seed].actors, e.actors) &&
                        (!best || it->second < *best))
                        best = it->second;
                }
            } else {
                auto bucket = undated_.find(std::tuple_cat(key, std::make_tuple(e.when.date)));
                if (bucket == undated_.end()) continue;
                for (std::size_t c : bucket->second)
                    if (same_country(clusters[c], e, events) && actors_overlap(events[clusters[c].seed].actors, e.actors) &&
                        (!best || c < *best))
                        best = c;
            }
        }
        return best;
    }

    void add(const Cluster& c, std::size_t index, const Event& seed) {
        for (const auto& key : keys(seed)) {
            if (c.first) {
                auto& [by_first, longest] = dated_[key];
                by_first.emplace(*c.first, index);
                longest = std::max(longest, *c.last - *c.first);

            } else {
                undated_[std::tuple_cat(key, std::make_tuple(seed.when.date))].push_back(index);
            }
        }
    }

    // Remembers where a really dated member of a row took place, for undated retellings.
    void add_place(const Cluster& c, std::size_t index, const Event& member) {
        if (!c.first || weakly_dated(member) || member.location.empty()) return;
        for (const auto& key : keys(member)) {
            auto& rows = located_[std::tuple_cat(key, std::make_tuple(member.location))];
            bool known = false;
            for (auto [it, end] = rows.equal_range(*c.first); it != end && !known; ++it) known = it->second == index;
            if (!known) rows.emplace(*c.first, index);
        }
    }

private:
    // An event dated only by its article's publication day happened on that day or shortly
    // before: it joins a really dated row of the week before publication (the latest one).
    std::optional<std::size_t> recent_before(const std::vector<Cluster>& clusters, const std::vector<Event>& events,
                                             const Event& e, const Key& key) const {
        auto bucket = dated_.find(key);
        auto published = e.when.first();
        if (bucket == dated_.end() || !published) return std::nullopt;
        const auto& by_first = bucket->second.first;
        std::optional<std::size_t> best;
        for (auto it = by_first.lower_bound(*published - kRecentDays); it != by_first.end() && it->first <= *published;
             ++it) {
            const Cluster& c = clusters[it->second];
            if (weakly_dated(events[c.seed]) || *c.last > *published || !same_country(c, e, events) ||
                !actors_overlap(events[c.seed].actors, e.actors))
                continue;
            if (!best || *c.first > *clusters[*best].first || (*c.first == *clusters[*best].first && it->second < *best))
                best = it->second;
        }
        if (best || e.location.empty()) return best;
        // Else the same actors' latest row of this type at the same place: an undated retelling
        // of a known meeting ("Kim dan Putin bersalaman saat bertemu di Vladivostok").
        auto same_place = located_.find(std::tuple_cat(key, std::make_tuple(e.location)));
        if (same_place == located_.end()) return std::nullopt;
        auto it = same_place->second.upper_bound(*published);
        while (it != same_place->second.begin()) {
            --it;
            if (*clusters[it->second].last <= *published) return it->second;
        }
        return std::nullopt;
    }

    static std::vector<Key> keys(const Event& e) {
        std::vector<Key> out;
        const int group = status_group(e.status);
        if (e.actors.empty()) out.emplace_back(e.type, group, "");
        for (const auto& a : e.actors) out.emplace_back(e.type, group, a);
        return out;
    }

    std::map<Key, std::pair<std::multimap<date::sys_days, std::size_t>, date::days>> dated_;
    std::map<std::tuple<std::string, int, std::string, std::string>, std::vector<std::size_t>> undated_;
    // Really dated rows by (type, status group, actor, location), ordered by first day.
    std::map<std::tuple<std::string, int, std::string, std::string>, std::multimap<date::sys_days, std::size_t>> located_;
};

TimelineRow make_row(const std::vector<Event>& events, const Cluster& cluster) {
    std::vector<std::size_t> members = cluster.members;
    std::sort(members.begin(), members.end(),
              [&](std::size_t a, std::size_t b) { return evidence_less(events[a], events[b]); });
    TimelineRow row;
    row.event = events[members.front()];
    std::set<std::string> actors, documents;
    bool occurred = false;
    for (std::size_t m : members) {
        const Event& e = events[m];
        actors.insert(e.actors.begin(), e.actors.end());
        documents.insert(e.document);
        occurred = occurred || e.status == EventStatus::occurred;
        if (row.event.location.empty()) row.event.location = e.location;
        row.members.push_back(&e);
    }
    row.event.actors.assign(actors.begin(), actors.end());
    if (occurred) row.event.status = EventStatus::occurred;
    row.documents.assign(documents.begin(), documents.end());
    row.id = row_id(row.event);
    return row;
}

bool row_less(const TimelineRow& a, const TimelineRow& b) {
    auto fa = a.event.when.first();
    auto fb = b.event.when.first();
    if (fa.has_value() != fb.has_value()) return fa.has_value();
    if (fa && *fa != *fb) return *fa < *fb;
    auto key = [](const TimelineRow& r) {
        return std::make_tuple(static_cast<int>(r.event.when.precision), r.event.when.date, r.event.when.date_end,
                               r.event.type, r.id);
    };
    return key(a) < key(b);
}

// FNV-1a, 64 bits: small, fixed, and the same on every machine.
std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

}  // namespace

std::string row_id(const Event& e) {
    std::string identity = e.type;
    identity.append("|").append(std::to_string(status_group(e.status))).append("|").append(e.when.date);
    identity.append("|").append(e.when.date_end).append("|").append(joined(e.actors));
    return fmt::format("ev-{:012x}", fnv1a(identity) & 0xffffffffffffull);
}

Timeline build_timeline(std::vector<Event> events) {
    Timeline t;
    t.events = std::move(events);
    const auto& ev = t.events;
    std::vector<std::size_t> order(ev.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return canonical_less(ev[a], ev[b]); });
    std::vector<std::size_t> parent = absorb_within_documents(ev, order);

    std::vector<std::size_t> seeds;
    for (std::size_t i : order)
        if (parent[i] == i) seeds.push_back(i);
    std::stable_sort(seeds.begin(), seeds.end(), [&](std::size_t a, std::size_t b) { return evidence_less(ev[a], ev[b]); });

    std::vector<Cluster> clusters;
    std::vector<std::size_t> cluster_of(ev.size(), 0);
    ClusterIndex index;
    for (std::size_t i : seeds) {
        if (auto c = index.find(clusters, ev, ev[i])) {
            clusters[*c].members.push_back(i);
            if (clusters[*c].country.empty()) clusters[*c].country = ev[i].location_country;
            cluster_of[i] = *c;
            index.add_place(clusters[*c], *c, ev[i]);
            continue;
        }
        Cluster c;
        c.seed = i;
        c.first = ev[i].when.first();
        c.last = ev[i].when.last();
        c.country = ev[i].location_country;
        c.members.push_back(i);
        cluster_of[i] = clusters.size();
        index.add(c, clusters.size(), ev[i]);
        index.add_place(c, clusters.size(), ev[i]);
        clusters.push_back(std::move(c));
    }
    for (std::size_t i : order)
        if (parent[i] != i) clusters[cluster_of[parent[i]]].members.push_back(i);

    for (const auto& c : clusters) t.rows.push_back(make_row(ev, c));
    std::sort(t.rows.begin(), t.rows.end(), row_less);
    // Two rows with the same identity cannot normally exist (they would have merged); if they
    // do, the later one gets a suffix so that ids stay unique.
    std::map<std::string, int> seen;
    for (auto& row : t.rows) {
        int n = seen[row.id]++;
        if (n > 0) row.id.append("-").append(std::to_string(n + 1));
    }
    return t;
}

}  // namespace linimasa
