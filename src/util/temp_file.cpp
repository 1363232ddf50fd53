#include "util/temp_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace linimasa {

namespace {

// Appends go out in pieces of about this size: few system calls, little memory.
constexpr std::size_t kWriteBuffer = 256 << 10;

std::string temp_folder() {
    const char* dir = std::getenv("TMPDIR");
    return dir && *dir ? dir : "/tmp";
}

}  // namespace

std::optional<TempFile> TempFile::create(std::string& error) {
    std::string folder = temp_folder();
    int fd = -1;
#ifdef O_TMPFILE
    fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_EXCL | O_CLOEXEC, 0600);
#endif
    if (fd < 0) {  // a file system without O_TMPFILE: a unique name, removed at once
        std::string name = folder + "/linimasa-XXXXXX";
        fd = mkostemp(name.data(), O_CLOEXEC);
        if (fd >= 0) ::unlink(name.c_str());
    }
    if (fd < 0) {
        error = "cannot create a temporary file in ";
        error.append(folder).append(": ").append(std::strerror(errno)).append(" (set TMPDIR to a writable folder)");
        return std::nullopt;
    }
    return TempFile(fd, std::move(folder));
}

TempFile::TempFile(int fd, std::string folder) : fd_(fd), folder_(std::move(folder)) {}

TempFile::TempFile(TempFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      folder_(std::move(other.folder_)),
      buffer_(std::move(other.buffer_)),
      size_(other.size_),
      error_(std::move(other.error_)) {}

TempFile& TempFile::operator=(TempFile&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = std::exchange(other.fd_, -1);
        folder_ = std::move(other.folder_);
        buffer_ = std::move(other.buffer_);
        size_ = other.size_;
        error_ = std::move(other.error_);
    }
    return *this;
}

TempFile::~TempFile() {
    if (fd_ >= 0) ::close(fd_);
}

bool TempFile::fail(const char* what, int error_number) {
    if (error_.empty()) {
        error_ = what;
        error_.append(" a temporary file in ").append(folder_).append(": ").append(std::strerror(error_number));
        if (error_number == ENOSPC || error_number == EDQUOT || error_number == EFBIG)
            error_.append(" (set TMPDIR to a folder with more space)");
    }
    buffer_.clear();
    return false;
}

bool TempFile::append(std::string_view bytes) {
    if (!ok()) return false;
    size_ += bytes.size();
    if (buffer_.size() + bytes.size() > kWriteBuffer && !flush()) return false;
    if (bytes.size() >= kWriteBuffer) {  // large pieces go straight out
        buffer_.append(bytes);
        return flush();
    }
    if (buffer_.capacity() < kWriteBuffer) buffer_.reserve(kWriteBuffer);
    buffer_.append(bytes);
    return true;
}

bool TempFile::flush() {
    if (!ok()) return false;
    std::size_t done = 0;
    while (done < buffer_.size()) {
        ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return fail("cannot write", n < 0 ? errno : ENOSPC);
        done += static_cast<std::size_t>(n);
    }
    buffer_.clear();
    return true;
}

bool TempFile::read(std::uint64_t at, std::size_t size, char* out) {
    if (!buffer_.empty() && !flush()) return false;
    if (!ok()) return false;
    std::size_t done = 0;
    while (done < size) {
        ssize_t n = ::pread(fd_, out + done, size - done, static_cast<off_t>(at + done));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return fail("cannot read", errno);
        if (n == 0) return fail("cannot read", EIO);  // shorter than what was written: the file was cut
        done += static_cast<std::size_t>(n);
    }
    return true;
}

TempFileReader::TempFileReader(TempFile& file, std::uint64_t begin, std::uint64_t end, std::size_t buffer_bytes)
    : file_(&file), next_(begin), end_(end), buffer_bytes_(buffer_bytes) {}

bool TempFileReader::fill() {
    if (next_ == end_) return false;  // the range ends before the record does
    const std::size_t keep = buffer_.size() - begin_;
    buffer_.erase(0, begin_);
    begin_ = 0;
    const std::size_t more = static_cast<std::size_t>(std::min<std::uint64_t>(buffer_bytes_, end_ - next_));
    buffer_.resize(keep + more);
    if (!file_->read(next_, more, buffer_.data() + keep)) {
        buffer_.resize(keep);
        return false;
    }
    next_ += more;
    return true;
}

bool TempFileReader::read(void* out, std::size_t size) {
    char* to = static_cast<char*>(out);
    while (size > 0) {
        if (begin_ == buffer_.size() && !fill()) return false;
        const std::size_t take = std::min(size, buffer_.size() - begin_);
        std::memcpy(to, buffer_.data() + begin_, take);
        begin_ += take;
        to += take;
        size -= take;
    }
    return true;
}

bool TempFileReader::read_append(std::string& out, std::size_t size) {
    while (size > 0) {
        if (begin_ == buffer_.size() && !fill()) return false;
        const std::size_t take = std::min(size, buffer_.size() - begin_);
        out.append(buffer_, begin_, take);
        begin_ += take;
        size -= take;
    }
    return true;
}

std::string TempFileReader::error() const {
    return file_->ok() ? "a temporary file ended before its last record" : file_->error();
}

}  // namespace linimasa
