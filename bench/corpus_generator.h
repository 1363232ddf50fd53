// A synthetic corpus of Indonesian news-like articles for benchmarks.
//
//   std::string text = generate_article(42);              // the same text on every run and platform
//   generate_corpus(128 << 20, [](std::uint64_t i, std::string text) { ... });
//   write_corpus_files("corpus/", 64 << 20);               // article-00000000.txt, ...
//   write_corpus_jsonl("corpus.jsonl", 64 << 20);          // {"id": "article-00000000", "text": "..."}
//
// The articles are built from this project's own templates and vocabulary: datelines,
// outlet leads, sentences with varied date expressions, money/percent/count noise, site
// furniture (Iklan, Baca Juga, ...) and CRLF line ends in some of them. They are meant to
// load the date engine like real news (3-6 KB each, roughly one temporal expression per
// 150-300 bytes), not to be correct Indonesian or true.
//
// Article `i` depends only on `i`: a fixed-seed std::mt19937_64 (whose output the standard
// specifies exactly) and our own mapping to ranges, never std::uniform_int_distribution,
// whose results differ between standard libraries.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "corpus_output.h"

namespace linimasa::bench {

// The text of article `index` (UTF-8).
std::string generate_article(std::uint64_t index);

// The name used for article `index` in files and JSON Lines ("article-00000042").
std::string article_id(std::uint64_t index);


// Generates articles 0, 1, 2, ... and hands each to `sink` until at least `bytes` bytes
// of text have been produced.
CorpusStats generate_corpus(std::uint64_t bytes, const std::function<void(std::uint64_t, std::string)>& sink);

// Writes at least `bytes` bytes of articles into `dir` (created if missing), one
// article-NNNNNNNN.txt per article. Throws std::runtime_error when a file cannot be written.
CorpusStats write_corpus_files(const std::filesystem::path& dir, std::uint64_t bytes);

// Writes at least `bytes` bytes of articles to `file` as JSON Lines, one
// {"id": ..., "text": ...} object per line. Throws std::runtime_error on a write error.
CorpusStats write_corpus_jsonl(const std::filesystem::path& file, std::uint64_t bytes);

}  // namespace linimasa::bench
