// Unit tests for src/util/hash_set64.h: a set of 64-bit hashes in one open-addressing array.
#ifndef BOOST_TEST_DYN_LINK
#define BOOST_TEST_DYN_LINK
#endif
#define BOOST_TEST_MODULE hash_set64
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <random>
#include <unordered_set>

#include "util/hash_set64.h"

using namespace linimasa;

BOOST_AUTO_TEST_CASE(each_hash_is_kept_once) {
    HashSet64 set;
    std::unordered_set<std::uint64_t> reference;
    std::mt19937_64 rng(5);
    for (int i = 0; i < 200000; ++i) {
        // Few distinct values among many, some differing only in their high bits, and 0.
        const std::uint64_t h = i % 7 == 0 ? (rng() % 1000) << 52 : rng() % 150000;
        BOOST_TEST_REQUIRE(set.insert(h) == reference.insert(h).second, "hash " << h);
    }
    BOOST_TEST(set.size() == reference.size());
    BOOST_TEST_REQUIRE(reference.count(0) == 1u);  // 0 came by, and is kept like any other
    BOOST_TEST(!set.insert(0));
    set.clear();
    BOOST_TEST(set.size() == 0u);
    BOOST_TEST(set.insert(0));
    BOOST_TEST(set.insert(42));
    BOOST_TEST(!set.insert(42));
}
