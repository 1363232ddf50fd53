// Test support: the shipped lexicon file and its text, for tests that load or edit it.
#pragma once

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace linimasa::testing {

inline const std::string kShipped = LINIMASA_SOURCE_RULES "/lexicon/id.yaml";

// The bytes of rules/lexicon/id.yaml; the test stops if it cannot be read.
inline std::string shipped_text() {
    std::ifstream in(kShipped, std::ios::binary);
    BOOST_TEST_REQUIRE(static_cast<bool>(in));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace linimasa::testing
