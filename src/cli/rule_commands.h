// `linimasa lint` and `linimasa test-rules`: the analyst's checks of the rule files.
//
// lint validates every rule file (YAML, RE2 patterns with RE2's own message, unknown keys with
// a did-you-mean, duplicate ids, undefined actors and places in examples) and prints each
// problem as file:line:col: error: ...; exit status 2 when there is any error.
// test-rules runs every event rule's examples and `not:` cases, and every boilerplate rule's
// examples; each failure names the example's file:line; exit status 1 when any fails.
#pragma once

#include <string>

namespace linimasa {

int run_lint(const std::string& rules_dir);
int run_test_rules(const std::string& rules_dir);

}  // namespace linimasa
