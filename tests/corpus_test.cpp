// The date corpus as a test suite: every case in tests/corpus/dates/*.txt is run through
// the engine with the file's fixed anchor date, and every failure is reported with the
// corpus file and line, Duckling style.
//
// Format (see docs/dates.md): `@anchor YYYY-MM-DD`, `= TYPE VALUE [MOD]`
// (or `= NONE` for the negative corpus), then case lines. A case without brackets must be
// one expression covering the whole line; with `[...]` the bracketed text must be found
// with exactly that extent, and (outside context.txt) nothing else in the line.
#define BOOST_TEST_MODULE date_corpus
#include <boost/test/data/test_case.hpp>
#include <boost/test/included/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dates/date_engine.h"

namespace fs = std::filesystem;
namespace bdata = boost::unit_test::data;
using namespace linimasa;

namespace {

std::vector<std::string> corpus_files() {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(LINIMASA_CORPUS_DIR))
        if (e.path().extension() == ".txt") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

const DateEngine& engine() {
    static EngineLoad load = DateEngine::load(LINIMASA_SOURCE_RULES);
    if (!load.engine) {
        for (const auto& d : load.diagnostics) BOOST_TEST_MESSAGE(d.str());
        throw std::runtime_error("cannot load the shipped lexicon");
    }
    return *load.engine;
}

std::string trim(const std::string& s) {
    std::size_t b = s.find_first_not_of(" \t\r");
    std::size_t e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string describe(const std::vector<TimeMention>& mentions) {
    std::string out;
    for (const auto& m : mentions)
        out += " [" + m.text + "] " + m.type + " " + m.value + (m.mod.empty() ? "" : " " + m.mod) + ";";
    return out.empty() ? " nothing" : out;
}

struct Expectation {
    std::string type, value, mod;
    bool none = false;
};

}  // namespace

BOOST_DATA_TEST_CASE(corpus, bdata::make(corpus_files()), path) {
    std::ifstream in(path);
    BOOST_REQUIRE_MESSAGE(in, "cannot read " << path);
    const bool context_file = fs::path(path).filename() == "context.txt";
    const std::string name = fs::path(path).filename().string();
    std::optional<date::sys_days> anchor;
    std::optional<Expectation> expect;
    std::string line;
    int line_no = 0, cases = 0;
    while (std::getline(in, line)) {
        ++line_no;
        line = trim(line);
        if (line.empty() || line[0] == '#') continue;
        const std::string where = name + ":" + std::to_string(line_no) + ": ";
        if (line.rfind("@anchor ", 0) == 0) {
            int y = 0;
            unsigned m = 0, d = 0;
            BOOST_REQUIRE_MESSAGE(std::sscanf(line.c_str() + 8, "%d-%u-%u", &y, &m, &d) == 3, where << "bad anchor");
            anchor = date::sys_days{date::year{y} / date::month{m} / date::day{d}};
            continue;
        }
        if (line[0] == '=') {
            std::istringstream fields(line.substr(1));
            Expectation e;
            fields >> e.type >> e.value >> e.mod;
            if (e.mod == "-") e.mod.clear();
            e.none = e.type == "NONE";
            expect = e;
            continue;
        }
        BOOST_REQUIRE_MESSAGE(expect && anchor, where << "case before any '= ...' and '@anchor' line");
        ++cases;

        std::size_t open = line.find('['), close = line.find(']');
        std::string text = line;
        std::size_t want_begin = 0, want_end = line.size();
        bool bracketed = open != std::string::npos && close != std::string::npos && close > open;
        if (bracketed) {
            text = line.substr(0, open) + line.substr(open + 1, close - open - 1) + line.substr(close + 1);
            want_begin = open;
            want_end = close - 1;
        }
        DocumentDates found = engine().analyze(text, anchor);
        const auto& ms = found.mentions;
        if (expect->none) {
            BOOST_CHECK_MESSAGE(ms.empty(), where << "expected no time in \"" << text << "\", found" << describe(ms));
            continue;
        }
        auto hit = std::find_if(ms.begin(), ms.end(), [&](const TimeMention& m) {
            return m.begin == want_begin && m.end == want_end;
        });
        if (hit == ms.end()) {
            BOOST_ERROR(where << "expected [" << text.substr(want_begin, want_end - want_begin) << "] " << expect->type
                              << " " << expect->value << ", found" << describe(ms));
            continue;
        }
        bool right = hit->type == expect->type && hit->value == expect->value && hit->mod == expect->mod;
        BOOST_CHECK_MESSAGE(right, where << "[" << hit->text << "] expected " << expect->type << " " << expect->value
                                         << " " << expect->mod << ", got " << hit->type << " " << hit->value << " "
                                         << hit->mod);
        if (!context_file)
            BOOST_CHECK_MESSAGE(ms.size() == 1, where << "expected only [" << hit->text << "], found" << describe(ms));
    }
    BOOST_TEST(cases > 0, name << " has no cases");
}
