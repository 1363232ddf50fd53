// A synthetic archive of Indonesian news articles WITH EVENTS, for benchmarking `extract`
// (and `dates`) end to end through the real command line:
//
//   std::string text = generate_news_article(42);        // the same text on every run and platform
//   write_news_files("corpus/news", 256 << 20);           // news-00000000.txt, ...
//   write_news_jsonl("corpus/news.jsonl", 256 << 20);     // {"id": "news-00000000", "text": "..."}
//
// Each article looks like a scraped page: site header, headline, a header date line or an
// outlet dateline (`TEMPO.CO, Jakarta - `), a lead and body paragraphs in which about one
// sentence in five reports an event the shipped rules know — meetings, visits, treaties
// signed, letters exchanged, missile launches, sanctions, phone calls, invitations, denials —
// between real leaders and countries, dated absolutely (`Selasa, 15 Agustus 2023`),
// numerically (`(15/8/2023)`) or relatively (`kemarin`, `pekan depan`, `awal Juni 2024`);
// then photo captions, noise (money, percentages, counts) and site furniture (`Baca Juga:`,
// `Iklan`, `Scroll Untuk Melanjutkan`, related headlines with `6 jam lalu`).
//
// The templates and vocabulary are this project's own; the text is not meant to be true.
// Article `i` depends only on `i` (a fixed-seed std::mt19937_64 and our own range mapping).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "corpus_output.h"

namespace linimasa::bench {

// The text of news article `index` (UTF-8, 2-6 KB).
std::string generate_news_article(std::uint64_t index);

// Its id in files and JSON Lines ("news-00000042").
std::string news_id(std::uint64_t index);

using NewsStats = CorpusStats;

// Articles 0, 1, 2, ... to `sink` until at least `bytes` bytes of text were produced.
NewsStats generate_news(std::uint64_t bytes, const std::function<void(std::uint64_t, std::string)>& sink);

// At least `bytes` bytes of articles as files in `dir`, 1,000 to a subfolder (created if
// missing). Throws std::runtime_error when a file cannot be written.
NewsStats write_news_files(const std::filesystem::path& dir, std::uint64_t bytes);

// The same articles as one JSON Lines file with "id", "text" and "published" (YYYY-MM-DD).
NewsStats write_news_jsonl(const std::filesystem::path& file, std::uint64_t bytes);

}  // namespace linimasa::bench
