// Fuzz target: the date engine, as `linimasa dates` runs it — the bytes decoded like an
// article file, then every temporal expression found and resolved, once against a fixed
// reference date and once with none (so the dateline search and the unanchored paths run).
//
// Checked besides crashes: every mention lies inside the text, quotes it exactly, and the
// mentions come in text order without overlapping (date_engine.h's promise).
#include <cstddef>
#include <cstdint>

#include "dates/date_engine.h"
#include "fuzz_support.h"

namespace {

using namespace linimasa;

const DateEngine& engine() {
    static const EngineLoad load = DateEngine::load(fuzz::kRulesDir);
    return fuzz::require_loaded(load.engine.get(), "rules/lexicon/id.yaml does not load");
}

void check(const std::string& text, const DocumentDates& dates) {
    std::size_t previous_end = 0;
    for (const TimeMention& m : dates.mentions) {
        if (m.begin >= m.end || m.end > text.size()) fuzz::fail("mention outside the text");
        if (m.begin < previous_end) fuzz::fail("mentions out of order or overlapping");
        if (std::string_view(text).substr(m.begin, m.end - m.begin) != m.text) fuzz::fail("mention text is not its span");
        if (m.type.empty() || m.value.empty()) fuzz::fail("mention without a type or a value");
        previous_end = m.end;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const DateEngine& dates = engine();
    DecodeResult decoded = decode_article(fuzz::as_bytes(data, size), "fuzz.txt");
    if (!decoded.text) return 0;
    const std::string& text = decoded.text->utf8();
    constexpr date::sys_days kReference = date::year{2024} / date::June / 18;
    check(text, dates.analyze(text, kReference));
    check(text, dates.analyze(text, std::nullopt));
    return 0;
}
