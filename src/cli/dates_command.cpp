#include "cli/dates_command.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/input_files.h"
#include "cli/output.h"
#include "cli/rules_location.h"
#include "dates/date_engine.h"
#include "text/decoded_text.h"

namespace linimasa {

namespace {

std::string tsv_field(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return out;
}

}  // namespace

int run_dates(const DatesOptions& options) {
    std::optional<date::sys_days> reference;
    if (options.ref_date) {
        reference = parse_iso_day(*options.ref_date);
        if (!reference) {
            std::cerr << "linimasa: error: --ref-date '" << *options.ref_date << "' is not a date (YYYY-MM-DD)\n";
            return 2;
        }
    }
    auto rules = find_rules_dir(options.rules_dir);
    if (!rules) {
        std::cerr << "linimasa: error: cannot find the rules folder; give it with --rules DIR\n";
        return 2;
    }
    EngineLoad load = DateEngine::load(*rules);
    for (const auto& d : load.diagnostics) std::cerr << d.str() << '\n';
    if (!load.engine) return 2;

    Diagnostics problems;
    std::vector<std::string> names = expand_inputs(options.inputs, problems);
    bool failed = has_errors(problems);
    for (const auto& d : problems) std::cerr << d.str() << '\n';

    Output out;
    const bool json = options.format == "json";
    nlohmann::json rows = nlohmann::json::array();
    if (!json) out.write("file\tstart\tend\ttext\ttype\tvalue\tmod\tfrom\tto\n");

    for (const auto& name : names) {
        Diagnostics diags;
        auto input = read_input(name, diags);
        std::optional<DecodeResult> decoded;
        if (input) decoded = decode_article(input->bytes, name);
        if (decoded) diags.insert(diags.end(), decoded->diagnostics.begin(), decoded->diagnostics.end());
        if (!input || !decoded->text) {
            for (const auto& d : diags) std::cerr << d.str() << '\n';
            failed = true;
            continue;
        }
        const DecodedText& text = *decoded->text;
        DocumentDates dates = load.engine->analyze(text.utf8(), reference);
        if (!dates.publication)
            diags.push_back({name, 0, 0,
                             "no publication date in the dateline and no --ref-date: relative expressions are left "
                             "unanchored",
                             Severity::warning});
        for (const auto& d : diags) std::cerr << d.str() << '\n';

        std::string block;
        for (const auto& m : dates.mentions) {
            std::size_t start = text.raw_offset(m.begin), end = text.raw_offset(m.end);
            std::string from = m.point ? iso_day(m.point->first) : "";
            std::string to = m.point ? iso_day(m.point->last) : "";
            if (json) {
                rows.push_back({{"file", name}, {"start", start}, {"end", end}, {"text", m.text}, {"type", m.type},
                                {"value", m.value}, {"mod", m.mod}, {"from", from}, {"to", to}});
            } else {
                block += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", tsv_field(name), start, end,
                                     tsv_field(m.text), m.type, m.value, m.mod, from, to);
            }
        }
        if (!out.write(block)) return failed ? 1 : 0;  // the reader went away: stop quietly
    }
    if (json) out.write(rows.dump(2) + "\n");
    return failed ? 1 : 0;
}

}  // namespace linimasa
