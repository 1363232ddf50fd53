// bench_dates: single-thread throughput of DateEngine::analyze() on the synthetic corpus.
//
//   bench_dates [--mb N] [--rules DIR]      (default 128 MiB, the source tree's rules/)
//
// Articles are generated in chunks of a few MiB, analyzed one by one and dropped, so memory
// stays flat whatever --mb is and the peak RSS reflects the engine rather than the corpus.
// Only the analyze() calls are timed: generating the text is not part of the engine's cost.
// Besides the wall-clock figure, the thread's CPU time is reported: on a machine shared with
// other jobs (builds, tests), wall-clock throughput drops with the load while CPU-time
// throughput stays close to what an idle machine measures.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdint>
#include <ctime>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "corpus_generator.h"
#include "dates/date_engine.h"

#ifndef LINIMASA_SOURCE_RULES
#define LINIMASA_SOURCE_RULES "rules"
#endif

namespace {

constexpr double kMiB = 1024.0 * 1024.0;
// Big enough that the per-chunk bookkeeping is negligible, small enough to stay out of
// the RSS figure.
constexpr std::uint64_t kChunkBytes = 4 << 20;

// The process's peak resident set size in MiB (VmHWM), or nullopt off Linux.
std::optional<double> peak_rss_mib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;  // the value is in kB
    }
    return std::nullopt;
}

// The calling thread's CPU time in seconds, or nullopt where there is no such clock.
std::optional<double> thread_cpu_seconds() {
#ifdef CLOCK_THREAD_CPUTIME_ID
    timespec t{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t) == 0) return static_cast<double>(t.tv_sec) + t.tv_nsec * 1e-9;
#endif
    return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
    double mb = 128;
    std::string rules = LINIMASA_SOURCE_RULES;
    CLI::App app{"bench_dates: single-thread throughput of the date engine on a synthetic news corpus"};
    app.add_option("--mb", mb, "MiB of article text to analyze")->check(CLI::PositiveNumber);
    app.add_option("--rules", rules, "the rules folder (holding lexicon/id.yaml)");
    CLI11_PARSE(app, argc, argv);

    linimasa::EngineLoad load = linimasa::DateEngine::load(rules);
    for (const auto& d : load.diagnostics) std::cerr << d.str() << '\n';
    if (!load.engine) return 2;
    const linimasa::DateEngine& engine = *load.engine;

    const auto total = static_cast<std::uint64_t>(mb * kMiB);
    std::uint64_t bytes = 0;
    std::uint64_t articles = 0;
    std::uint64_t mentions = 0;
    std::chrono::steady_clock::duration busy{};
    double cpu_busy = 0;
    bool have_cpu_clock = thread_cpu_seconds().has_value();

    std::vector<std::string> chunk;
    while (bytes < total) {
        // Generate (untimed) ...
        chunk.clear();
        std::uint64_t chunk_bytes = 0;
        while (chunk_bytes < kChunkBytes && bytes + chunk_bytes < total) {
            chunk.push_back(linimasa::bench::generate_article(articles + chunk.size()));
            chunk_bytes += chunk.back().size();
        }
        // ... then analyze (timed). No reference date: finding the dateline is part of the work.
        for (const std::string& text : chunk) {
            auto cpu_start = thread_cpu_seconds();
            auto start = std::chrono::steady_clock::now();
            linimasa::DocumentDates dates = engine.analyze(text, std::nullopt);
            busy += std::chrono::steady_clock::now() - start;
            if (auto cpu_end = thread_cpu_seconds(); cpu_start && cpu_end) cpu_busy += *cpu_end - *cpu_start;
            mentions += dates.mentions.size();
        }
        bytes += chunk_bytes;
        articles += chunk.size();
    }

    double seconds = std::chrono::duration<double>(busy).count();
    double mib = static_cast<double>(bytes) / kMiB;
    fmt::print("articles        {}\n", articles);
    fmt::print("text            {:.1f} MiB\n", mib);
    fmt::print("analyze time    {:.3f} s (one thread, generation excluded)\n", seconds);
    fmt::print("throughput      {:.1f} MiB/s\n", mib / seconds);
    if (have_cpu_clock && cpu_busy > 0)
        fmt::print("cpu throughput  {:.1f} MiB/s (per second of this thread's CPU time)\n", mib / cpu_busy);
    fmt::print("mentions        {}\n", mentions);
    fmt::print("mentions/MiB    {:.0f}\n", static_cast<double>(mentions) / mib);
    if (auto rss = peak_rss_mib()) fmt::print("peak RSS        {:.1f} MiB\n", *rss);
    return 0;
}
