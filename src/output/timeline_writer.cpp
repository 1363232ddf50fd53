#include "output/timeline_writer.h"

#include "output/explanation.h"
#include "output/timeline_csv.h"
#include "timeline/partitioned_timeline.h"
#include "timeline/timeline.h"

namespace linimasa {

namespace {

// What follows each row's id, in the partitioned timeline's texts.
enum RowText : std::size_t { kCsv = 0, kExplanation = 1 };

bool write_partitioned(const EventStore& store, const TimelineSinks& sinks, std::string& error, unsigned threads) {
    const bool explain = static_cast<bool>(sinks.explanation);
    PartitionedTimeline timeline;
    auto render = [&](const Timeline& part, std::size_t i, std::vector<std::string>& texts) {
        const TimelineRow row = part.row(i, explain);
        append_csv_row_after_id(texts[kCsv], row);
        if (explain) append_explanation_after_id(texts[kExplanation], row);
    };
    if (!timeline.build(store, explain ? 2 : 1, render, error, threads)) return false;
    if (explain && !timeline.write(kExplanation, sinks.explanation, error)) return false;
    return sinks.csv(timeline_csv_header()) && timeline.write(kCsv, sinks.csv, error);
}

}  // namespace

bool write_timeline(EventStore& store, const TimelineSinks& sinks, std::string& error, unsigned threads) {
    if (!store.finish()) {
        error = store.error();
        return false;
    }
    bool written = false;
    if (store.spilled()) {
        written = write_partitioned(store, sinks, error, threads);
    } else {
        const Timeline timeline = build_timeline(store);
        written = (!sinks.explanation || sinks.explanation(explanation(timeline))) && write_timeline_csv(timeline, sinks.csv);
    }
    if (!store.ok()) {  // the evidence could not be read back: the rows are incomplete
        error = store.error();
        return false;
    }
    return written;
}

}  // namespace linimasa
