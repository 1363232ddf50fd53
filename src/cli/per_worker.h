// One copy of a compiled rule set per worker thread.
//
//   PerWorker<Extractor> extractors(std::move(load.extractor),
//                                   [&] { return Extractor::load(dir).extractor; }, jobs);
//   ... on a worker: const Extractor& x = extractors.for_this_thread();
//
// RE2 objects may be shared between threads, but every search takes a lock inside the object,
// and threads that search the same objects millions of times keep taking that lock's cache
// line from each other. Each worker gets rules compiled for it alone (loaded in parallel at
// start-up, a few tens of MB each), so workers never meet.
#pragma once

#include <atomic>
#include <functional>
#include <future>
#include <memory>
#include <vector>

namespace linimasa {

template <typename T>
class PerWorker {
public:
    // Keeps `first` and makes `workers - 1` more with `load` (in parallel). A copy that fails
    // to load (the rules loaded once already: only for want of memory) is left out, and its
    // worker shares the first.
    PerWorker(std::unique_ptr<T> first, const std::function<std::unique_ptr<T>()>& load, unsigned workers) {
        copies_.push_back(std::move(first));
        std::vector<std::future<std::unique_ptr<T>>> more;
        for (unsigned i = 1; i < workers; ++i) more.push_back(std::async(std::launch::async, load));
        for (auto& f : more)
            if (auto copy = f.get()) copies_.push_back(std::move(copy));
    }

    // The copy of the calling thread: each new thread takes the next free copy, and any thread
    // beyond the count the first.
    const T& for_this_thread() const {
        thread_local const PerWorker* owner = nullptr;
        thread_local const T* mine = nullptr;
        if (owner != this) {
            const std::size_t k = handed_out_.fetch_add(1);
            mine = k < copies_.size() ? copies_[k].get() : copies_.front().get();
            owner = this;
        }
        return *mine;
    }

    const T& first() const { return *copies_.front(); }

private:
    std::vector<std::unique_ptr<T>> copies_;
    mutable std::atomic<std::size_t> handed_out_{1};  // copy 0 stays with the thread that reads
};

}  // namespace linimasa
