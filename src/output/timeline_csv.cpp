#include "output/timeline_csv.h"

#include "util/text_files.h"

#include <initializer_list>

namespace linimasa {

namespace {

// One field, quoted when RFC 4180 requires it, appended to `out`: quotes are doubled run by
// run, so that a long evidence sentence is copied in a few pieces, not a character at a time.
// Whether a field must be quoted. (A plain loop: string_view::find_first_of asks memchr about
// the four characters once per character of the field, and every field of every row comes here.)
bool needs_quotes(std::string_view value) {
    for (char c : value)
        if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
    return false;
}

void append_csv_field(std::string& out, std::string_view value) {
    if (!needs_quotes(value)) {
        out.append(value);
        return;
    }
    out += '"';
    for (std::size_t quote = value.find('"'); quote != std::string_view::npos; quote = value.find('"')) {
        out.append(value.substr(0, quote + 1)).append(1, '"');
        value.remove_prefix(quote + 1);
    }
    out.append(value).append(1, '"');
}

void append_fields(std::string& out, std::initializer_list<std::string_view> fields) {
    bool first = true;
    for (std::string_view field : fields) {
        if (!first) out += ',';
        first = false;
        append_csv_field(out, field);
    }
    out += "\r\n";
}

}  // namespace

std::string timeline_csv_header() {
    std::string out;
    append_fields(out, {"id", "date", "date_end", "precision", "event_type", "status", "actors", "location", "date_text",
                        "date_basis", "evidence", "rule", "sources", "documents"});
    return out;
}

void append_csv_row_after_id(std::string& out, const TimelineRow& row) {
    const Event& e = row.event;
    const bool dated = !e.when.date.empty();
    out += ',';
    append_fields(out, {e.when.date, e.when.date_end, dated ? to_string(e.when.precision) : "", e.type,
                        to_string(e.status), joined(e.actors), e.location, e.when.text, to_string(e.when.basis),
                        e.evidence, e.rule, std::to_string(row.documents.size()), joined(row.documents)});
}

std::string csv_field(std::string_view value) {
    std::string out;
    append_csv_field(out, value);
    return out;
}

bool write_timeline_csv(const Timeline& timeline, const std::function<bool(std::string_view)>& sink) {
    std::string chunk = timeline_csv_header();
    for (std::size_t i = 0; i < timeline.size(); ++i) {
        const TimelineRow row = timeline.row(i);
        chunk.append(row.id);
        append_csv_row_after_id(chunk, row);
        if (chunk.size() >= (1u << 16)) {
            if (!sink(chunk)) return false;
            chunk.clear();
        }
    }
    return chunk.empty() || sink(chunk);
}

std::string timeline_csv(const Timeline& timeline) {
    std::string out;
    write_timeline_csv(timeline, [&](std::string_view chunk) {
        out.append(chunk);
        return true;
    });
    return out;
}

}  // namespace linimasa
