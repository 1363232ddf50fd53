#include "timeline/partition_spill.h"

#include <numeric>
#include <string_view>

namespace linimasa {

namespace {

template <typename T>
std::string_view bytes_of(const T* data, std::size_t count) {
    return {reinterpret_cast<const char*>(data), count * sizeof(T)};
}

}  // namespace

bool PartitionSpill::write(std::span<const EventEntry> entries, std::span<const StringPool::Id> actor_ids,
                           std::span<const std::uint32_t> partition_of) {
    std::uint32_t partitions = 0;
    for (std::uint32_t p : partition_of) partitions = std::max(partitions, p + 1);
    if (pieces_.size() < partitions) pieces_.resize(partitions);
    // The batch's entries grouped by partition, each group in the order added (a counting sort).
    std::vector<std::uint32_t> begin(partitions + 1, 0);
    for (std::uint32_t p : partition_of) ++begin[p + 1];
    std::partial_sum(begin.begin(), begin.end(), begin.begin());
    std::vector<std::uint32_t> grouped(entries.size());
    {
        std::vector<std::uint32_t> next(begin.begin(), begin.end() - 1);
        for (std::uint32_t i = 0; i < entries.size(); ++i) grouped[next[partition_of[i]]++] = i;
    }
    for (std::uint32_t p = 0; p < partitions; ++p) {
        if (begin[p] == begin[p + 1]) continue;
        Piece piece;
        piece.at = file_.size();
        piece.entries = begin[p + 1] - begin[p];
        for (std::uint32_t k = begin[p]; k < begin[p + 1]; ++k) {
            EventEntry e = entries[grouped[k]];
            e.actors_at = piece.actors;  // within the piece's own list of actors
            piece.actors += e.actors_count;
            file_.append(bytes_of(&e, 1));
        }
        for (std::uint32_t k = begin[p]; k < begin[p + 1]; ++k) {
            const EventEntry& e = entries[grouped[k]];
            file_.append(bytes_of(actor_ids.data() + e.actors_at, e.actors_count));
        }
        pieces_[p].push_back(piece);
    }
    return file_.ok();
}

std::size_t PartitionSpill::entry_count(std::size_t p) const {
    std::size_t n = 0;
    for (const Piece& piece : pieces_[p]) n += piece.entries;
    return n;
}

bool PartitionSpill::read(std::size_t p, std::vector<EventEntry>& entries, std::vector<StringPool::Id>& actor_ids) const {
    std::size_t entry_total = entries.size(), actor_total = actor_ids.size();
    for (const Piece& piece : pieces_[p]) {
        entry_total += piece.entries;
        actor_total += piece.actors;
    }
    entries.reserve(entry_total);  // exactly: a partition may be most of what memory holds
    actor_ids.reserve(actor_total);
    for (const Piece& piece : pieces_[p]) {
        const std::size_t first = entries.size(), base = actor_ids.size();
        entries.resize(first + piece.entries);
        actor_ids.resize(base + piece.actors);
        if (!file_.read(piece.at, piece.entries * sizeof(EventEntry), reinterpret_cast<char*>(entries.data() + first)) ||
            !file_.read(piece.at + piece.entries * sizeof(EventEntry), piece.actors * sizeof(StringPool::Id),
                        reinterpret_cast<char*>(actor_ids.data() + base)))
            return false;
        for (std::size_t i = first; i < entries.size(); ++i) entries[i].actors_at += static_cast<std::uint32_t>(base);
    }
    return true;
}

}  // namespace linimasa
