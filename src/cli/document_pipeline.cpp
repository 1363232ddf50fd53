#include "cli/document_pipeline.h"

#include <unistd.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "cli/input_files.h"
#include "cli/progress.h"

namespace linimasa {

namespace {

// While this much text waits for a worker, the reader waits too (a few huge articles in a
// row must not all be in memory at once).
constexpr std::size_t kQueuedBytes = std::size_t{64} << 20;
// Documents travel between threads in batches: a news article is worked on in about 100 us
// (40 us for `dates`), and handing each over on its own — a lock, waking the reader and a
// worker — cost a good part of that again, on both cores.
constexpr std::size_t kBatchBytes = std::size_t{256} << 10;
constexpr std::size_t kBatchJobs = 64;
// Batches read ahead of the oldest undelivered one, per worker: enough to keep every worker
// busy behind one slow batch, few enough that pending results stay small.
constexpr std::size_t kWindowPerJob = 4;

// One job read; `input_waits` is true when reading the next one may have to wait for the
// writer of a pipe (a live feed on standard input). False from `Emit` stops the reading.
using Emit = std::function<bool(DocumentJob&&, bool input_waits)>;

std::string mib(std::size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// Reads the inputs in order and hands each document (and the problems found before it) to
// `emit`; false when `emit` asked to stop.
bool read_jobs(const std::vector<std::string>& names, const PipelineOptions& options, const Emit& emit) {
    for (const auto& name : names) {
        Diagnostics pending;
        auto flush = [&] {
            if (pending.empty()) return true;
            DocumentJob job;
            job.diagnostics = std::move(pending);
            pending.clear();
            return emit(std::move(job), false);
        };
        InputStream in(name);
        if (!in.ok()) {
            pending.push_back(in.error());
            if (!flush()) return false;
            continue;
        }
        const bool json_lines = options.format == InputFormat::automatic &&
                                (is_json_lines(name) || (name == "-" && in.peek_content() == '{'));
        if (json_lines) {
            std::string line;
            bool too_long = false;
            int number = 0;
            while (in.next_line(line, too_long, options.max_document_bytes)) {
                ++number;
                if (too_long) {
                    pending.push_back({name, number, 1, "record longer than " + mib(options.max_document_bytes) +
                                                            ": skipped", Severity::error});
                    continue;
                }
                if (line.find_first_not_of(" \t") == std::string::npos) continue;
                DocumentJob job;
                job.has_source = true;
                job.bytes = line.size() + 1;
                job.source = {name, number, std::move(line)};
                job.diagnostics = std::move(pending);
                pending.clear();
                line = std::string();
                if (!emit(std::move(job), !in.line_ready())) return false;
            }
        } else {
            std::string bytes;
            bool too_big = false;
            in.read_rest(bytes, too_big, options.max_document_bytes);
            if (too_big) {
                pending.push_back({name, 0, 0, "larger than " + mib(options.max_document_bytes) +
                                                    ": not read (one article per file is expected)", Severity::error});
            } else if (in.ok()) {
                DocumentJob job;
                job.has_source = true;
                job.bytes = bytes.size();
                job.source = {name, 0, std::move(bytes)};
                job.diagnostics = std::move(pending);
                pending.clear();
                if (!emit(std::move(job), false)) return false;
            }
        }
        if (!in.ok()) pending.push_back(in.error());
        if (!flush()) return false;
    }
    return true;
}

// The work, with an exception (std::bad_alloc on a pathological input) turned into an error
// for this document only.
void work_safely(const PipelineWork& work, DocumentJob& job) {
    const std::string name = job.source.name;
    const int line = job.source.line;
    try {
        work(job);
    } catch (const std::exception& e) {
        job.events.clear();
        job.output.clear();
        job.failed = true;
        job.diagnostics.push_back({name, line, 0, std::string("internal error, document skipped: ") + e.what(),
                                   Severity::error});
    }
}

// Whether the progress line is drawn: asked for, and standard error is a terminal.
bool progress_shown(const PipelineOptions& options) { return options.progress && isatty(STDERR_FILENO); }

// Delivers one job and reports it; called by one thread at a time, in input order.
class Deliverer {
public:
    // The inputs' total size is asked of the file system (a stat per file) only for a line
    // that is shown.
    Deliverer(const PipelineOptions& options, const std::vector<std::string>& names, const PipelineDelivery& deliver)
        : progress_(progress_shown(options), progress_shown(options) ? total_input_size(names) : std::nullopt),
          deliver_(deliver) {}

    bool operator()(DocumentJob& job) {
        bool go_on = deliver_(job);
        result.failed = result.failed || job.failed || has_errors(job.diagnostics);
        if (!job.diagnostics.empty()) {
            progress_.clear();
            for (const auto& d : job.diagnostics) std::cerr << d.str() << '\n';
        }
        progress_.advance(job.has_source ? 1 : 0, job.bytes);
        if (!go_on) result.stopped = true;
        return go_on;
    }

    void finish() { progress_.finish(); }

    PipelineResult result;

private:
    Progress progress_;
    const PipelineDelivery& deliver_;
};

// Consecutive jobs handed to one worker together, and delivered together in input order.
struct Batch {
    std::size_t index = 0;  // position among the batches
    std::size_t bytes = 0;  // input bytes of its jobs
    std::vector<DocumentJob> jobs;
};

// The state the reader and the workers share.
struct Shared {
    std::mutex mutex;
    std::condition_variable can_read, can_work;
    std::deque<Batch> queue;
    std::size_t queued_bytes = 0;
    std::size_t issued = 0, delivered = 0;  // batches
    bool done_reading = false, stop = false;
    std::map<std::size_t, Batch> finished;  // worked on, waiting for their turn
    bool delivering = false;                // a worker is delivering (one at a time, in order)
};

void worker(Shared& s, const PipelineWork& work, Deliverer& deliver) {
    for (;;) {
        Batch batch;
        {
            std::unique_lock lock(s.mutex);
            s.can_work.wait(lock, [&] { return s.stop || s.done_reading || !s.queue.empty(); });
            if (s.stop || s.queue.empty()) return;
            batch = std::move(s.queue.front());
            s.queue.pop_front();
            s.queued_bytes -= batch.bytes;
        }
        s.can_read.notify_one();
        for (DocumentJob& job : batch.jobs) work_safely(work, job);
        {
            std::lock_guard lock(s.mutex);
            s.finished.emplace(batch.index, std::move(batch));
            // Someone else is delivering: it will find this batch too (it only stops after
            // seeing, under the mutex, that the next batch is not there), so get back to work.
            if (s.delivering) continue;
            s.delivering = true;
        }
        for (;;) {
            Batch next;
            {
                std::lock_guard lock(s.mutex);
                auto it = s.finished.find(s.delivered);
                if (s.stop || it == s.finished.end()) {
                    s.delivering = false;
                    break;
                }
                next = std::move(it->second);
                s.finished.erase(it);
            }
            bool go_on = true;
            for (DocumentJob& job : next.jobs)
                if (!(go_on = deliver(job))) break;
            {
                std::lock_guard lock(s.mutex);
                ++s.delivered;
                if (!go_on) s.stop = true;
            }
            s.can_read.notify_one();
            if (!go_on) s.can_work.notify_all();
        }
    }
}

}  // namespace

unsigned default_jobs() {
    unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : n;
}

PipelineResult run_pipeline(const std::vector<std::string>& names, const PipelineOptions& options,
                            const PipelineWork& work, const PipelineDelivery& deliver) {
    Deliverer deliverer(options, names, deliver);
    const unsigned jobs = options.jobs == 0 ? 1 : options.jobs;
    if (jobs == 1) {
        // No threads at all: one core's throughput is exactly what --jobs 1 measures.
        std::size_t index = 0;
        read_jobs(names, options, [&](DocumentJob&& job, bool input_waits) {
            job.index = index++;
            job.input_paused = input_waits;
            work_safely(work, job);
            return deliverer(job);
        });
        deliverer.finish();
        return deliverer.result;
    }

    Shared s;
    const std::size_t window = kWindowPerJob * jobs;
    std::vector<std::thread> workers;
    for (unsigned i = 0; i < jobs; ++i) workers.emplace_back(worker, std::ref(s), std::cref(work), std::ref(deliverer));
    Batch batch;
    auto send = [&]() -> bool {
        if (batch.jobs.empty()) return true;
        std::unique_lock lock(s.mutex);
        s.can_read.wait(lock, [&] {
            return s.stop ||
                   (s.issued - s.delivered < window && (s.queue.empty() || s.queued_bytes < kQueuedBytes));
        });
        if (s.stop) return false;
        batch.index = s.issued++;
        s.queued_bytes += batch.bytes;
        s.queue.push_back(std::move(batch));
        batch = Batch();
        lock.unlock();
        s.can_work.notify_one();
        return true;
    };
    std::size_t index = 0;
    read_jobs(names, options, [&](DocumentJob&& job, bool input_waits) {
        job.index = index++;
        job.input_paused = input_waits;
        batch.bytes += job.bytes;
        batch.jobs.push_back(std::move(job));
        // A feed that pauses gets its documents worked on now, not when more arrive.
        if (batch.bytes >= kBatchBytes || batch.jobs.size() >= kBatchJobs || input_waits) return send();
        return true;
    });
    send();
    {
        std::lock_guard lock(s.mutex);
        s.done_reading = true;
    }
    s.can_work.notify_all();
    for (auto& t : workers) t.join();
    deliverer.finish();
    return deliverer.result;
}

}  // namespace linimasa
