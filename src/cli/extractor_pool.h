// One Extractor per worker thread.
//
//   ExtractorPool pool(std::move(load.extractor), rules_dir, jobs);
//   ... on a worker: const Extractor& x = pool.for_this_thread();
//
// RE2 objects may be shared between threads, but every search takes a lock inside the object,
// and threads that search the same objects millions of times keep taking that lock's cache
// line from each other. Each worker gets rules compiled for it alone (loaded in parallel at
// start-up, a few tens of MB each), so workers never meet.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/extractor.h"

namespace linimasa {

class ExtractorPool {
public:
    // Keeps `first` and loads `workers - 1` more from `rules_dir`.
    ExtractorPool(std::unique_ptr<Extractor> first, const std::string& rules_dir, unsigned workers);

    // The extractor of the calling thread (the first one for the thread that made the pool,
    // and for any thread beyond the count).
    const Extractor& for_this_thread() const;
    const Extractor& first() const { return *extractors_.front(); }

private:
    std::vector<std::unique_ptr<Extractor>> extractors_;
    mutable std::atomic<std::size_t> handed_out_{1};
};

}  // namespace linimasa
