// Strings kept once each and referred to by number: the types, rules, actors, places, dates
// and document ids that millions of events repeat.
//
//   StringPool pool;                                   // id 0 is the empty string
//   StringPool::Id id = pool.intern("Kim Jong Un");    // the same text always gives the same id
//   std::string_view name = pool.text(id);
//   const std::vector<StringPool::Id>& rank = pool.ranks();   // rank[id]: its place in byte order
//
// Memory is the strings' own bytes plus about 24 bytes each: text is packed into large blocks
// and found through an open-addressing table of ids (a std::string per entry in a node-based
// map costs ~150 bytes for a 60-byte document path, and an archive has hundreds of thousands).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

namespace linimasa {

class StringPool {
public:
    using Id = std::uint32_t;

    StringPool();
    StringPool(const StringPool&) = delete;
    StringPool& operator=(const StringPool&) = delete;

    // The id of `s`, added if it is new.
    Id intern(std::string_view s);
    // A string by id; ids run from 0 to size() - 1. Views stay valid as long as the pool.
    std::string_view text(Id id) const { return views_[id]; }
    std::size_t size() const { return views_.size(); }

    // Every string's place in byte order (a pooled string is unique, so equal ranks mean
    // equal strings): comparisons of millions of events then read numbers, not text scattered
    // over memory. Worked out again only when strings were added since it was last asked for;
    // safe to call from several threads while nothing is interned.
    const std::vector<Id>& ranks() const;

private:
    static constexpr Id kFree = ~Id{0};
    Id* slot_of(std::string_view s, std::size_t hash);
    void grow_table();

    std::vector<std::unique_ptr<char[]>> blocks_;
    char* block_next_ = nullptr;  // the free end of the last block
    std::size_t block_left_ = 0;
    std::vector<std::string_view> views_;
    std::vector<Id> table_;       // open addressing, linear probing; kFree or an id
    mutable std::mutex ranks_mutex_;
    mutable std::vector<Id> ranks_;
};

}  // namespace linimasa
