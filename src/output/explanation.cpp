#include "output/explanation.h"

#include <fmt/core.h>

namespace linimasa {

void append_explanation_after_id(std::string& out, const TimelineRow& row) {
    out.append(fmt::format(" {} {} {}: {}\n", row.event.when.date, row.event.type, to_string(row.event.status),
                           row.event.why));
    if (row.members.size() < 2) return;
    out.append(fmt::format("  merged {} mentions:", row.members.size()));
    for (const Event& m : row.members)
        out.append(fmt::format(" {}@{} ({}, {})", m.document, m.offset, m.when.date.empty() ? "no date" : m.when.date,
                               to_string(m.when.basis)));
    out.append("\n");
}

std::string explanation(const Timeline& timeline) {
    std::string out;
    for (std::size_t i = 0; i < timeline.size(); ++i) {
        const TimelineRow row = timeline.row(i, true);
        out.append(row.id);
        append_explanation_after_id(out, row);
    }
    return out;
}

}  // namespace linimasa
