// linimasa: Indonesian news articles to a timeline of dated events.
//
// This file only parses the command line and hands over to one command.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/dates_command.h"

int main(int argc, char** argv) {
    CLI::App app{"linimasa: Indonesian news articles to a sorted, source-backed timeline of dated events"};
    app.require_subcommand(1);
    std::string rules_dir;
    app.add_option("--rules", rules_dir, "rules folder (default: the shipped rules)");

    linimasa::DatesOptions dates;
    auto* dates_cmd = app.add_subcommand("dates", "list every temporal expression with its TIMEX3 value");
    dates_cmd->add_option("--ref-date", dates.ref_date, "publication date YYYY-MM-DD (default: from the dateline)");
    dates_cmd->add_option("--format", dates.format, "tsv or json")->check(CLI::IsMember({"tsv", "json"}));
    dates_cmd->add_option("--rules", rules_dir, "rules folder (default: the shipped rules)");
    dates_cmd->add_option("inputs", dates.inputs, "files, folders (*.txt) or - for standard input")->required();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    if (*dates_cmd) {
        dates.rules_dir = rules_dir;
        return linimasa::run_dates(dates);
    }
    return 2;
}
