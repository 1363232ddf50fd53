// HashSet64: a set of 64-bit hashes in one open-addressing array, 8 to 16 bytes a member where
// std::unordered_set spends about 45 (a node and a bucket): `extract` remembers the id of every
// document it read, hundreds of thousands of them in an archive.
//
//   HashSet64 seen;
//   if (!seen.insert(std::hash<std::string>{}(id))) { /* read before */ }
#pragma once

#include <cstdint>
#include <vector>

namespace linimasa {

class HashSet64 {
public:
    // Adds `hash`; false when it was there already.
    bool insert(std::uint64_t hash);
    std::size_t size() const { return size_; }
    // Gives the memory back.
    void clear();

private:
    void grow();

    std::vector<std::uint64_t> slots_;  // linear probing; 0 marks a free slot
    bool has_zero_ = false;             // the hash 0 itself, which no slot can hold
    std::size_t size_ = 0;
};

}  // namespace linimasa
