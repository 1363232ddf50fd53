// Fuzz target: the JSON Lines reader — the bytes as a whole .jsonl input, read line by line
// into documents (read_json_lines), each record's headline and outlet found with the
// shipped rules as in a real run.
//
// Checked besides crashes (document.h's promises): a record either becomes a document or is
// reported at its own line, never both; every document's id, text, title, outlet and url
// are valid UTF-8; every diagnostic names a line of the input and a column from 1.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "document/json_lines.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace linimasa;
    const DocumentRules& rules = fuzz::document_rules();
    InputFile input{"fuzz.jsonl", std::string(fuzz::as_bytes(data, size))};
    const int lines = 1 + static_cast<int>(std::count(input.bytes.begin(), input.bytes.end(), '\n'));

    Diagnostics diagnostics;
    std::vector<int> document_lines;
    read_json_lines(
        input,
        [&](Document&& d) {
            for (const std::string* field : std::initializer_list<const std::string*>{&d.id, &d.text.utf8(), &d.title, &d.outlet, &d.url})
                if (!fuzz::valid_utf8(*field)) fuzz::fail("a document field is not UTF-8");
            // origin is "fuzz.jsonl:LINE": the line the record came from.
            document_lines.push_back(std::stoi(d.origin.substr(d.origin.rfind(':') + 1)));
        },
        diagnostics, rules);

    for (const Diagnostic& d : diagnostics) {
        if (d.line < 1 || d.line > lines || d.column < 1) fuzz::fail("a diagnostic outside the input");
        if (!fuzz::valid_utf8(d.message)) fuzz::fail("a diagnostic is not UTF-8");
        if (d.severity == Severity::error &&
            std::find(document_lines.begin(), document_lines.end(), d.line) != document_lines.end())
            fuzz::fail("a line both read and refused");
    }
    if (!std::is_sorted(document_lines.begin(), document_lines.end())) fuzz::fail("documents out of input order");
    return 0;
}
