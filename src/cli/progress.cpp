#include "cli/progress.h"

#include <fmt/core.h>

#include <cstdio>

namespace linimasa {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kFirstDraw = std::chrono::seconds(1);         // short runs stay silent
constexpr auto kRedraw = std::chrono::milliseconds(200);     // at most five times a second
constexpr double kMiB = 1024.0 * 1024.0;

// 12345678 -> "12,345,678": a count read at a glance.
std::string grouped(std::uint64_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}

}  // namespace

Progress::Progress(bool enabled, std::optional<std::uint64_t> total_bytes)
    : enabled_(enabled), total_(total_bytes), start_(Clock::now()), last_draw_(start_) {}

Progress::~Progress() { finish(); }

void Progress::advance(std::uint64_t documents, std::uint64_t bytes) {
    documents_ += documents;
    bytes_ += bytes;
    if (!enabled_) return;
    auto now = Clock::now();
    if (now - start_ < kFirstDraw || now - last_draw_ < kRedraw) return;
    draw(now);
}

void Progress::draw(Clock::time_point now) {
    last_draw_ = now;
    double seconds = std::chrono::duration<double>(now - start_).count();
    double rate = seconds > 0 ? static_cast<double>(bytes_) / seconds : 0;
    std::string line = fmt::format("\r{} documents  {:.1f} MiB  {:.1f} MiB/s", grouped(documents_),
                                   static_cast<double>(bytes_) / kMiB, rate / kMiB);
    if (total_ && rate > 0 && *total_ >= bytes_) {
        auto left = static_cast<std::uint64_t>(static_cast<double>(*total_ - bytes_) / rate);
        line.append(fmt::format("  ETA {}:{:02}:{:02}", left / 3600, left / 60 % 60, left % 60));
    }
    line.append("\x1b[K");  // erase what a longer earlier line left
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
    shown_ = true;
}

void Progress::clear() {
    if (!shown_) return;
    std::fputs("\r\x1b[K", stderr);
    std::fflush(stderr);
    shown_ = false;
}

void Progress::finish() {
    clear();
    enabled_ = false;
}

}  // namespace linimasa
