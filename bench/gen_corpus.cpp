// gen_corpus: writes the synthetic benchmark corpus to disk, for timing the CLI on real
// files and for anyone who needs a large, reproducible input.
//
//   gen_corpus --mb N --out DIR [--jsonl FILE]   one article-NNNNNNNN.txt per article in DIR,
//                                                and/or the same articles as JSON Lines
#include <CLI/CLI.hpp>

#include <cstdint>
#include <exception>
#include <iostream>
#include <string>

#include <fmt/core.h>

#include "corpus_generator.h"

int main(int argc, char** argv) {
    double mb = 0;
    std::string out_dir;
    std::string jsonl;
    CLI::App app{"gen_corpus: write the synthetic Indonesian news corpus used by bench_dates"};
    app.add_option("--mb", mb, "MiB of article text to write")->required()->check(CLI::PositiveNumber);
    auto* out_opt = app.add_option("--out", out_dir, "folder for one .txt file per article");
    auto* jsonl_opt = app.add_option("--jsonl", jsonl, "JSON Lines file, one {\"id\", \"text\"} object per article");
    CLI11_PARSE(app, argc, argv);
    if (!*out_opt && !*jsonl_opt) {
        std::cerr << "gen_corpus: error: give --out DIR, --jsonl FILE or both\n";
        return 2;
    }

    const auto bytes = static_cast<std::uint64_t>(mb * 1024 * 1024);
    try {
        if (*out_opt) {
            auto stats = linimasa::bench::write_corpus_files(out_dir, bytes);
            fmt::print("{}: {} articles, {:.1f} MiB\n", out_dir, stats.articles, stats.bytes / (1024.0 * 1024.0));
        }
        if (*jsonl_opt) {
            auto stats = linimasa::bench::write_corpus_jsonl(jsonl, bytes);
            fmt::print("{}: {} articles, {:.1f} MiB of text\n", jsonl, stats.articles, stats.bytes / (1024.0 * 1024.0));
        }
    } catch (const std::exception& e) {
        std::cerr << "gen_corpus: error: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
