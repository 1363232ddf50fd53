#include "cli/dates_command.h"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <iostream>
#include <string>

#include "cli/command_setup.h"
#include "cli/document_pipeline.h"
#include "cli/input_files.h"
#include "cli/output.h"
#include "dates/date_engine.h"
#include "text/decoded_text.h"

namespace linimasa {

namespace {

// Appends a field with its tabs and line breaks as spaces, so that a row stays one line.
void append_tsv_field(std::string& out, std::string_view s) {
    std::size_t at = out.size();
    out.append(s);
    for (std::size_t i = at; i < out.size(); ++i)
        if (out[i] == '\t' || out[i] == '\n' || out[i] == '\r') out[i] = ' ';
}

// One row as an element of the pretty-printed array (nlohmann's dump(2) of the whole array,
// written one element at a time so that rows stream out in input order).
void append_json_row(std::string& out, const nlohmann::json& row) {
    std::string text = row.dump(2);
    out.append("  ");
    for (char c : text) {
        out.push_back(c);
        if (c == '\n') out.append("  ");
    }
}

}  // namespace

int run_dates(const DatesOptions& options) {
    auto setup = set_up_command(options.ref_date, options.rules_dir);
    if (!setup) return 2;
    const std::optional<date::sys_days> reference = setup->ref_date;
    EngineLoad load = DateEngine::load(setup->rules_dir);
    for (const auto& d : load.diagnostics) std::cerr << d.str() << '\n';
    if (!load.engine) return 2;
    const unsigned jobs = options.jobs == 0 ? default_jobs() : options.jobs;
    const DateEngine& engine = *load.engine;  // compiled once, shared by the workers

    Diagnostics problems;
    std::vector<std::string> names = expand_inputs(options.inputs, problems);
    for (const auto& d : problems) std::cerr << d.str() << '\n';

    const bool json = options.format == "json";
    OutputTarget out;
    std::string error;
    out.open("", error);
    if (!json) out.write("file\tstart\tend\ttext\ttype\tvalue\tmod\tfrom\tto\n");

    // On the workers: each input is one article; its rows are rendered right away.
    auto work = [&](DocumentJob& job) {
        if (!job.has_source) return;
        const std::string& name = job.source.name;
        DecodeResult decoded = decode_article(job.source.bytes, name);
        job.diagnostics.insert(job.diagnostics.end(), decoded.diagnostics.begin(), decoded.diagnostics.end());
        if (!decoded.text) {
            job.failed = true;
            return;
        }
        const DecodedText& text = *decoded.text;
        DocumentDates dates = engine.analyze(text.utf8(), reference);
        std::string name_field;  // the name as a TSV field, made once for all the rows of the file
        if (!json) append_tsv_field(name_field, name);
        if (!dates.publication)
            job.diagnostics.push_back({name, 0, 0,
                                       "no publication date in the dateline and no --ref-date: relative expressions "
                                       "are left unanchored",
                                       Severity::warning});
        for (const auto& m : dates.mentions) {
            std::size_t start = text.raw_offset(m.begin), end = text.raw_offset(m.end);
            std::string from = m.point ? iso_day(m.point->first) : "";
            std::string to = m.point ? iso_day(m.point->last) : "";
            if (json) {
                if (!job.output.empty()) job.output.append(",\n");
                append_json_row(job.output, {{"file", name}, {"start", start}, {"end", end}, {"text", m.text},
                                             {"type", m.type}, {"value", m.value}, {"mod", m.mod}, {"from", from},
                                             {"to", to}});
            } else {
                // appended field by field: fmt::format of the whole row was a tenth of the run
                std::string& row = job.output;
                row.append(name_field);
                row.push_back('\t');
                row.append(std::to_string(start));
                row.push_back('\t');
                row.append(std::to_string(end));
                row.push_back('\t');
                append_tsv_field(row, m.text);
                for (const std::string* field : std::initializer_list<const std::string*>{&m.type, &m.value, &m.mod, &from, &to}) {
                    row.push_back('\t');
                    row.append(*field);
                }
                row.push_back('\n');
            }
        }
    };

    bool any_row = false;
    auto deliver = [&](DocumentJob& job) {
        if (job.output.empty()) return true;
        if (json) {
            if (!out.write(any_row ? ",\n" : "[\n")) return false;
            any_row = true;
        }
        return out.write(job.output);  // false: the reader went away, stop quietly
    };

    PipelineOptions pipeline{.jobs = jobs,
                             .format = InputFormat::text,
                             .progress = !options.quiet};
    PipelineResult result = run_pipeline(names, pipeline, work, deliver);
    if (json && !result.stopped) out.write(any_row ? "\n]\n" : "[]\n");
    if (!out.finish(true, error) && !error.empty()) {  // empty: the reader went away, stop quietly
        std::cerr << "linimasa: error: " << error << '\n';
        return 2;
    }
    return has_errors(problems) || result.failed ? 1 : 0;
}

}  // namespace linimasa
