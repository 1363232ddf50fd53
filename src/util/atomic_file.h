// Writing an output file so that a failed run never leaves it half written: the content goes
// to a temporary file in the same folder, which then replaces the target in one rename.
//
//   std::string error;
//   if (!write_file_atomically("timeline.csv", csv, error)) std::cerr << error << '\n';
//
//   AtomicFileWriter out;                        // the same, written piece by piece
//   if (!out.open("events.jsonl", error)) ...
//   out.write(line, error); ...
//   out.commit(error);                           // or let it go out of scope: nothing changes
//
// A target that is a symbolic link keeps its link: the file it points to is replaced. A target
// that is not a regular file (/dev/null, a named pipe, /dev/stdout on a pipe) cannot be replaced
// and is written directly; a folder is refused.
#pragma once

#include <string>
#include <string_view>

namespace linimasa {

// Writes `content` to `path` atomically; on failure the old file (if any) is untouched, the
// temporary file is removed, and `error` says what went wrong.
bool write_file_atomically(const std::string& path, std::string_view content, std::string& error);

// A file written in pieces that replaces `path` only on commit(); destroyed uncommitted, it
// removes its temporary file and leaves `path` as it was.
class AtomicFileWriter {
public:
    AtomicFileWriter() = default;
    ~AtomicFileWriter();
    AtomicFileWriter(const AtomicFileWriter&) = delete;
    AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

    // Creates the temporary file beside `path` (or opens `path` itself when it is a device or
    // a pipe); false with `error` when neither can be done.
    bool open(const std::string& path, std::string& error);
    // Appends `content`.
    bool write(std::string_view content, std::string& error);
    // Flushes to disk and renames over `path`.
    bool commit(std::string& error);

private:
    bool fail(const char* what, std::string& error);
    void abandon();

    std::string path_, temp_;
    std::string target_;  // what the rename replaces: `path_`, or the file its symbolic link names
    int fd_ = -1;
    bool direct_ = false;  // writing into `path_` itself (not a regular file)
};

}  // namespace linimasa
