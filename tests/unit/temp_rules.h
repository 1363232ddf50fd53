// Test support: a throwaway rules folder, so that tests can write broken rule files and load them.
#pragma once

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace linimasa::testing {

class TempRules {
public:
    TempRules() {
        std::random_device rd;
        dir_ = std::filesystem::temp_directory_path() / ("linimasa-test-" + std::to_string(rd()));
        std::filesystem::create_directories(dir_ / "events");
    }
    ~TempRules() {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    TempRules(const TempRules&) = delete;
    TempRules& operator=(const TempRules&) = delete;

    // Writes `content` to `relative` inside the folder.
    void write(const std::string& relative, const std::string& content) const {
        std::ofstream out(dir_ / relative, std::ios::binary);
        BOOST_TEST_REQUIRE(static_cast<bool>(out));
        out << content;
    }
    std::string path() const { return dir_.string(); }
    std::string path(const std::string& relative) const { return (dir_ / relative).string(); }

private:
    std::filesystem::path dir_;
};

}  // namespace linimasa::testing
