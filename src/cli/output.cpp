#include "cli/output.h"

#include <csignal>
#include <cstdio>

namespace linimasa {

Output::Output() { std::signal(SIGPIPE, SIG_IGN); }

bool Output::write(std::string_view text) {
    if (broken_) return false;
    if (!text.empty() && std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) broken_ = true;
    if (!broken_ && std::fflush(stdout) != 0) broken_ = true;
    return !broken_;
}

}  // namespace linimasa
