#include "timeline/partitioned_timeline.h"

#include <map>
#include <numeric>
#include <queue>

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

bool PartitionedTimeline::build(const EventStore& store, std::size_t text_count, const RenderRow& render,
                                std::string& error) {
    text_count_ = text_count;
    rows_ = TempFile::create(error);
    if (rows_) made_ = TempFile::create(error);
    if (!made_) return false;
    const EventOrder order(store.string_ranks());
    partitions_.assign(store.partition_count(), {});
    for (std::size_t p = 0; p < partitions_.size(); ++p) {
        std::optional<EventStore> part = store.load_partition(p, error);
        if (!part) return false;
        if (!build_partition(*part, order, render, partitions_[p])) {
            error = rows_->ok() ? made_->error() : rows_->error();
            return false;
        }
        part.reset();
        // Each partition's timeline starts from the memory the strings take, not from what
        // the ones before left scattered over the heap: the peak is the largest partition's.
        give_back_free_memory();
    }
    if (!rows_->flush() || !made_->flush()) {
        error = rows_->ok() ? made_->error() : rows_->error();
        return false;
    }
    return put_in_order(order, error);
}

bool PartitionedTimeline::build_partition(const EventStore& part, const EventOrder& order, const RenderRow& render,
                                          Partition& where) {
    const Timeline timeline = build_timeline(part);
    where.rows = timeline.size();
    where.rows_begin = rows_->size();
    std::vector<std::string> texts(text_count_);
    for (std::size_t i = 0; i < timeline.size(); ++i) {
        for (auto& t : texts) t.clear();
        render(timeline, i, texts);
        for (const auto& t : texts) {
            const auto size = static_cast<std::uint32_t>(t.size());
            rows_->append(bytes_of(size));
            rows_->append(t);
        }
    }
    where.rows_end = rows_->size();

    // The order in which build_timeline() made the rows: by their representatives' evidence.
    auto key = [&](std::uint32_t row) {
        const std::uint32_t rep = timeline.representative(row);
        return EventKey{part.entry(rep), part.actors(rep)};
    };
    std::vector<std::uint32_t> made(timeline.size());
    std::iota(made.begin(), made.end(), 0u);
    std::sort(made.begin(), made.end(), [&](std::uint32_t a, std::uint32_t b) { return order.evidence_less(key(a), key(b)); });
    where.made_begin = made_->size();
    for (std::uint32_t row : made) {
        const EventKey rep = key(row);
        const RowKey row_order = row_key(rep.entry, timeline.id_hash(row), order);
        made_->append(bytes_of(row_order));
        made_->append(bytes_of(row));
        made_->append(bytes_of(rep.entry));
        made_->append({reinterpret_cast<const char*>(rep.actors.data()), rep.actors.size_bytes()});
    }
    where.made_end = made_->size();
    return rows_->ok() && made_->ok();
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
            readers.emplace_back(*made_, partitions_[p].made_begin, partitions_[p].made_end);
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
    made_.reset();  // read once: its space goes back to the disk

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
    for (const Partition& p : partitions_) cursors.push_back({TempFileReader(*rows_, p.rows_begin, p.rows_end), 0, {}});

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
