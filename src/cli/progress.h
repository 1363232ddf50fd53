// The progress line of a long run on standard error:
//
//   Progress progress(!quiet && isatty(STDERR_FILENO), total_input_size(names));
//   progress.advance(1, document_bytes);    // after each document, in any amount
//   progress.clear();                        // before printing a warning (redrawn later)
//   progress.finish();                       // erase it for good
//
//   "12,345 documents  431.2 MiB  61.3 MiB/s  ETA 0:02:31"
//
// It appears only once a run has lasted a second (a short run stays silent), is redrawn at
// most five times a second over itself with \r, and shows the time left only when the total
// size is known (the sum of file sizes; standard input has none). Not thread-safe: call it
// from one thread at a time.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

namespace linimasa {

class Progress {
public:
    Progress(bool enabled, std::optional<std::uint64_t> total_bytes);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    // Counts more documents and bytes, and redraws the line if it is time to.
    void advance(std::uint64_t documents, std::uint64_t bytes);
    // Erases the line if it is shown (so that other output starts at column 1).
    void clear();
    // Erases the line and draws no more.
    void finish();

private:
    void draw(std::chrono::steady_clock::time_point now);

    bool enabled_;
    bool shown_ = false;
    std::optional<std::uint64_t> total_;
    std::uint64_t documents_ = 0, bytes_ = 0;
    std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace linimasa
