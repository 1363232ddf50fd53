#include "cli/input_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>

namespace linimasa {

namespace fs = std::filesystem;

std::vector<std::string> expand_inputs(const std::vector<std::string>& args, Diagnostics& diagnostics) {
    std::vector<std::string> out;
    for (const auto& arg : args) {
        std::error_code ec;
        if (arg == "-") {
            out.push_back(arg);
        } else if (fs::is_directory(arg, ec)) {
            std::vector<std::string> files;
            std::set<fs::path> seen_dirs;  // a symlink loop is walked once
            auto options = fs::directory_options::follow_directory_symlink | fs::directory_options::skip_permission_denied;
            fs::recursive_directory_iterator it(arg, options, ec), end;
            for (; !ec && it != end; it.increment(ec)) {
                if (it->is_directory(ec)) {
                    fs::path canonical = fs::weakly_canonical(it->path(), ec);
                    if (!seen_dirs.insert(canonical).second) it.disable_recursion_pending();
                    continue;
                }
                if (it->is_regular_file(ec) && it->path().extension() == ".txt") files.push_back(it->path().string());
            }
            if (ec) diagnostics.push_back({arg, 0, 0, "cannot read folder: " + ec.message(), Severity::error});
            std::sort(files.begin(), files.end());
            out.insert(out.end(), files.begin(), files.end());
        } else if (fs::exists(arg, ec)) {
            out.push_back(arg);
        } else {
            diagnostics.push_back({arg, 0, 0, "no such file or folder", Severity::error});
        }
    }
    return out;
}

std::optional<InputFile> read_input(const std::string& name, Diagnostics& diagnostics) {
    InputFile f{name, {}};
    if (name == "-") {
        f.bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        return f;
    }
    std::ifstream in(name, std::ios::binary);
    if (!in) {
        diagnostics.push_back({name, 0, 0, std::string("cannot open: ") + std::strerror(errno), Severity::error});
        return std::nullopt;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) {
        diagnostics.push_back({name, 0, 0, "read error", Severity::error});
        return std::nullopt;
    }
    f.bytes = std::move(buf).str();
    return f;
}

std::optional<std::uint64_t> total_input_size(const std::vector<std::string>& names) {
    std::uint64_t total = 0;
    for (const auto& name : names) {
        std::error_code ec;
        if (name == "-" || !fs::is_regular_file(name, ec)) return std::nullopt;
        auto size = fs::file_size(name, ec);
        if (ec) return std::nullopt;
        total += size;
    }
    return total;
}

namespace {

// Big enough that reading costs a system call per MiB, small enough to not matter in the RSS.
constexpr std::size_t kBufferBytes = 1 << 20;
// A small file gets a buffer of its own size (plus one byte to see the end at once): a folder
// of 4 KB articles must not allocate and clear a MiB per file.
constexpr std::size_t kMinBufferBytes = 4096;

}  // namespace

InputStream::InputStream(const std::string& name) : name_(name) {
    if (name == "-") {
        fd_ = STDIN_FILENO;
    } else {
        fd_ = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd_ < 0) {
            error_ = std::string("cannot open: ") + std::strerror(errno);
            return;
        }
        own_fd_ = true;
    }
    std::size_t size = kBufferBytes;
    struct stat info {};
    if (fstat(fd_, &info) == 0 && S_ISREG(info.st_mode))
        size = std::clamp(static_cast<std::size_t>(info.st_size) + 1, kMinBufferBytes, kBufferBytes);
    buffer_.resize(size);
}

InputStream::~InputStream() {
    if (own_fd_) ::close(fd_);
}

Diagnostic InputStream::error() const { return {name_, 0, 0, error_, Severity::error}; }

bool InputStream::fill() {
    if (eof_ || !ok()) return false;
    if (begin_ == end_) begin_ = end_ = 0;
    if (end_ == buffer_.size()) {  // only peek_content leaves unread bytes behind: make room
        std::copy(buffer_.begin() + static_cast<std::ptrdiff_t>(begin_), buffer_.begin() + static_cast<std::ptrdiff_t>(end_),
                  buffer_.begin());
        end_ -= begin_;
        begin_ = 0;
        if (end_ == buffer_.size()) return false;
    }
    for (;;) {
        ssize_t n = ::read(fd_, buffer_.data() + end_, buffer_.size() - end_);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            error_ = std::string("read error: ") + std::strerror(errno);
            return false;
        }
        if (n == 0) {
            eof_ = true;
            return false;
        }
        end_ += static_cast<std::size_t>(n);
        bytes_read_ += static_cast<std::uint64_t>(n);
        return true;
    }
}

bool InputStream::next_line(std::string& line, bool& too_long, std::size_t max_bytes) {
    line.clear();
    too_long = false;
    bool any = false;
    for (;;) {
        if (begin_ == end_ && !fill()) break;
        any = true;
        const char* start = buffer_.data() + begin_;
        const void* found = std::memchr(start, '\n', end_ - begin_);
        std::size_t piece = found ? static_cast<std::size_t>(static_cast<const char*>(found) - start) : end_ - begin_;
        if (!too_long && line.size() + piece > max_bytes) {
            too_long = true;
            line.clear();
            line.shrink_to_fit();
        }
        if (!too_long) line.append(start, piece);
        begin_ += piece;
        if (found) {
            ++begin_;
            break;
        }
    }
    if (!any) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
}

void InputStream::read_rest(std::string& out, bool& too_big, std::size_t max_bytes) {
    too_big = false;
    for (;;) {
        if (begin_ == end_ && !fill()) return;
        std::size_t piece = end_ - begin_;
        if (!too_big && out.size() + piece > max_bytes) {
            too_big = true;
            out.clear();
            out.shrink_to_fit();
        }
        if (!too_big) out.append(buffer_.data() + begin_, piece);
        begin_ = end_;
    }
}

int InputStream::peek_content() {
    if (begin_ == end_) fill();
    std::string_view bytes(buffer_.data() + begin_, end_ - begin_);
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    std::size_t at = bytes.find_first_not_of(" \t\r\n");
    return at == std::string_view::npos ? -1 : static_cast<unsigned char>(bytes[at]);
}

}  // namespace linimasa
