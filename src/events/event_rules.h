// Event rules: the analyst-owned patterns of rules/events/*.yaml, compiled once per run.
//
//   RuleSetLoad load = RuleSet::load("rules");
//   for (auto& d : load.diagnostics) std::cerr << d.str() << '\n';   // file:line:col: error: ...
//   if (!load.rules) return 2;
//   for (const TriggerMatch& t : load.rules->find_triggers(sentence_text)) ...
//
// A rule names an event type, its RE2 triggers (matched case-insensitively at word
// boundaries), how many actors it needs, and its own examples and `not:` cases, which are
// the rule's tests (`linimasa test-rules`). All triggers of all rules go into one RE2::Set,
// so a sentence is scanned once to learn which rules can fire; only those rules' own
// patterns then run to find where.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostic.h"

namespace linimasa {

// What a rule example expects; an empty field is not checked.
struct RuleExpectation {
    std::optional<std::string> date, date_end, status, location, basis, type;
    std::optional<std::vector<std::string>> actors;
};

struct RuleExample {
    std::string text;
    std::optional<std::string> ref_date;  // YYYY-MM-DD
    RuleExpectation expect;
    int line = 0;  // where the example starts in its file
};

struct RuleCounterExample {
    std::string text;
    int line = 0;
};

struct EventRule {
    std::string id;
    std::string type;
    std::string description;
    std::vector<std::string> triggers;  // as written
    std::vector<std::shared_ptr<const RE2>> compiled;  // each trigger, compiled once when loaded
    int needs_actors = 0;
    bool needs_location = false;
    bool occasion = false;  // its events (a summit, a visit) can host others: "selama pembicaraan"
    std::vector<RuleExample> examples;
    std::vector<RuleCounterExample> counter_examples;
    std::string file;  // path relative to the rules folder: events/diplomacy.yaml
    int line = 0;      // where the rule starts

    // `id@events/diplomacy.yaml:12`, the rule column of the timeline.
    std::string reference() const;
};

// One trigger found in a text.
struct TriggerMatch {
    std::size_t begin = 0, end = 0;  // byte offsets of the trigger words
    int rule = 0;                    // index into RuleSet::rules()
};

class RuleSet;

struct RuleSetLoad {
    std::unique_ptr<RuleSet> rules;  // empty when any rule file has an error
    Diagnostics diagnostics;
};

class RuleSet {
public:
    // Loads every rules_dir/events/*.yaml (in name order) and compiles the triggers.
    static RuleSetLoad load(const std::string& rules_dir);

    // The rules in file order.
    const std::vector<EventRule>& rules() const { return rules_; }

    // Every trigger in `text`, in text order; one rule's matches never overlap each other.
    // `only_rule` limits the search to one rule (for its own tests).
    std::vector<TriggerMatch> find_triggers(std::string_view text, std::optional<int> only_rule = std::nullopt) const;
    // False only when no trigger can match anywhere in `text`, so that none can match in any
    // part of it either: one search of a whole page, which on most pages of an archive makes
    // a search per sentence unnecessary. Always true when a trigger pattern looks at its
    // context (^, $, \b, \B, \A, \z), where a part could match what the whole does not.
    bool may_have_triggers(std::string_view text) const;

    RuleSet(RuleSet&&) = default;
    ~RuleSet();

private:
    RuleSet() = default;

    struct CompiledTrigger {
        int rule = 0;
        std::shared_ptr<const RE2> pattern;  // the trigger alone; word boundaries are checked after matching
    };

    std::vector<EventRule> rules_;
    std::vector<CompiledTrigger> triggers_;  // in the order they were added to the set
    std::unique_ptr<RE2::Set> prefilter_;
    bool context_free_ = true;  // no trigger pattern has an assertion about its context
};

}  // namespace linimasa
