#include "cli/rule_commands.h"

#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/command_setup.h"
#include "pipeline/extractor.h"
#include "util/iso_day.h"
#include "util/text_files.h"

namespace linimasa {

namespace {

void report(const Diagnostics& diagnostics) {
    for (const auto& d : diagnostics) std::cerr << d.str() << '\n';
}

std::string rule_path(const std::string& rules_dir, const EventRule& rule) {
    return (std::filesystem::path(rules_dir) / rule.file).string();
}

// Names in examples must exist in the gazetteers, or the example can never pass.
Diagnostics undefined_names(const Extractor& x, const std::string& rules_dir) {
    Diagnostics out;
    for (const auto& rule : x.rules().rules()) {
        for (const auto& example : rule.examples) {
            if (example.expect.actors)
                for (const auto& name : *example.expect.actors)
                    if (!x.gazetteer().find_actor(name))
                        out.push_back({rule_path(rules_dir, rule), example.line, 1,
                                       "rule '" + rule.id + "': undefined actor '" + name + "' (not in actors.yaml)"});
            if (example.expect.location && !example.expect.location->empty() &&
                !x.gazetteer().find_place(*example.expect.location))
                out.push_back({rule_path(rules_dir, rule), example.line, 1,
                               "rule '" + rule.id + "': undefined place '" + *example.expect.location +
                                   "' (not in places.yaml)"});
        }
    }
    return out;
}

std::string listed(const std::vector<std::string>& items) {
    return items.empty() ? "(none)" : joined(items);
}

// What differs between an event and what its example expects; empty when it matches.
std::vector<std::string> differences(const Event& e, const RuleExpectation& expect) {
    std::vector<std::string> out;
    auto check = [&](const char* field, const std::optional<std::string>& want, const std::string& got) {
        if (want && *want != got) out.push_back(fmt::format("{} is '{}', expected '{}'", field, got, *want));
    };
    check("date", expect.date, e.when.date);
    check("date_end", expect.date_end, e.when.date_end);
    check("status", expect.status, to_string(e.status));
    check("location", expect.location, e.location);
    check("basis", expect.basis, to_string(e.when.basis));
    check("type", expect.type, e.type);
    if (expect.actors) {
        std::vector<std::string> want = *expect.actors;
        std::sort(want.begin(), want.end());
        want.erase(std::unique(want.begin(), want.end()), want.end());
        if (want != e.actors)
            out.push_back(fmt::format("actors are '{}', expected '{}'", listed(e.actors), listed(want)));
    }
    return out;
}

}  // namespace

int run_lint(const std::string& rules_dir_option) {
    auto setup = set_up_command(std::nullopt, rules_dir_option);
    if (!setup) return 2;
    const std::string* rules_dir = &setup->rules_dir;
    ExtractorLoad load = Extractor::load(*rules_dir);
    Diagnostics all = load.diagnostics;
    if (load.extractor) {
        Diagnostics names = undefined_names(*load.extractor, *rules_dir);
        all.insert(all.end(), names.begin(), names.end());
    }
    report(all);
    if (has_errors(all)) return 2;
    const Extractor& x = *load.extractor;
    std::cout << fmt::format("{}: {} event rules, {} actors, {} roles, {} places: no errors\n", *rules_dir,
                             x.rules().rules().size(), x.gazetteer().actors().size(), x.gazetteer().roles().size(),
                             x.gazetteer().places().size());
    return 0;
}

int run_test_rules(const std::string& rules_dir_option) {
    auto setup = set_up_command(std::nullopt, rules_dir_option);
    if (!setup) return 2;
    const std::string* rules_dir = &setup->rules_dir;
    ExtractorLoad load = Extractor::load(*rules_dir);
    report(load.diagnostics);
    if (!load.extractor) return 2;
    const Extractor& x = *load.extractor;

    Diagnostics failures;
    std::size_t cases = 0;
    const auto& rules = x.rules().rules();
    for (std::size_t r = 0; r < rules.size(); ++r) {
        const EventRule& rule = rules[r];
        const std::string path = rule_path(*rules_dir, rule);
        for (const auto& example : rule.examples) {
            ++cases;
            std::optional<date::sys_days> ref;
            if (example.ref_date) ref = parse_iso_day(*example.ref_date);
            auto events = x.extract_text(example.text, ref, static_cast<int>(r));
            if (events.size() != 1) {
                failures.push_back({path, example.line, 1,
                                    fmt::format("rule '{}': the example gave {} events, expected 1", rule.id, events.size())});
                continue;
            }
            for (const auto& d : differences(events.front(), example.expect))
                failures.push_back({path, example.line, 1,
                                    fmt::format("rule '{}': {} ({})", rule.id, d, events.front().why)});
        }
        for (const auto& counter : rule.counter_examples) {
            ++cases;
            auto events = x.extract_text(counter.text, std::nullopt, static_cast<int>(r));
            if (!events.empty())
                failures.push_back({path, counter.line, 1,
                                    fmt::format("rule '{}' fired on a 'not' case: '{}'", rule.id, events.front().trigger)});
        }
    }
    // The other rule files carry examples of their own.
    Diagnostics furniture = x.boilerplate().check_examples();
    for (Diagnostics more : {x.sentences().check_examples(), x.outlets().check_examples()})
        furniture.insert(furniture.end(), more.begin(), more.end());
    report(failures);
    report(furniture);
    const std::size_t failed = failures.size() + furniture.size();
    std::cout << fmt::format("test-rules: {} event rule cases in {} rules, boilerplate, segmentation and outlet examples: {} failed\n", cases,
                             rules.size(), failed);
    return failed == 0 ? 0 : 1;
}

}  // namespace linimasa
