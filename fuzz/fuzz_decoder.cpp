// Fuzz target: the document decoder — an input file's bytes as `linimasa extract` reads a
// plain article: UTF-8, else Windows-1252, or refused as binary; then its headline and
// outlet found with the shipped furniture and outlet rules.
//
// Checked besides crashes (decoded_text.h's and document.h's promises): the text is valid
// UTF-8 without NUL bytes; valid UTF-8 input is kept byte for byte (NUL read as space); the
// map back to raw offsets starts at 0, ends at the input's size and never goes back; only
// input with a NUL byte is refused, and a refusal is an error; title and outlet are UTF-8.
#include <cstddef>
#include <algorithm>
#include <cstdint>

#include "fuzz_support.h"
#include "text/decoded_text.h"

namespace {

using namespace linimasa;

void check_decoding(std::string_view raw) {
    DecodeResult r = decode_article(raw, "fuzz.txt");
    if (!r.text) {
        if (raw.find('\0') == std::string_view::npos) fuzz::fail("refused a file without NUL bytes");
        if (!has_errors(r.diagnostics)) fuzz::fail("refused without an error");
        return;
    }
    if (has_errors(r.diagnostics)) fuzz::fail("an error on a decoded file");
    const DecodedText& text = *r.text;
    const std::string& utf8 = text.utf8();
    if (!fuzz::valid_utf8(utf8)) fuzz::fail("decoded text is not UTF-8");
    if (utf8.find('\0') != std::string::npos) fuzz::fail("decoded text holds a NUL byte");
    if (fuzz::valid_utf8(raw) != (text.encoding() == Encoding::utf8)) fuzz::fail("wrong encoding detected");
    if (text.encoding() == Encoding::utf8) {
        if (utf8.size() != raw.size()) fuzz::fail("UTF-8 input changed length");
        for (std::size_t i = 0; i < raw.size(); ++i)
            if (utf8[i] != (raw[i] == '\0' ? ' ' : raw[i])) fuzz::fail("UTF-8 input changed");
    }
    if (text.raw_offset(0) != 0 || text.raw_offset(utf8.size()) != raw.size()) fuzz::fail("raw offsets do not span the input");
    for (std::size_t i = 1; i <= utf8.size(); ++i)
        if (text.raw_offset(i) < text.raw_offset(i - 1)) fuzz::fail("raw offsets go back");
    SourcePosition end = position_of(utf8, utf8.size());
    if (end.line != 1 + std::count(utf8.begin(), utf8.end(), '\n')) fuzz::fail("position_of miscounts lines");
}

void check_document(std::string_view raw) {
    Diagnostics diagnostics;
    auto document = make_document({"fuzz.txt", 0, std::string(raw)}, diagnostics, fuzz::document_rules());
    if (!document) return;
    if (!fuzz::valid_utf8(document->title)) fuzz::fail("title is not UTF-8");
    if (!fuzz::valid_utf8(document->outlet)) fuzz::fail("outlet is not UTF-8");
    if (document->title.find('\n') != std::string::npos) fuzz::fail("title spans lines");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view raw = fuzz::as_bytes(data, size);
    check_decoding(raw);
    check_document(raw);
    return 0;
}
