// Fuzz target: the event records `linimasa merge` reads (parse_event_record), one per line,
// as partial outputs of map steps run anywhere arrive.
//
// Checked besides crashes (event_records.h's promises): each line is either an event or one
// error diagnostic at that line, with a column from 1 and a UTF-8 message; an event read
// back writes a record that reads back to the same record (the fast simdjson path and the
// complete nlohmann path agree on what they accept).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "output/event_records.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace linimasa;
    std::string_view input = fuzz::as_bytes(data, size);
    int line_number = 0;
    while (!input.empty()) {
        const std::size_t end = input.find('\n');
        const std::string_view line = input.substr(0, end);
        input.remove_prefix(end == std::string_view::npos ? input.size() : end + 1);
        ++line_number;
        Diagnostics diagnostics;
        const auto event = parse_event_record(line, "part.jsonl", line_number, diagnostics);
        if (event) {
            if (!diagnostics.empty()) fuzz::fail("a record both read and refused");
            const std::string written = event_record(*event);
            Diagnostics again;
            const auto back = parse_event_record(written, "part.jsonl", 1, again);
            if (!back || event_record(*back) != written) fuzz::fail("a record read back does not read back the same");
            continue;
        }
        if (diagnostics.size() != 1) fuzz::fail("a refused record without exactly one diagnostic");
        const Diagnostic& d = diagnostics.front();
        if (d.line != line_number || d.column < 1) fuzz::fail("a diagnostic outside its line");
        if (!fuzz::valid_utf8(d.message)) fuzz::fail("a diagnostic is not UTF-8");
    }
    return 0;
}
