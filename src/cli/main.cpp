// linimasa: Indonesian news articles to a timeline of dated events.
//
// This file only parses the command line and hands over to one command.
#include <CLI/CLI.hpp>
#include <fcntl.h>

#include <cerrno>
#include <csignal>
#include <iostream>

#include "cli/dates_command.h"
#include "cli/extract_command.h"
#include "cli/merge_command.h"
#include "cli/rule_commands.h"

int main(int argc, char** argv) {
    // A standard descriptor closed by the caller (linimasa ... >&-) must not be taken by the
    // next file opened, or the timeline would be written into that file: it gets /dev/null
    // opened the wrong way round, so that using it fails as it would have.
    for (int fd = 0; fd <= 2; ++fd)
        if (fcntl(fd, F_GETFD) == -1 && errno == EBADF) open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
    // Past a file size limit (ulimit -f) a write fails with EFBIG and is reported like any
    // other, instead of the signal killing the run and leaving a temporary file behind.
    std::signal(SIGXFSZ, SIG_IGN);

    CLI::App app{"linimasa: Indonesian news articles to a sorted, source-backed timeline of dated events"};
    app.require_subcommand(1);
    std::string rules_dir;
    app.add_option("--rules", rules_dir, "rules folder (default: the shipped rules)");

    linimasa::ExtractOptions extract;
    auto* extract_cmd = app.add_subcommand("extract", "find dated events and write the merged, sorted timeline");
    extract_cmd->add_option("--rules", rules_dir, "rules folder (default: the shipped rules)");
    extract_cmd->add_option("--ref-date", extract.ref_date, "publication date YYYY-MM-DD for every document");
    extract_cmd->add_option("-o,--output", extract.output, "write to FILE (atomically) instead of standard output");
    extract_cmd->add_option("--format", extract.format, "csv (the timeline) or jsonl (unmerged event records)")
        ->check(CLI::IsMember({"csv", "jsonl"}));
    extract_cmd->add_flag("--explain", extract.explain, "say on standard error why each row is what it is");
    extract_cmd->add_option("-j,--jobs", extract.jobs, "worker threads (default: every core); output is the same for any")
        ->check(CLI::PositiveNumber);
    extract_cmd->add_flag("-q,--quiet", extract.quiet, "no progress line on standard error (warnings are still shown)");
    // Hidden, for tests: how many bytes of events stay in memory before the timeline is built
    // a partition at a time from a temporary file (timeline/event_store.h).
    extract_cmd->add_option("--event-memory", extract.event_memory)->group("")->check(CLI::PositiveNumber);
    extract_cmd->add_option("inputs", extract.inputs, "files, folders (*.txt), *.jsonl corpora or - for standard input")
        ->required();

    linimasa::DatesOptions dates;
    auto* dates_cmd = app.add_subcommand("dates", "list every temporal expression with its TIMEX3 value");
    dates_cmd->add_option("--ref-date", dates.ref_date, "publication date YYYY-MM-DD (default: from the dateline)");
    dates_cmd->add_option("--format", dates.format, "tsv or json")->check(CLI::IsMember({"tsv", "json"}));
    dates_cmd->add_option("--rules", rules_dir, "rules folder (default: the shipped rules)");
    dates_cmd->add_option("-j,--jobs", dates.jobs, "worker threads (default: every core); output is the same for any")
        ->check(CLI::PositiveNumber);
    dates_cmd->add_flag("-q,--quiet", dates.quiet, "no progress line on standard error (warnings are still shown)");
    dates_cmd->add_option("inputs", dates.inputs, "files, folders or - for standard input")->required();

    linimasa::MergeOptions merge;
    auto* merge_cmd = app.add_subcommand("merge", "merge event records of `extract --format jsonl` into the timeline");
    merge_cmd->add_option("-o,--output", merge.output, "write to FILE (atomically) instead of standard output");
    merge_cmd->add_flag("--explain", merge.explain, "say on standard error why each row is what it is");
    merge_cmd->add_option("-j,--jobs", merge.jobs,
                          "threads that build a large timeline (default: every core); output is the same for any")
        ->check(CLI::PositiveNumber);
    merge_cmd->add_option("--event-memory", merge.event_memory)->group("")->check(CLI::PositiveNumber);
    merge_cmd->add_option("parts", merge.parts, "JSON Lines files of event records, - for standard input")->required();

    auto* lint_cmd = app.add_subcommand("lint", "validate every rule file; errors as file:line:col");
    lint_cmd->add_option("--rules", rules_dir, "rules folder (default: the shipped rules)");
    auto* test_cmd = app.add_subcommand("test-rules", "run every rule's examples and not-cases");
    test_cmd->add_option("--rules", rules_dir, "rules folder (default: the shipped rules)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    if (*extract_cmd) {
        extract.rules_dir = rules_dir;
        return linimasa::run_extract(extract);
    }
    if (*dates_cmd) {
        dates.rules_dir = rules_dir;
        return linimasa::run_dates(dates);
    }
    if (*merge_cmd) return linimasa::run_merge(merge);
    if (*lint_cmd) return linimasa::run_lint(rules_dir);
    if (*test_cmd) return linimasa::run_test_rules(rules_dir);
    return 2;
}
