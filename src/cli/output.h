// Where a command's result goes: standard output, or a file written atomically.
//
//   Output out;                                // standard output
//   if (!out.write(text)) return;              // the reader went away (linimasa ... | head -1)
//
//   OutputTarget target;                       // either, buffered, for output written piece by piece
//   if (!target.open(options.output, error)) ...
//   target.write(line); ...
//   target.finish(/*commit=*/true, error);     // a file replaces the old one only now
//
//   write_timeline(store, timeline_sinks(target, explain), error);   // a timeline into it
//
// Standard output notices a reader going away (linimasa ... | head -1) and lets the command
// stop quietly instead of dying of SIGPIPE: no message, and the exit status the inputs earned.
// Any other failure to write (a full disk, a closed descriptor) is an error the command reports.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "output/timeline_writer.h"
#include "util/atomic_file.h"

namespace linimasa {

class Output {
public:
    Output();
    // Writes all of `text`; false once standard output is closed or broken.
    bool write(std::string_view text);
    // Why writing failed; empty when it did not, or when the reader went away (EPIPE).
    const std::string& error() const { return error_; }

private:
    bool broken_ = false;
    std::string error_;
};

class OutputTarget {
public:
    // An empty path is standard output; else a temporary file beside `path`.
    bool open(const std::string& path, std::string& error);
    // Appends `text` (buffered); false once standard output is gone or the file failed.
    bool write(std::string_view text);
    // Writes what is buffered now (a reader of a live feed sees the records so far); false
    // once standard output is gone or the file failed.
    bool flush();
    // Writes what is buffered; for a file, replaces `path` when `commit`, else leaves it as it
    // was. False when something could not be written: then `error` says what, except when
    // the reader of standard output went away (not an error; `error` is left empty).
    bool finish(bool commit, std::string& error);

private:
    std::unique_ptr<Output> stdout_;
    std::unique_ptr<AtomicFileWriter> file_;
    std::string buffer_;
    std::string error_;
    bool failed_ = false;
};

// Where `extract` and `merge` write a timeline: the CSV to `out`, the explanation (--explain)
// to standard error.
TimelineSinks timeline_sinks(OutputTarget& out, bool explain);

// After a failure that makes the output incomplete (`error`, e.g. a temporary file on a full
// disk): says so on standard error, leaves the file `path` (if any) as it was, and returns the
// exit status, 2.
int abandon_output(OutputTarget& out, const std::string& path, const std::string& error);

}  // namespace linimasa
