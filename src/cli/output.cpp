#include "cli/output.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace linimasa {

namespace {

// Writes go out in pieces of about this size: few system calls, little memory.
constexpr std::size_t kFlushBytes = 1 << 20;

}  // namespace

Output::Output() { std::signal(SIGPIPE, SIG_IGN); }

bool Output::write(std::string_view text) {
    if (broken_) return false;
    errno = 0;
    if ((!text.empty() && std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) ||
        std::fflush(stdout) != 0) {
        broken_ = true;
        if (errno != EPIPE)
            error_ = std::string("cannot write to standard output") + (errno ? ": " : "") + (errno ? std::strerror(errno) : "");
    }
    return !broken_;
}

bool OutputTarget::open(const std::string& path, std::string& error) {
    if (path.empty()) {
        stdout_ = std::make_unique<Output>();
        return true;
    }
    file_ = std::make_unique<AtomicFileWriter>();
    return file_->open(path, error);
}

bool OutputTarget::flush() {
    if (failed_) return false;
    if (stdout_) {
        failed_ = !stdout_->write(buffer_);
        error_ = stdout_->error();
    }
    if (file_) failed_ = !file_->write(buffer_, error_);
    buffer_.clear();
    return !failed_;
}

bool OutputTarget::write(std::string_view text) {
    if (failed_) return false;
    buffer_.append(text);
    return buffer_.size() < kFlushBytes || flush();
}

bool OutputTarget::finish(bool commit, std::string& error) {
    bool ok = flush();
    if (file_) {
        if (ok && commit) ok = file_->commit(error_);
        file_.reset();  // uncommitted: the temporary file goes, the target stays as it was
    }
    if (!ok) error = error_;
    return ok;
}

int abandon_output(OutputTarget& out, const std::string& path, const std::string& error) {
    std::cerr << "linimasa: error: " << error << "; "
              << (path.empty() ? std::string("the output is incomplete") : path + " is left as it was") << '\n';
    std::string ignored;
    out.finish(/*commit=*/false, ignored);
    return 2;
}

TimelineSinks timeline_sinks(OutputTarget& out, bool explain) {
    TimelineSinks sinks;
    sinks.csv = [&out](std::string_view chunk) { return out.write(chunk); };
    if (explain)
        sinks.explanation = [](std::string_view chunk) {
            std::cerr.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
            return true;
        };
    return sinks;
}

}  // namespace linimasa
