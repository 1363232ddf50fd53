// Reading the inputs named on the command line: files, folders (recursively, *.txt) and
// "-" for standard input.
//
//   Diagnostics diagnostics;
//   for (const std::string& name : expand_inputs(args, diagnostics)) {
//       InputStream in(name);
//       if (!in.ok()) { report(in.error()); continue; }
//       std::string line;
//       bool too_long = false;
//       while (in.next_line(line, too_long, 1 << 20)) { ... }    // one line at a time
//   }
//
// An InputStream reads through one fixed buffer, so a 1 GB JSON Lines file costs the longest
// line, not the file. read_input (the whole input at once) remains for inputs that are one
// article anyway.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "util/diagnostic.h"

namespace linimasa {

// One input's name (as the user gave it, or the file's path inside a folder) and bytes.
struct InputFile {
    std::string name;
    std::string bytes;
};

// Expands folders into their *.txt files in sorted order; reports names that do not exist.
std::vector<std::string> expand_inputs(const std::vector<std::string>& args, Diagnostics& diagnostics);

// Reads a file ("-" is standard input); an unreadable one yields a diagnostic.
std::optional<InputFile> read_input(const std::string& name, Diagnostics& diagnostics);

// The sum of the sizes of the named regular files; std::nullopt when one of them is standard
// input or not a regular file (a pipe has no size to estimate the remaining time from).
std::optional<std::uint64_t> total_input_size(const std::vector<std::string>& names);

// A file ("-": standard input) read piece by piece through a fixed buffer.
class InputStream {
public:
    // Opens the file; ok() says whether that worked.
    explicit InputStream(const std::string& name);
    ~InputStream();
    InputStream(const InputStream&) = delete;
    InputStream& operator=(const InputStream&) = delete;

    // False when the file could not be opened or a read failed; error() then says why.
    bool ok() const { return error_.empty(); }
    // The problem as a diagnostic naming the file (empty message when ok()).
    Diagnostic error() const;

    // The next line, without its '\n' and a '\r' before it; false at the end of the input
    // (a last line without '\n' is still a line). A line longer than `max_bytes` is read
    // past but not kept: `line` is then empty and `too_long` true.
    bool next_line(std::string& line, bool& too_long, std::size_t max_bytes);
    // The rest of the input into `out`; past `max_bytes` the rest is read but not kept and
    // `too_big` is set (so a huge input costs a bounded amount of memory).
    void read_rest(std::string& out, bool& too_big, std::size_t max_bytes);
    // The first byte that is not a space, tab, CR, LF or UTF-8 byte-order mark, without
    // consuming anything; -1 at the end of the input.
    int peek_content();
    // True when the next line can be read without waiting: it is buffered already, the input
    // is a regular file, or a pipe or terminal has bytes (or its end) ready now. A live feed
    // on standard input is not held back behind documents that are still to come.
    bool line_ready() const;

    // Bytes read from the file so far.
    std::uint64_t bytes_read() const { return bytes_read_; }

private:
    bool fill();  // more bytes into the buffer; false at the end or on an error

    std::string name_;
    int fd_ = -1;
    bool own_fd_ = false;
    bool regular_file_ = false;
    bool eof_ = false;
    std::string error_;
    std::vector<char> buffer_;
    std::size_t begin_ = 0, end_ = 0;  // unread bytes are buffer_[begin_, end_)
    std::uint64_t bytes_read_ = 0;
};

}  // namespace linimasa
