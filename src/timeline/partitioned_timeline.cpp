#include "timeline/partitioned_timeline.h"

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <new>
#include <stdexcept>
#include <numeric>
#include <queue>
#include <thread>

#include "util/free_memory.h"

namespace linimasa {

namespace {

template <typename T>
std::string_view bytes_of(const T& value) {
    return {reinterpret_cast<const char*>(&value), sizeof value};
}

// One row as the partitions list them in the order rows are made.
struct MadeRow {
    RowKey key;
    std::uint32_t position = 0;  // in its partition's timeline order
    EventEntry representative;
    std::vector<StringPool::Id> actors;

    bool read(TempFileReader& in) {
        if (!in.read(&key, sizeof key) || !in.read(&position, sizeof position) ||
            !in.read(&representative, sizeof representative))
            return false;
        actors.resize(representative.actors_count);
        return in.read(actors.data(), actors.size() * sizeof(StringPool::Id));
    }
};

// Output goes to the sink in pieces of about this size.
constexpr std::size_t kChunkBytes = 1 << 16;

}  // namespace

// Which partition to build next, and how many events are being built: a thread takes the
// next partition only while that stays within the largest partition's size.
struct PartitionedTimeline::Schedule {
    std::mutex mutex;
    std::condition_variable room;
    std::size_t next = 0;        // partitions are taken in order
    std::size_t building = 0;    // events of the partitions being built
    std::size_t budget = 0;      // the largest partition's events
    bool failed = false;
    std::string error;           // the first failure's
};

bool PartitionedTimeline::build(const EventStore& store, std::size_t text_count, const RenderRow& render,
                                std::string& error, unsigned threads) {
    text_count_ = text_count;
    partitions_.assign(store.partition_count(), {});
    const std::size_t file_count = std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(partitions_.size(), 1));
    for (std::size_t f = 0; f < file_count; ++f) {
        std::optional<TempFile> rows = TempFile::create(error);
        std::optional<TempFile> made = rows ? TempFile::create(error) : std::nullopt;
        if (!made) return false;
        rows_.push_back(std::move(*rows));
        made_.push_back(std::move(*made));
    }
    const EventOrder order(store.string_ranks());
    Schedule schedule;
    for (std::size_t p = 0; p < partitions_.size(); ++p) schedule.budget = std::max(schedule.budget, store.partition_size(p));
    std::vector<std::thread> helpers;
    for (std::uint32_t f = 1; f < file_count; ++f)
        helpers.emplace_back([&, f] { build_partitions(store, order, render, f, schedule); });
    build_partitions(store, order, render, 0, schedule);
    for (auto& t : helpers) t.join();
    if (schedule.failed) {
        error = schedule.error;
        return false;
    }
    for (std::size_t f = 0; f < file_count; ++f) {
        if (!rows_[f].flush() || !made_[f].flush()) {
            error = rows_[f].ok() ? made_[f].error() : rows_[f].error();
            return false;
        }
    }
    return put_in_order(order, error);
}

bool PartitionedTimeline::build_partitions(const EventStore& store, const EventOrder& order, const RenderRow& render,
                                           std::uint32_t files, Schedule& schedule) {
    for (;;) {
        std::size_t p = 0, size = 0;
        {
            std::unique_lock lock(schedule.mutex);
            schedule.room.wait(lock, [&] {
                return schedule.failed || schedule.next == partitions_.size() || schedule.building == 0 ||
                       schedule.building + store.partition_size(schedule.next) <= schedule.budget;
            });
            if (schedule.failed || schedule.next == partitions_.size()) return !schedule.failed;
            p = schedule.next++;
            size = store.partition_size(p);
            schedule.building += size;
        }
        std::string error;
        bool ok = false;
        try {
            partitions_[p].files = files;
            std::optional<EventStore> part = store.load_partition(p, error);
            ok = part && build_partition(*part, order, render, partitions_[p]);
            if (part && !ok) error = rows_[files].ok() ? made_[files].error() : rows_[files].error();
        } catch (const std::bad_alloc&) {
            error = "out of memory while building the timeline";
        } catch (const std::exception& e) {  // on a helper thread it would end the program
            error = std::string("internal error while building the timeline: ") + e.what();
        }
        // Each partition's timeline starts from the memory the strings take, not from what
        // the ones before left scattered over the heap: the peak is the largest partition's.
        give_back_free_memory();
        {
            std::lock_guard lock(schedule.mutex);
            schedule.building -= size;
            if (!ok && !schedule.failed) {
                schedule.failed = true;
                schedule.error = error;
            }
        }
        schedule.room.notify_all();
        if (!ok) return false;
    }
}

bool PartitionedTimeline::build_partition(const EventStore& part, const EventOrder& order, const RenderRow& render,
                                          Partition& where) {
    const Timeline timeline = build_timeline(part);
    TempFile& rows = rows_[where.files];
    TempFile& made_file = made_[where.files];
    where.rows = timeline.size();
    where.rows_begin = rows.size();
    std::vector<std::string> texts(text_count_);
    for (std::size_t i = 0; i < timeline.size(); ++i) {
        for (auto& t : texts) t.clear();
        render(timeline, i, texts);
        for (const auto& t : texts) {
            const auto size = static_cast<std::uint32_t>(t.size());
            rows.append(bytes_of(size));
            rows.append(t);
        }
    }
    where.rows_end = rows.size();

    // The order in which build_timeline() made the rows: by their representatives' evidence.
    auto key = [&](std::uint32_t row) {
        const std::uint32_t rep = timeline.representative(row);
        return EventKey{part.entry(rep), part.actors(rep)};
    };
    std::vector<std::uint32_t> made(timeline.size());
    std::iota(made.begin(), made.end(), 0u);
    std::sort(made.begin(), made.end(), [&](std::uint32_t a, std::uint32_t b) { return order.evidence_less(key(a), key(b)); });
    where.made_begin = made_file.size();
    for (std::uint32_t row : made) {
        const EventKey rep = key(row);
        const RowKey row_order = row_key(rep.entry, timeline.id_hash(row), order);
        made_file.append(bytes_of(row_order));
        made_file.append(bytes_of(row));
        made_file.append(bytes_of(rep.entry));
        made_file.append({reinterpret_cast<const char*>(rep.actors.data()), rep.actors.size_bytes()});
    }
    where.made_end = made_file.size();
    return rows.ok() && made_file.ok();
}

bool PartitionedTimeline::put_in_order(const EventOrder& order, std::string& error) {
    // All rows in the order build_timeline() makes them: the partitions' lists merged by
    // evidence (a total order across partitions: events of different partitions differ in
    // type or status).
    std::size_t rows = 0;
    for (const Partition& p : partitions_) rows += p.rows;
    std::vector<RowKey> keys;
    std::vector<RowPlace> made_places;
    keys.reserve(rows);
    made_places.reserve(rows);
    {
        std::vector<TempFileReader> readers;
        std::vector<MadeRow> heads(partitions_.size());
        auto later = [&](std::uint32_t a, std::uint32_t b) {  // for a min-heap of partitions
            return order.evidence_less({heads[b].representative, heads[b].actors},
                                       {heads[a].representative, heads[a].actors});
        };
        std::priority_queue<std::uint32_t, std::vector<std::uint32_t>, decltype(later)> next(later);
        readers.reserve(partitions_.size());
        for (std::uint32_t p = 0; p < partitions_.size(); ++p) {
            readers.emplace_back(made_[partitions_[p].files], partitions_[p].made_begin, partitions_[p].made_end);
            if (readers[p].at_end()) continue;
            if (!heads[p].read(readers[p])) {
                error = readers[p].error();
                return false;
            }
            next.push(p);
        }
        while (!next.empty()) {
            const std::uint32_t p = next.top();
            next.pop();
            keys.push_back(heads[p].key);
            made_places.push_back({p, heads[p].position});
            if (readers[p].at_end()) continue;
            if (!heads[p].read(readers[p])) {
                error = readers[p].error();
                return false;
            }
            next.push(p);
        }
    }
    made_.clear();  // read once: its space goes back to the disk

    // Sorted as build_timeline() sorts them, from the same starting order.
    const std::vector<std::uint32_t> by_key = timeline_order(keys);
    ids_.resize(by_key.size());
    places_.resize(by_key.size());
    for (std::size_t t = 0; t < by_key.size(); ++t) {
        ids_[t].hash = keys[by_key[t]].id;
        places_[t] = made_places[by_key[t]];
    }
    std::vector<RowKey>().swap(keys);
    std::vector<RowPlace>().swap(made_places);
    number_repeats(ids_);
    return true;
}

bool PartitionedTimeline::write(std::size_t k, const Sink& sink, std::string& error) {
    // Per partition: its rows read in order, and the few read ahead of the one wanted (rows
    // with one key, which the sort may have put in another order than the partition's).
    struct Cursor {
        TempFileReader in;
        std::uint32_t next = 0;                        // the position of the next row in `in`
        std::map<std::uint32_t, std::string> ahead;    // text `k` of rows read ahead, by position
    };
    std::vector<Cursor> cursors;
    cursors.reserve(partitions_.size());
    for (const Partition& p : partitions_) cursors.push_back({TempFileReader(rows_[p.files], p.rows_begin, p.rows_end), 0, {}});

    std::string chunk, text, other;  // other: the texts of a row that are not asked for
    for (std::size_t t = 0; t < places_.size(); ++t) {
        Cursor& c = cursors[places_[t].partition];
        const std::uint32_t wanted = places_[t].position;
        if (auto found = c.ahead.find(wanted); found != c.ahead.end()) {
            text = std::move(found->second);
            c.ahead.erase(found);
        } else {
            for (;; ++c.next) {
                text.clear();
                for (std::size_t j = 0; j < text_count_; ++j) {
                    std::uint32_t size = 0;
                    other.clear();
                    if (!c.in.read(&size, sizeof size) || !c.in.read_append(j == k ? text : other, size)) {
                        error = c.in.error();
                        return false;
                    }
                }
                if (c.next == wanted) break;
                c.ahead.emplace(c.next, std::move(text));
            }
            ++c.next;
        }
        chunk.append(row_id_text(ids_[t])).append(text);
        if (chunk.size() >= kChunkBytes) {
            if (!sink(chunk)) return false;
            chunk.clear();
        }
    }
    return chunk.empty() || sink(chunk);
}

}  // namespace linimasa
