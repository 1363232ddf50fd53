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
    namespace fs = std::filesystem;
    fs::path target(path);
    fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string temp_name = ".";
    temp_name.append(target.filename().string()).append(".tmp-XXXXXX");
    std::string temp = (folder / temp_name).string();
    int fd = mkstemp(temp.data());
    if (fd < 0) {
        error = path + ": cannot create a temporary file beside it: " + std::strerror(errno);
        return false;
    }
    auto fail = [&](const char* what) {
        error = path + ": " + what + ": " + std::strerror(errno);
        close(fd);
        std::remove(temp.c_str());
        return false;
    };
    std::size_t written = 0;
    while (written < content.size()) {
        ssize_t n = write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("cannot write");
        }
        written += static_cast<std::size_t>(n);
    }
    // The new file gets the permissions any file the user creates would get, not mkstemp's 0600.
    const mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0) return fail("cannot set permissions");
    if (fsync(fd) != 0) return fail("cannot flush to disk");
    if (close(fd) != 0) {
        error = path + ": cannot close: " + std::strerror(errno);
        std::remove(temp.c_str());
        return false;
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        error = path + ": cannot replace the file: " + std::strerror(errno);
        std::remove(temp.c_str());
        return false;
    }
    return true;
}

}  // namespace linimasa
