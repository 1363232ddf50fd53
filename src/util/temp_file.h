// Scratch space on disk for data that does not need to stay in memory: an anonymous temporary
// file that no other process can open and that the system removes when it is closed, even if
// the run is killed (O_TMPFILE; where that is not supported, a name unlinked at once).
//
//   std::string error;
//   std::optional<TempFile> file = TempFile::create(error);   // in $TMPDIR, else /tmp
//   const std::uint64_t at = file->size();
//   file->append(bytes);                      // buffered; false once writing failed
//   if (!file->ok()) report(file->error());   // "cannot write a temporary file in /tmp: No space left on device"
//   file->read(at, bytes.size(), out);        // back from any offset
//
//   TempFileReader in(*file, begin, end);     // a range, read in order through a small buffer
//   while (!in.at_end()) in.read(&value, sizeof value);
//
// Errors are sticky: after the first failed write or read every call fails, and error() says
// what happened, so that a caller may check once at the end of a long series of writes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace linimasa {

class TempFile {
public:
    // A new, empty file in $TMPDIR (or /tmp); std::nullopt with `error` when none can be made.
    static std::optional<TempFile> create(std::string& error);

    TempFile(TempFile&& other) noexcept;
    TempFile& operator=(TempFile&& other) noexcept;
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile();

    // Appends `bytes` at the end (through a buffer); false once anything failed.
    bool append(std::string_view bytes);
    // Writes out what is buffered. Reading does this by itself; call it before reading from
    // several threads at once (reads are then safe to run concurrently).
    bool flush();
    // Copies `size` bytes from offset `at` into `out`; false when they cannot all be read.
    bool read(std::uint64_t at, std::size_t size, char* out);

    // Bytes written so far, buffered ones included: the offset of the next append.
    std::uint64_t size() const { return size_; }
    bool ok() const { return error_.empty(); }
    // What failed, naming the folder ("cannot write a temporary file in /tmp: ...").
    const std::string& error() const { return error_; }

private:
    TempFile(int fd, std::string folder);
    bool fail(const char* what, int error_number);

    int fd_ = -1;
    std::string folder_;
    std::string buffer_;  // appended bytes not yet written
    std::uint64_t size_ = 0;
    std::string error_;
};

// A range [begin, end) of a TempFile read from the start in order, through a buffer of its
// own: many readers over one file (one per sorted run) each cost their buffer, nothing more.
class TempFileReader {
public:
    TempFileReader(TempFile& file, std::uint64_t begin, std::uint64_t end, std::size_t buffer_bytes = 64 << 10);

    // The next `size` bytes of the range; false when they are not there (see error()).
    bool read(void* out, std::size_t size);
    // Like read(), appending to `out`.
    bool read_append(std::string& out, std::size_t size);
    bool at_end() const { return next_ == end_ && begin_ == buffer_.size(); }
    // Why the last read failed: the file's error, or the range ending inside a record.
    std::string error() const;

private:
    bool fill();

    TempFile* file_;
    std::uint64_t next_, end_;  // what is still on disk
    std::string buffer_;
    std::size_t begin_ = 0;     // unread bytes are buffer_[begin_, buffer_.size())
    std::size_t buffer_bytes_;
};

}  // namespace linimasa
