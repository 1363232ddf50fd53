#include "util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace linimasa {

bool write_file_atomically(const std::string& path, std::string_view content, std::string& error) {
    AtomicFileWriter out;
    return out.open(path, error) && out.write(content, error) && out.commit(error);
}

AtomicFileWriter::~AtomicFileWriter() { abandon(); }

void AtomicFileWriter::abandon() {
    if (fd_ >= 0) close(fd_);
    if (!temp_.empty()) std::remove(temp_.c_str());
    fd_ = -1;
    temp_.clear();
    direct_ = false;
}

bool AtomicFileWriter::fail(const char* what, std::string& error) {
    error = path_;
    error.append(": ").append(what).append(": ").append(std::strerror(errno));
    abandon();
    return false;
}

bool AtomicFileWriter::open(const std::string& path, std::string& error) {
    namespace fs = std::filesystem;
    abandon();
    path_ = path;
    target_ = path;
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0) {
        if (S_ISDIR(info.st_mode)) {
            errno = EISDIR;
            return fail("cannot write", error);
        }
        if (!S_ISREG(info.st_mode)) {  // a device or a pipe: there is nothing to replace
            fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
            if (fd_ < 0) return fail("cannot open", error);
            direct_ = true;
            return true;
        }
        std::error_code ec;
        if (fs::is_symlink(path, ec)) target_ = fs::canonical(path, ec).string();
        if (ec) {
            errno = ec.value();
            return fail("cannot follow the symbolic link", error);
        }
    }
    fs::path target(target_);
    fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string temp_name = ".";
    temp_name.append(target.filename().string()).append(".tmp-XXXXXX");
    std::string temp = (folder / temp_name).string();
    fd_ = mkstemp(temp.data());
    if (fd_ < 0) return fail("cannot create a temporary file beside it", error);
    temp_ = temp;
    return true;
}

bool AtomicFileWriter::write(std::string_view content, std::string& error) {
    if (fd_ < 0) return false;
    std::size_t written = 0;
    while (written < content.size()) {
        ssize_t n = ::write(fd_, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("cannot write", error);
        }
        written += static_cast<std::size_t>(n);
    }
    return true;
}

bool AtomicFileWriter::commit(std::string& error) {
    if (fd_ < 0) return false;
    if (direct_) {
        int fd = fd_;
        fd_ = -1;
        direct_ = false;
        if (close(fd) != 0) return fail("cannot close", error);
        return true;
    }
    // The new file gets the permissions any file the user creates would get, not mkstemp's 0600.
    const mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd_, 0666 & ~mask) != 0) return fail("cannot set permissions", error);
    if (fsync(fd_) != 0) return fail("cannot flush to disk", error);
    int fd = fd_;
    fd_ = -1;
    if (close(fd) != 0) return fail("cannot close", error);
    if (std::rename(temp_.c_str(), target_.c_str()) != 0) return fail("cannot replace the file", error);
    temp_.clear();
    return true;
}

}  // namespace linimasa
