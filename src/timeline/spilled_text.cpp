#include "timeline/spilled_text.h"

namespace linimasa {

std::uint64_t SpilledText::add(std::string_view a, std::string_view b) {
    if (!file_) {
        const std::uint64_t at = memory_.size();
        memory_.append(a).append(b);
        return at;
    }
    const std::uint64_t at = file_->size();
    if (file_->append(a)) file_->append(b);  // a failure is sticky: ok() says so
    return at;
}

bool SpilledText::spill(std::string& error) {
    if (file_) return ok();
    file_ = TempFile::create(error);
    if (!file_) return false;
    // Positions stay what they were: the file begins with what memory held.
    if (!file_->append(memory_)) {
        error = file_->error();
        return false;
    }
    std::string().swap(memory_);
    return true;
}

std::string SpilledText::read(std::uint64_t at, std::size_t size) const {
    if (!file_) return memory_.substr(at, size);
    std::string out(size, '\0');
    if (size > 0 && !file_->read(at, size, out.data())) out.clear();
    return out;
}

bool SpilledText::flush() { return !file_ || file_->flush(); }

const std::string& SpilledText::error() const {
    static const std::string none;
    return file_ ? file_->error() : none;
}

}  // namespace linimasa
