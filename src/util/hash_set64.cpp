#include "util/hash_set64.h"

namespace linimasa {

namespace {

// Where a hash starts probing: its bits mixed (Fibonacci hashing), so that hashes that differ
// only in their high bits do not pile up.
std::size_t home(std::uint64_t hash, std::size_t mask) {
    return static_cast<std::size_t>((hash * 0x9e3779b97f4a7c15ull) >> 32) & mask;
}

}  // namespace

bool HashSet64::insert(std::uint64_t hash) {
    if (hash == 0) {
        if (has_zero_) return false;
        has_zero_ = true;
        ++size_;
        return true;
    }
    if ((size_ + 1) * 2 > slots_.size()) grow();  // at most half full: short probes
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = home(hash, mask);; i = (i + 1) & mask) {
        if (slots_[i] == hash) return false;
        if (slots_[i] == 0) {
            slots_[i] = hash;
            ++size_;
            return true;
        }
    }
}

void HashSet64::grow() {
    std::vector<std::uint64_t> old(slots_.empty() ? 64 : slots_.size() * 2, 0);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (std::uint64_t hash : old) {
        if (hash == 0) continue;
        std::size_t i = home(hash, mask);
        while (slots_[i] != 0) i = (i + 1) & mask;
        slots_[i] = hash;
    }
}

void HashSet64::clear() {
    std::vector<std::uint64_t>().swap(slots_);
    has_zero_ = false;
    size_ = 0;
}

}  // namespace linimasa
