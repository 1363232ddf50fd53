// Unit tests for src/util/atomic_file.h: the target is replaced only on commit, a symbolic
// link keeps pointing at the file it names, a folder is refused, and a pipe (which cannot be
// replaced) is written into.
#ifndef BOOST_TEST_DYN_LINK
#define BOOST_TEST_DYN_LINK
#endif
#define BOOST_TEST_MODULE atomic_file
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>

#include "util/atomic_file.h"

using namespace linimasa;
namespace fs = std::filesystem;

namespace {

struct TempFolder {
    TempFolder() {
        std::random_device rd;
        path = fs::temp_directory_path() / ("linimasa-atomic-" + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~TempFolder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string operator/(const std::string& name) const { return (path / name).string(); }
    fs::path path;
};

std::string content(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void put(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// Entries of the folder other than `keep` (a temporary file left behind would show here).
int others(const TempFolder& dir, const std::string& keep) {
    int n = 0;
    for (const auto& entry : fs::directory_iterator(dir.path))
        if (entry.path().filename() != keep) ++n;
    return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(replaced_on_commit_only) {
    TempFolder dir;
    put(dir / "t.csv", "old");
    std::string error;
    {
        AtomicFileWriter out;
        BOOST_TEST_REQUIRE(out.open(dir / "t.csv", error), error);
        BOOST_TEST(out.write("new", error));
        BOOST_TEST(content(dir / "t.csv") == "old");
    }  // not committed
    BOOST_TEST(content(dir / "t.csv") == "old");
    BOOST_TEST(others(dir, "t.csv") == 0);
    BOOST_TEST(write_file_atomically(dir / "t.csv", "new", error));
    BOOST_TEST(content(dir / "t.csv") == "new");
    BOOST_TEST(others(dir, "t.csv") == 0);
}

BOOST_AUTO_TEST_CASE(a_symbolic_link_stays_a_link) {
    TempFolder dir;
    put(dir / "real.csv", "old");
    fs::create_symlink("real.csv", dir / "link.csv");
    std::string error;
    BOOST_TEST_REQUIRE(write_file_atomically(dir / "link.csv", "new", error), error);
    BOOST_TEST(fs::is_symlink(dir / "link.csv"));
    BOOST_TEST(content(dir / "real.csv") == "new");
}

BOOST_AUTO_TEST_CASE(a_folder_is_refused_before_anything_is_written) {
    TempFolder dir;
    fs::create_directory(dir / "out");
    AtomicFileWriter out;
    std::string error;
    BOOST_TEST(!out.open(dir / "out", error));
    BOOST_TEST(error == dir / "out" + ": cannot write: Is a directory");
    BOOST_TEST(fs::is_directory(dir / "out"));
    BOOST_TEST(others(dir, "out") == 0);
}

BOOST_AUTO_TEST_CASE(a_missing_folder_is_named_in_the_error) {
    TempFolder dir;
    std::string error;
    BOOST_TEST(!write_file_atomically(dir / "nowhere/t.csv", "x", error));
    BOOST_TEST(error == dir / "nowhere/t.csv" + ": cannot create a temporary file beside it: No such file or directory");
}

BOOST_AUTO_TEST_CASE(a_named_pipe_is_written_into_not_replaced) {
    TempFolder dir;
    const std::string pipe = dir / "pipe";
    BOOST_TEST_REQUIRE(mkfifo(pipe.c_str(), 0600) == 0);
    std::string received;
    std::thread reader([&] { received = content(pipe); });
    std::string error;
    BOOST_TEST(write_file_atomically(pipe, "rows\n", error), error);
    reader.join();
    BOOST_TEST(received == "rows\n");
    struct stat info {};
    BOOST_TEST_REQUIRE(stat(pipe.c_str(), &info) == 0);
    BOOST_TEST(S_ISFIFO(info.st_mode));
    BOOST_TEST(others(dir, "pipe") == 0);
}
