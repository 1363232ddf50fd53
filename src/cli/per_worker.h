// One copy of a compiled rule set per worker thread.
//
//   PerWorker<Extractor> extractors(std::move(load.extractor),
//                                   [&] { return Extractor::load(dir).extractor; }, jobs);
//   ... on a worker: const Extractor& x = extractors.for_this_thread();
//
// RE2 objects may be shared between threads, but every search takes a lock inside the object,
// and threads that search the same objects millions of times keep taking that lock's cache
// line from each other. So each worker gets rules compiled for it alone. The first worker
// takes the copy already loaded; the others load theirs when they first need one, so a run
// over one short file pays for one load only.
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <mutex>

namespace linimasa {

template <typename T>
class PerWorker {
public:
    // Keeps `first`; at most `workers` copies are ever made with `load`. A copy that fails to
    // load (the rules loaded once already: only for want of memory) is replaced by the first.
    PerWorker(std::unique_ptr<T> first, std::function<std::unique_ptr<T>()> load, unsigned workers)
        : load_(std::move(load)), workers_(workers == 0 ? 1 : workers), first_(first.get()) {
        copies_.push_back(std::move(first));
    }

    // The copy of the calling thread.
    const T& for_this_thread() const {
        thread_local const PerWorker* owner = nullptr;
        thread_local const T* mine = nullptr;
        if (owner == this) return *mine;
        std::lock_guard<std::mutex> lock(mutex_);
        if (handed_out_ < copies_.size()) {
            mine = copies_[handed_out_++].get();
        } else if (copies_.size() < workers_) {
            if (auto copy = load_()) copies_.push_back(std::move(copy));
            mine = copies_.size() > handed_out_ ? copies_[handed_out_++].get() : first_;
        } else {
            mine = first_;
        }
        owner = this;
        return *mine;
    }

    // The copy loaded first (also for callers that run on one thread only).
    const T& first() const { return *first_; }

private:
    std::function<std::unique_ptr<T>()> load_;
    const std::size_t workers_;
    const T* first_;
    mutable std::mutex mutex_;
    mutable std::deque<std::unique_ptr<T>> copies_;  // a deque: copies never move once made
    mutable std::size_t handed_out_ = 0;
};

}  // namespace linimasa
