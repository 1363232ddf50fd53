// A main() for the fuzz targets when they are built without libFuzzer (the normal g++
// build): runs LLVMFuzzerTestOneInput once on every file named on the command line, and on
// every file inside a named folder (recursively, in name order), so that the kept crashers
// and the seed corpora are ordinary regression tests. Arguments starting with '-' are
// libFuzzer flags and are ignored, so a test can give the same arguments to either build.
//
// Exits 0 when every input ran; a crash or a broken invariant aborts with the input's name
// printed just before it. Finding no input at all is an error: a misspelt folder must not
// pass as a clean run.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputs_of(const fs::path& arg) {
    std::vector<fs::path> found;
    if (fs::is_directory(arg)) {
        for (const auto& entry : fs::recursive_directory_iterator(arg))
            if (entry.is_regular_file()) found.push_back(entry.path());
        std::sort(found.begin(), found.end());
    } else if (fs::is_regular_file(arg)) {
        found.push_back(arg);
    }
    return found;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t ran = 0;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg.starts_with("-")) continue;
        std::vector<fs::path> inputs = inputs_of(arg);
        if (inputs.empty()) {
            std::fprintf(stderr, "%s: no such file, or an empty folder\n", arg.c_str());
            return 1;
        }
        for (const fs::path& path : inputs) {
            std::ifstream in(path, std::ios::binary);
            std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            if (!in.eof() && in.fail()) {
                std::fprintf(stderr, "%s: cannot read\n", path.c_str());
                return 1;
            }
            std::fprintf(stderr, "running %s (%zu bytes)\n", path.c_str(), bytes.size());
            std::fflush(stderr);
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
            ++ran;
        }
    }
    if (ran == 0) {
        std::fprintf(stderr, "usage: %s FILE|FOLDER...\n", argv[0]);
        return 1;
    }
    std::fprintf(stderr, "%zu inputs ran without a crash\n", ran);
    return 0;
}
