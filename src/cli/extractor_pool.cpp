#include "cli/extractor_pool.h"

#include <future>

namespace linimasa {

ExtractorPool::ExtractorPool(std::unique_ptr<Extractor> first, const std::string& rules_dir, unsigned workers) {
    extractors_.push_back(std::move(first));
    std::vector<std::future<ExtractorLoad>> loads;
    for (unsigned i = 1; i < workers; ++i)
        loads.push_back(std::async(std::launch::async, [&rules_dir] { return Extractor::load(rules_dir); }));
    // The rules loaded once already: a second load can only fail for want of memory, and then
    // that worker shares the first extractor.
    for (auto& load : loads)
        if (auto x = load.get().extractor) extractors_.push_back(std::move(x));
}

const Extractor& ExtractorPool::for_this_thread() const {
    thread_local const ExtractorPool* pool = nullptr;
    thread_local const Extractor* mine = nullptr;
    if (pool != this) {
        const std::size_t k = handed_out_.fetch_add(1);
        mine = k < extractors_.size() ? extractors_[k].get() : extractors_.front().get();
        pool = this;
    }
    return *mine;
}

}  // namespace linimasa
