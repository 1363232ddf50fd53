#include "timeline/string_pool.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <numeric>

namespace linimasa {

namespace {

// Text goes into blocks of this size (a longer string gets a block of its own).
constexpr std::size_t kBlockBytes = 64 << 10;

std::size_t hash_of(std::string_view s) { return std::hash<std::string_view>{}(s); }

}  // namespace

StringPool::StringPool() : table_(64, kFree) { intern(""); }

StringPool::Id* StringPool::slot_of(std::string_view s, std::size_t hash) {
    const std::size_t mask = table_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask)
        if (table_[i] == kFree || views_[table_[i]] == s) return &table_[i];
}

void StringPool::grow_table() {
    std::vector<Id>(table_.size() * 2, kFree).swap(table_);
    const std::size_t mask = table_.size() - 1;
    for (Id id = 0; id < views_.size(); ++id) {
        std::size_t i = hash_of(views_[id]) & mask;
        while (table_[i] != kFree) i = (i + 1) & mask;
        table_[i] = id;
    }
}

StringPool::Id StringPool::intern(std::string_view s) {
    Id* slot = slot_of(s, hash_of(s));
    if (*slot != kFree) return *slot;
    const char* at = "";
    if (!s.empty()) {
        if (s.size() > block_left_) {
            const std::size_t bytes = std::max(kBlockBytes, s.size());
            blocks_.push_back(std::make_unique_for_overwrite<char[]>(bytes));
            block_next_ = blocks_.back().get();
            block_left_ = bytes;
        }
        std::memcpy(block_next_, s.data(), s.size());
        at = block_next_;
        block_next_ += s.size();
        block_left_ -= s.size();
    }
    const auto id = static_cast<Id>(views_.size());
    views_.emplace_back(at, s.size());
    *slot = id;
    if (views_.size() * 2 > table_.size()) grow_table();  // at most half full: short probes
    return id;
}

const std::vector<StringPool::Id>& StringPool::ranks() const {
    std::lock_guard lock(ranks_mutex_);
    if (ranks_.size() != views_.size()) {
        std::vector<Id> ids(views_.size());
        std::iota(ids.begin(), ids.end(), Id{0});
        std::sort(ids.begin(), ids.end(), [&](Id a, Id b) { return views_[a] < views_[b]; });
        ranks_.resize(views_.size());
        for (std::size_t r = 0; r < ids.size(); ++r) ranks_[ids[r]] = static_cast<Id>(r);
    }
    return ranks_;
}

}  // namespace linimasa
